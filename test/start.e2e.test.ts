import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, type ExpectStatic, it } from "vitest";
import type { Readiness } from "../gateway/readiness";
import { envPrefix, SUBGRAPH_NAMES } from "../subgraphs/kit/config";
import { signInternalToken, privateKey } from "../subgraphs/kit/internal-token";
import { PUBLIC_IDENTITY } from "../subgraphs/kit/identity";
import { readGatewayKeys } from "../subgraphs/kit/keys";

const ROOT = resolve(__dirname, "..");

const portOpen = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.end();
      done(true);
    });
    socket.on("error", () => done(false));
  });

interface Launched {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A data folder for one test, removed afterwards with whatever PostgreSQL a killed hub left in it. */
function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "mukdahan-start-"));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user, who must reach it
  cleanups.push(() => {
    const pidFile = join(dir, "postgres", "postmaster.pid");
    if (existsSync(pidFile)) {
      try {
        process.kill(Number(readFileSync(pidFile, "utf8").split("\n")[0]), "SIGINT");
      } catch {
        // already gone
      }
    }
    setTimeout(() => rmSync(dir, { recursive: true, force: true }), 2000).unref();
  });
  return dir;
}

/** An entry point as a newcomer runs it: in a process group of its own, as a terminal gives it. */
function run(script: string, args: string[], env: NodeJS.ProcessEnv): Launched {
  const child = spawn(process.execPath, ["--import", "tsx", resolve(ROOT, script), ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  cleanups.push(() => {
    try {
      process.kill(-child.pid!, "SIGKILL"); // the whole group, whatever the test left
    } catch {
      // already gone
    }
  });
  return { process: child, output: () => output, exited };
}

/**
 * The environment of `npm start` on a fresh machine: no DATABASE_URL (the embedded PostgreSQL),
 * every server on port 0 (any free port: none found free first and taken meanwhile), and secrets
 * set so that the test can see where they do and do not go.
 */
function hubEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DEMO_HOUSEHOLDS: "200",
    LOG_LEVEL: "info",
    PORT: "0",
    EMBEDDED_PG_PORT: "0",
    AUTH_HS256_SECRET: "user-token-secret-for-this-test",
    LINKAGE_SECRET: "linkage-secret-for-this-test",
  };
  delete env.DATABASE_URL;
  for (const name of SUBGRAPH_NAMES) env[`${envPrefix(name)}_PORT`] = "0";
  return env;
}

interface Hub extends Launched {
  dataDir: string;
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  postgresPort: number;
}

/** Starts `npm start`; `expect` is the test's own (the tests run side by side: the global one cannot tell them apart). */
async function startHub(expect: ExpectStatic, dataDir = dataFolder()): Promise<Hub> {
  const launched = run("scripts/start.ts", [], hubEnv(dataDir));
  await expect.poll(launched.output, { timeout: 90_000, interval: 250 }).toMatch(/hub is up|failed/);
  expect(launched.output()).toContain("hub is up");
  // Each process writes its own log lines: the gateway's may reach the pipe after the hub's.
  await expect.poll(() => logLines(launched.output()).some((l) => l.service === "gateway" && / ready at /.test(l.msg))).toBe(true);
  const output = launched.output();
  const subgraphUrls = Object.fromEntries(logLines(output).flatMap((l) => (/ ready at /.test(l.msg) ? [[l.service, l.url]] : [])));
  expect(Object.keys(subgraphUrls).sort(), output).toEqual([...SUBGRAPH_NAMES, "gateway"].sort());
  return {
    ...launched,
    dataDir,
    gatewayUrl: subgraphUrls.gateway,
    subgraphUrls,
    postgresPort: Number(/PostgreSQL listening on 127\.0\.0\.1:(\d+)/.exec(output)![1]),
  };
}

const portOfUrl = (url: string) => Number(new URL(url).port);

/** The JSON log lines in a process's output (the hub's processes log with pino). */
const logLines = (output: string): Record<string, any>[] =>
  output.split("\n").flatMap((line) => {
    try {
      return [JSON.parse(line)];
    } catch {
      return [];
    }
  });

