import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SubgraphCircuit, SubgraphFailure } from "../gateway/circuit";
import { logger } from "../subgraphs/kit/log";

/**
 * The gateway's circuit breaker for one subgraph (gateway/circuit.ts), against a stand-in whose
 * /health answers as told: ok, 503, or not at all (a stalled machine).
 */
let health: "ok" | "503" | "stall" = "ok";
let server: Server;
let healthUrl: string;
beforeAll(async () => {
  server = createServer((_req, res) => {
    if (health === "stall") return; // never answers; the probe must give up on its own
    res.writeHead(health === "ok" ? 200 : 503).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  healthUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const circuitFor = () => new SubgraphCircuit({ name: "housing", healthUrl, timeoutMs: 800, probeIntervalMs: 100, log: logger("test") });

const refused = (circuit: SubgraphCircuit) => {
  let called = false;
  const call = circuit.call(async () => {
    called = true;
  });
  return call.then(
    () => ({ called, reason: undefined }),
    (error: SubgraphFailure) => ({ called, reason: error.reason }),
  );
};

describe("a subgraph's circuit breaker", () => {
  it("a probe that times out opens it, calls then fail at once without being made, and the next good probe closes it", async () => {
    const circuit = circuitFor();
    circuit.startProbing();
    try {
      health = "stall";
      await expect.poll(() => circuit.state.state, { timeout: 5000, interval: 50 }).toBe("down");
      expect(circuit.state.lastError?.message).toBe("no answer within 1500 ms"); // the deadline (800 ms), but at least 1.5 s
      expect(await refused(circuit)).toEqual({ called: false, reason: "CIRCUIT_OPEN" });
      health = "ok";
      await expect.poll(() => circuit.state.state, { timeout: 5000, interval: 50 }).toBe("up");
      expect(await refused(circuit)).toEqual({ called: true, reason: undefined });
    } finally {
      health = "ok";
      circuit.stop();
    }
  });

  it("a database that does not answer (503 from /health) opens it too", async () => {
    const circuit = circuitFor();
    health = "503";
    await circuit.probe();
    expect(circuit.state.state).toBe("down");
    expect(circuit.state.lastError?.message).toBe("health answered 503");
    health = "ok";
    await circuit.probe();
    expect(circuit.state.state).toBe("up");
    circuit.stop();
  });

  it("calls that keep failing open it without any probe; a timed-out call first marks the subgraph slow", async () => {
    const circuit = circuitFor();
    const timeout = () =>
      circuit.call(() => Promise.reject(Object.assign(new Error("aborted"), { name: "TimeoutError" }))).catch((e: SubgraphFailure) => e);
    const first = await timeout();
    expect(first).toBeInstanceOf(SubgraphFailure);
    expect((first as SubgraphFailure).reason).toBe("TIMEOUT");
    expect(circuit.state.state).toBe("slow");
    await timeout();
    await timeout();
    expect(circuit.state.state).toBe("down");
    expect(await refused(circuit)).toEqual({ called: false, reason: "CIRCUIT_OPEN" });
    circuit.stop();
  });
});
