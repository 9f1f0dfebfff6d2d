/**
 * The hub's one typed configuration, read once at an entry point from the environment.
 * Every key has a default that works on a fresh machine; port 0 means "any free port".
 */
import { checkTimeZone, DEFAULT_TIME_ZONE } from "./clock";

/** The subgraphs in port order: the gateway composes them, `npm start` runs them. */
export const SUBGRAPH_NAMES = ["area", "social-development", "housing", "agriculture", "community-councils"] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export interface SubgraphConfig {
  name: SubgraphName;
  /** `<NAME>_PORT`: where the subgraph listens (default 4001 + its index). */
  port: number;
  /** `<NAME>_URL`: where the gateway reaches it (default http://127.0.0.1:<port>/graphql). */
  url: string;
  /** `<NAME>_DATABASE_URL`: its own database; else `<DATABASE_PREFIX>_<name>` on the server. */
  databaseUrl?: string;
}

export interface HubConfig {
  /** `HOST`: the interface every server binds to (default 127.0.0.1: personal data stays local). */
  host: string;
  /** `PORT`: the gateway's port (default 4000). */
  gatewayPort: number;
  /** `DATABASE_URL`: a PostgreSQL server; unset → an embedded PostgreSQL under `DATA_DIR`. */
  databaseUrl?: string;
  /** `DATABASE_PREFIX`: database names on a server are `<prefix>_<subgraph>` (default mukdahan). */
  databasePrefix: string;
  /** `DATA_DIR`: where the embedded PostgreSQL keeps its files (default .data). */
  dataDir: string;
  /** `EMBEDDED_PG_PORT`: the embedded PostgreSQL's port (default 54329). */
  embeddedPgPort: number;
  /** `LINKAGE_SECRET`: the HMAC key that turns a citizen ID into a Person's linkage id. */
  linkageSecret: string;
  /** `MAX_PAGE_SIZE`: the largest page (`first`, `last`) a list accepts, at the gateway and in each subgraph (default 100). */
  maxPageSize: number;
  /** `DEMO_HOUSEHOLDS`: how many synthetic households seed an empty hub (default 3000). */
  demoHouseholds: number;
  /** `DEMO_SEED`: the demo generator's seed; same seed, same data (default 20210201). */
  demoSeed: number;
  /** `HUB_TIME_ZONE`: the IANA zone of every "today", age and fiscal year, and of every database
   * session (SQL's `current_date`); default Asia/Bangkok. */
  timeZone: string;
  subgraphs: SubgraphConfig[];
  auth: AuthConfig;
  limits: LimitsConfig;
  /** `INTROSPECTION`: answer introspection queries (default true; switch off in production). */
  introspection: boolean;
  /** `PLAYGROUND`: serve the playground at / (default true; switch off in production). */
  playground: boolean;
}

export interface AuthConfig {
  /** `AUTH_HS256_SECRET`: the secret user tokens are signed with (the demo default is public!). */
  hs256Secret: string;
  /** `AUTH_JWKS_FILE` / `AUTH_JWKS_URL`: verify user tokens against these public keys instead. */
  jwksFile?: string;
  jwksUrl?: string;
  /** `AUTH_ISSUER`: the `iss` user tokens must carry (default mukdahan-hub). */
  issuer: string;
  /** `GATEWAY_PRIVATE_KEY` (gateway) / `GATEWAY_PUBLIC_KEY` (subgraphs): PEM Ed25519 keys for the
   * gateway's tokens to the subgraphs. `npm start` makes a pair per run when unset. */
  gatewayPrivateKey?: string;
  gatewayPublicKey?: string;
}

