import { envPrefix, loadConfig } from "../subgraphs/kit/config";
import { subgraphDatabaseUrl } from "../subgraphs/kit/database";
import { databaseServer, type EmbeddedServer } from "../subgraphs/kit/embedded-postgres";
import { ensureGatewayKeys } from "../subgraphs/kit/keys";
import { stopOnSignal } from "../subgraphs/kit/lifecycle";
import { logger } from "../subgraphs/kit/log";
import { gatewayEnv, subgraphEnv } from "./child-env";
import { takeHubLock } from "./hub-lock";
import { Supervisor } from "./supervisor";

/**
 * `npm start`: the whole hub. The database server (embedded unless DATABASE_URL is set), one
 * database per subgraph, then every subgraph in a process of its own (each runs its migrations and
 * seeds itself when empty), then the gateway, each given only its own settings (child-env.ts).
 * A process that dies is restarted (supervisor.ts); a start that cannot finish says why and exits 1.
 */
const hubLog = logger("hub");
const log = (message: string) => hubLog.info(message);
const portOf = (url: string) => new URL(url).port;
const supervisor = new Supervisor((name, url) =>
  name === "gateway" ? { PORT: portOf(url) } : { [`${envPrefix(name)}_PORT`]: portOf(url) },
);
let server: EmbeddedServer | undefined;
let releaseLock: (() => void) | undefined;

async function shutdown(): Promise<void> {
  await supervisor.stop();
  await server?.stop();
  releaseLock?.();
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  releaseLock = await takeHubLock(config.dataDir, log);
  stopOnSignal(shutdown); // Ctrl-C reaches every process of the group; a SIGTERM covers this one alone
  if (!config.databaseUrl) log(`starting the embedded PostgreSQL (data in ${config.dataDir}/) …`);
  let starting: Promise<EmbeddedServer> | undefined; // one server, however many subgraphs ask at once
  const serverUrl = async () => {
    starting ??= databaseServer(config).then((s) => {
      server = s;
      if (s.port) log(`embedded PostgreSQL listening on 127.0.0.1:${s.port}`);
      return s;
    });
    return (await starting).url;
  };
  const { gatewayPrivateKey, gatewayPublicKey } = config.auth;
  // Production keys are the operator's (made, kept and rotated by them), never made up here.
  if (config.production && !(gatewayPrivateKey && gatewayPublicKey)) {
    throw new Error("in production GATEWAY_PRIVATE_KEY and GATEWAY_PUBLIC_KEY must be configured (see the README's production checklist)");
  }
  const keys =
    gatewayPrivateKey && gatewayPublicKey
      ? { privateKeyPem: gatewayPrivateKey, publicKeyPem: gatewayPublicKey }
      : ensureGatewayKeys(config.dataDir);

  log("starting the subgraphs (an empty database is migrated and seeded with synthetic demo data) …");
  const urls = await Promise.all(
    config.subgraphs.map(async (sub) => {
      const databaseUrl = await subgraphDatabaseUrl(sub, config.databasePrefix, serverUrl);
      const env = subgraphEnv(process.env, sub.name, { port: sub.port, databaseUrl, gatewayPublicKey: keys.publicKeyPem });
      return [sub.name, await supervisor.start({ name: sub.name, entry: "start-subgraph.ts", args: [sub.name], env })] as const;
    }),
  );
  const env = gatewayEnv(process.env, { gatewayPrivateKey: keys.privateKeyPem, subgraphUrls: Object.fromEntries(urls) });
  const gatewayUrl = await supervisor.start({ name: "gateway", entry: "../gateway/index.ts", args: [], env });
  const home = gatewayUrl.replace(/graphql$/, "");
  console.log(`\nThe Mukdahan hub is up (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  console.log(`  playground: ${home}\n  GraphQL:    ${gatewayUrl}\n  health:     ${home}health (liveness), ${home}ready (each subgraph)`);
  console.log("Without a token you are the public role; a demo token: npm run -s token -- --role social-worker (--list for all).");
  console.log("Ctrl-C stops everything.");
}

main().catch(async (error: unknown) => {
  console.error(`the hub failed to start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown().catch(() => {});
  process.exit(1);
});
