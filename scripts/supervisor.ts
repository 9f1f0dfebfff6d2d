import { type ChildProcess, fork } from "node:child_process";
import { resolve } from "node:path";
import { logger } from "../subgraphs/kit/log";
import type { Env } from "./child-env";

/** Restarts wait 1 s, 2 s, 4 s … up to this; a child that stayed up a minute starts again from 1 s. */
const MAX_BACKOFF_MS = 30_000;
const STABLE_MS = 60_000;

export interface ChildSpec {
  /** The name the logs use: the subgraph's, or "gateway". */
  name: string;
  /** The entry, relative to scripts/. */
  entry: string;
  args: string[];
  /** The environment of its first start; `restartEnv` may pin what it chose (its port). */
  env: Env;
}

interface Running {
  spec: ChildSpec;
  child: ChildProcess;
  url?: string;
  startedAt: number;
  restarts: number;
}

const log = logger("hub");

/**
 * Keeps the hub's processes up, each in a process of its own (one agency's crash leaves the others
 * answering): starts a child and resolves with the URL it reports when ready; afterwards, a child
 * that exits is logged and started again with backoff, on the same port, until `stop()`.
 */
export class Supervisor {
  private readonly running = new Map<string, Running>();
  private stopping = false;

  constructor(private readonly restartEnv: (name: string, url: string) => Env = () => ({})) {}

  /** Starts a child; rejects with the reason it gave (or its exit) if it dies before it is ready. */
  start(spec: ChildSpec): Promise<string> {
    const child = fork(resolve(__dirname, spec.entry), spec.args, { env: spec.env, execArgv: ["--import", "tsx"] });
    const entry: Running = { spec, child, startedAt: Date.now(), restarts: this.running.get(spec.name)?.restarts ?? 0 };
    this.running.set(spec.name, entry);
    let failure: string | undefined;
    return new Promise((ready, failed) => {
      child.on("message", (message: { url?: string; failed?: string }) => {
        if (message.failed) failure = message.failed;
        if (message.url) {
          entry.url = message.url;
          ready(message.url);
        }
      });
      child.once("exit", (code, signal) => {
        const how = signal ?? `exit code ${code}`;
        if (!entry.url) return failed(new Error(`${spec.name}: ${failure ?? `exited before it was ready (${how})`}`));
        if (!this.stopping) this.restart(entry, how);
      });
    });
  }

  private restart(entry: Running, how: string): void {
    const { spec } = entry;
    if (Date.now() - entry.startedAt > STABLE_MS) entry.restarts = 0;
    const wait = Math.min(1000 * 2 ** entry.restarts, MAX_BACKOFF_MS);
    entry.restarts++;
    log.warn(
      { child: spec.name, exit: how, restartInMs: wait },
      `${spec.name} stopped (${how}); restarting it in ${wait / 1000} s, the rest of the hub keeps answering`,
    );
    setTimeout(() => {
      if (this.stopping) return;
      const again = { ...spec, env: { ...spec.env, ...this.restartEnv(spec.name, entry.url!) } };
      this.start(again).then(
        (url) => log.info({ child: spec.name, url }, `${spec.name} is back at ${url}`),
        (error: Error) => log.error({ child: spec.name }, `${spec.name} did not come back: ${error.message}`),
      );
    }, wait).unref();
  }

  /** The pids of the running children, by name (for operators and tests). */
  pids(): Record<string, number | undefined> {
    return Object.fromEntries([...this.running].map(([name, r]) => [name, r.child.pid]));
  }

  /** Asks every child to stop (SIGTERM) and waits until all have exited. */
  async stop(): Promise<void> {
    this.stopping = true;
    const alive = [...this.running.values()].map((r) => r.child).filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(
      alive.map(
        (child) =>
          new Promise((done) => {
            child.once("exit", done);
            child.kill("SIGTERM");
          }),
      ),
    );
  }
}