/** The gateway's operation limits (gateway/limits.ts); each refusal is OPERATION_LIMIT_EXCEEDED. */
export interface LimitsConfig {
  /** `MAX_TOKENS`: lexical tokens in a document; parsing stops past it (default 1000). */
  maxTokens: number;
  /** `MAX_DEPTH`: deepest selection nesting, fragments expanded (default 12). */
  maxDepth: number;
  /** `MAX_ALIASES`: aliases in one operation, fragments expanded (default 30). */
  maxAliases: number;
  /** `MAX_DIRECTIVES`: directives in one operation, fragments expanded (default 50). */
  maxDirectives: number;
  /** `MAX_FRAGMENTS`: fragment definitions in one document (default 50). */
  maxFragments: number;
  /** `MAX_COST`: estimated fields resolved, list sizes multiplied (default 200000). */
  maxCost: number;
  /** `MAX_BODY_BYTES`: largest request body (default 100000). */
  maxBodyBytes: number;
}

/** The linkage secret used when none is configured: fine for synthetic data, never for real. */
export const DEMO_LINKAGE_SECRET = "mukdahan-demo-linkage-secret";

/** The secret demo tokens are signed with when none is configured: public, so demo only. */
export const DEMO_TOKEN_SECRET = "mukdahan-demo-token-secret";

type Env = Record<string, string | undefined>;

const bool = (env: Env, key: string, fallback: boolean): boolean =>
  env[key] === undefined || env[key] === "" ? fallback : !/^(0|false|no|off)$/i.test(env[key]!);

function int(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${key} must be a whole number, got "${raw}"`);
  return value;
}

/** `social-development` → `SOCIAL_DEVELOPMENT`, the prefix of that subgraph's keys. */
export const envPrefix = (name: string): string => name.toUpperCase().replace(/-/g, "_");

export function loadConfig(env: Env = process.env): HubConfig {
  const host = env.HOST || "127.0.0.1";
  return {
    host,
    gatewayPort: int(env, "PORT", 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    databasePrefix: env.DATABASE_PREFIX || "mukdahan",
    dataDir: env.DATA_DIR || ".data",
    embeddedPgPort: int(env, "EMBEDDED_PG_PORT", 54329),
    linkageSecret: env.LINKAGE_SECRET || DEMO_LINKAGE_SECRET,
    maxPageSize: int(env, "MAX_PAGE_SIZE", 100),
    demoHouseholds: int(env, "DEMO_HOUSEHOLDS", 3000),
    demoSeed: int(env, "DEMO_SEED", 20210201),
    timeZone: checkTimeZone("HUB_TIME_ZONE", env.HUB_TIME_ZONE || DEFAULT_TIME_ZONE),
    auth: {
      hs256Secret: env.AUTH_HS256_SECRET || DEMO_TOKEN_SECRET,
      jwksFile: env.AUTH_JWKS_FILE || undefined,
      jwksUrl: env.AUTH_JWKS_URL || undefined,
      issuer: env.AUTH_ISSUER || "mukdahan-hub",
      gatewayPrivateKey: env.GATEWAY_PRIVATE_KEY || undefined,
      gatewayPublicKey: env.GATEWAY_PUBLIC_KEY || undefined,
    },
    limits: {
      maxTokens: int(env, "MAX_TOKENS", 1000),
      maxDepth: int(env, "MAX_DEPTH", 12),
      maxAliases: int(env, "MAX_ALIASES", 30),
      maxDirectives: int(env, "MAX_DIRECTIVES", 50),
      maxFragments: int(env, "MAX_FRAGMENTS", 50),
      maxCost: int(env, "MAX_COST", 200_000),
      maxBodyBytes: int(env, "MAX_BODY_BYTES", 100_000),
    },
    introspection: bool(env, "INTROSPECTION", true),
    playground: bool(env, "PLAYGROUND", true),
    subgraphs: SUBGRAPH_NAMES.map((name, index) => {
      const prefix = envPrefix(name);
      const port = int(env, `${prefix}_PORT`, 4001 + index);
      return {
        name,
        port,
        url: env[`${prefix}_URL`] || `http://${host}:${port}/graphql`,
        databaseUrl: env[`${prefix}_DATABASE_URL`] || undefined,
      };
    }),
  };
}
