import "./no-telemetry";
import { loadConfig } from "../subgraphs/kit/config";
import { startGateway } from "./server";
import { stopOnSignal } from "../subgraphs/kit/lifecycle";

/** The gateway alone: `npm run start:gateway`, subgraph URLs from `<NAME>_URL`. */
async function main(): Promise<void> {
  const config = loadConfig();
  const gateway = await startGateway({
    config,
    subgraphUrls: Object.fromEntries(config.subgraphs.map((s) => [s.name, s.url])),
  });
  console.log(`gateway ready at ${gateway.url}`);
  process.send?.({ ready: "gateway", url: gateway.url });
  stopOnSignal(() => gateway.stop());
}

main().catch((error: Error) => {
  console.error(`gateway failed to start: ${error.message}`);
  process.exit(1);
});
