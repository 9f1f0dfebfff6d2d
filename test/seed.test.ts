import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_TIME_ZONE } from "../subgraphs/kit/clock";
import { dropDatabase, ensureDatabase, openDatabase } from "../subgraphs/kit/database";
import { demoHouseholds } from "../subgraphs/kit/demo/population";
import { openSubgraphDatabase } from "../subgraphs/kit/subgraph";
import { SUBGRAPHS } from "../subgraphs/registry";

const OPTIONS = { households: 400, seed: 7 };
const AGENCIES = ["social-development", "housing", "agriculture", "community-councils"] as const;
const suffix = randomBytes(4).toString("hex");
const seededName = (agency: string) => `test_seed_${agency.replace("-", "_")}_${suffix}`;
const bareName = (agency: string) => `test_seed_bare_${agency.replace("-", "_")}_${suffix}`;
const server = () => inject("databaseServerUrl");

/** The schema's foreign keys and indexes, as PostgreSQL would write them again. */
const schemaOf = (ds: DataSource) =>
  ds.query(`SELECT conrelid::regclass::text AS on, conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
    WHERE connamespace = current_schema()::regnamespace AND contype IN ('f', 'p', 'u')
    UNION ALL SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1, 2, 3`);

/** Rows per table of the schema (exact counts). */
async function rowCounts(ds: DataSource): Promise<Record<string, number>> {
  const tables: { name: string }[] = await ds.query(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = Number((await ds.query(`SELECT count(*) AS n FROM "${name}"`))[0].n);
  return counts;
}

const owner = async (name: string, agency: (typeof AGENCIES)[number]) =>
  (
    await openDatabase({
      url: await ensureDatabase(server(), name),
      entities: SUBGRAPHS[agency].entities,
      migrations: SUBGRAPHS[agency].migrations,
      timeZone: DEFAULT_TIME_ZONE,
    })
  ).ds;

beforeAll(async () => {
  // Seeded side by side, as scripts/seed.ts does (they share one drawing of the population).
  await Promise.all(
    AGENCIES.map(async (agency) => {
      const { ds, seeded } = await openSubgraphDatabase(
        SUBGRAPHS[agency],
        await ensureDatabase(server(), seededName(agency)),
        DEFAULT_TIME_ZONE,
        OPTIONS,
      );
      await ds.destroy();
      expect(seeded).toBe(true);
      // The same agency's database, migrated but never seeded.
      const bare = await openSubgraphDatabase(SUBGRAPHS[agency], await ensureDatabase(server(), bareName(agency)), DEFAULT_TIME_ZONE);
      await bare.ds.destroy();
    }),
  );
});
afterAll(async () => {
  for (const agency of AGENCIES) {
    await dropDatabase(server(), seededName(agency));
    await dropDatabase(server(), bareName(agency));
  }
});

describe("the demo seed", () => {
  it.each(AGENCIES)("%s: leaves the same foreign keys and indexes as its migrations make", async (agency) => {
    const [seeded, bare] = [await owner(seededName(agency), agency), await owner(bareName(agency), agency)];
    try {
      const bareSchema = await schemaOf(bare);
      expect(bareSchema.filter((r: { definition: string }) => r.definition.startsWith("FOREIGN KEY")).length).toBeGreaterThan(0);
      expect(await schemaOf(seeded)).toEqual(bareSchema);
    } finally {
      await Promise.all([seeded.destroy(), bare.destroy()]);
    }
  });

  it.each(AGENCIES)("%s: is idempotent: a second run finds data and changes nothing", async (agency) => {
    const ds = await owner(seededName(agency), agency);
    try {
      const before = await rowCounts(ds);
      expect(Object.values(before).some((n) => n > 0)).toBe(true);
      const again = await openSubgraphDatabase(
        SUBGRAPHS[agency],
        await ensureDatabase(server(), seededName(agency)),
        DEFAULT_TIME_ZONE,
        OPTIONS,
      );
      await again.ds.destroy();
      expect(again.seeded).toBe(false);
      expect(await rowCounts(ds)).toEqual(before);
    } finally {
      await ds.destroy();
    }
  });

  it("draws one population for walks side by side, equal to a drawing of its own", () => {
    const walks = [demoHouseholds(OPTIONS.seed, OPTIONS.households), demoHouseholds(OPTIONS.seed, OPTIONS.households)];
    const [a, b] = [[] as unknown[], [] as unknown[]];
    for (let i = 0; i < OPTIONS.households; i++) {
      a.push(walks[0].next().value);
      if (i % 2 === 0) b.push(walks[1].next().value, walks[1].next().value);
    }
    expect(b.every((h, i) => h === a[i])).toBe(true);
    // Another count is another drawing: its first households are the same data, not the same objects.
    const own = [...demoHouseholds(OPTIONS.seed, OPTIONS.households + 1)].slice(0, OPTIONS.households);
    expect(own[0]).not.toBe(a[0]);
    expect(JSON.stringify(own)).toBe(JSON.stringify(a));
  });
});
