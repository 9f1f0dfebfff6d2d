import { loadConfig, SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/kit/config";
import { subgraphDatabaseUrl } from "../subgraphs/kit/database";
import { databaseServer, type EmbeddedServer, runningEmbeddedPostgres } from "../subgraphs/kit/embedded-postgres";
import { readGatewayKeys } from "../subgraphs/kit/keys";
import { failedToStart, stopOnSignal } from "../subgraphs/kit/lifecycle";
import { logger } from "../subgraphs/kit/log";
import { startSubgraph } from "../subgraphs/kit/subgraph";
import { SUBGRAPHS } from "../subgraphs/registry";

/**
 * One agency's subgraph alone, as that agency would run it: `npm run start:subgraph -- housing`.
 * Its database: `<NAME>_DATABASE_URL`, else one on DATABASE_URL, else on the embedded server, the
 * one a running hub holds in DATA_DIR if there is one (so it can join that hub), else its own.
 * The gateway's public key: GATEWAY_PUBLIC_KEY, else (in development) the one `npm start` keeps in DATA_DIR.
 */
async function main(): Promise<void> {
  const name = process.argv[2] as SubgraphName;
  if (!SUBGRAPH_NAMES.includes(name)) throw new Error(`name one of: ${SUBGRAPH_NAMES.join(", ")}`);
  const env = loadConfig();
  const config = {
    ...env,
    auth: {
      ...env.auth,
      gatewayPublicKey: env.auth.gatewayPublicKey ?? (env.production ? undefined : readGatewayKeys(env.dataDir).publicKeyPem),
    },
  };
  const sub = config.subgraphs.find((s) => s.name === name)!;
  let server: EmbeddedServer | undefined;
  const serverUrl = async () => {
    const running = runningEmbeddedPostgres(config.dataDir);
    server = running ? { url: running.url, stop: async () => {} } : await databaseServer(config);
    return server.url;
  };
  const databaseUrl = await subgraphDatabaseUrl(sub, config.databasePrefix, serverUrl);
  const running = await startSubgraph(SUBGRAPHS[name], { config, databaseUrl, port: sub.port, seedWhenEmpty: true });
  logger(name).info({ url: running.url }, `${name} ready at ${running.url}`);
  process.send?.({ ready: name, url: running.url });
  stopOnSignal(async () => {
    await running.stop();
    await server?.stop();
  });
}

main().catch((error) => failedToStart(`subgraph ${process.argv[2]}`, error));
