/**
 * The hub's one typed configuration, read once at an entry point from the environment.
 * Every key has a default that works on a fresh machine; port 0 means "any free port".
 */
import { availableParallelism } from "node:os";
import { checkTimeZone, DEFAULT_TIME_ZONE } from "./clock";
import { logger } from "./log";

/** The subgraphs in port order: the gateway composes them, `npm start` runs them. */
export const SUBGRAPH_NAMES = ["area", "social-development", "housing", "agriculture", "community-councils"] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** The one process that holds LINKAGE_SECRET: the social registry turns citizen IDs into linkage
 * ids (its `linkPerson`); every other subgraph refuses the secret in production, and `npm start`
 * hands it to this one alone. */
export const LINKAGE_SECRET_HOLDER: SubgraphName = "social-development";

export interface SubgraphConfig {
  name: SubgraphName;
  /** `<NAME>_PORT`: where the subgraph listens (default 4001 + its index). */
  port: number;
  /** `<NAME>_URL`: where the gateway reaches it (default http://127.0.0.1:<port>/graphql). */
  url: string;
  /** `<NAME>_DATABASE_URL`: its own database; else `<DATABASE_PREFIX>_<name>` on the server. */
  databaseUrl?: string;
  /** `<NAME>_TIMEOUT_MS`, else `SUBGRAPH_TIMEOUT_MS` (default 4000): the gateway's deadline for one call
   * to this subgraph, from sending to the last byte of the answer. */
  timeoutMs: number;
}

export interface HubConfig {
  /** `HUB_ENV`, else `NODE_ENV`: `production` refuses to start on unsafe settings (`unsafeSettings`)
   * and defaults INTROSPECTION and PLAYGROUND to off; anything else is development, which warns. */
  production: boolean;
  /** `HOST`: the interface every server binds to (default 127.0.0.1: personal data stays local). */
  host: string;
  /** `TLS_CERT_FILE` and `TLS_KEY_FILE` (PEM): this process serves HTTPS with them. The gateway
   * trusts a subgraph's certificate through Node's own `NODE_EXTRA_CA_CERTS` (the hub's CA). */
  tls?: { certFile: string; keyFile: string };
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
  /** `LINKAGE_SECRET`: the HMAC key that turns a citizen ID into a Person's linkage id. Held by
   * the social registry alone; unset: undefined (the registry then uses the demo secret in development). */
  linkageSecret?: string;
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
  /** `INTROSPECTION`: answer introspection queries (default: on in development, off in production). */
  introspection: boolean;
  /** `PLAYGROUND`: serve the playground at / (default: on in development, off in production). */
  playground: boolean;
  /** `HEALTH_INTERVAL_MS`: how often the gateway probes each subgraph's /health (default 1000). */
  healthIntervalMs: number;
  /** `HUB_STATEMENT_TIMEOUT_MS`: a subgraph's SQL statement serving a request is cancelled after this long
   * (default DEFAULT_STATEMENT_TIMEOUT_MS): the gateway has long stopped waiting for it by then. */
  statementTimeoutMs: number;
  /** `HUB_DB_POOL_SIZE`: connections each subgraph's serving pool may open (default 10). */
  databasePoolSize: number;
  /** `HUB_SOURCE_MAPS`: stack traces mapped back to the TypeScript (default: on in development, off in
   * production). tsx turns them on, and then every `new Error()` costs a source-map lookup: the
   * gateway's HTTP client makes one per subgraph call. */
  sourceMaps: boolean;
  /** `HUB_PUBLIC_CACHE_SECONDS`: how long the gateway may serve the public role a shared answer again,
   * or any role a subgraph fetch hinted shareable (the subgraphs' cache hints; gateway/response-cache.ts,
   * gateway/fetch-cache.ts), at most, when a write reaches an agency
   * by another way than this gateway; a write through it clears at once what it touches. 0: off. Default 10. */
  publicCacheSeconds: number;
  /** `GATEWAY_WORKERS`: gateway processes sharing its port (node:cluster, gateway/workers.ts), a whole
   * number above 0 or `auto` (one per core, os.availableParallelism()). Default 1: one process, no cluster. */
  gatewayWorkers: number;
}

