import { envPrefix, LINKAGE_SECRET_HOLDER, type SubgraphName } from "../subgraphs/kit/config";

/**
 * What `npm start` hands each process it starts: the machine's own environment (PATH, HOME,
 * NODE_OPTIONS…) without any of the hub's settings, plus the settings that process needs and no
 * more. A subgraph never sees the gateway's private key, the user-token secret or another agency's
 * database; the gateway never sees a database or the linkage secret.
 */
const HUB_SETTING =
  /^(PORT|HOST|DATA_DIR|DATABASE_URL|DATABASE_PREFIX|EMBEDDED_PG_PORT|LINKAGE_SECRET|INTROSPECTION|PLAYGROUND)$|^(MAX|DEMO|AUTH|GATEWAY|HUB)_|_(PORT|URL|DATABASE_URL|TIMEOUT_MS)$|^HEALTH_INTERVAL_MS$/;

export type Env = Record<string, string | undefined>;

const machine = (env: Env): Env => Object.fromEntries(Object.entries(env).filter(([key]) => !HUB_SETTING.test(key)));
const pick = (env: Env, test: (key: string) => boolean): Env => Object.fromEntries(Object.entries(env).filter(([key]) => test(key)));

/** A subgraph's environment: its own port and database, the gateway's public key, the shared demo and page settings. */
export function subgraphEnv(env: Env, name: SubgraphName, own: { port: number; databaseUrl: string; gatewayPublicKey: string }): Env {
  const prefix = envPrefix(name);
  return {
    ...machine(env),
    ...pick(env, (key) => /^(HOST|MAX_PAGE_SIZE)$|^(DEMO|HUB)_/.test(key)),
    ...(name === LINKAGE_SECRET_HOLDER && env.LINKAGE_SECRET ? { LINKAGE_SECRET: env.LINKAGE_SECRET } : {}),
    [`${prefix}_PORT`]: String(own.port),
    [`${prefix}_DATABASE_URL`]: own.databaseUrl,
    GATEWAY_PUBLIC_KEY: own.gatewayPublicKey,
  };
}

/** The gateway's environment: its port, user-token settings, private key, limits, worker count, the subgraphs' URLs and deadlines. */
export function gatewayEnv(env: Env, own: { gatewayPrivateKey: string; subgraphUrls: Record<string, string> }): Env {
  return {
    ...machine(env),
    ...pick(env, (key) =>
      /^(PORT|HOST|INTROSPECTION|PLAYGROUND|HEALTH_INTERVAL_MS|GATEWAY_WORKERS)$|^(MAX|AUTH|HUB)_|_TIMEOUT_MS$/.test(key),
    ),
    ...Object.fromEntries(Object.entries(own.subgraphUrls).map(([name, url]) => [`${envPrefix(name)}_URL`, url])),
    GATEWAY_PRIVATE_KEY: own.gatewayPrivateKey,
  };
}
