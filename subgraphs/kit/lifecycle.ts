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
    // A stop that cannot finish (a peer already gone) must not keep the process alive.
    setTimeout(() => {
      console.error("stopping took longer than 5 s: exiting anyway");
      process.exit(1);
    }, 5000).unref();
    stop().then(
      () => process.exit(0),
      (error: Error) => {
        console.error("stop failed:", error.message);
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
