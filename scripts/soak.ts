import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadOperations } from "../gateway/operations";
import { SUBGRAPH_NAMES } from "../subgraphs/kit/config";
import { databaseName, dropDatabase } from "../subgraphs/kit/database";
import { geography } from "../subgraphs/kit/geography";
import { type Answer, growth, kindsOf, type MemorySample, minuteTable } from "./soak-report";

/**
 * `npm run soak -- --minutes 10`: the hub as `npm start` runs it (supervisor and all), under a fixed
 * load of the cross-agency questions (TambonProfile of every tambon and DistrictRollup of every
 * district in turn, `--rps` a second), with
 * one subgraph killed at 40% of the run (the supervisor restarts it) and another stalled (SIGSTOP)
 * from 60% for a tenth of the run. Reports errors by kind and p50/p99 per minute, and each process's
 * RSS over time; exits 1 on any 5xx, a request left without an answer for 15 s, or a process whose
 * memory grows steadily. The default load (5 a second) is what a loaded 2-core machine sustains.
 */
const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    rps: { type: "string", default: "5" },
    kill: { type: "string", default: "agriculture" },
    stall: { type: "string", default: "housing" },
    warmup: { type: "string", default: "30" },
  },
});
const minutes = Number(values.minutes);
const rps = Number(values.rps);
const durationMs = minutes * 60_000;
const ROOT = resolve(__dirname, "..");
const say = (line: string) => console.log(`[soak ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const t0 = performance.now();

/** `npm start` on its own data: the machine's PostgreSQL when DATABASE_URL is set (fresh databases), else an embedded one. */
function startHub(): { hub: ChildProcess; output: () => string; cleanup: () => Promise<void> } {
  const dataDir = mkdtempSync(join(tmpdir(), "mukdahan-soak-"));
  const prefix = `soak_${randomBytes(3).toString("hex")}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_PREFIX: prefix, PORT: "0", EMBEDDED_PG_PORT: "0" };
  for (const name of SUBGRAPH_NAMES) env[`${name.toUpperCase().replace(/-/g, "_")}_PORT`] = "0";
  const hub = spawn(process.execPath, ["--import", "tsx", resolve(ROOT, "scripts/start.ts")], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  hub.stdout!.on("data", (chunk) => (output += chunk));
  hub.stderr!.on("data", (chunk) => (output += chunk));
  return {
    hub,
    output: () => output,
    cleanup: async () => {
      if (process.env.DATABASE_URL)
        for (const name of SUBGRAPH_NAMES) await dropDatabase(process.env.DATABASE_URL, databaseName(prefix, name));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The hub's processes now: name → pid (a restarted subgraph has a new pid). */
function processes(hubPid: number): Record<string, number> {
  const found: Record<string, number> = { hub: hubPid };
  let pids: number[];
  try {
    pids = execFileSync("pgrep", ["-P", String(hubPid)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map(Number);
  } catch {
    return found; // pgrep found no child (any more)
  }
  for (const pid of pids) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
      const name = args.includes("gateway/index.ts") ? "gateway" : SUBGRAPH_NAMES.find((n) => args.includes(`start-subgraph.ts ${n}`));
      if (name) found[name] = pid;
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

const rssMb = (pid: number): number | undefined => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith("VmRSS:"));
    return Number(line!.replace(/\D/g, "")) / 1024;
  } catch {
    return undefined;
  }
};

async function main(): Promise<void> {
  const { hub, output, cleanup } = startHub();
  let stopping: Promise<void> | undefined;
  const stopHub = () =>
    (stopping ??= (async () => {
      for (const pid of Object.values(processes(hub.pid!))) process.kill(pid, "SIGCONT"); // a stalled child must hear SIGINT
      if (hub.exitCode === null) {
        hub.kill("SIGINT");
        await new Promise((done) => hub.once("exit", done));
      }
      await cleanup();
    })());
  process.on("SIGINT", () => void stopHub().then(() => process.exit(130)));
  try {
    await soak(hub, output);
  } finally {
    await stopHub();
  }
}

async function soak(hub: ChildProcess, output: () => string): Promise<void> {
  while (!/hub is up|failed to start/.test(output())) await new Promise((r) => setTimeout(r, 250));
  if (!output().includes("hub is up")) throw new Error(`the hub did not start:\n${output()}`);
  await new Promise((r) => setTimeout(r, 500)); // the gateway's own ready line may follow the hub's
  const gatewayUrl = /"service":"gateway"[^\n]*"url":"([^"]+)"[^\n]*gateway ready at/.exec(output())?.[1];
  if (!gatewayUrl) throw new Error("the gateway's URL is not in the hub's output");
  say(`hub up, gateway at ${gatewayUrl}; ${rps} requests a second for ${minutes} min after a warm-up of ${values.warmup} s`);

  // Every tambon's profile and every district's rollup in turn: not one answer the response cache keeps.
  const op = (name: string) => loadOperations().find((o) => o.name === name)!.query;
  const { tambons, districts } = geography();
  const tambonBodies = tambons.map((t) => JSON.stringify({ query: op("TambonProfile"), variables: { code: t.code } }));
  const districtBodies = districts.map((d) => JSON.stringify({ query: op("DistrictRollup"), variables: { districtCode: d.code } }));
  const bodyOf = (i: number) =>
    i % 2 === 0 ? tambonBodies[(i / 2) % tambonBodies.length] : districtBodies[((i - 1) / 2) % districtBodies.length];
  const answers: Answer[] = [];
  const memory: MemorySample[] = [];
  const inFlight = new Set<Promise<void>>();
  const ask = (i: number) => {
    const sentAt = performance.now() - t0;
    const done = fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: bodyOf(i),
      signal: AbortSignal.timeout(15_000),
    })
      .then(async (response) => ({ status: response.status, body: await response.text() }))
      .then(
        ({ status, body }) => answers.push({ sentAt, ms: performance.now() - t0 - sentAt, status, kinds: kindsOf(status, body) }),
        (error: Error & { cause?: { code?: string } }) =>
          answers.push({
            sentAt,
            ms: performance.now() - t0 - sentAt,
            status: 0,
            kinds: [`no answer: ${error.cause?.code ?? error.name}`],
          }),
      )
      .then(() => void inFlight.delete(done));
    inFlight.add(done);
  };

  let stalledPid: number | undefined;
  const events = [
    { at: 0.4 * durationMs, what: () => kill(values.kill!, "SIGKILL") },
    { at: 0.6 * durationMs, what: () => (stalledPid = kill(values.stall!, "SIGSTOP")) },
    { at: 0.7 * durationMs, what: () => stalledPid && process.kill(stalledPid, "SIGCONT") && say(`${values.stall} SIGCONT`) },
  ];
  const kill = (name: string, signal: NodeJS.Signals) => {
    const pid = processes(hub.pid!)[name];
    process.kill(pid, signal);
    say(`${name} (pid ${pid}) ${signal}`);
    return pid;
  };
  // A fresh gateway plans each operation once and a fresh process compiles its code: not judged.
  const warmUntil = performance.now() + Number(values.warmup) * 1000;
  for (let i = 0; performance.now() < warmUntil; i++) {
    ask(i);
    await new Promise((r) => setTimeout(r, 1000 / rps));
  }
  await Promise.all(inFlight);
  answers.length = 0;
  const started = performance.now();
  const sampler = setInterval(() => {
    const at = performance.now() - started;
    for (const [name, pid] of Object.entries(processes(hub.pid!))) {
      const mb = rssMb(pid);
      if (mb !== undefined) memory.push({ at, name, pid, mb });
    }
  }, 5000);
  for (let i = 0; performance.now() - started < durationMs; i++) {
    const due = started + (i * 1000) / rps;
    if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
    while (events.length > 0 && performance.now() - started >= events[0].at) events.shift()!.what();
    ask(i);
    if (i % (rps * 60) === 0 && i > 0) say(`${i} requests sent, ${answers.length} answered`);
  }
  clearInterval(sampler);
  await Promise.all(inFlight);

  const offset = started - t0;
  console.log(`\nper minute (requests counted in the minute they were sent):\n${minuteTable(answers, offset)}`);
  console.log("\nRSS per process (MB, every 5 s; first, at each quarter, last):");
  const grew = growth(memory);
  for (const line of grew.lines) console.log(`  ${line}`);
  const fivexx = answers.filter((a) => a.status >= 500).length;
  // A request left without any answer is worse than a 5xx: the gateway must always answer, partially if need be.
  const unanswered = answers.filter((a) => a.status === 0).length;
  const failures = [
    ...(fivexx > 0 ? [`${fivexx} answers were 5xx`] : []),
    ...(unanswered > 0 ? [`${unanswered} requests got no answer within 15 s`] : []),
    ...grew.growing.map((n) => `${n}'s memory grows steadily`),
  ];
  console.log(
    failures.length === 0
      ? "\nsoak passed: no 5xx, every request answered, no steady memory growth"
      : `\nsoak FAILED: ${failures.join("; ")}`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main().then(
  () => process.exit(),
  (error: Error) => {
    console.error(`soak failed: ${error.message}`);
    process.exit(1);
  },
);
