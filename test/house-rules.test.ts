import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** One of the package's check scripts, as a developer runs it: its exit status and what it printed. */
function npmRun(script: string): Promise<{ status: number | null; output: string }> {
  const child = spawn("npm", ["run", "-s", script], { cwd: resolve(__dirname, ".."), env: { ...process.env, FORCE_COLOR: "0" } });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((done) => child.on("close", (status) => done({ status, output })));
}

/** The rules of the house (ARCHITECTURE.md) as checks that fail, not hopes. Each names its fix. */
describe("the house keeps its own rules", () => {
  it("the code type-checks (npm run typecheck)", async () => {
    const { status, output } = await npmRun("typecheck");
    expect(status, output).toBe(0);
  }, 240_000); // three tsc runs (the hub, dashboard/, bench/ when installed); incremental after the first (node_modules/.cache/tsc)

  it("the code is formatted and passes the linter (npm run lint; npm run format fixes the layout)", async () => {
    const { status, output } = await npmRun("lint");
    expect(status, output).toBe(0);
  }, 60_000);

  it("an agency imports only itself and the kit; the kit and the gateway import no agency (npm run boundaries)", async () => {
    const { status, output } = await npmRun("boundaries");
    expect(status, output).toBe(0);
  }, 60_000);

  it("every dependency is declared in package.json and used (npm run deps)", async () => {
    const { status, output } = await npmRun("deps");
    expect(status, output).toBe(0);
  }, 60_000);
});
