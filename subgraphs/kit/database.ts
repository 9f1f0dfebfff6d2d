import { Client, Pool } from "pg";
import { DataSource, type EntitySchema, type Logger, type MixedList, type QueryRunner } from "typeorm";
import { logger } from "./log";

const log = logger("database");

/**
 * Counts the SQL statements a DataSource sends, so tests can prove batching (N+1 is a bug).
 * TypeORM calls `logQuery` for every statement, transaction control included.
 */
export class QueryCounter implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(error: string | Error, query: string): void {
    // The client sees a masked error; the operator sees the statement that failed.
    log.error({ query, reason: error instanceof Error ? error.message : error }, "query failed");
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface DatabaseOptions {
  url: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations?: MixedList<Function | string>;
  /** The session time zone of every pooled connection (HUB_TIME_ZONE, checked by kit/clock.ts). */
  timeZone: string;
  /** A statement running longer is cancelled by the server (unset: no limit, as for migrations and seeds). */
  statementTimeoutMs?: number;
  /** Connections the pool may open (default 10). */
  poolSize?: number;
}

/** `postgres://user@host:port/name`, for messages: never the password. */
const described = (url: string): string => {
  const u = new URL(url);
  return `${u.username ? `${u.username}@` : ""}${u.host}${u.pathname}`;
};

/** A start-up failure in words an operator can act on, naming the database but not its password. */
export function databaseError(error: unknown, url: string): Error {
  const e = error as { code?: string; message?: string };
  const where = described(url);
  const reason =
    e.code === "ECONNREFUSED"
      ? "connection refused: is PostgreSQL running there? (check DATABASE_URL)"
      : e.code === "ENOTFOUND" || e.code === "EAI_AGAIN"
        ? "unknown host (check DATABASE_URL)"
        : e.code === "28P01" || e.code === "28000"
          ? "the server refused the user's credentials"
          : e.code === "3D000"
            ? "the database does not exist"
            : (e.message ?? String(error));
  return new Error(`cannot use the database ${where}: ${reason}`);
}

/**
 * Connects to a database; every connection starts its session in the hub's time zone (a startup
 * parameter, so no pooled connection misses it), so SQL's `current_date` and `now()::date` agree
 * with the kit's `today()` whatever the server's own zone; and, for the pool requests are served
 * over, with a statement timeout, so a query the gateway stopped waiting for does not go on
 * holding a connection and a core. The caller owns the DataSource: no
 * module-level singleton.
 */
export async function connectDatabase(options: DatabaseOptions): Promise<{ ds: DataSource; queries: QueryCounter }> {
  const queries = new QueryCounter();
  const ds = new DataSource({
    type: "postgres",
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTransactionMode: "each",
    synchronize: false,
    // The serving role may create nothing; no entity needs an extension.
    installExtensions: false,
    logger: queries,
    extra: {
      max: options.poolSize ?? 10,
      options: `-c TimeZone=${options.timeZone}${options.statementTimeoutMs ? ` -c statement_timeout=${options.statementTimeoutMs}` : ""}`,
    },
  });
  await ds.initialize().catch((error) => {
    throw databaseError(error, options.url);
  });
  // A database URL carrying its own `options` would override ours: refuse to run on another zone.
  const [{ zone }] = await ds.query("SELECT current_setting('TimeZone') AS zone");
  if (zone !== options.timeZone) {
    await ds.destroy();
    throw new Error(
      `the sessions of ${described(options.url)} run in ${zone}, not HUB_TIME_ZONE ${options.timeZone} (does the URL set options?)`,
    );
  }
  return { ds, queries };
}

/** How long a subgraph's /health waits for its database. */
export const DATABASE_CHECK_MS = 1000;

/**
 * A subgraph's /health check of its database: `SELECT 1` answered within DATABASE_CHECK_MS, else
 * a rejection saying so. On a connection of its own (as the serving role, past TypeORM's logger: a
 * probe is no statement a request cost), never queued behind the request pool: a burst of writes
 * waiting on one fund's row holds every pooled connection, and that busy agency must not be taken
 * for one whose database does not answer.
 */
export function databaseCheck(url: string): { check(): Promise<void>; close(): Promise<void> } {
  const pool = new Pool({ connectionString: url, max: 1, idleTimeoutMillis: 60_000 });
  pool.on("error", () => {}); // an idle connection the server dropped: the next check opens another
  return {
    async check() {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the database did not answer within ${DATABASE_CHECK_MS} ms`)), DATABASE_CHECK_MS);
      });
      try {
        await Promise.race([pool.query("SELECT 1").catch(() => Promise.reject(new Error("the database refused the check"))), late]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => pool.end(),
  };
}

/** Connects as the database's owner and brings its schema up to date with its migrations (never `synchronize`). */
export async function openDatabase(options: DatabaseOptions): Promise<{ ds: DataSource; queries: QueryCounter }> {
  const opened = await connectDatabase(options);
  try {
    await opened.ds.runMigrations();
  } catch (error) {
    await opened.ds.destroy();
    throw new Error(`the migrations of ${described(options.url)} failed: ${(error as Error).message}`);
  }
  return opened;
}

/** The URL of database `name` on the server that `serverUrl` points at. */
export function databaseUrlOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` on one connection to the server (its `postgres` database, or the one the URL names), then closes it. */
export async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect().catch((error) => {
    throw databaseError(error, serverUrl);
  });
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name` on the server unless it exists (safe when several callers race). */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name "${name}"`);
  await onServer(serverUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${name}`).catch((error: { code?: string }) => {
        if (error.code !== "42P04" && error.code !== "23505") throw error; // created meanwhile
      });
    }
  });
  return databaseUrlOn(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** `mukdahan` + `social-development` → `mukdahan_social_development`. */
export const databaseName = (prefix: string, subgraph: string): string => `${prefix}_${subgraph}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");

/** A subgraph's own database: `<NAME>_DATABASE_URL`, else `<prefix>_<name>` created on the server. */
export async function subgraphDatabaseUrl(
  sub: { name: string; databaseUrl?: string },
  prefix: string,
  serverUrl: () => Promise<string>,
): Promise<string> {
  return sub.databaseUrl ?? ensureDatabase(await serverUrl(), databaseName(prefix, sub.name));
}

/**
 * Makes `table` append-only for everyone, the service's own database user included: a trigger
 * refuses UPDATE, DELETE and TRUNCATE (for audit trails and decision histories). For migrations.
 */
export async function makeAppendOnly(q: QueryRunner, table: string): Promise<void> {
  await q.query(`CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`);
  await q.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE OR DELETE ON ${table}
    FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`);
  await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
    FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`);
}
