import { createHash } from "node:crypto";
import type { Route } from "../subgraphs/kit/http";
import type { SubgraphCircuit, SubgraphState } from "./circuit";

export interface Readiness {
  status: "ready" | "degraded";
  /** The supergraph this gateway plans with: the SHA-256 of its SDL (compare with schema/supergraph.graphql). */
  supergraph: { sha256: string };
  subgraphs: Record<string, SubgraphState>;
}

/**
 * `GET /ready`: 200 when every subgraph is up, 503 when any is down or slow, with each one's state,
 * last error and since when. An orchestrator keeps the gateway in rotation on /health (liveness)
 * and alerts, or shifts traffic, on /ready; the gateway still answers partially meanwhile.
 */
export function readyRoute(circuits: Record<string, SubgraphCircuit>, supergraphSdl: string): Route {
  const sha256 = createHash("sha256").update(supergraphSdl).digest("hex");
  return (req, res) => {
    if (req.method !== "GET" || new URL(req.url ?? "/", "http://localhost").pathname !== "/ready") return false;
    const subgraphs = Object.fromEntries(Object.entries(circuits).map(([name, c]) => [name, c.state]));
    const ready = Object.values(subgraphs).every((s) => s.state === "up");
    const body: Readiness = { status: ready ? "ready" : "degraded", supergraph: { sha256 }, subgraphs };
    res.writeHead(ready ? 200 : 503, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
    return true;
  };
}
