import "../gateway/no-telemetry";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { DEMO_TOKEN_SECRET, envPrefix, loadConfig, SUBGRAPH_NAMES } from "../subgraphs/kit/config";
import { generateGatewayKeys } from "../subgraphs/kit/internal-token";
import { prepareData } from "./data";
import { launch, type Child, type Statements } from "./processes";
import { ratios, summarise, table, type GatewayFigures, type RoundSample } from "./report";
import { buildScenarios, type Scenario } from "./scenarios";

const USAGE = `npm run bench -- [--quick] [--size demo|province] [--rounds N] [--seconds T] [--connections N]
                     [--gap S] [--only Q1,Q2,Q3,Q4,mix,gap]
  Runs every scenario against the hub's gateway, stock @apollo/gateway, Hive Gateway and the SQL
  floor, interleaved round by round, and writes bench/results/<timestamp>-<size>.json.
  --quick         1 round of 2 s per scenario and gateway (under 2 minutes at demo size)
  --size          demo (3,000 households, default) or province (115,000; seeded once, about a minute)
  --rounds N      rounds per scenario and gateway (default 3)      --seconds T  seconds per round (default 15)
  --connections N concurrent connections (default 10)              --gap S      idle seconds before each round of "gap" (6)
  DATABASE_URL    a PostgreSQL server to use instead of the embedded one (bench/.data/)`;

