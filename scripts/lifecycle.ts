/** Runs `stop` once on Ctrl-C or SIGTERM, then exits (non-zero if stopping failed). */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    stop().then(() => process.exit(0), (error: Error) => {
      console.error("stop failed:", error.message);
      process.exit(1);
    });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
