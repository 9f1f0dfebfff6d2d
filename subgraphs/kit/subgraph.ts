import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import type { GraphQLSchema } from "graphql";
import type { NonEmptyArray } from "type-graphql";
import type { DataSource } from "typeorm";
import { DEFAULT_STATEMENT_TIMEOUT_MS, type HubConfig, refuseUnsafeSettings, type SubgraphName } from "./config";
import { connectDatabase, databaseCheck, type DatabaseOptions, openDatabase, type QueryCounter } from "./database";
import type { SeedProgress } from "./seed-progress";
import { servingRole } from "./serving-role";
import { cacheHints } from "./cache-hints";
import { maskError } from "./errors";
import { buildFederatedSchema } from "./federation";
import { healthRoute, serveApollo } from "./http";
import { AuditLog1764200000000, AuditRequestId1765000000000, AuditTrail, auditLogResolver } from "./audit";
import { guardPlugin, requestIdentity, type GuardContext } from "./guard";
import { logger } from "./log";
import { zoneClock } from "./clock";

/** What every resolver of a subgraph receives: its database, per-request loaders, config, the caller. */
export interface SubgraphContext<L = unknown> extends GuardContext {
  ds: DataSource;
  loaders: L;
  config: HubConfig;
}

export interface SeedOptions {
  households: number;
  seed: number;
  /** Told after each batch the seed writes (scripts/seed.ts draws its progress bars from it). */
  progress?: SeedProgress;
}

/** Everything the kit needs to know about one agency's subgraph. */
export interface SubgraphDefinition<L = unknown> {
  name: SubgraphName;
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type, each through a loader. */
  referenceResolvers?: GraphQLResolverMap<SubgraphContext<L>>;
  entities: Function[];
  migrations: Function[];
  /** Creates the loaders of one request. */
  loaders(ds: DataSource, config: HubConfig): L;
  /** Fills an empty database with deterministic synthetic demo data. */
  seed?(ds: DataSource, options: SeedOptions): Promise<void>;
  /** True when the database holds no data yet (so the hub may seed it). */
  isEmpty?(ds: DataSource): Promise<boolean>;
  /** False for a subgraph without personal data (no audit log). Default true. */
  holdsPersonalData?: boolean;
  /**
   * True for reference data whose every answer is the same whoever asks (no field depends on the
   * caller's role or scopes): its answers are hinted shareable to every role (cache-hints.ts), so
   * the gateway may answer the same fetch again from memory for anyone (gateway/fetch-cache.ts).
   */
  sameForEveryRole?: boolean;
}

const audited = (def: SubgraphDefinition<any>): boolean => def.holdsPersonalData !== false;

const schemas = new Map<string, Promise<GraphQLSchema>>();

/** The subgraph's schema, built once per process (no side effects on import). */
export function subgraphSchema(def: SubgraphDefinition<any>): Promise<GraphQLSchema> {
  let schema = schemas.get(def.name);
  if (!schema) {
    const resolvers: NonEmptyArray<Function> = audited(def) ? [...def.resolvers, auditLogResolver(def.name)] : def.resolvers;
    schema = buildFederatedSchema({ resolvers, orphanedTypes: def.orphanedTypes }, def.referenceResolvers);
    schemas.set(def.name, schema);
  }
  return schema;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  /** Its serving pool (the least-privileged role: see serving-role.ts). */
  ds: DataSource;
  /** SQL statements sent so far (tests reset it and read it). */
  queries: QueryCounter;
  stop(): Promise<void>;
}

/** Seeds the database with synthetic demo data when it holds none; true when it did. */
async function seedWhenEmpty(def: SubgraphDefinition<any>, ds: DataSource, options: SeedOptions): Promise<boolean> {
  if (!def.seed || !(await def.isEmpty?.(ds))) return false;
  await def.seed(ds, options);
  // Write the seed's pages out now, while starting: otherwise the first shutdown's checkpoint does it,
  // and stopping the hub takes seconds. Needs a superuser (the embedded server's); elsewhere skipped.
  await ds.query("CHECKPOINT").catch(() => {});
  return true;
}

