import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citizenIdCheckDigit } from "../subgraphs/kit/citizen-id";
import type { SubgraphName } from "../subgraphs/kit/config";
import { driftSql } from "../subgraphs/kit/summary";
import { lastCompletedCropYear } from "../subgraphs/agriculture/season";
import { KEPT_FIGURES as AGRICULTURE } from "../subgraphs/agriculture/summaries";
import { KEPT_FIGURES as COUNCILS } from "../subgraphs/community-councils/summaries";
import { KEPT_FIGURES as HOUSING } from "../subgraphs/housing/summaries";
import { KEPT_FIGURES as REGISTRY } from "../subgraphs/social-development/summaries";
import { compareFigures, type Difference, heldFigures, operation, selectionOf } from "./held-figures";
import { startHub, type TestHub } from "./hub";

/**
 * The per-tambon figures are read from state the writes keep (kit/summary.ts): after seeding and
 * after a series of writes through the gateway, every kept row equals a recomputation from every
 * row, and the published figures equal hand-written SQL on the raw rows (held-figures.ts).
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ data: "small" });
});
afterAll(() => hub?.stop());

const KEPT = [
  ...REGISTRY.map((spec) => ["social-development", spec] as const),
  ...HOUSING.map((spec) => ["housing", spec] as const),
  ...AGRICULTURE.map((spec) => ["agriculture", spec] as const),
  ...COUNCILS.map((spec) => ["community-councils", spec] as const),
] satisfies (readonly [SubgraphName, unknown])[];

async function drift(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [subgraph, spec] of KEPT) {
    const name = "history" in spec ? `${spec.into} (latest ${spec.history})` : spec.table;
    out[name] = await hub.subgraphs[subgraph].ds.query(driftSql(spec));
  }
  return out;
}

const noDrift = (found: Record<string, unknown[]>) => Object.fromEntries(Object.keys(found).map((k) => [k, []]));

const worker = { role: "social-worker" };
const officer = { role: "housing-officer" };
const analyst = { role: "provincial-analyst" };
const ok = async (query: string, variables: Record<string, unknown>, options: { role: string }) => {
  const { data, errors } = await hub.query(query, variables, options);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data;
};
const assess = (houseCode: string, assessedOn: string, score: number) =>
  ok(
    `mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { povertyLevel } }`,
    { i: { houseCode, assessedOn, human: score, physical: score, financial: score, natural: score, social: score } },
    worker,
  );
const survey = (houseCode: string, villageCode: string, surveyedOn: string, roof: string, tenure: string) =>
  ok(
    `mutation($i: RecordHousingSurveyInput!) { recordHousingSurvey(input: $i) { id } }`,
    { i: { houseCode, villageCode, surveyedOn, roof, walls: "GOOD", floor: "GOOD", posts: "GOOD", toilet: "GOOD", tenure } },
    officer,
  );

describe("figures kept by the writes", () => {
  it("equal a recomputation from every row after seeding", async () => {
    const found = await drift();
    expect(Object.keys(found).length).toBe(KEPT.length);
    expect(found).toEqual(noDrift(found));
  });

  it("still equal it, and the published figures equal SQL on the raw rows, after writes through the gateway", async () => {
    const [{ old, young }] = await hub.subgraphs["social-development"].ds.query(
      `SELECT ((now() AT TIME ZONE 'Asia/Bangkok')::date - interval '60 years')::date::text AS old,
              ((now() AT TIME ZONE 'Asia/Bangkok')::date - interval '7 years')::date::text AS young`,
    );
    await ok(
      `mutation($i: RegisterHouseholdInput!) { registerHousehold(input: $i) { houseCode } }`,
      { i: { houseCode: "49020199001", villageCode: "49020101", houseNumber: "1" } },
      worker,
    );
    // People born on the very days an age boundary falls on (60 today: elderly; 7 today: no longer under 7).
    const people = [
      ["310060044563", "HEAD", old, true],
      ["110060044599", "CHILD", young, false],
    ] as const;
    for (const [citizenId, relationToHead, birthDate, disabled] of people) {
      await ok(
        `mutation($i: AddMemberInput!) { addMember(input: $i) { id } }`,
        {
          i: {
            houseCode: "49020199001",
            citizenId: `${citizenId}${citizenIdCheckDigit(citizenId)}`,
            firstName: "ทดสอบ",
            lastName: "ระบบ",
            sex: "FEMALE",
            birthDate,
            relationToHead,
            ...(disabled ? { disabled } : {}),
          },
        },
        worker,
      );
    }
    // Recorded out of order: the latest is the later date, not the last written.
    await assess("49020199001", "2025-09-01", 1);
    await assess("49020199001", "2025-03-01", 4);
    const { households } = await ok(`{ households(first: 2, tambonCode: "490202") { nodes { houseCode } } }`, {}, worker);
    const [seeded, other] = households.nodes.map((n: { houseCode: string }) => n.houseCode);
    await assess(seeded, "2026-01-15", 4);

    await survey("49020199001", "49020101", "2025-10-01", "UNSAFE", "OWN");
    await survey("49020199001", "49020101", "2025-11-01", "GOOD", "PUBLIC_LAND");
    // A household surveyed again in another tambon counts once, where it was surveyed last.
    await survey(other, "49020201", "2025-10-01", "UNSAFE", "OWN");
    await survey(other, "49020301", "2025-12-01", "UNSAFE", "OWN");

    // Two harvests of one farm book in the season the figures show (one sold), and one still growing.
    const [plot] = await hub.subgraphs.agriculture.ds.query(
      `SELECT p.farm_book_no, p.plot_no FROM plot p JOIN farmer f USING (farm_book_no) WHERE f.tambon_code = '490202' ORDER BY 1, 2 LIMIT 1`,
    );
    const season = lastCompletedCropYear();
    const cycle = (harvestedOn: string | null, yieldKg: number | null, pricePerKg: string | null) =>
      ok(
        `mutation($i: RecordCropCycleInput!) { recordCropCycle(input: $i) { id } }`,
        {
          i: {
            farmBookNumber: plot.farm_book_no,
            plotNumber: plot.plot_no,
            crop: "CASSAVA",
            plantedArea: { rai: 1 },
            plantedOn: `${season}-05-01`,
            harvestedOn,
            yieldKg,
            pricePerKg,
          },
        },
        { role: "farmers-council-officer" },
      );
    await cycle(`${season + 1}-02-01`, 3000, "2.75");
    await cycle(`${season}-12-01`, 2500, null);
    await cycle(null, null, null);

    // A member contributes twice more (a contributor counted once, however many contributions).
    const [member] = await hub.subgraphs["community-councils"].ds.query(
      `SELECT m.person_id, greatest(m.joined_on, '2025-01-01')::text AS on FROM fund_member m
       ORDER BY 1 LIMIT 1`,
    );
    for (let i = 0; i < 2; i++) {
      await ok(
        `mutation($i: RecordContributionInput!) { recordContribution(input: $i) { amount } }`,
        { i: { personId: member.person_id, amount: "30", paidOn: member.on } },
        { role: "council-network-officer" },
      );
    }

    const found = await drift();
    expect(found).toEqual(noDrift(found));

    const held = await heldFigures(hub);
    const differences: Difference[] = [];
    let figures = 0;
    const rollup = operation("DistrictRollup");
    const { tambons } = await ok(rollup.query, { districtCode: "4902" }, analyst);
    for (const t of tambons) figures += compareFigures(held.get(t.code), t, selectionOf(rollup.query), t.code, differences);
    // The three tambons written to, with every figure of the profile (people by age included).
    const profile = operation("TambonProfile");
    for (const code of ["490201", "490202", "490203"]) {
      const { tambon } = await ok(profile.query, { code }, analyst);
      figures += compareFigures(held.get(code), tambon, selectionOf(profile.query), code, differences);
    }
    expect(figures).toBeGreaterThan(300);
    expect(differences).toEqual([]);
    const nikhom = tambons.find((t: { code: string }) => t.code === "490201");
    expect(nikhom.registry.householdsByPovertyLevel[0].households).toBeGreaterThanOrEqual(1);
  });
});
