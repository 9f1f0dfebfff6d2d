import { loadConfig, type SubgraphName } from "../subgraphs/kit/config";
import { startSubgraph } from "../subgraphs/kit/subgraph";
import { SUBGRAPHS } from "../subgraphs/registry";
import { reportReady } from "./processes";

/**
 * One agency's subgraph in a process of its own, as `npm start` runs it (scripts/start-subgraph.ts),
 * that also tells the bench how many SQL statements it has sent (the kit's QueryCounter).
 */
async function main(): Promise<void> {
  const name = process.argv[2] as SubgraphName;
  const config = loadConfig();
  const sub = config.subgraphs.find((s) => s.name === name);
  if (!sub?.databaseUrl) throw new Error(`no database given for ${name}`);
  const running = await startSubgraph(SUBGRAPHS[name], { config, databaseUrl: sub.databaseUrl, port: 0 });
  reportReady(running.url, () => ({ [name]: running.queries.count }), running.stop);
}

main().catch((error: Error) => {
  console.error(`bench subgraph ${process.argv[2]} failed to start: ${error.message}`);
  process.exit(1);
});
