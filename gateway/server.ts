import "./no-telemetry";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { DEFAULT_SUBGRAPH_TIMEOUT_MS, type HubConfig, refuseUnsafeSettings } from "../subgraphs/kit/config";
import { maskError } from "../subgraphs/kit/errors";
import { logger } from "../subgraphs/kit/log";
import { privateKey } from "../subgraphs/kit/internal-token";
import { identityFromRequest, type GatewayContext } from "./auth";
import { SubgraphCircuit } from "./circuit";
import { isUnavailable, partialAnswers } from "./partial-answers";
import { readyRoute } from "./readiness";
import { SubgraphClient, subgraphAgent } from "./subgraph-client";
import { operationLimits } from "./limits";
import { operationChecks } from "./operation-checks";
import { responseCache, type WriteChannel } from "./response-cache";
import { workerIdentity } from "./workers";
import { healthRoute, serveApollo, type Route } from "../subgraphs/kit/http";
import { loadOperations } from "./operations";
import { fontRoute } from "./fonts";
import { dashboardRoute } from "./dashboard";
import { renderPlayground } from "./playground";

export const SUPERGRAPH_PATH = resolve(__dirname, "../schema/supergraph.graphql");

export interface GatewayOptions {
  config: HubConfig;
  /** Overrides `config.gatewayPort` (tests pass 0). */
  port?: number;
  /** Where each subgraph named in the supergraph is reached. */
  subgraphUrls: Record<string, string>;
  /** The other gateway processes a write's clearing must reach (GATEWAY_WORKERS); none: this process alone. */
  writes?: WriteChannel;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Reads the committed supergraph; the gateway refuses to start without it. */
export function readSupergraph(path = SUPERGRAPH_PATH): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run compose\` to write it`);
  return readFileSync(path, "utf8");
}

/** GET / → the playground, rendered once (1.6 MB, every asset inlined: no CDN, no other host). */
function playgroundRoute(): Route {
  let html: string | undefined;
  return (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "GET" || path !== "/") return false;
    html ??= renderPlayground({
      endpoint: "/graphql",
      tabs: loadOperations(),
      intro:
        "Mukdahan poverty-data hub: one graph over five agencies; the tabs hold example questions (▶ runs one). " +
        "Without a token you are the public role: aggregates only, counts of 1-4 hidden. For another role, run " +
        '`npm run token -- --role social-worker` (`--list` shows all roles) and put {"Authorization": "Bearer <token>"} ' +
        "in the Headers pane below. A tab's first lines name the role it needs. All demo data is synthetic.",
    });
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
    return true;
  };
}

/** The gateway over the committed supergraph: no agency knowledge, only names and URLs. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  refuseUnsafeSettings(config, { gateway: true });
  if (!config.auth.gatewayPrivateKey) {
    throw new Error("GATEWAY_PRIVATE_KEY is not set (npm start makes a key pair per run; see the README)");
  }
  const key = privateKey(config.auth.gatewayPrivateKey);
  const log = logger("gateway");
  const supergraphSdl = readSupergraph();
  const agent = subgraphAgent();
  const circuits: Record<string, SubgraphCircuit> = {};
  const cache = responseCache({ channel: options.writes });
  const gateway = new ApolloGateway({
    supergraphSdl,
    experimental_didResolveQueryPlan: cache.didResolveQueryPlan,
    // Called once per subgraph of the supergraph when the gateway loads.
    buildService: ({ name, url: composed }) => {
      const url = options.subgraphUrls[name] ?? composed!;
      const timeoutMs = config.subgraphs.find((s) => s.name === name)?.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
      const healthUrl = new URL("/health", url).toString();
      circuits[name] = new SubgraphCircuit({ name, healthUrl, timeoutMs, probeIntervalMs: config.healthIntervalMs, log });
      return new SubgraphClient({ name, url, key, timeoutMs, circuit: circuits[name], agent, writes: cache.writes });
    },
  });
  // With introspection off, "Did you mean" suggestions would leak the schema it hides.
  const limits = operationLimits(config.limits, config.maxPageSize, { hideSuggestions: !config.introspection });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // A subgraph's failure is merged and described by partial-answers.ts; everything else is masked.
    formatError: (formatted, error) => (isUnavailable(error) ? formatted : maskError(limits.formatError(formatted), error)),
    parseOptions: limits.parseOptions,
    introspection: config.introspection,
    // Our entry points order the shutdown (subgraphs/kit/lifecycle.ts); Apollo's own signal handlers
    // would race them and leave the process hanging.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    plugins: [operationChecks, limits.plugin, partialAnswers, cache.plugin],
  });
  await apollo.start();
  for (const circuit of Object.values(circuits)) circuit.startProbing();
  const identify = identityFromRequest(config.auth);
  const http = await serveApollo(apollo, {
    host: config.host,
    port: options.port ?? config.gatewayPort,
    tls: config.tls,
    maxBodyBytes: config.limits.maxBodyBytes,
    log,
    context: async (req, requestId) => ({ identity: await identify(req), requestId }),
    routes: [
      healthRoute(async () => ({ service: "gateway", ...workerIdentity() })),
      readyRoute(circuits, supergraphSdl),
      fontRoute(),
      dashboardRoute(config),
      ...(config.playground ? [playgroundRoute()] : []),
    ],
  });
  return {
    url: http.url,
    port: http.port,
    stop: async () => {
      for (const circuit of Object.values(circuits)) circuit.stop();
      await http.close();
      await apollo.stop();
      await agent.close();
    },
  };
}
