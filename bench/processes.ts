import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { stopOnSignal } from "../subgraphs/kit/lifecycle";

/**
 * Every server of the bench runs in a process of its own (so no gateway shares an event loop with
 * the load generator or with another gateway), forked under tsx as `npm start` forks the hub's.
 * A child reports `{ url }` when it listens and answers `"statements"` with the SQL statements
 * it has sent so far, by database.
 */
export type Statements = Record<string, number>;

export interface Child {
  name: string;
  pid: number;
  url: string;
  /** When it was forked (Date.now()). */
  startedAt: number;
  statements(): Promise<Statements>;
  /** Resident memory now (VmRSS) and at its peak so far (VmHWM), in MB, from /proc, summed over the
   * process and its descendants (the hub's gateway with GATEWAY_WORKERS: the primary and its workers;
   * each one's own peak, so `peakMb` is at most the true peak of the sum). */
  memory(): { rssMb: number; peakMb: number };
  running(): boolean;
  stop(): Promise<void>;
}

function procStatus(pid: number, key: "VmRSS" | "VmHWM"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${key}:`));
  return Number(line?.replace(/\D/g, "") ?? 0) / 1024; // kB → MB
}

/** The process and every descendant still running (Linux's /proc/<pid>/task/<pid>/children). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
  } catch {
    // gone meanwhile
  }
  return [pid, ...children.flatMap(processTree)];
}

const summed = (pid: number, key: "VmRSS" | "VmHWM"): number =>
  processTree(pid).reduce((sum, p) => {
    try {
      return sum + procStatus(p, key);
    } catch {
      return sum; // a worker that ended between the listing and the reading
    }
  }, 0);

export interface LaunchOptions {
  env: NodeJS.ProcessEnv;
  /** Where the child's stdout and stderr go (a file descriptor; default: the bench's own). */
  log?: number;
  /** More Node flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
}

/** Forks `entry` (relative to the repository root) and resolves once it reports its URL. */
export function launch(name: string, entry: string, args: string[], options: LaunchOptions): Promise<Child> {
  const startedAt = Date.now();
  const child: ChildProcess = fork(resolve(__dirname, "..", entry), args, {
    env: options.env,
    execArgv: ["--import", "tsx", ...(options.nodeFlags ?? [])],
    stdio: options.log === undefined ? "inherit" : ["ignore", options.log, options.log, "ipc"],
  });
  const waiting: ((s: Statements) => void)[] = [];
  return new Promise((ready, failed) => {
    child.on("exit", (code, signal) => failed(new Error(`${name} exited before it was ready (${signal ?? code})`)));
    child.on("message", (message: { url?: string; statements?: Statements }) => {
      if (message.statements) waiting.shift()?.(message.statements);
      if (!message.url) return;
      ready({
        name,
        pid: child.pid!,
        url: message.url,
        startedAt,
        statements: () =>
          new Promise((answer) => {
            if (!child.connected) return answer({}); // stopping: it has nothing more to count
            waiting.push(answer);
            child.send("statements", (error) => error && answer({}));
          }),
        memory: () => ({ rssMb: summed(child.pid!, "VmRSS"), peakMb: summed(child.pid!, "VmHWM") }),
        running: () => child.exitCode === null && child.signalCode === null,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}

/** The child's side: report the URL, answer statement counts, stop on SIGTERM or when the bench is gone. */
export function reportReady(url: string, statements: () => Statements, stop: () => Promise<void>): void {
  process.on("message", (message) => message === "statements" && process.send?.({ statements: statements() }));
  process.send?.({ url });
  stopOnSignal(stop);
}
