import "../gateway/no-telemetry";
import { type ChildProcess, fork, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { inject } from "vitest";
import { startGateway } from "../gateway/server";
import { envPrefix, loadConfig, SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/kit/config";
import { databaseName, dropDatabase } from "../subgraphs/kit/database";
import { generateGatewayKeys } from "../subgraphs/kit/internal-token";
import { cloneTemplate, type DatasetName } from "./databases";
import { type GraphQLResponse, gatewayQuery, type QueryOptions } from "./hub";

/**
 * A hub whose subgraphs run as processes of their own (`npm run start:subgraph`, as each agency
 * runs it), so a test can do to one what happens to a real service: SIGKILL it, SIGSTOP it (a
 * stalled machine: connections open, nothing answers), SIGCONT it, start it again on its port. The
 * gateway runs in the test's process, on fresh clones of a seeded data set as in hub.ts.
 */
export interface ProcessHub {
  gatewayUrl: string;
  query<T = any>(query: string, variables?: Record<string, unknown>, options?: QueryOptions): Promise<GraphQLResponse<T>>;
  signal(subgraph: SubgraphName, signal: "SIGKILL" | "SIGSTOP" | "SIGCONT"): Promise<void>;
  /** Starts a killed subgraph again on the port it had. */
  restart(subgraph: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

const ENTRY = resolve(__dirname, "../scripts/start-subgraph.ts");

interface Child {
  process: ChildProcess;
  exited: Promise<void>;
}

/** Starts a subgraph (under `wrap`, e.g. `ip netns exec <ns>`, when given); resolves with its URL once it reports ready. */
function forkSubgraph(name: SubgraphName, env: NodeJS.ProcessEnv, wrap: string[] = []): Promise<{ child: Child; url: string }> {
  const stdio: ["ignore", "inherit", "inherit", "ipc"] = ["ignore", "inherit", "inherit", "ipc"];
  const child =
    wrap.length > 0
      ? spawn(wrap[0], [...wrap.slice(1), process.execPath, "--import", "tsx", ENTRY, name], { env, stdio })
      : fork(ENTRY, [name], { env, execArgv: ["--import", "tsx"], stdio });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  return new Promise((ready, failed) => {
    child.on("message", (message: { url?: string }) => message.url && ready({ child: { process: child, exited }, url: message.url }));
    child.once("exit", (code, signal) => failed(new Error(`${name} exited before it was ready (${signal ?? code})`)));
  });
}

export interface ProcessHubOptions {
  data?: DatasetName;
  /** The gateway's settings (e.g. a short SUBGRAPH_TIMEOUT_MS). */
  env?: Record<string, string>;
  /** Where a subgraph runs: a command to start it under, the settings that go with it (its HOST), its database URL as seen from there. */
  placement?: (name: SubgraphName, databaseUrl: string) => { wrap: string[]; env: Record<string, string> };
}

export async function startProcessHub(options: ProcessHubOptions = {}): Promise<ProcessHub> {
  const serverUrl = inject("databaseServerUrl");
  const prefix = `test_${randomBytes(4).toString("hex")}`;
  const keys = generateGatewayKeys();
  const dataset = options.data ?? "small";
  const children = {} as Record<SubgraphName, Child>;
  const envs = {} as Record<SubgraphName, NodeJS.ProcessEnv>;
  const urls = {} as Record<SubgraphName, string>;
  const wraps = {} as Record<SubgraphName, string[]>;
  const stopAll = () => {
    for (const child of Object.values(children)) {
      child.process.kill("SIGCONT");
      child.process.kill("SIGKILL");
    }
  };
  let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;
  const config = loadConfig({
    DATABASE_URL: serverUrl,
    PORT: "0",
    GATEWAY_PRIVATE_KEY: keys.privateKeyPem,
    GATEWAY_PUBLIC_KEY: keys.publicKeyPem,
    SUBGRAPH_TIMEOUT_MS: "30000",
    ...options.env,
  });
  try {
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        const databaseUrl = await cloneTemplate(serverUrl, inject("templateRun"), dataset, name, databaseName(prefix, name));
        envs[name] = {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          LOG_LEVEL: "warn",
          [`${envPrefix(name)}_DATABASE_URL`]: databaseUrl,
          [`${envPrefix(name)}_PORT`]: "0",
          GATEWAY_PUBLIC_KEY: keys.publicKeyPem,
          // No shared answers (gateway/response-cache.ts): a fault must show in the very next answer.
          HUB_PUBLIC_CACHE_SECONDS: "0",
        };
        const placed = options.placement?.(name, databaseUrl);
        Object.assign(envs[name], placed?.env);
        wraps[name] = placed?.wrap ?? [];
        const started = await forkSubgraph(name, envs[name], wraps[name]);
        children[name] = started.child;
        urls[name] = started.url;
        envs[name][`${envPrefix(name)}_PORT`] = new URL(started.url).port; // a restart takes the same port
      }),
    );
    gateway = await startGateway({ config, subgraphUrls: urls });
  } catch (error) {
    stopAll();
    throw error;
  }
  const running = gateway;
  return {
    gatewayUrl: running.url,
    query: gatewayQuery(config.auth, running.url),
    async signal(name, signal) {
      children[name].process.kill(signal);
      if (signal === "SIGKILL") await children[name].exited;
    },
    async restart(name) {
      children[name] = (await forkSubgraph(name, envs[name], wraps[name])).child;
    },
    async stop() {
      await running.stop();
      stopAll();
      await Promise.all(Object.values(children).map((c) => c.exited));
      await Promise.all(SUBGRAPH_NAMES.map((name) => dropDatabase(serverUrl, databaseName(prefix, name))));
    },
  };
}
