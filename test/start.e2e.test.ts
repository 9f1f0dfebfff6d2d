import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { envPrefix, SUBGRAPH_NAMES } from "../subgraphs/kit/config";

const portOpen = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.end();
      done(true);
    });
    socket.on("error", () => done(false));
  });

interface Launched {
  hub: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  dataDir: string;
  gatewayPort: number;
  /** The gateway's and every subgraph's port. */
  servicePorts: number[];
  postgresPort: number;
}
const launched: Launched[] = [];

/**
 * `npm start` as a newcomer runs it: no DATABASE_URL, so the embedded PostgreSQL. Every server on
 * port 0 (any free port: no port found free first and taken by someone else meanwhile); the ports
 * are read back from what the hub prints.
 */
async function launch(): Promise<Launched> {
  const dataDir = mkdtempSync(join(tmpdir(), "mukdahan-start-"));
  chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DEMO_HOUSEHOLDS: "200", PORT: "0", EMBEDDED_PG_PORT: "0" };
  delete env.DATABASE_URL;
  for (const name of SUBGRAPH_NAMES) env[`${envPrefix(name)}_PORT`] = "0";
  const hub = spawn(process.execPath, ["--import", "tsx", resolve(__dirname, "../scripts/start.ts")], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // a process group of its own, as a terminal gives it
  });
  let output = "";
  hub.stdout!.on("data", (chunk) => (output += chunk));
  hub.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => hub.on("exit", (code) => done(code)));
  const run = { hub, output: () => output, exited, dataDir, gatewayPort: 0, servicePorts: [] as number[], postgresPort: 0 };
  launched.push(run);
  await expect.poll(() => output, { timeout: 90_000, interval: 250 }).toMatch(/hub is up|failed/);
  expect(output).toContain("hub is up");
  run.gatewayPort = Number(/playground: http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)![1]);
  const subgraphPorts = [...output.matchAll(/ ready at http:\/\/127\.0\.0\.1:(\d+)\/graphql/g)].map((m) => Number(m[1]));
  run.servicePorts = [...new Set([run.gatewayPort, ...subgraphPorts])];
  expect(run.servicePorts).toHaveLength(1 + SUBGRAPH_NAMES.length);
  run.postgresPort = Number(/PostgreSQL listening on 127\.0\.0\.1:(\d+)/.exec(output)![1]);
  return run;
}

afterEach(() => {
  for (const { hub, dataDir } of launched.splice(0)) {
    try {
      process.kill(-hub.pid!, "SIGKILL"); // the whole group, whatever the test left
    } catch {
      // already gone
    }
    // A PostgreSQL left behind by a killed hub: stop it through its pid file before removing its files.
    const pidFile = join(dataDir, "postgres", "postmaster.pid");
    if (existsSync(pidFile)) {
      try {
        process.kill(Number(readFileSync(pidFile, "utf8").split("\n")[0]), "SIGINT");
      } catch {
        // already gone
      }
    }
    setTimeout(() => rmSync(dataDir, { recursive: true, force: true }), 2000);
  }
});

describe("npm start", () => {
  it("brings the whole hub up on an embedded PostgreSQL with demo data, and Ctrl-C stops every process of it", async () => {
    const { hub, output, exited, gatewayPort, servicePorts, postgresPort } = await launch();
    const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ tambon(code: "490101") { nameEn householdCount district { nameEn } } }` }),
    });
    const { data } = (await response.json()) as { data: { tambon: { nameEn: string; householdCount: number } } };
    expect(data.tambon.nameEn).toBe("Mukdahan");
    expect(data.tambon.householdCount).toBeGreaterThan(0);

    process.kill(-hub.pid!, "SIGINT"); // Ctrl-C: every process of the group gets SIGINT at once
    expect(await exited).toBe(0);
    expect(output()).not.toContain("exiting anyway"); // every process finished its own shutdown
    for (const port of servicePorts) expect(await portOpen(port), `port ${port}`).toBe(false);
    expect(await portOpen(postgresPort)).toBe(false); // PostgreSQL stopped too
  }, 120_000);

  it("when the hub's own process is killed outright, its subgraphs and gateway stop by themselves", async () => {
    const { hub, exited, servicePorts } = await launch();
    hub.kill("SIGKILL");
    await exited;
    for (const port of servicePorts) {
      await expect.poll(() => portOpen(port), { timeout: 15_000, interval: 250 }).toBe(false);
    }
  }, 120_000);
});
