import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node" with { "resolution-mode": "import" };
import { startEmbeddedPostgres } from "../subgraphs/kit/embedded-postgres";
import { freePort } from "./ports";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server the tests create their databases on. */
    databaseServerUrl: string;
  }
}

/**
 * Tests run against a real PostgreSQL: the server named by DATABASE_URL (CI: the machine's), or
 * else an embedded one started here for the run and removed after it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  if (process.env.DATABASE_URL) {
    project.provide("databaseServerUrl", process.env.DATABASE_URL);
    return async () => {};
  }
  const dir = mkdtempSync(join(tmpdir(), "mukdahan-test-pg-"));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user, who must reach it
  const server = await startEmbeddedPostgres(dir, await freePort());
  project.provide("databaseServerUrl", server.url);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
