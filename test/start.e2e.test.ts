import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { envPrefix, SUBGRAPH_NAMES } from "../subgraphs/kit/config";
import { freePort } from "./ports";

const portOpen = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, "127.0.0.1", () => (socket.end(), done(true)));
    socket.on("error", () => done(false));
  });

/**
 * `npm start` as a newcomer runs it: no DATABASE_URL, so the embedded PostgreSQL, a process per
 * subgraph and one for the gateway; Ctrl-C stops everything. (CI's other tests use the machine's
 * server: this one proves the embedded path.)
 */
describe("npm start", () => {
  it("brings the whole hub up on an embedded PostgreSQL with demo data, and Ctrl-C stops it cleanly", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "mukdahan-start-"));
    chmodSync(dataDir, 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DEMO_HOUSEHOLDS: "200" };
    delete env.DATABASE_URL;
    env.PORT = String(await freePort());
    env.EMBEDDED_PG_PORT = String(await freePort());
    for (const name of SUBGRAPH_NAMES) env[`${envPrefix(name)}_PORT`] = String(await freePort());

    const hub = spawn(process.execPath, ["--import", "tsx", resolve(__dirname, "../scripts/start.ts")], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    hub.stdout.on("data", (chunk) => (output += chunk));
    hub.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((done) => hub.on("exit", (code) => done(code)));
    try {
      await expect.poll(() => output, { timeout: 90_000, interval: 250 }).toMatch(/hub is up|failed/);
      expect(output).toContain("hub is up");
      expect(output).toContain(`playground: http://127.0.0.1:${env.PORT}/`);

      const response = await fetch(`http://127.0.0.1:${env.PORT}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ tambon(code: "490101") { nameEn householdCount district { nameEn } } }` }),
      });
      const { data } = (await response.json()) as { data: { tambon: { nameEn: string; householdCount: number } } };
      expect(data.tambon.nameEn).toBe("Mukdahan");
      expect(data.tambon.householdCount).toBeGreaterThan(0);

      hub.kill("SIGINT");
      expect(await exited).toBe(0);
      const after = await fetch(`http://127.0.0.1:${env.PORT}/health`).then(() => "up", () => "down");
      expect(after).toBe("down");
      expect(await portOpen(Number(env.EMBEDDED_PG_PORT))).toBe(false); // PostgreSQL stopped too
    } finally {
      hub.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
