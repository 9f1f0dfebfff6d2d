import { logger } from "./log";

const log = logger("lifecycle");

/** How long in-flight requests may take to finish once a process is asked to stop. */
export const SHUTDOWN_GRACE_MS = 1000;
/** A stop that takes longer than this exits anyway (a peer already gone must not hang it). */
const STOP_DEADLINE_MS = SHUTDOWN_GRACE_MS + 700;

/**
 * Runs `stop` once on Ctrl-C or SIGTERM, then exits (non-zero if stopping failed). A process
 * forked by `npm start` also stops when that parent is gone (its IPC channel closes), so a killed
 * hub never leaves a subgraph or the gateway running on its own.
 */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      log.error(`stopping took longer than ${STOP_DEADLINE_MS} ms: exiting anyway`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    const asked = performance.now();
    stop().then(
      () => {
        log.info({ ms: Math.round(performance.now() - asked) }, "stopped");
        process.exit(0);
      },
      (error: Error) => {
        log.error({ err: error }, "stop failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  if (process.send) {
    if (!process.connected)
      onSignal(); // the parent went away while this process was starting
    else process.on("disconnect", onSignal);
  }
}

/**
 * Ends an entry point that could not start: one line saying why, told to `npm start` too (it
 * prints it as the hub's reason), then exit 1.
 */
export function failedToStart(what: string, error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error);
  log.fatal(`${what} failed to start: ${reason}`);
  if (process.connected) process.send?.({ failed: reason });
  process.exit(1);
}
