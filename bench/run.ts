import "../gateway/no-telemetry";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { DEMO_TOKEN_SECRET, envPrefix, loadConfig, SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/kit/config";
import { onServer } from "../subgraphs/kit/database";
import { generateGatewayKeys } from "../subgraphs/kit/internal-token";
import { prepareData, type BenchData } from "./data";
import { launch, type Child, type Statements } from "./processes";
import { byKind, selfTimeByCategory } from "./profile";
import { markdown, ratios, summarise, table, targets, targetTable, type GatewayFigures, type RoundSample } from "./report";
import type { BenchRequest } from "./load";
import { buildScenarios } from "./scenarios";

const USAGE = `npm run bench -- [--quick] [--size demo|province] [--rounds N] [--seconds T] [--connections N]
                     [--gaps S,S] [--only Q1,Q2,Q3,Q4,mix,gap] [--profile]
  Runs every scenario against the hub's gateway, stock @apollo/gateway, Hive Gateway and the SQL
  floor, interleaved round by round, and writes bench/results/<timestamp>-<size>.json.
  --quick         1 round of 2 s per scenario and gateway (under 2 minutes at demo size)
  --size          demo (3,000 households, default) or province (115,000; seeded once, about a minute)
  --rounds N      rounds per scenario and gateway (default 3)      --seconds T  seconds per round (default 15)
  --connections N concurrent connections (default 10)             --timeout S  a request unanswered this long is an error (10)
  --gaps S,S      idle seconds before the rounds of "gap", one per round, cycling (default 5,5.5,6: the
                  subgraphs close idle sockets after 5 s); "gap" runs twice the rounds, of at most 3 s
  --profile       only the hub's gateway, under Q2, with node --cpu-prof; prints its self time by package
  DATABASE_URL    a PostgreSQL server to use instead of the embedded one (bench/.data/)`;

const SIZES = { demo: 3_000, province: 115_000 } as const;
const SEED = 20210201;
const RESULTS = resolve(__dirname, "results");
/** The longest the settling of statement counts waits, in seconds. */
const SETTLE_SECONDS = 10;

/** The competitors live in bench/'s own package.json: installed on first use. */
function ensureBenchDependencies(): void {
  if (existsSync(resolve(__dirname, "node_modules"))) return;
  console.log("bench/node_modules is missing: running `npm --prefix bench ci` (Hive Gateway, autocannon) …");
  execFileSync("npm", ["--prefix", __dirname, "ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
}

/** Samples a process's resident memory every 200 ms while `work` runs; returns the highest seen. */
async function peakRss<T>(child: Child, work: () => Promise<T>): Promise<[T, number]> {
  let peak = child.memory().rssMb;
  const timer = setInterval(() => {
    peak = Math.max(peak, child.memory().rssMb);
  }, 200);
  try {
    return [await work(), peak];
  } finally {
    clearInterval(timer);
  }
}

/** Statements sent so far, by database, summed over the subgraphs and the floor (one of them is busy at a time). */
async function totalStatements(children: Child[]): Promise<Statements> {
  const total: Statements = {};
  for (const counts of await Promise.all(children.map((c) => c.statements()))) {
    for (const [db, n] of Object.entries(counts)) total[db] = (total[db] ?? 0) + n;
  }
  return total;
}

/**
 * The counts once the requests still in flight at the end of a round have finished: no change for
 * `quietMs` (the round's median latency, at least 300 ms and at most 3 s; an estimate under load).
 */
async function settledStatements(children: Child[], quietMs: number): Promise<Statements> {
  const step = Math.min(Math.max(quietMs, 300), 3000);
  let last = await totalStatements(children);
  for (let waited = 0; waited < SETTLE_SECONDS * 1000; waited += step) {
    await sleep(step);
    const now = await totalStatements(children);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  return last;
}

interface Servers {
  subgraphs: Child[];
  gateways: Child[];
  /** Who counts SQL statements: the subgraphs and the floor. */
  counted: Child[];
  gatewayEnv: NodeJS.ProcessEnv;
}

/** The hub's gateway on the baseline size's subgraphs, in a province run: the growth from demo size, measured in the same run. */
const BASELINE = "hub@demo";

/**
 * The five subgraphs, then the gateways (or, to profile, the hub's alone), each in its own process;
 * in a province run also five subgraphs on demo-size data and a second hub gateway over them.
 */
async function startServers(data: BenchData, log: number, profileDir?: string): Promise<Servers> {
  const keys = generateGatewayKeys();
  const base = { PATH: process.env.PATH, HOME: process.env.HOME, HOST: "127.0.0.1", APOLLO_TELEMETRY_DISABLED: "true" };
  // Each process gets only its own configuration: a subgraph its database and the public key.
  const launchSubgraphs = (urls: Record<SubgraphName, string>, suffix = "") =>
    Promise.all(
      SUBGRAPH_NAMES.map((name) =>
        launch(`${name}${suffix}`, "bench/subgraph.ts", [name], {
          log,
          env: { ...base, GATEWAY_PUBLIC_KEY: keys.publicKeyPem, [`${envPrefix(name)}_DATABASE_URL`]: urls[name] },
        }),
      ),
    );
  const gatewayEnvOver = (subgraphs: Child[]) => ({
    ...base,
    PORT: "0",
    AUTH_HS256_SECRET: DEMO_TOKEN_SECRET,
    GATEWAY_PRIVATE_KEY: keys.privateKeyPem,
    // As in production (the hub's default there): no source-mapped stack traces. HUB_SOURCE_MAPS=true measures them.
    HUB_SOURCE_MAPS: process.env.HUB_SOURCE_MAPS ?? "false",
    // The hub's gateway on that many cores (node:cluster); the other gateways ignore it.
    ...(process.env.GATEWAY_WORKERS ? { GATEWAY_WORKERS: process.env.GATEWAY_WORKERS } : {}),
    ...Object.fromEntries(subgraphs.map((s, i) => [`${envPrefix(SUBGRAPH_NAMES[i])}_URL`, s.url])),
  });
  const subgraphs = await launchSubgraphs(data.urls);
  const gatewayEnv = gatewayEnvOver(subgraphs);
  if (profileDir) {
    const hub = await launch("hub", "gateway/index.ts", [], {
      log,
      env: gatewayEnv,
      nodeFlags: ["--cpu-prof", "--cpu-prof-dir", profileDir],
    });
    return { subgraphs, gateways: [hub], counted: subgraphs, gatewayEnv };
  }
  const baseline = data.baselineUrls ? await launchSubgraphs(data.baselineUrls, "@demo") : [];
  const floorEnv = { ...base, ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`${envPrefix(n)}_DATABASE_URL`, data.urls[n]])) };
  const [hub, hubAtDemo, ...others] = await Promise.all([
    launch("hub", "gateway/index.ts", [], { log, env: gatewayEnv }),
    baseline.length ? launch(BASELINE, "gateway/index.ts", [], { log, env: gatewayEnvOver(baseline) }) : undefined,
    launch("stock", "bench/stock-gateway.ts", [], { log, env: gatewayEnv }),
    launch("hive", "bench/hive-gateway.ts", [], { log, env: gatewayEnv }),
    launch("floor", "bench/floor.ts", [], { log, env: floorEnv }),
  ]);
  const gateways = [hub, ...(hubAtDemo ? [hubAtDemo] : []), ...(others as Child[])];
  const floor = others[2] as Child;
  return { subgraphs: [...subgraphs, ...baseline], gateways, counted: [...subgraphs, ...baseline, floor], gatewayEnv };
}

/** Where two answers first differ (a path and both values), or null when they are equal. */
function firstDifference(a: unknown, b: unknown, path = "data"): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as any)[key], (b as any)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
}

