import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { type EmbeddedServer, startEmbeddedPostgresOnAnyPort } from "../subgraphs/kit/embedded-postgres";
import { browserAvailable, NO_BROWSER_MESSAGE } from "./browser";
import { createTemplates, dropTemplates } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server the tests create their databases on. */
    databaseServerUrl: string;
    /** This run's name for its template databases (see databases.ts). */
    templateRun: string;
  }
}

/** A throw-away server needs no durability: these settings make writes several times cheaper. */
const THROWAWAY = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"];

/**
 * Tests run against a real PostgreSQL: the server named by DATABASE_URL (CI: the machine's), or
 * else an embedded one started here for the run and removed after it. The seeded data sets are
 * made once here as template databases; each hub a test starts gets clones of them.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  if (!browserAvailable) {
    // CI sets REQUIRE_BROWSER so that browser tests can never be skipped there unnoticed.
    if (process.env.REQUIRE_BROWSER === "1") throw new Error(`${NO_BROWSER_MESSAGE}; REQUIRE_BROWSER=1 makes that a failure`);
    console.warn(`browser tests skipped: ${NO_BROWSER_MESSAGE}`);
  }
  let server: EmbeddedServer;
  let dir: string | undefined;
  if (process.env.DATABASE_URL) {
    server = { url: process.env.DATABASE_URL, stop: async () => {} };
  } else {
    dir = mkdtempSync(join(tmpdir(), "mukdahan-test-pg-"));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user, who must reach it
    server = await startEmbeddedPostgresOnAnyPort(dir, { flags: THROWAWAY });
  }
  const run = randomBytes(3).toString("hex");
  // The exit-status fixtures start no hub: they need the server and its exit path, not the data.
  if (process.env.TEST_DATASETS !== "none") {
    const started = Date.now();
    await createTemplates(server.url, run);
    console.log(`test data sets seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  project.provide("databaseServerUrl", server.url);
  project.provide("templateRun", run);
  return async () => {
    await dropTemplates(server.url, run);
    await server.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