export interface AuthConfig {
  /** `AUTH_HS256_SECRET`: the secret user tokens are signed with (the demo default is public!). */
  hs256Secret: string;
  /** `AUTH_JWKS_FILE` / `AUTH_JWKS_URL`: verify user tokens against these public keys instead. */
  jwksFile?: string;
  jwksUrl?: string;
  /** `AUTH_ISSUER`: the `iss` user tokens must carry (default mukdahan-hub). */
  issuer: string;
  /** `AUTH_AUDIENCE`: the `aud` user tokens must carry (default: not checked; required in
   * production with JWKS keys, or a token the provider issued for another application would pass). */
  audience?: string;
  /** `AUTH_ALGORITHMS`: the JWS algorithms accepted, comma-separated. Default HS256 with the
   * secret; with JWKS keys ES256, ES384, RS256, PS256, EdDSA (each key is used only for its own `alg`). */
  algorithms: string[];
  /** `AUTH_MAX_TOKEN_LIFETIME`: the longest `exp - iat` a user token may have (default 12h). */
  maxTokenLifetimeSeconds: number;
  /** `AUTH_CLOCK_TOLERANCE`: how far the issuer's clock may be off for `exp`, `nbf`, `iat` (default 30s). */
  clockToleranceSeconds: number;
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

/** A duration in seconds: `90`, `90s`, `15m`, `12h`. */
function seconds(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  const match = /^(\d+)\s*([smh]?)$/.exec(raw.trim());
  if (!match) throw new Error(`${key} must be a duration such as 90, 15m or 12h, got "${raw}"`);
  return Number(match[1]) * { "": 1, s: 1, m: 60, h: 3600 }[match[2] as "" | "s" | "m" | "h"];
}

const list = (raw: string | undefined): string[] | undefined =>
  raw
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function int(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${key} must be a whole number, got "${raw}"`);
  return value;
}

/** A whole number above 0 (a deadline or an interval of 0 would mean none). */
function positive(env: Env, key: string, fallback: number): number {
  const value = int(env, key, fallback);
  if (value === 0) throw new Error(`${key} must be above 0`);
  return value;
}

/** GATEWAY_WORKERS: a whole number above 0, or `auto` for one per core. */
function workers(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return 1;
  if (raw.trim().toLowerCase() === "auto") return availableParallelism();
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1)
    throw new Error(`GATEWAY_WORKERS must be a whole number above 0 or "auto", got "${raw}"`);
  return Number(raw);
}

/** The gateway's deadline for a subgraph call when neither SUBGRAPH_TIMEOUT_MS nor `<NAME>_TIMEOUT_MS` says. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 4000;
/** A request's statement may run this long (several of the gateway's deadlines: a slow but useful query still ends). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

/** `social-development` → `SOCIAL_DEVELOPMENT`, the prefix of that subgraph's keys. */
export const envPrefix = (name: string): string => name.toUpperCase().replace(/-/g, "_");

export function loadConfig(env: Env = process.env): HubConfig {
  const host = env.HOST || "127.0.0.1";
  const production = (env.HUB_ENV || env.NODE_ENV) === "production";
  const jwks = !!(env.AUTH_JWKS_FILE || env.AUTH_JWKS_URL);
  return {
    production,
    host,
    tls: env.TLS_CERT_FILE || env.TLS_KEY_FILE ? { certFile: env.TLS_CERT_FILE ?? "", keyFile: env.TLS_KEY_FILE ?? "" } : undefined,
    gatewayPort: int(env, "PORT", 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    databasePrefix: env.DATABASE_PREFIX || "mukdahan",
    dataDir: env.DATA_DIR || ".data",
    embeddedPgPort: int(env, "EMBEDDED_PG_PORT", 54329),
    linkageSecret: env.LINKAGE_SECRET || undefined,
    maxPageSize: int(env, "MAX_PAGE_SIZE", 100),
    demoHouseholds: int(env, "DEMO_HOUSEHOLDS", 3000),
    demoSeed: int(env, "DEMO_SEED", 20210201),
    timeZone: checkTimeZone("HUB_TIME_ZONE", env.HUB_TIME_ZONE || DEFAULT_TIME_ZONE),
    auth: {
      hs256Secret: env.AUTH_HS256_SECRET || DEMO_TOKEN_SECRET,
      jwksFile: env.AUTH_JWKS_FILE || undefined,
      jwksUrl: env.AUTH_JWKS_URL || undefined,
      issuer: env.AUTH_ISSUER || "mukdahan-hub",
      audience: env.AUTH_AUDIENCE || undefined,
      algorithms: list(env.AUTH_ALGORITHMS) ?? (jwks ? ["ES256", "ES384", "RS256", "PS256", "EdDSA"] : ["HS256"]),
      maxTokenLifetimeSeconds: seconds(env, "AUTH_MAX_TOKEN_LIFETIME", 12 * 3600),
      clockToleranceSeconds: seconds(env, "AUTH_CLOCK_TOLERANCE", 30),
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
    introspection: bool(env, "INTROSPECTION", !production),
    playground: bool(env, "PLAYGROUND", !production),
    healthIntervalMs: positive(env, "HEALTH_INTERVAL_MS", 1000),
    statementTimeoutMs: positive(env, "HUB_STATEMENT_TIMEOUT_MS", DEFAULT_STATEMENT_TIMEOUT_MS),
    databasePoolSize: positive(env, "HUB_DB_POOL_SIZE", 10),
    sourceMaps: bool(env, "HUB_SOURCE_MAPS", !production),
    publicCacheSeconds: int(env, "HUB_PUBLIC_CACHE_SECONDS", 10),
    gatewayWorkers: workers(env.GATEWAY_WORKERS),
    subgraphs: SUBGRAPH_NAMES.map((name, index) => {
      const prefix = envPrefix(name);
      const port = int(env, `${prefix}_PORT`, 4001 + index);
      return {
        name,
        port,
        url: env[`${prefix}_URL`] || `http://${host}:${port}/graphql`,
        databaseUrl: env[`${prefix}_DATABASE_URL`] || undefined,
        timeoutMs: positive(env, `${prefix}_TIMEOUT_MS`, positive(env, "SUBGRAPH_TIMEOUT_MS", DEFAULT_SUBGRAPH_TIMEOUT_MS)),
      };
    }),
  };
}