export interface Probe {
  /** Whether its `data` equals the hub's. */
  sameAsHub: boolean;
  /** SQL statements the one request cost, by database (nothing else running). */
  statements: Statements;
}

/**
 * Sends each gateway in turn the scenario's first request, alone: whose `data` equals the hub's,
 * and what one request costs in SQL statements when nothing else runs (no merging of concurrent
 * requests). The subgraphs' work is over when the answer arrives (audit rows included).
 */
async function probe(
  key: string,
  gateways: Child[],
  requestsOf: (g: Child) => BenchRequest[],
  counted: Child[],
): Promise<Record<string, Probe>> {
  const probes: Record<string, Probe> = {};
  let hub: unknown;
  for (const g of gateways) {
    const [first] = requestsOf(g);
    const before = await totalStatements(counted);
    const response = await fetch(g.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...first.headers },
      body: first.body,
    });
    const answer = (await response.json()) as { data?: unknown; errors?: unknown };
    const after = await totalStatements(counted);
    if (answer.errors) console.warn(`  ${key}: ${g.name} answered with errors: ${JSON.stringify(answer.errors).slice(0, 200)}`);
    if (g.name === "hub") hub = answer.data;
    const difference = g.name === BASELINE ? null : firstDifference(hub, answer.data); // other data, other answer
    if (difference) console.warn(`  ${key}: ${g.name}'s answer differs from the hub's at ${difference}`);
    const statements = Object.fromEntries(
      Object.entries(after).flatMap(([db, n]) => (n > (before[db] ?? 0) ? [[db, n - (before[db] ?? 0)]] : [])),
    );
    probes[g.name] = { sameAsHub: difference === null, statements };
  }
  return probes;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean" },
      size: { type: "string", default: "demo" },
      rounds: { type: "string" },
      seconds: { type: "string" },
      connections: { type: "string", default: "10" },
      timeout: { type: "string", default: "10" },
      gaps: { type: "string", default: "5,5.5,6" },
      only: { type: "string" },
      profile: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return void console.log(USAGE);
  const size = values.size as keyof typeof SIZES;
  if (!(size in SIZES)) throw new Error(`--size must be demo or province, not ${values.size}`);
  const rounds = Number(values.rounds ?? (values.quick || values.profile ? 1 : 3));
  const seconds = Number(values.seconds ?? (values.quick ? 2 : values.profile ? 20 : 15));
  const connections = Number(values.connections);
  const timeout = Number(values.timeout);
  const gaps = values.gaps.split(",").map(Number);
  ensureBenchDependencies();
  const { measure } = await import("./load.ts"); // autocannon is one of bench/'s own dependencies, installed just above

  const started = new Date();
  const at = () => `[${((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(4)} s]`;
  // Only a full run (every scenario) is named plainly: the others are git-ignored by their suffix.
  const kind = values.profile ? "-profile" : values.quick ? "-quick" : values.only ? "-partial" : "";
  const stem = `${started.toISOString().replace(/[:.]/g, "-")}-${size}${kind}`;
  mkdirSync(RESULTS, { recursive: true });
  const log = openSync(resolve(RESULTS, `${stem}.log`), "a");
  console.log(`the servers' own output goes to bench/results/${stem}.log`);
  // A province run measures the hub at demo size too, in the same run: how each answer grows with the data.
  const baselineSize = size === "province" && !values.profile ? { label: "demo", households: SIZES.demo, seed: SEED } : undefined;
  const data = await prepareData({ label: size, households: SIZES[size], seed: SEED }, baselineSize);
  const profileDir = values.profile ? resolve(RESULTS, "profiles", stem) : undefined;
  let servers: Servers | undefined;
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      await Promise.all([...(servers?.gateways ?? []), ...(servers?.subgraphs ?? [])].map((c) => c.stop()));
      await data.stop().catch((error: Error) => console.error(`could not drop this run's databases: ${error.message}`));
    })());
  // Ctrl-C (or a SIGTERM) still stops every server, drops this run's databases and stops PostgreSQL.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log("\nstopping the bench …");
      void stopAll().finally(() => process.exit(130));
    });
  }
  try {
    servers = await startServers(data, log, profileDir);
    const { gateways, counted } = servers;
    const only = values.only?.split(",") ?? (values.profile ? ["Q2"] : undefined);
    const auth = loadConfig(servers.gatewayEnv).auth;
    const scenarios = (await buildScenarios({ auth, registryUrl: data.urls["social-development"], gaps })).filter(
      (s) => !only || only.includes(s.key),
    );
    // The baseline hub is asked the same questions of its own data (Q1's households are its own).
    const atDemo = data.baselineUrls
      ? new Map((await buildScenarios({ auth, registryUrl: data.baselineUrls["social-development"], gaps })).map((s) => [s.key, s]))
      : undefined;
    console.log(
      `${at()} ${gateways.map((g) => g.name).join(", ")} up; ${rounds} round(s) of ${seconds} s per scenario and gateway, ${connections} connections`,
    );

    let loadWindow = { from: 0, to: 0 }; // when the hub was under load, in ms after it started (for --profile)
    const results: { key: string; title: string; alone: Record<string, Probe>; gateways: Record<string, GatewayFigures> }[] = [];
    for (const scenario of scenarios) {
      await settledStatements(counted, 300); // requests of the last scenario that timed out may still be running
      const players = gateways.filter((g) => (g.name === "floor" ? !scenario.noFloor : g.name !== BASELINE || scenario.compareSizes));
      const requestsOf = (g: Child) => (g.name === BASELINE ? atDemo!.get(scenario.key)!.requests : scenario.requests);
      const alone = await probe(scenario.key, players, requestsOf, counted);
      const samples = new Map<string, RoundSample[]>(players.map((g) => [g.name, []]));
      // The idle-gap scenario looks for errors, which come in the first requests after the gap: more, shorter rounds.
      const scenarioRounds = scenario.idleGaps && !values.quick ? Math.max(2 * rounds, scenario.idleGaps.length) : rounds;
      const scenarioSeconds = scenario.idleGaps ? Math.min(seconds, 3) : seconds;
      for (let round = 0; round < scenarioRounds; round++) {
        // A B C D, A B C D …: whatever else runs on the machine meanwhile hits every gateway alike.
        for (const gateway of players) {
          if (scenario.idleGaps) {
            await measure(gateway.url, requestsOf(gateway), { connections, seconds: 1, timeout });
            await sleep(scenario.idleGaps[round % scenario.idleGaps.length] * 1000);
          }
          const before = await totalStatements(counted);
          loadWindow = { from: Date.now() - gateway.startedAt, to: 0 };
          const [result, rssMb] = await peakRss(gateway, () =>
            measure(gateway.url, requestsOf(gateway), { connections, seconds: scenarioSeconds, timeout }),
          );
          loadWindow.to = Date.now() - gateway.startedAt;
          const after = await settledStatements(counted, result.p50);
          const statements = Object.fromEntries(Object.entries(after).map(([db, n]) => [db, n - (before[db] ?? 0)]));
          samples.get(gateway.name)!.push({ ...result, rssMb, statements });
        }
      }
      const figures = Object.fromEntries([...samples].map(([name, s]) => [name, summarise(s)]));
      results.push({ key: scenario.key, title: scenario.title, alone, gateways: figures });
      console.log(`\n${at()} ${table(`${scenario.key} ${scenario.title}`, figures, alone)}`);
    }

    let profile: { file: string; kinds: ReturnType<typeof byKind>; packages: ReturnType<typeof selfTimeByCategory> } | undefined;
    if (profileDir) {
      await gateways[0].stop(); // the profile is written as the process exits
      const [name] = readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"));
      const packages = selfTimeByCategory(resolve(profileDir, name), loadWindow.from, loadWindow.to);
      profile = { file: `bench/results/profiles/${stem}/${name}`, kinds: byKind(packages), packages: packages.slice(0, 30) };
      console.log(`\nthe hub gateway's self time under load (${profile.file}):`);
      for (const { kind, share } of profile.kinds) console.log(`  ${`${share.toFixed(1)}%`.padStart(6)}  ${kind}`);
      console.log("by package or part of Node:");
      for (const row of packages.slice(0, 15))
        console.log(`  ${`${row.share.toFixed(1)}%`.padStart(6)}  ${String(row.ms).padStart(6)} ms  ${row.category}`);
    }
    const checks = targets(results, BASELINE);
    console.log(`\nissue 11's targets, within this run:\n${targetTable(checks)}`);
    const postgres = await onServer(data.serverUrl, async (c) => (await c.query("SHOW server_version")).rows[0].server_version as string);
    const file = resolve(RESULTS, `${stem}.json`);
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          startedAt: started.toISOString(),
          finishedAt: new Date().toISOString(),
          size: { name: size, households: SIZES[size], seed: SEED },
          options: {
            quick: !!values.quick,
            rounds,
            seconds,
            connections,
            gaps,
            timeoutSeconds: timeout,
            gatewayWorkers: process.env.GATEWAY_WORKERS ?? "1",
          },
          machine: {
            cores: availableParallelism(),
            cpu: cpus()[0]?.model,
            memoryGb: Math.round(totalmem() / 2 ** 30),
            node: process.version,
            database: `PostgreSQL ${postgres}, ${process.env.DATABASE_URL ? "the server at DATABASE_URL" : "embedded (bench/.data)"}`,
            loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100),
          },
          caveat: "A shared 2-core machine: other work may have run meanwhile. Compare gateways within this run (ratios), not across runs.",
          scenarios: results.map((r) => ({ ...r, ratios: ratios(r.gateways) })),
          targets: checks,
          gatewayPeakRssMbOverRun: Object.fromEntries(
            gateways.filter((g) => g.running()).map((g) => [g.name, Math.round(g.memory().peakMb)]),
          ),
          profile,
        },
        null,
        2,
      )}\n`,
    );
    writeFileSync(resolve(RESULTS, `${stem}.md`), `${markdown(results)}\n\n${targetTable(checks)}\n`);
    console.log(`\n${at()} written: bench/results/${stem}.json (and .md: the tables for BENCHMARKS.md)`);
  } finally {
    await stopAll();
  }
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.message}\n\n${USAGE}`);
  process.exit(1);
});
