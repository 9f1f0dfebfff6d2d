import { loadConfig, SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/kit/config";
import { subgraphDatabaseUrl } from "../subgraphs/kit/database";
import { databaseServer, type EmbeddedServer } from "../subgraphs/kit/embedded-postgres";
import { startSubgraph } from "../subgraphs/kit/subgraph";
import { SUBGRAPHS } from "../subgraphs/registry";
import { stopOnSignal } from "../subgraphs/kit/lifecycle";

/**
 * One agency's subgraph alone, as that agency would run it: `npm run start:subgraph -- housing`.
 * Its database: `<NAME>_DATABASE_URL`, else one created on DATABASE_URL or the embedded server.
 */
async function main(): Promise<void> {
  const name = process.argv[2] as SubgraphName;
  if (!SUBGRAPH_NAMES.includes(name)) throw new Error(`name one of: ${SUBGRAPH_NAMES.join(", ")}`);
  const config = loadConfig();
  const sub = config.subgraphs.find((s) => s.name === name)!;
  let server: EmbeddedServer | undefined;
  const databaseUrl = await subgraphDatabaseUrl(sub, config.databasePrefix, async () => {
    server = await databaseServer(config);
    return server.url;
  });
  const running = await startSubgraph(SUBGRAPHS[name], { config, databaseUrl, port: sub.port, seedWhenEmpty: true });
  console.log(`${name} ready at ${running.url}`);
  process.send?.({ ready: name, url: running.url });
  stopOnSignal(async () => {
    await running.stop();
    await server?.stop();
  });
}

main().catch((error: Error) => {
  console.error(`subgraph ${process.argv[2]} failed to start: ${error.message}`);
  process.exit(1);
});
