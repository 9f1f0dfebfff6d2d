import "../gateway/no-telemetry";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { identityFromRequest, type GatewayContext } from "../gateway/auth";
import { SignedSource } from "../gateway/subgraph-client";
import { loadConfig } from "../subgraphs/kit/config";
import { privateKey } from "../subgraphs/kit/internal-token";
import { reportReady } from "./processes";

/**
 * Stock @apollo/gateway (the version the hub depends on) behind Apollo Server's standalone HTTP
 * server, with its defaults: none of the hub's plugins (operation limits, error masking, health,
 * playground). Only what a correct answer needs: the caller's identity from their token and the
 * hub's signed internal token on every subgraph call (SignedSource, over @apollo/gateway's own HTTP client), as the subgraphs demand.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const key = privateKey(config.auth.gatewayPrivateKey!);
  const urls = new Map(config.subgraphs.map((s) => [s.name as string, s.url]));
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(resolve(__dirname, "../schema/supergraph.graphql"), "utf8"),
    buildService: ({ name, url }) => new SignedSource(urls.get(name) ?? url!, name, key),
  });
  const server = new ApolloServer<GatewayContext>({ gateway });
  const identify = identityFromRequest(config.auth);
  const { url } = await startStandaloneServer(server, {
    listen: { host: "127.0.0.1", port: 0 },
    context: async ({ req }) => ({ identity: await identify(req), requestId: randomUUID() }),
  });
  // Nothing to close: stopping the process ends it (Apollo's drain would wait for idle keep-alive sockets).
  reportReady(
    url,
    () => ({}),
    async () => {},
  );
}

main().catch((error: Error) => {
  console.error(`stock gateway failed to start: ${error.message}`);
  process.exit(1);
});
