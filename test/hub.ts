import "../gateway/no-telemetry";
import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { inject } from "vitest";
import { type AuthConfig, loadConfig, type HubConfig, type SubgraphName } from "../subgraphs/kit/config";
import { databaseName, dropDatabase } from "../subgraphs/kit/database";
import { startSubgraph, type RunningSubgraph } from "../subgraphs/kit/subgraph";
import { SUBGRAPHS } from "../subgraphs/registry";
import { startGateway } from "../gateway/server";
import { generateGatewayKeys, privateKey, signInternalToken } from "../subgraphs/kit/internal-token";
import { PUBLIC_IDENTITY, ROLES } from "../subgraphs/kit/identity";
import { demoToken } from "../gateway/demo-token";
import { cloneTemplate, DATASETS, type DatasetName } from "./databases";

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface QueryOptions {
  /** A demo role whose token is sent; none: the public role. */
  role?: string;
  url?: string;
  headers?: Record<string, string>;
}

export interface TestHub {
  config: HubConfig;
  gatewayUrl: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** POSTs an operation to the gateway (or to `url`) as `role` (default: public) and returns the parsed body. */
  query<T = any>(query: string, variables?: Record<string, unknown>, options?: QueryOptions): Promise<GraphQLResponse<T>>;
  /** A `fetch` that calls a subgraph straight, as the gateway would for `role` (default public): each request signed for its own body. */
  asGateway(subgraph: SubgraphName, role?: string): typeof fetch;
  /** A demo token for a role (see ROLES in subgraphs/kit/identity.ts). */
  token(role: string): Promise<string>;
  /** Each subgraph's database URL as its owner (migrations run so; the services serve as a lesser role). */
  ownerUrls: Record<SubgraphName, string>;
  /** SQL as the owner of a subgraph's database (what migrations run as), for tests that need more than the service may do. */
  asOwner(subgraph: SubgraphName, text: string, params?: unknown[]): Promise<any[]>;
  /** SQL statements each subgraph sent while `work` ran. */
  countStatements(work: () => Promise<unknown>): Promise<Record<SubgraphName, number>>;
  stop(): Promise<void>;
}

/** POSTs `body` as JSON to `url` with extra headers: a raw request, for tests of status codes and headers. */
export const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

/** POSTs an operation to the gateway at `url` as a demo role (default: public) and returns the parsed body. */
export function gatewayQuery(auth: AuthConfig, url: string): TestHub["query"] {
  return async (q, variables, options = {}) => {
    const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
    if (options.role) headers.authorization = `Bearer ${await demoToken(auth, options.role)}`;
    const response = await fetch(options.url ?? url, { method: "POST", headers, body: JSON.stringify({ query: q, variables }) });
    return (await response.json()) as GraphQLResponse;
  };
}

/**
 * The whole hub in this process, every server on port 0, on fresh clones of a seeded data set
 * (see databases.ts), so test files run in parallel without sharing rows; `stop()` drops them.
 */
export async function startHub(options: { data?: DatasetName; env?: Record<string, string> } = {}): Promise<TestHub> {
  const serverUrl = inject("databaseServerUrl");
  const prefix = `test_${randomBytes(4).toString("hex")}`;
  const keys = generateGatewayKeys();
  const dataset = options.data ?? "small";
  const env: Record<string, string> = {
    DATABASE_URL: serverUrl,
    DATABASE_PREFIX: prefix,
    PORT: "0",
    GATEWAY_PRIVATE_KEY: keys.privateKeyPem,
    GATEWAY_PUBLIC_KEY: keys.publicKeyPem,
    DEMO_HOUSEHOLDS: String(DATASETS[dataset].households),
    DEMO_SEED: String(DATASETS[dataset].seed),
    // Generous: a loaded CI machine must not turn a slow answer into a partial one. The fault
    // tests give their own hubs a short deadline.
    SUBGRAPH_TIMEOUT_MS: "30000",
    // The suites count the SQL each request costs: the gateway's shared answers are off unless a
    // test turns them on (response-cache.e2e.test.ts).
    HUB_PUBLIC_CACHE_SECONDS: "0",
    // Two workers run hubs side by side on one PostgreSQL (max_connections often 100): a few
    // connections per subgraph serve a test's requests.
    HUB_DB_POOL_SIZE: "4",
  };
  const config = loadConfig({ ...env, ...options.env });
  const ownerUrls = {} as Record<SubgraphName, string>;
  const owners: Partial<Record<SubgraphName, Pool>> = {};
  const running = await Promise.all(
    config.subgraphs.map(async (sub) => {
      ownerUrls[sub.name] = await cloneTemplate(serverUrl, inject("templateRun"), dataset, sub.name, databaseName(prefix, sub.name));
      return startSubgraph(SUBGRAPHS[sub.name], { config, databaseUrl: ownerUrls[sub.name], port: 0 });
    }),
  );
  const subgraphs = Object.fromEntries(running.map((s) => [s.name, s])) as Record<SubgraphName, RunningSubgraph>;
  const gateway = await startGateway({
    config,
    subgraphUrls: Object.fromEntries(running.map((s) => [s.name, s.url])),
  });
  const token = (role: string) => demoToken(config.auth, role);
  const query = gatewayQuery(config.auth, gateway.url);
  return {
    config,
    gatewayUrl: gateway.url,
    subgraphs,
    query,
    token,
    ownerUrls,
    asGateway(subgraph, role) {
      const key = privateKey(keys.privateKeyPem);
      const identity = role
        ? { ...PUBLIC_IDENTITY, subject: `test-${role}`, agency: ROLES[role].agency, role, scopes: ROLES[role].scopes }
        : PUBLIC_IDENTITY;
      return async (input, init = {}) => {
        const headers = new Headers(init.headers);
        headers.set("authorization", `Bearer ${await signInternalToken(key, identity, subgraph, String(init.body ?? ""))}`);
        return fetch(input, { ...init, headers });
      };
    },
    async asOwner(subgraph, text, params = []) {
      owners[subgraph] ??= new Pool({ connectionString: ownerUrls[subgraph], max: 1 });
      return (await owners[subgraph].query(text, params)).rows;
    },
    async countStatements(work) {
      for (const s of running) s.queries.count = 0;
      await work();
      return Object.fromEntries(running.map((s) => [s.name, s.queries.count])) as Record<SubgraphName, number>;
    },
    async stop() {
      await gateway.stop();
      await Promise.all([...running.map((s) => s.stop()), ...Object.values(owners).map((p) => p.end())]);
      await Promise.all(running.map((s) => dropDatabase(serverUrl, databaseName(prefix, s.name))));
    },
  };
}
