import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");
const VITEST = resolve(ROOT, "node_modules/vitest/vitest.mjs");

/**
 * `npm test` judged by its exit status, as scripts and CI judge it: vitest with the project's own
 * configuration over a fixture, in a child process and without DATABASE_URL (the embedded
 * PostgreSQL a laptop uses, whose exit hooks once turned a failed run into exit 0).
 */
function runFixture(name: string): Promise<{ status: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_DATASETS: "none" };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [VITEST, "run", "--config", "test/fixtures/exit-status/vitest.fixtures.mts", name], {
    cwd: ROOT,
    env,
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((done) => child.on("close", (status) => done({ status, output })));
}

describe("npm test's exit status on the embedded database", () => {
  it("is non-zero when a test fails, when a file fails to load, and zero when all pass", async () => {
    const [failing, unloadable, passing] = await Promise.all(["failing", "unloadable", "passing"].map(runFixture));
    expect(failing.output).toContain("1 failed");
    expect(failing.status).toBe(1);
    expect(unloadable.output).toContain("this file fails to load on purpose");
    expect(unloadable.status).toBe(1);
    expect(passing.output).toContain("1 passed");
    expect(passing.status, passing.output).toBe(0);
  }, 60_000);
});
