import "./no-telemetry";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { maskError } from "../subgraphs/kit/errors";
import { healthRoute, serveApollo, type Route } from "../subgraphs/kit/http";
import { loadOperations } from "./operations";
import { renderPlayground } from "./playground";

export const SUPERGRAPH_PATH = resolve(__dirname, "../schema/supergraph.graphql");

export interface GatewayOptions {
  host: string;
  port: number;
  /** Where each subgraph named in the supergraph is reached. */
  subgraphUrls: Record<string, string>;
  /** Serve the GraphiQL playground at `/` (default true). */
  playground?: boolean;
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
      intro: "Mukdahan poverty-data hub: one graph over five agencies. The tabs hold example questions; "
        + "press ▶ to run one. All demo data is synthetic.",
    });
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
    return true;
  };
}

/** The gateway over the committed supergraph: no agency knowledge, only names and URLs. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: readSupergraph(),
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: options.subgraphUrls[name] ?? url }),
  });
  const apollo = new ApolloServer({
    gateway,
    includeStacktraceInErrorResponses: false,
    formatError: maskError,
  });
  await apollo.start();
  const checkSubgraphs = async () => {
    const subgraphs: Record<string, string> = {};
    await Promise.all(Object.entries(options.subgraphUrls).map(async ([name, url]) => {
      const health = new URL("/health", url);
      const ok = await fetch(health, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
      subgraphs[name] = ok ? "ok" : "unavailable";
    }));
    return { subgraphs };
  };
  const http = await serveApollo(apollo, {
    host: options.host,
    port: options.port,
    context: async () => ({}),
    routes: [healthRoute(checkSubgraphs), ...(options.playground === false ? [] : [playgroundRoute()])],
  });
  return {
    url: http.url,
    port: http.port,
    stop: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
