import { fork, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { DEMO_LINKAGE_SECRET, envPrefix, loadConfig } from "../subgraphs/kit/config";
import { subgraphDatabaseUrl } from "../subgraphs/kit/database";
import { databaseServer, type EmbeddedServer } from "../subgraphs/kit/embedded-postgres";
import { generateGatewayKeys } from "../subgraphs/kit/internal-token";
import { stopOnSignal } from "../subgraphs/kit/lifecycle";

/**
 * `npm start`: the whole hub. The database server (embedded unless DATABASE_URL is set), one
 * database per subgraph, then every subgraph in a process of its own (each runs its migrations
 * and seeds itself when empty), then the gateway. One agency's crash leaves the others up.
 */
const children: ChildProcess[] = [];
let server: EmbeddedServer | undefined;

/** Forks an entry under tsx and resolves with the URL it reports when ready. */
function launch(entry: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = fork(resolve(__dirname, entry), args, { env, execArgv: ["--import", "tsx"] });
  children.push(child);
  return new Promise((resolveUrl, reject) => {
    child.on("message", (message: { ready?: string; url?: string }) => message.url && resolveUrl(message.url));
    child.on("exit", (code, signal) => {
      reject(new Error(`${args[0] ?? entry} exited before it was ready (${signal ?? code})`));
      if (code !== 0 && signal === null) console.error(`${args[0] ?? "gateway"} stopped with exit code ${code}`);
    });
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  if (config.linkageSecret === DEMO_LINKAGE_SECRET) {
    console.warn("LINKAGE_SECRET is not set: using the demo secret, fit for synthetic data only.");
  }
  const serverUrl = async () => {
    if (!server) {
      server = await databaseServer(config);
      if (server.port) console.log(`embedded PostgreSQL listening on 127.0.0.1:${server.port}`);
    }
    return server.url;
  };
  stopOnSignal(async () => {
    // Ctrl-C reaches every process of the group; a SIGTERM covers a signal sent to this one alone.
    const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
    await Promise.all(
      running.map(
        (child) =>
          new Promise((done) => {
            child.once("exit", done);
            child.kill("SIGTERM");
          }),
      ),
    );
    await server?.stop();
  });
  if (!config.databaseUrl) console.log(`starting the embedded PostgreSQL (data in ${config.dataDir}/) …`);

  // The gateway signs its calls to the subgraphs; without configured keys, a pair for this run.
  const keys = config.auth.gatewayPrivateKey ? undefined : generateGatewayKeys();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(keys && { GATEWAY_PRIVATE_KEY: keys.privateKeyPem, GATEWAY_PUBLIC_KEY: keys.publicKeyPem }),
  };
  for (const sub of config.subgraphs) {
    const key = envPrefix(sub.name);
    env[`${key}_DATABASE_URL`] = await subgraphDatabaseUrl(sub, config.databasePrefix, serverUrl);
    env[`${key}_PORT`] = String(sub.port);
  }
  console.log("starting the subgraphs (an empty database is migrated and seeded with synthetic demo data) …");
  const urls = await Promise.all(config.subgraphs.map((sub) => launch("start-subgraph.ts", [sub.name], env)));
  for (const [i, sub] of config.subgraphs.entries()) env[`${envPrefix(sub.name)}_URL`] = urls[i];
  const gatewayUrl = await launch("../gateway/index.ts", [], env);
  const home = gatewayUrl.replace(/graphql$/, "");
  console.log(`\nThe Mukdahan hub is up (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  console.log(`  playground: ${home}\n  GraphQL:    ${gatewayUrl}\n  health:     ${home}health`);
  console.log("Without a token you are the public role; a demo token: npm run token -- --role social-worker (--list for all).");
  console.log("Ctrl-C stops everything.");
}

main().catch((error: unknown) => {
  console.error(`the hub failed to start: ${error instanceof Error ? error.message : String(error)}`);
  for (const child of children) child.kill("SIGTERM");
  void server?.stop().finally(() => process.exit(1));
});
