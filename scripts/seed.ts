import { parseArgs } from "node:util";
import { MultiBar, Presets } from "cli-progress";
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
  // One bar per agency, all seeding at once (each in its own transaction and database): this process
  // generates one agency's rows while PostgreSQL writes another's. (Worker threads were slower here:
  // each compiles the TypeScript again, 161 s against 93 s on the loaded machine.)
  const bars = new MultiBar(
    {
      format: "{agency} {bar} {value}/{total} households | {rows} rows | {rate} rows/s | ETA {eta_formatted}",
      hideCursor: true,
      etaBuffer: 50,
      noTTYOutput: !process.stdout.isTTY,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );
  const width = Math.max(...config.subgraphs.map((s) => s.name.length));
  const started = Date.now();
  const lines: string[] = [];
  try {
    // Dropped and made first, one after another (CREATE DATABASE copies template1, one at a time).
    if (values.reset) {
      for (const sub of config.subgraphs) {
        if (!sub.databaseUrl) await dropDatabase(await serverUrl(), databaseName(config.databasePrefix, sub.name));
      }
    }
    const urls: string[] = [];
    for (const sub of config.subgraphs) urls.push(await subgraphDatabaseUrl(sub, config.databasePrefix, serverUrl));
    await Promise.all(
      config.subgraphs.map(async (sub, i) => {
        const def = SUBGRAPHS[sub.name];
        const agency = sub.name.padEnd(width);
        const bar = def.seed ? bars.create(config.demoHouseholds, 0, { agency, rows: "0", rate: "0" }) : undefined;
        const progress = ({ households, rows }: { households: number; rows: number }) => {
          const rate = Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001));
          bar?.update(households, { rows: rows.toLocaleString("en"), rate: rate.toLocaleString("en") });
        };
        const options = { households: config.demoHouseholds, seed: config.demoSeed, progress };
        const { ds, seeded } = await openSubgraphDatabase(def, urls[i], config.timeZone, options);
        await ds.destroy();
        bar?.update(config.demoHouseholds);
        bar?.stop();
        if (!def.seed) return;
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        lines.push(
          seeded
            ? `${sub.name}: seeded (${config.demoHouseholds} households) in ${seconds} s`
            : `${sub.name}: already has data, left as it is (--reset to start over)`,
        );
      }),
    );
    bars.stop();
    for (const line of lines) console.log(line);
    console.log(`all seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await server?.stop();
  }
}

main().catch((error: Error) => {
  console.error(`seed failed: ${error.message}\n\n${USAGE}`);
  process.exit(1);
});
