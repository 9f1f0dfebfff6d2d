import "./no-telemetry";
import cluster from "node:cluster";
import { loadConfig } from "../subgraphs/kit/config";
import { readGatewayKeys } from "../subgraphs/kit/keys";
import { failedToStart, stopOnSignal } from "../subgraphs/kit/lifecycle";
import { logger } from "../subgraphs/kit/log";
import { clusterWrites, runWorkers } from "./workers";

/**
 * The gateway alone: `npm run start:gateway`, subgraph URLs from `<NAME>_URL`, its private key
 * from GATEWAY_PRIVATE_KEY or else (in development) the one `npm start` keeps in DATA_DIR. With
 * GATEWAY_WORKERS > 1 this process is the primary of that many gateways (workers.ts).
 */
async function main(): Promise<void> {
  const env = loadConfig();
  if (env.gatewayWorkers > 1 && cluster.isPrimary) return runWorkers(env.gatewayWorkers, env.gatewayPort);
  if (!env.sourceMaps) process.setSourceMapsEnabled(false);
  const config = {
    ...env,
    auth: {
      ...env.auth,
      gatewayPrivateKey: env.auth.gatewayPrivateKey ?? (env.production ? undefined : readGatewayKeys(env.dataDir).privateKeyPem),
    },
  };
  // Imported here: the primary of several workers never loads Apollo (its memory counts too).
  const { startGateway } = await import("./server.ts");
  const gateway = await startGateway({
    config,
    subgraphUrls: Object.fromEntries(config.subgraphs.map((s) => [s.name, s.url])),
    writes: clusterWrites(),
  });
  logger("gateway").info({ url: gateway.url }, `gateway ready at ${gateway.url}`);
  process.send?.({ ready: "gateway", url: gateway.url });
  stopOnSignal(() => gateway.stop());
}

main().catch((error) => failedToStart("gateway", error));
