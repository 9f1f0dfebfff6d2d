import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_TIME_ZONE } from "../subgraphs/kit/clock";
import { dropDatabase, ensureDatabase, openDatabase } from "../subgraphs/kit/database";
import { demoHouseholds } from "../subgraphs/kit/demo/population";
import { communityCouncils } from "../subgraphs/community-councils/subgraph";

const OPTIONS = { households: 600, seed: 11 };
const names = [`test_cc_seed_${randomBytes(4).toString("hex")}`, `test_cc_seed_${randomBytes(4).toString("hex")}`];
let dss: DataSource[];

beforeAll(async () => {
  const server = inject("databaseServerUrl");
  dss = await Promise.all(
    names.map(async (name, i) => {
      const { ds } = await openDatabase({
        url: await ensureDatabase(server, name),
        entities: communityCouncils.entities,
        migrations: communityCouncils.migrations,
        timeZone: i === 0 ? DEFAULT_TIME_ZONE : "Pacific/Honolulu",
      });
      expect(await communityCouncils.isEmpty!(ds)).toBe(true);
      await communityCouncils.seed!(ds, OPTIONS);
      expect(await communityCouncils.isEmpty!(ds)).toBe(false);
      return ds;
    }),
  );
});
afterAll(async () => {
  await Promise.all((dss ?? []).map((ds) => ds.destroy()));
  await Promise.all(names.map((name) => dropDatabase(inject("databaseServerUrl"), name)));
});

/** Every seeded row but its identity and recording time, hashed per table. */
const digest = (ds: DataSource) =>
  ds.query(`SELECT
  (SELECT md5(string_agg(tambon_code || name || notified_on, ',' ORDER BY tambon_code)) FROM council) AS councils,
  (SELECT md5(string_agg(person_id || role || term_start || term_end, ',' ORDER BY id)) FROM council_member) AS seats,
  (SELECT md5(string_agg(person_id || module || trained_on || completed, ',' ORDER BY id)) FROM leader_training) AS trainings,
  (SELECT md5(string_agg(person_id || house_code || joined_on, ',' ORDER BY person_id)) FROM fund_member) AS members,
  (SELECT md5(string_agg(person_id || paid_on || amount, ',' ORDER BY id)) FROM fund_contribution) AS contributions,
  (SELECT md5(string_agg(person_id || benefit || paid_on || amount, ',' ORDER BY id)) FROM fund_payout) AS payouts,
  (SELECT md5(string_agg(tambon_code || balance, ',' ORDER BY tambon_code)) FROM welfare_fund) AS balances,
  (SELECT md5(string_agg(tambon_code || programme || fiscal_year || amount || approved_on, ',' ORDER BY id)) FROM codi_grant) AS grants`);

describe("the council network's demo data", () => {
  it("is the same for the same seed, whatever the database session's time zone", async () => {
    const [a, b] = await Promise.all(dss.map(digest));
    expect(Object.values(a[0]).every((v) => typeof v === "string")).toBe(true);
    expect(a).toEqual(b);
  });

  it("draws its people from the shared population: same linkage ids, in their own house and tambon", async () => {
    const home = new Map<string, { houseCode: string; tambonCode: string }>();
    for (const h of demoHouseholds(OPTIONS.seed, OPTIONS.households)) {
      for (const p of h.members) home.set(p.linkageId, { houseCode: h.houseCode, tambonCode: h.villageCode.slice(0, 6) });
    }
    const ds = dss[0];
    const members: { person_id: string; house_code: string; tambon_code: string }[] = await ds.query(
      `SELECT m.person_id, m.house_code, f.tambon_code FROM fund_member m JOIN welfare_fund f ON f.id = m.fund_id`,
    );
    expect(members.length).toBeGreaterThan(100);
    for (const m of members) expect(home.get(m.person_id)).toEqual({ houseCode: m.house_code, tambonCode: m.tambon_code });
    const seats: { person_id: string; tambon_code: string }[] = await ds.query(
      `SELECT s.person_id, c.tambon_code FROM council_member s JOIN council c ON c.id = s.council_id
       UNION ALL SELECT person_id, tambon_code FROM change_leader`,
    );
    for (const s of seats) expect(home.get(s.person_id)?.tambonCode).toBe(s.tambon_code);
  });

  it("never takes a fund below zero on any day, and keeps each fund's totals equal to its ledger", async () => {
    const [check] = await dss[0].query(`WITH ledger AS (
        SELECT fund_id, paid_on AS on_date, amount AS delta, 0 AS out FROM fund_contribution
        UNION ALL SELECT fund_id, received_on, amount, 0 FROM fund_matching
        UNION ALL SELECT fund_id, paid_on, -amount, 1 FROM fund_payout),
      running AS (SELECT sum(delta) OVER (PARTITION BY fund_id ORDER BY on_date, out ROWS UNBOUNDED PRECEDING) AS balance FROM ledger)
      SELECT (SELECT min(balance) FROM running) AS lowest,
        (SELECT count(*)::int FROM welfare_fund f WHERE f.contributions_total <> (SELECT coalesce(sum(amount), 0) FROM fund_contribution WHERE fund_id = f.id)
           OR f.matching_total <> (SELECT coalesce(sum(amount), 0) FROM fund_matching WHERE fund_id = f.id)
           OR f.payouts_total <> (SELECT coalesce(sum(amount), 0) FROM fund_payout WHERE fund_id = f.id)) AS disagreeing,
        (SELECT count(DISTINCT benefit)::int FROM fund_payout) AS benefits, (SELECT count(DISTINCT source)::int FROM fund_matching) AS sources`);
    expect(Number(check.lowest)).toBeGreaterThanOrEqual(0);
    expect(check).toMatchObject({ disagreeing: 0, sources: 3 });
    expect(check.benefits).toBeGreaterThanOrEqual(4);
  });
});
