import { parseArgs } from "node:util";
import { loadConfig } from "../subgraphs/kit/config";
import { databaseName, dropDatabase, subgraphDatabaseUrl } from "../subgraphs/kit/database";
import { openSubgraphDatabase } from "../subgraphs/kit/subgraph";
import { databaseServer, type EmbeddedServer } from "../subgraphs/kit/embedded-postgres";
import { SUBGRAPHS } from "../subgraphs/registry";

const USAGE = `npm run seed -- [--households N] [--seed S] [--reset]
  Fills every subgraph's database with deterministic synthetic demo data (same seed, same data).
  --households N  how many households (default DEMO_HOUSEHOLDS or 3000; the province has ~115,000)
  --seed S        the generator's seed (default DEMO_SEED or 20210201)
  --reset         drop and re-create the hub's databases first (not those given by <NAME>_DATABASE_URL)
Stop the hub first when it runs on the embedded database.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { households: { type: "string" }, seed: { type: "string" }, reset: { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help) return void console.log(USAGE);
  const config = loadConfig({
    ...process.env,
    DEMO_HOUSEHOLDS: values.households ?? process.env.DEMO_HOUSEHOLDS,
    DEMO_SEED: values.seed ?? process.env.DEMO_SEED,
  });
  if (config.production) throw new Error("synthetic demo data is never written into a production hub (HUB_ENV/NODE_ENV is production)");
  let server: EmbeddedServer | undefined;
  const serverUrl = async () => {
    server ??= await databaseServer(config);
    return server.url;
  };
  try {
    for (const sub of config.subgraphs) {
      const def = SUBGRAPHS[sub.name];
      if (values.reset && !sub.databaseUrl) await dropDatabase(await serverUrl(), databaseName(config.databasePrefix, sub.name));
      const started = Date.now();
      const options = { households: config.demoHouseholds, seed: config.demoSeed };
      const url = await subgraphDatabaseUrl(sub, config.databasePrefix, serverUrl);
      const { ds, seeded } = await openSubgraphDatabase(def, url, config.timeZone, options);
      await ds.destroy();
      if (!def.seed) continue;
      if (seeded) console.log(`${sub.name}: seeded (${options.households} households) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      else console.log(`${sub.name}: already has data, left as it is (--reset to start over)`);
    }
  } finally {
    await server?.stop();
  }
}

main().catch((error: Error) => {
  console.error(`seed failed: ${error.message}\n\n${USAGE}`);
  process.exit(1);
});