/** What a process is, for the rule below: which secrets it must hold, and which it must not. */
export type ProcessKind = { gateway: true } | { subgraph: SubgraphName };

/** HS256 and HMAC-SHA256 keys shorter than this are refused in production (RFC 7518: at least 256 bits). */
const MIN_SECRET_LENGTH = 32;

/**
 * The one rule of what makes a process unfit for real data: a demo or short secret, a missing key,
 * a secret held by a process that must not hold it. Production refuses to start on any of them
 * (`refuseUnsafeSettings`); development starts and warns once per process, loudly.
 */
export function unsafeSettings(config: HubConfig, who: ProcessKind): string[] {
  const found: string[] = [];
  const secret = (key: string, value: string | undefined, demo: string, risk: string) => {
    if (!value || value === demo) found.push(`${key} is ${value ? "the public demo secret" : "not set"}: ${risk}`);
    else if (value.length < MIN_SECRET_LENGTH) found.push(`${key} is shorter than ${MIN_SECRET_LENGTH} characters: ${risk}`);
  };
  const { auth } = config;
  // Beyond this machine, bearer tokens and personal data would cross the network in clear.
  if (!isLoopback(config.host) && !config.tls) {
    found.push(
      `HOST ${config.host} serves plain HTTP beyond this machine: give TLS_CERT_FILE and TLS_KEY_FILE (or bind 127.0.0.1 behind a TLS terminator)`,
    );
  }
  if ("gateway" in who) {
    for (const s of config.subgraphs) {
      const url = new URL(s.url);
      // A default URL on HOST=0.0.0.0 connects to this machine itself.
      if (url.protocol === "http:" && !isLoopback(url.hostname) && url.hostname !== "0.0.0.0")
        found.push(`${envPrefix(s.name)}_URL calls another machine over plain HTTP: use https`);
    }
    if (auth.jwksFile || auth.jwksUrl) {
      if (!auth.audience) found.push("AUTH_AUDIENCE is not set: a token the identity provider issued for another application would pass");
      if (auth.algorithms.some((a) => a.startsWith("HS"))) found.push("AUTH_ALGORITHMS names an HMAC algorithm beside JWKS keys");
    } else {
      secret("AUTH_HS256_SECRET", auth.hs256Secret, DEMO_TOKEN_SECRET, "anyone who knows it can mint a user token for any role");
    }
    if (!auth.gatewayPrivateKey) found.push("GATEWAY_PRIVATE_KEY is not set: the gateway cannot vouch for its callers to the subgraphs");
  } else {
    if (!auth.gatewayPublicKey) found.push("GATEWAY_PUBLIC_KEY is not set: the subgraph could verify no caller");
    if (who.subgraph === LINKAGE_SECRET_HOLDER) {
      secret("LINKAGE_SECRET", config.linkageSecret, DEMO_LINKAGE_SECRET, "whoever knows it can turn linkage ids back into citizen IDs");
    } else if (config.linkageSecret !== undefined) {
      found.push(`LINKAGE_SECRET is set for ${who.subgraph}: only ${LINKAGE_SECRET_HOLDER} may hold it (it inverts linkage ids)`);
    }
  }
  return found;
}

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
const isLoopback = (host: string): boolean => /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i.test(host);

const warned = new Set<string>();

/** Production: throws every unsafe setting at once. Development: warns of each, once per process. */
export function refuseUnsafeSettings(config: HubConfig, who: ProcessKind): void {
  const found = unsafeSettings(config, who);
  if (found.length === 0) return;
  const what = "gateway" in who ? "the gateway" : who.subgraph;
  if (config.production) throw new Error(`${what} refuses to start in production: ${found.join("; ")}`);
  for (const problem of found.filter((p) => !warned.has(p))) {
    warned.add(problem);
    logger("config").warn(`UNSAFE FOR REAL DATA (fine for the synthetic demo; HUB_ENV=production refuses it): ${problem}`);
  }
}
