import cluster, { type Worker } from "node:cluster";
import { failedToStart, stopOnSignal } from "../subgraphs/kit/lifecycle";
import { logger } from "../subgraphs/kit/log";
import type { WriteChannel } from "./response-cache";

/**
 * GATEWAY_WORKERS > 1: this primary forks that many gateways on one port (node:cluster hands each
 * new connection to the next worker) and does nothing else. It reports ready once every worker
 * listens, starts another worker when one dies, stops them all on SIGTERM/SIGINT, and relays a
 * write's clearing of the response cache (response-cache.ts) from the writing worker to every
 * other one, answering the writer only once each has cleared (or died, or been killed for not
 * answering): the write's response waits for that, so no worker serves what it changed.
 *
 * Per worker, on purpose: in-flight merging (a worker's own calls), circuits and /ready (each
 * worker probes every subgraph itself: a few requests a second), the operation limits (per
 * request) and the verifier of user tokens (its JWKS cache).
 */

/** What the primary and its workers tell each other, besides `{ ready, url }` and `{ failed }` (lifecycle.ts). */
interface Message {
  url?: string;
  failed?: string;
  /** Worker → primary: "listening" (it clears on others' writes from now on), or the subgraphs it wrote to. */
  writes?: string[] | "listening";
  id?: number;
  /** The write `id` has been cleared: by a worker (to the primary), by every other worker (to the writer). */
  cleared?: number;
}

const log = logger("gateway");
/** A worker that has not cleared a write by then is killed: its answers can no longer be trusted. */
const CLEAR_DEADLINE_MS = 2000;
/** A worker that dies sooner than this after its start is started again after a growing pause. */
const STABLE_MS = 60_000;

/** For /health: which worker answered (tests and operators tell them apart so). */
export const workerIdentity = (): Record<string, number> => (cluster.isWorker ? { worker: cluster.worker!.id, pid: process.pid } : {});

/** In a worker: the channel through the primary to the other workers. In one process: none. */
export function clusterWrites(): WriteChannel | undefined {
  if (!cluster.isWorker) return undefined;
  const waiting = new Map<number, () => void>();
  let next = 0;
  process.on("message", (m: Message) => {
    if (m.cleared === undefined) return;
    waiting.get(m.cleared)?.();
    waiting.delete(m.cleared);
  });
  process.on("disconnect", () => {
    for (const done of waiting.values()) done(); // the primary is gone: so is every other worker
    waiting.clear();
  });
  return {
    announce: (services) =>
      new Promise((done) => {
        if (!process.connected) return done();
        waiting.set(++next, done);
        process.send!({ writes: services, id: next } satisfies Message);
      }),
    listen(clear) {
      process.on("message", (m: Message) => {
        if (!Array.isArray(m.writes)) return;
        clear(m.writes);
        process.send!({ cleared: m.id } satisfies Message);
      });
      // Sent before this worker asks to listen on the port (same channel, in order): the primary
      // relays every write to it before it can be handed a single connection.
      process.send!({ writes: "listening" } satisfies Message);
    },
  };
}

/** The primary: `count` workers on `port` (0: the one free port the first of them gets). */
export function runWorkers(count: number, port: number): void {
  const listening = new Set<Worker>(); // clearing on others' writes
  const serving = new Set<Worker>(); // reported ready
  const writes = new Map<number, { pending: Set<Worker>; done: () => void }>();
  let nextWrite = 0;
  let url: string | undefined;
  let started = false;
  let stopping = false;
  let quickDeaths = 0;

  const relay = (writer: Worker, services: string[], id: number) => {
    const reply = () => writer.isConnected() && writer.send({ cleared: id } satisfies Message);
    const others = [...listening].filter((w) => w !== writer);
    if (others.length === 0) return reply();
    const key = ++nextWrite;
    const pending = new Set(others);
    const timer = setTimeout(() => {
      for (const w of pending) {
        log.error(
          { worker: w.id, pid: w.process.pid },
          `gateway worker ${w.id} did not clear a write within ${CLEAR_DEADLINE_MS} ms: killing it`,
        );
        w.process.kill("SIGKILL");
      }
    }, CLEAR_DEADLINE_MS);
    const done = () => {
      clearTimeout(timer);
      writes.delete(key);
      reply();
    };
    writes.set(key, { pending, done });
    for (const w of others) w.send({ writes: services, id: key } satisfies Message);
  };
  const cleared = (worker: Worker, key: number) => {
    const write = writes.get(key);
    if (!write?.pending.delete(worker)) return;
    if (write.pending.size === 0) write.done();
  };

  const fork = (): Worker => {
    // Port 0: workers share the port the first one got while any of them listens; after that, it again.
    const worker = cluster.fork({ PORT: String(port === 0 && url && serving.size === 0 ? new URL(url).port : port) });
    const startedAt = Date.now();
    let failure: string | undefined;
    worker.on("message", (m: Message) => {
      if (m.writes === "listening") listening.add(worker);
      else if (Array.isArray(m.writes)) relay(worker, m.writes, m.id!);
      else if (m.cleared !== undefined) cleared(worker, m.cleared);
      else if (m.failed) failure = m.failed;
      else if (m.url) {
        if (url && m.url !== url) log.error({ worker: worker.id }, `gateway worker ${worker.id} listens at ${m.url}, not ${url}`);
        url ??= m.url;
        serving.add(worker);
        log.info({ worker: worker.id, pid: worker.process.pid }, `gateway worker ${worker.id} (pid ${worker.process.pid}) is serving`);
        if (serving.size === count && !started) {
          started = true;
          log.info({ url, workers: count }, `gateway ready at ${url} (${count} workers)`);
          process.send?.({ ready: "gateway", url });
        }
      }
    });
    worker.on("exit", (code, signal) => {
      const wasServing = serving.delete(worker);
      listening.delete(worker);
      for (const key of [...writes.keys()]) cleared(worker, key);
      if (stopping) return;
      const how = signal ?? `exit code ${code}`;
      if (!started && !wasServing) failedToStart("gateway", new Error(failure ?? `a worker exited before it was ready (${how})`));
      if (Date.now() - startedAt > STABLE_MS) quickDeaths = 0;
      const wait = Math.min(250 * 2 ** quickDeaths++, 30_000);
      log.warn(
        { worker: worker.id, pid: worker.process.pid, exit: how, restartInMs: wait },
        `gateway worker ${worker.id} stopped (${how}); starting another in ${wait} ms, the other workers keep answering`,
      );
      setTimeout(() => stopping || fork(), wait);
    });
    return worker;
  };

  for (let i = 0; i < count; i++) fork();
  stopOnSignal(async () => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(
      alive.map(
        (w) =>
          new Promise((done) => {
            w.once("exit", done);
            w.process.kill("SIGTERM"); // each stops as one gateway does (lifecycle.ts)
          }),
      ),
    );
  });
}