/**
 * Opens the subgraph's own database as its owner, brings it up to date with its migrations (and
 * the kit's), seeds it when asked and empty, grants the serving role (serving-role.ts), and then
 * connects as that role: the pool requests are served over, the only one left open.
 */
export async function openSubgraphDatabase(
  def: SubgraphDefinition<any>,
  url: string,
  timeZone: string,
  seed?: SeedOptions,
  serving: Pick<DatabaseOptions, "statementTimeoutMs" | "poolSize"> = { statementTimeoutMs: DEFAULT_STATEMENT_TIMEOUT_MS },
): Promise<{ ds: DataSource; queries: QueryCounter; seeded: boolean }> {
  const entities = def.entities;
  const migrations = audited(def) ? [...def.migrations, AuditLog1764200000000, AuditRequestId1765000000000] : def.migrations;
  const owner = await openDatabase({ url, entities, migrations, timeZone });
  let appUrl: string;
  let seeded = false;
  try {
    if (seed) seeded = await seedWhenEmpty(def, owner.ds, seed);
    appUrl = await servingRole(owner.ds, url, def.name);
  } finally {
    await owner.ds.destroy();
  }
  return { ...(await connectDatabase({ url: appUrl, entities, timeZone, ...serving })), seeded };
}

/** Opens the subgraph's database (see openSubgraphDatabase), optionally seeds it, and serves it. */
export async function startSubgraph<L>(
  def: SubgraphDefinition<L>,
  options: { config: HubConfig; databaseUrl: string; port: number; seedWhenEmpty?: boolean },
): Promise<RunningSubgraph> {
  const { config } = options;
  refuseUnsafeSettings(config, { subgraph: def.name });
  // Synthetic people never enter a production hub.
  const seed = options.seedWhenEmpty && !config.production ? { households: config.demoHouseholds, seed: config.demoSeed } : undefined;
  const { ds, queries } = await openSubgraphDatabase(def, options.databaseUrl, config.timeZone, seed, {
    statementTimeoutMs: config.statementTimeoutMs,
    poolSize: config.databasePoolSize,
  });
  const database = databaseCheck((ds.options as { url: string }).url);
  const apollo = new ApolloServer<SubgraphContext<L>>({
    schema: await subgraphSchema(def),
    includeStacktraceInErrorResponses: false,
    formatError: maskError,
    // Our entry points order the shutdown (subgraphs/kit/lifecycle.ts); Apollo's own signal handlers
    // would race them and leave the process hanging.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), guardPlugin, ...cacheHints(config.publicCacheSeconds, def.sameForEveryRole)],
  });
  await apollo.start();
  const identify = requestIdentity(def.name, config.auth.gatewayPublicKey);
  const log = logger(def.name);
  if (!config.auth.gatewayPublicKey) log.warn("GATEWAY_PUBLIC_KEY is not set: every request but _service is refused");
  const http = await serveApollo(apollo, {
    port: options.port,
    host: config.host,
    tls: config.tls,
    log,
    clock: zoneClock(config.timeZone),
    context: async (req, requestId, body) => ({
      ...(await identify(req, body, requestId)),
      requestId,
      audit: new AuditTrail(),
      ds,
      loaders: def.loaders(ds, config),
      config,
    }),
    routes: [
      healthRoute(async () => {
        await database.check();
        return { subgraph: def.name };
      }),
    ],
  });
  let stopped: Promise<void> | undefined;
  return {
    name: def.name,
    url: http.url,
    port: http.port,
    ds,
    queries,
    // Once: a test may stop one agency to see the others answer, and then stop the whole hub.
    stop: () =>
      (stopped ??= (async () => {
        await http.close();
        await apollo.stop();
        await ds.destroy();
        await database.close();
      })()),
  };
}
