import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { alive, runningEmbeddedPostgres } from "../subgraphs/kit/embedded-postgres";

/**
 * One hub per data folder: `npm start` holds `<DATA_DIR>/hub.pid` while it runs. A second start
 * is refused, naming the hub that holds it; a lock left by a hub that was killed is taken over, and
 * the embedded PostgreSQL such a hub left running is stopped first (it would hold the folder).
 */
export async function takeHubLock(dataDir: string, log: (message: string) => void): Promise<() => void> {
  const file = join(dataDir, "hub.pid");
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" }); // exclusive: two starts cannot both win
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const holder = Number(readFileSync(file, "utf8"));
      if (alive(holder))
        throw new Error(`the data folder ${dataDir} is in use by another hub (pid ${holder}): stop it first, or set DATA_DIR`);
      unlinkSync(file); // left by a hub that was killed
    }
  }
  const orphan = runningEmbeddedPostgres(dataDir);
  if (orphan) {
    log(`stopping the PostgreSQL (pid ${orphan.pid}) that a killed hub left running on ${dataDir}`);
    process.kill(orphan.pid, "SIGINT"); // fast shutdown
    for (let waited = 0; alive(orphan.pid) && waited < 10_000; waited += 100) await sleep(100);
  }
  const release = () => {
    try {
      if (readFileSync(file, "utf8") === String(process.pid)) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.once("exit", release); // even when a stop that hangs is cut short
  return release;
}
