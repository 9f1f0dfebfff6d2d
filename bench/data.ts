import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfig, SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/kit/config";
import { databaseName, databaseUrlOn, dropDatabase, ensureDatabase, onServer } from "../subgraphs/kit/database";
import { type EmbeddedServer, startEmbeddedPostgresOnAnyPort } from "../subgraphs/kit/embedded-postgres";
import { openSubgraphDatabase } from "../subgraphs/kit/subgraph";
import { SUBGRAPHS } from "../subgraphs/registry";

/**
 * The bench's databases. Each data size is seeded once, with the hub's own seed code, into
 * template databases that are kept between runs (`bench_<size>_<seed>_<subgraph>`, marked as
 * complete by a comment written after the seed finished, naming the seed code's version); every
 * run then works on fresh clones of them, so the writes and audit rows of one run never reach the
 * next. A template whose seed code has changed since is seeded again; new migrations are applied
 * to it in place.
 */
export interface BenchData {
  serverUrl: string;
  /** This run's clone of each subgraph's database. */
  urls: Record<SubgraphName, string>;
  /** The same for the baseline size, when asked for (a province run measures the hub at demo size too). */
  baselineUrls?: Record<SubgraphName, string>;
  stop(): Promise<void>;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const ROOT = resolve(__dirname, "..");

/** A hash of what an agency's demo data is made from: its seed files, the kit's demo population, the geocodes. */
function seedVersion(subgraph: SubgraphName): string {
  const files = [
    ...readdirSync(resolve(ROOT, "subgraphs", subgraph), { recursive: true, encoding: "utf8" })
      .filter((f) => /seed|demo/.test(f) && f.endsWith(".ts"))
      .map((f) => `subgraphs/${subgraph}/${f}`),
    ...readdirSync(resolve(ROOT, "subgraphs/kit/demo")).map((f) => `subgraphs/kit/demo/${f}`),
    ...readdirSync(resolve(ROOT, "data"))
      .filter((f) => f.endsWith(".csv"))
      .map((f) => `data/${f}`),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update(readFileSync(resolve(ROOT, file)));
  return hash.digest("hex").slice(0, 12);
}

/** Seeds one subgraph's template unless a complete one exists; always brings its migrations up to date. */
async function template(serverUrl: string, subgraph: SubgraphName, name: string, size: { households: number; seed: number }) {
  const marker = `mukdahan bench: households=${size.households} seed=${size.seed} code=${seedVersion(subgraph)}, vacuumed`;
  const found = await onServer(serverUrl, (c) =>
    c.query("SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1", [name]),
  );
  const complete = found.rows[0]?.note === marker;
  if (!complete) await dropDatabase(serverUrl, name); // absent, or a seed that did not finish
  const def = SUBGRAPHS[subgraph];
  // Seeded as \`npm start\` seeds: as the database's owner, without the serving pool's statement timeout.
  const started = Date.now();
  const { ds } = await openSubgraphDatabase(def, await ensureDatabase(serverUrl, name), loadConfig().timeZone, complete ? undefined : size);
  await ds.destroy(); // a template must have no connections when it is cloned
  if (complete) return;
  console.log(`  ${subgraph}: seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // As a database in service would be: planner statistics, visibility map and hint bits set once
  // here (the clones inherit them), not by autovacuum in the middle of a run.
  await onServer(databaseUrlOn(serverUrl, name), (c) => c.query("VACUUM (FREEZE, ANALYZE)"));
  await onServer(serverUrl, (c) => c.query(`COMMENT ON DATABASE ${name} IS '${marker}'`));
}

type Size = { label: string; households: number; seed: number };

export async function prepareData(size: Size, baseline?: Size): Promise<BenchData> {
  let embedded: EmbeddedServer | undefined;
  if (!process.env.DATABASE_URL) {
    console.log("starting the embedded PostgreSQL (bench/.data/; set DATABASE_URL to use a server) …");
    embedded = await startEmbeddedPostgresOnAnyPort(resolve(__dirname, ".data"), { flags: ["-c", "max_connections=200"] });
  }
  const serverUrl = process.env.DATABASE_URL ?? embedded!.url;
  const clones: string[] = [];
  /** Seeds the size's templates if need be, then clones them for this run. */
  const prepare = async (s: Size): Promise<Record<SubgraphName, string>> => {
    const prefix = `bench_${s.label}_${s.seed}`;
    console.log(`data: ${s.households.toLocaleString("en")} households (seed ${s.seed}); seeding only what is not seeded yet …`);
    await Promise.all(SUBGRAPH_NAMES.map((sub) => template(serverUrl, sub, databaseName(prefix, sub), s)));
    const urls = {} as Record<SubgraphName, string>;
    for (const sub of SUBGRAPH_NAMES) {
      const name = databaseName(`bench_run_${process.pid}_${s.label}`, sub);
      // FILE_COPY copies the files instead of writing the whole database to the WAL: much faster when large.
      await onServer(serverUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${databaseName(prefix, sub)} STRATEGY FILE_COPY`));
      clones.push(name);
      urls[sub] = databaseUrlOn(serverUrl, name);
    }
    return urls;
  };
  try {
    // Clones left by a bench that was killed (its pid is gone) are dropped.
    const stale = await onServer(serverUrl, (c) => c.query("SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_run\\_%'"));
    for (const { datname } of stale.rows as { datname: string }[]) {
      if (!alive(Number(datname.split("_")[2]))) await dropDatabase(serverUrl, datname);
    }
    const urls = await prepare(size);
    const baselineUrls = baseline && (await prepare(baseline));
    return {
      serverUrl,
      urls,
      baselineUrls,
      stop: async () => {
        for (const name of clones) await dropDatabase(serverUrl, name);
        await embedded?.stop();
      },
    };
  } catch (error) {
    for (const name of clones) await dropDatabase(serverUrl, name).catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
}
