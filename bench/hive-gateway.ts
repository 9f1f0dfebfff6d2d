import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { createGatewayRuntime } from "@graphql-hive/gateway";
import { jwtVerify } from "jose";
import { loadConfig } from "../subgraphs/kit/config";
import { PUBLIC_IDENTITY, type Identity } from "../subgraphs/kit/identity";
import { privateKey, signInternalToken } from "../subgraphs/kit/internal-token";
import { hiveLoadableSupergraph } from "./hive-supergraph";
import { reportReady } from "./processes";

/**
 * Hive Gateway (@graphql-hive/gateway, from bench/package.json) with its defaults, on the hub's
 * committed supergraph, one process (its CLI's default: no forking). Its one addition is the
 * header the subgraphs demand: the caller's demo token (HS256) is verified here and every subgraph
 * request carries the hub's internal token for that subgraph, made by the kit's own signer. (The
 * hub's identityFromRequest is not imported: it would load @apollo/gateway, ~70 MB, into Hive.)
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const key = privateKey(config.auth.gatewayPrivateKey!);
  const secret = new TextEncoder().encode(config.auth.hs256Secret);
  const identify = async (authorization: string | null): Promise<Identity> => {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? "")?.[1];
    if (!token) return PUBLIC_IDENTITY;
    const { payload } = await jwtVerify(token, secret, { issuer: config.auth.issuer, requiredClaims: ["sub", "exp"] });
    const scopes = typeof payload.scope === "string" ? payload.scope.split(" ").filter(Boolean) : [];
    return {
      subject: String(payload.sub),
      agency: (payload.agency as string | null) ?? null,
      role: String(payload.role),
      scopes,
      purpose: null,
    };
  };
  const supergraph = resolve(tmpdir(), `bench-hive-supergraph-${process.pid}.graphql`);
  writeFileSync(supergraph, hiveLoadableSupergraph(readFileSync(resolve(__dirname, "../schema/supergraph.graphql"), "utf8")));
  const subgraphAt = new Map(config.subgraphs.map((s) => [s.url, s.name]));
  const gateway = createGatewayRuntime({
    supergraph, // the hub's, with one workaround (hive-supergraph.ts)
    transportEntries: Object.fromEntries(config.subgraphs.map((s) => [s.name, { location: s.url }])),
    // The internal token covers the exact body bytes (kit/internal-token.ts), so it is made where
    // those are final: in Hive's onFetch hook, just before each subgraph request leaves.
    plugins: () => [
      {
        onFetch: async ({ url, options, setOptions, context }) => {
          const subgraph = subgraphAt.get(url);
          if (!subgraph) return;
          const { request, params } = context as { request?: Request; params?: { operationName?: string } };
          const identity = {
            ...(await identify(request?.headers.get("authorization") ?? null)),
            operation: params?.operationName ?? null, // the client's name, as the hub's gateway passes on
          };
          const token = await signInternalToken(key, identity, subgraph, String(options.body ?? ""));
          setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), authorization: `Bearer ${token}` } });
        },
      },
    ],
  });
  const server = createServer(gateway);
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  reportReady(
    `http://127.0.0.1:${port}/graphql`,
    () => ({}),
    async () => {
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
      await gateway.dispose();
    },
  );
}

main().catch((error: Error) => {
  console.error(`Hive gateway failed to start: ${error.message}`);
  process.exit(1);
});