const SIZES = { demo: 3_000, province: 115_000 } as const;
const SEED = 20210201;

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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean" },
      size: { type: "string", default: "demo" },
      rounds: { type: "string" },
      seconds: { type: "string" },
      connections: { type: "string", default: "10" },
      gap: { type: "string", default: "6" },
      only: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return void console.log(USAGE);
  const size = values.size as keyof typeof SIZES;
  if (!(size in SIZES)) throw new Error(`--size must be demo or province, not ${values.size}`);
  const rounds = Number(values.rounds ?? (values.quick ? 1 : 3));
  const seconds = Number(values.seconds ?? (values.quick ? 2 : 15));
  const connections = Number(values.connections);
  const gap = Number(values.gap);
  ensureBenchDependencies();
  const { measure } = await import("./load.ts"); // autocannon is one of bench/'s own dependencies, installed just above

  const started = new Date();
  const data = await prepareData({ label: size, households: SIZES[size], seed: SEED });
  const children: Child[] = [];
  const stopAll = async () => {
    await Promise.all(children.map((c) => c.stop()));
    await data.stop();
  };
  try {
    const keys = generateGatewayKeys();
    const base = { PATH: process.env.PATH, HOME: process.env.HOME, HOST: "127.0.0.1", APOLLO_TELEMETRY_DISABLED: "true" };
    // Each process gets only its own configuration: a subgraph its database and the public key.
    const subgraphs = await Promise.all(
      SUBGRAPH_NAMES.map((name) =>
        launch(name, "bench/subgraph.ts", [name], {
          ...base,
          GATEWAY_PUBLIC_KEY: keys.publicKeyPem,
          [`${envPrefix(name)}_DATABASE_URL`]: data.urls[name],
        }),
      ),
    );
    children.push(...subgraphs);
    const gatewayEnv = {
      ...base,
      PORT: "0",
      AUTH_HS256_SECRET: DEMO_TOKEN_SECRET,
      GATEWAY_PRIVATE_KEY: keys.privateKeyPem,
      ...Object.fromEntries(subgraphs.map((s) => [`${envPrefix(s.name)}_URL`, s.url])),
    };
    const floorEnv = { ...base, ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`${envPrefix(n)}_DATABASE_URL`, data.urls[n]])) };
    const gateways = await Promise.all([
      launch("hub", "gateway/index.ts", [], gatewayEnv),
      launch("stock", "bench/stock-gateway.ts", [], gatewayEnv),
      launch("hive", "bench/hive-gateway.ts", [], gatewayEnv),
      launch("floor", "bench/floor.ts", [], floorEnv),
    ]);
    children.push(...gateways);
    const counted = [...subgraphs, gateways[3]];
    const only = values.only?.split(",");
    const scenarios = (
      await buildScenarios({ auth: loadConfig(gatewayEnv).auth, registryUrl: data.urls["social-development"], gap })
    ).filter((s) => !only || only.includes(s.key));
    console.log(
      `\n${gateways.length} gateways up; ${rounds} round(s) of ${seconds} s per scenario and gateway, ${connections} connections`,
    );

    const results: { key: string; title: string; sameAnswers: Record<string, boolean>; gateways: Record<string, GatewayFigures> }[] = [];
    for (const scenario of scenarios) {
      const sameAnswers = await compareAnswers(scenario, gateways);
      const samples = new Map<string, RoundSample[]>(gateways.map((g) => [g.name, []]));
      for (let round = 0; round < rounds; round++) {
        // A B C D, A B C D …: whatever else runs on the machine meanwhile hits every gateway alike.
        for (const gateway of gateways) {
          if (scenario.idleBefore) await sleep(scenario.idleBefore * 1000);
          const before = await totalStatements(counted);
          const [result, rssMb] = await peakRss(gateway, () =>
            measure(gateway.url, scenario.requests, { connections, seconds, timeout: 10 }),
          );
          const after = await totalStatements(counted);
          const statements = Object.fromEntries(Object.entries(after).map(([db, n]) => [db, n - (before[db] ?? 0)]));
          samples.get(gateway.name)!.push({ ...result, rssMb, statements });
        }
      }
      const figures = Object.fromEntries([...samples].map(([name, s]) => [name, summarise(s)]));
      results.push({ key: scenario.key, title: scenario.title, sameAnswers, gateways: figures });
      console.log(`\n${table(`${scenario.key} ${scenario.title}`, figures)}`);
    }

    const file = resolve(
      __dirname,
      "results",
      `${started.toISOString().replace(/[:.]/g, "-")}-${size}${values.quick ? "-quick" : ""}.json`,
    );
    mkdirSync(resolve(__dirname, "results"), { recursive: true });
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          startedAt: started.toISOString(),
          finishedAt: new Date().toISOString(),
          size: { name: size, households: SIZES[size], seed: SEED },
          options: { quick: !!values.quick, rounds, seconds, connections, gap, timeoutSeconds: 10 },
          machine: {
            cores: availableParallelism(),
            cpu: cpus()[0]?.model,
            memoryGb: Math.round(totalmem() / 2 ** 30),
            node: process.version,
            database: process.env.DATABASE_URL ? "DATABASE_URL" : "embedded PostgreSQL",
            loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100),
          },
          caveat: "A shared 2-core machine: other work may have run meanwhile. Compare gateways within this run (ratios), not across runs.",
          scenarios: results.map((r) => ({ ...r, ratios: ratios(r.gateways) })),
          gatewayPeakRssMbOverRun: Object.fromEntries(gateways.map((g) => [g.name, Math.round(g.memory().peakMb)])),
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nwritten: ${file}`);
  } finally {
    await stopAll();
  }
}

/** Sends each gateway the scenario's first request and tells whose `data` equals the hub's. */
async function compareAnswers(scenario: Scenario, gateways: Child[]): Promise<Record<string, boolean>> {
  const [first] = scenario.requests;
  const answers = await Promise.all(
    gateways.map(async (g) => {
      const response = await fetch(g.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...first.headers },
        body: first.body,
      });
      return (await response.json()) as { data?: unknown; errors?: unknown };
    }),
  );
  const hub = JSON.stringify(answers[0].data);
  const same = Object.fromEntries(gateways.slice(1).map((g, i) => [g.name, JSON.stringify(answers[i + 1].data) === hub]));
  for (const [i, g] of gateways.entries()) {
    if (answers[i].errors)
      console.warn(`${scenario.key}: ${g.name} answered with errors: ${JSON.stringify(answers[i].errors).slice(0, 300)}`);
    if (i > 0 && !same[g.name]) {
      console.warn(`${scenario.key}: ${g.name}'s data differs from the hub's`);
    }
  }
  return same;
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.message}\n\n${USAGE}`);
  process.exit(1);
});
