import { DEFAULT_TIME_ZONE } from "../subgraphs/kit/clock";
import { SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/kit/config";
import { databaseName, databaseUrlOn, dropDatabase, ensureDatabase, onServer } from "../subgraphs/kit/database";
import { openSubgraphDatabase } from "../subgraphs/kit/subgraph";
import { SUBGRAPHS } from "../subgraphs/registry";

/**
 * The seeded data sets hubs start on. Each is seeded once per test run into template databases
 * (one per subgraph); every hub then gets its own clones (`CREATE DATABASE … TEMPLATE`), which is
 * much faster than migrating and seeding again. `demo` is what `npm start` seeds; `small` is a
 * tenth of it, so statement counts can be compared at 10× the data.
 */
export const DATASETS = {
  small: { households: 300, seed: 20210201 },
  demo: { households: 3000, seed: 20210201 },
} as const;
export type DatasetName = keyof typeof DATASETS;

const templateName = (run: string, dataset: DatasetName, subgraph: SubgraphName) => databaseName(`tpl_${run}_${dataset}`, subgraph);

/** Seeds every data set's template databases on the server (global setup, once per run). */
export async function createTemplates(serverUrl: string, run: string): Promise<void> {
  const jobs = Object.entries(DATASETS).flatMap(([dataset, size]) =>
    SUBGRAPH_NAMES.map(async (subgraph) => {
      const name = templateName(run, dataset as DatasetName, subgraph);
      const def = SUBGRAPHS[subgraph];
      const { ds } = await openSubgraphDatabase(def, await ensureDatabase(serverUrl, name), DEFAULT_TIME_ZONE, size);
      await ds.destroy(); // a template must have no connections when it is cloned
    }),
  );
  await Promise.all(jobs);
}

export async function dropTemplates(serverUrl: string, run: string): Promise<void> {
  for (const dataset of Object.keys(DATASETS) as DatasetName[]) {
    await Promise.all(SUBGRAPH_NAMES.map((s) => dropDatabase(serverUrl, templateName(run, dataset, s))));
  }
}

/** A fresh copy of a data set's template for one subgraph; returns its URL. */
export async function cloneTemplate(
  serverUrl: string,
  run: string,
  dataset: DatasetName,
  subgraph: SubgraphName,
  name: string,
): Promise<string> {
  await onServer(serverUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateName(run, dataset, subgraph)}`));
  return databaseUrlOn(serverUrl, name);
}