async function tambon(gatewayUrl: string) {
  const response = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ tambon(code: "490101") { nameEn housing { unsafeHousing } } }` }),
  });
  return (await response.json()) as { data?: { tambon: { nameEn: string; housing: unknown } }; errors?: unknown[] };
}

/** The hub's child processes with what each was started as, and its environment (Linux /proc). */
function children(hubPid: number): { args: string; env: Record<string, string> }[] {
  const pids = execFileSync("pgrep", ["-P", String(hubPid)], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map(Number);
  return pids
    .map((pid) => ({
      args: readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim(),
      env: Object.fromEntries(
        readFileSync(`/proc/${pid}/environ`, "utf8")
          .split("\0")
          .filter(Boolean)
          .map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
      ),
    }))
    .filter((c) => c.args.includes("scripts/start-subgraph.ts") || c.args.includes("gateway/index.ts"));
}

// Each test has a hub and a data folder of its own: they run side by side (most of a start is waiting).
describe.concurrent("npm start", () => {
  it("brings the whole hub up on an embedded PostgreSQL with demo data; each process gets only its own secrets; a second start is refused; a killed subgraph is restarted; Ctrl-C stops everything in under 2 s", async ({
    expect,
  }) => {
    const hub = await startHub(expect);
    const answer = await tambon(hub.gatewayUrl);
    expect(answer.data?.tambon.nameEn).toBe("Mukdahan");

    // Each process holds only its own secrets.
    const procs = children(hub.process.pid!);
    expect(procs).toHaveLength(SUBGRAPH_NAMES.length + 1);
    for (const { args, env } of procs) {
      const name = SUBGRAPH_NAMES.find((n) => args.endsWith(`start-subgraph.ts ${n}`));
      expect(
        Object.keys(env).filter((k) => k.endsWith("DATABASE_URL") && k !== `${envPrefix(name ?? "none")}_DATABASE_URL`),
        args,
      ).toEqual([]);
      if (name) {
        expect(env.GATEWAY_PRIVATE_KEY, args).toBeUndefined();
        expect(env.AUTH_HS256_SECRET, args).toBeUndefined();
        expect(env.GATEWAY_PUBLIC_KEY, args).toContain("PUBLIC KEY");
        expect(env[`${envPrefix(name)}_DATABASE_URL`], args).toMatch(/^postgres:/);
        // Only the registry turns citizen IDs into linkage ids: no other agency's process can invert one.
        expect(env.LINKAGE_SECRET, args).toBe(name === "social-development" ? "linkage-secret-for-this-test" : undefined);
      } else {
        expect(env.GATEWAY_PRIVATE_KEY).toContain("PRIVATE KEY");
        expect(env.AUTH_HS256_SECRET).toBe("user-token-secret-for-this-test"); // only the gateway verifies user tokens
        expect(env.LINKAGE_SECRET).toBeUndefined();
      }
    }

    // A second hub on the same data folder is refused at once, naming the one that holds it.
    const second = run("scripts/start.ts", [], hubEnv(hub.dataDir));
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`in use by another hub (pid ${hub.process.pid})`);

    // A subgraph killed outright comes back on its own; the gateway answers the others meanwhile.
    process.kill(
      Number(execFileSync("pgrep", ["-P", String(hub.process.pid), "-f", "start-subgraph.ts housing"], { encoding: "utf8" })),
      "SIGKILL",
    );
    await expect.poll(hub.output, { timeout: 30_000 }).toMatch(/housing is back at/);
    expect(hub.output()).toMatch(/housing stopped \(SIGKILL\); restarting it/);
    await expect.poll(async () => (await tambon(hub.gatewayUrl)).errors, { timeout: 10_000 }).toBeUndefined();
    // The gateway saw it go (its probes of /health) and come back; /ready says all is up again.
    expect(logLines(hub.output()).some((l) => l.service === "gateway" && l.msg === "housing is down")).toBe(true);
    const ready = hub.gatewayUrl.replace(/graphql$/, "ready");
    await expect.poll(async () => (await fetch(ready)).status, { timeout: 10_000 }).toBe(200);
    expect(((await (await fetch(ready)).json()) as Readiness).subgraphs.housing.state).toBe("up");

    // Ctrl-C: every process of the group gets SIGINT at once.
    const asked = Date.now();
    process.kill(-hub.process.pid!, "SIGINT");
    const status = await hub.exited;
    const stopped = logLines(hub.output()).filter((l) => Date.parse(l.time) >= asked);
    expect(
      stopped.filter((l) => l.level >= 50),
      "every process finished its own shutdown",
    ).toEqual([]);
    expect(status).toBe(0);
    expect(Date.now() - asked).toBeLessThan(2000);
    for (const url of Object.values(hub.subgraphUrls)) expect(await portOpen(portOfUrl(url)), url).toBe(false);
    expect(await portOpen(hub.postgresPort)).toBe(false); // PostgreSQL stopped too
    expect(existsSync(join(hub.dataDir, "hub.pid"))).toBe(false); // and no lock is left
  }, 180_000);

  it("when the hub's own process is killed outright, its subgraphs and gateway stop by themselves, and the next start takes over", async ({
    expect,
  }) => {
    const hub = await startHub(expect);
    hub.process.kill("SIGKILL");
    await hub.exited;
    for (const url of Object.values(hub.subgraphUrls)) {
      await expect.poll(() => portOpen(portOfUrl(url)), { timeout: 15_000, interval: 250 }).toBe(false);
    }
    const next = await startHub(expect, hub.dataDir); // the lock and the PostgreSQL the killed hub left behind
    expect(next.output()).toMatch(/stopping the PostgreSQL \(pid \d+\) that a killed hub left running/);
    expect((await tambon(next.gatewayUrl)).data?.tambon.nameEn).toBe("Mukdahan");

    // A subgraph started alone joins this running hub: the hub's database server and gateway key.
    const env = { ...hubEnv(hub.dataDir), AGRICULTURE_PORT: "0" };
    const alone = run("scripts/start-subgraph.ts", ["agriculture"], env);
    await expect.poll(alone.output, { timeout: 60_000 }).toMatch(/agriculture ready at|failed/);
    const { url } = logLines(alone.output()).find((l) => / ready at /.test(l.msg))!;
    const body = JSON.stringify({ query: `{ farmers(tambonCode: "490101", first: 1) { totalCount } }` });
    const token = await signInternalToken(privateKey(readGatewayKeys(hub.dataDir).privateKeyPem!), PUBLIC_IDENTITY, "agriculture", body);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
    });
    expect(response.status).toBe(200);
    process.kill(-alone.process.pid!, "SIGINT");
    expect(await alone.exited).toBe(0);
    process.kill(-next.process.pid!, "SIGINT");
    expect(await next.exited).toBe(0);
  }, 180_000);

  it("a start that cannot reach its database says so and exits 1", async ({ expect }) => {
    const env = { ...hubEnv(dataFolder()), DATABASE_URL: "postgres://nobody@127.0.0.1:1/postgres" };
    const failed = run("scripts/start.ts", [], env);
    expect(await failed.exited).toBe(1);
    expect(failed.output()).toContain("the hub failed to start: cannot use the database nobody@127.0.0.1:1/postgres: connection refused");
  }, 60_000);
});
