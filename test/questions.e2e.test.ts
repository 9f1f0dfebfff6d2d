import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOperations } from "../gateway/operations";
import { statementsFor } from "./expect";
import { startHub, type TestHub } from "./hub";

/**
 * The cross-agency questions (schema/operations, the playground's tabs), each one request to the
 * gateway, against the demo data `npm start` seeds (3,000 households, the default seed), and their
 * cost in SQL statements per subgraph compared with a hub of a tenth of the data.
 */
const example = (name: string) => loadOperations().find((op) => op.name === name)!;

let demo: TestHub;
let tenth: TestHub;
beforeAll(async () => {
  [demo, tenth] = await Promise.all([startHub({ data: "demo" }), startHub({ data: "small" })]);
});
afterAll(async () => {
  await Promise.all([demo?.stop(), tenth?.stop()]);
});

const run = (hub: TestHub, name: string, variables?: Record<string, unknown>) => {
  const op = example(name);
  return hub.query(op.query, variables ?? op.variableValues, { role: op.role });
};

describe("the cross-agency questions, one request each", () => {
  it("Q1: a household's profile shows its members, assessment, housing, farms and fund membership with place names", async () => {
    const { data, errors } = await run(demo, "HouseholdProfile");
    expect(errors).toBeUndefined();
    const h = data.household;
    expect(h.village.tambon.district.nameEn).toBe("Nikhom Kham Soi");
    expect(h.members.length).toBeGreaterThan(0);
    expect(h.members.every((m: { firstName: string | null }) => m.firstName)).toBe(true);
    expect(h.latestAssessment.povertyLevel).toBeGreaterThanOrEqual(1);
    expect(h.latestHousingSurvey.conditionScore).toBeGreaterThanOrEqual(0);
    expect(h.housingCases.length).toBeGreaterThan(0);
    expect(h.housingCases[0].steps.length).toBeGreaterThan(0);
    expect(h.farms.length).toBeGreaterThan(0);
    expect(h.welfareFundMemberships.length).toBeGreaterThan(0);
  });

  it("Q2: a tambon's profile carries figures from all five agencies", async () => {
    const { data, errors } = await run(demo, "TambonProfile");
    expect(errors).toBeUndefined();
    const t = data.tambon;
    expect(t.nameEn).toBe("Nikhom Kham Soi"); // area
    expect(t.registry.householdCount).toBeGreaterThan(4); // social-development
    expect(t.housing.surveyedHouseholds).toBeGreaterThan(4); // housing
    expect(t.agriculture.farmerCount).toBeGreaterThan(4); // agriculture
    expect(t.agriculture.crops.byCrop.length).toBeGreaterThan(0);
    expect(t.councils.welfareFundMembers === null || t.councils.welfareFundMembers > 4).toBe(true); // community councils
    expect(typeof t.councils.codiGrantsTotal).toBe("string");
  });

  it("Q3: every tambon of the province with each agency's headline figures", async () => {
    const { data, errors } = await run(demo, "DistrictRollup", {});
    expect(errors).toBeUndefined();
    expect(data.tambons).toHaveLength(53);
    const total = data.tambons.reduce(
      (sum: number, t: { registry: { householdCount: number | null } }) => sum + (t.registry.householdCount ?? 0),
      0,
    );
    expect(total).toBeGreaterThan(2900); // the public misses only tambons with 1-4 households
    expect(data.tambons.filter((t: { councils: { council: unknown } }) => t.councils.council).length).toBeGreaterThan(40);
    const district = await run(demo, "DistrictRollup");
    expect(district.data.tambons.every((t: { district: { nameTh: string } }) => t.district.nameTh === "นิคมคำสร้อย")).toBe(true);
  });

  it("Q4: housing candidates of a district are level 1-2 households with an unsafe latest survey and no open case", async () => {
    const { data, errors } = await run(demo, "HousingCandidates", { districtCode: "4902", first: 50 });
    expect(errors).toBeUndefined();
    const candidates = data.district.housingCandidates;
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) {
      expect(c.povertyLevel).toBeLessThanOrEqual(2);
      expect(c.latestSurvey.condition).toBe("UNSAFE");
      expect(c.household.housingCases.every((k: { stage: string }) => ["REJECTED", "HANDED_OVER"].includes(k.stage))).toBe(true);
    }
    expect(candidates.map((c: { rank: number }) => c.rank)).toEqual(candidates.map((_: unknown, i: number) => i + 1));
  });
});

describe("the examples", () => {
  it("every example operation of the playground and README returns data without errors", async () => {
    for (const op of loadOperations()) {
      const { data, errors } = await demo.query(op.query, op.variableValues, { role: op.role });
      expect(errors, op.name).toBeUndefined();
      expect(
        Object.values(data ?? {}).some((v) => v !== null),
        op.name,
      ).toBe(true);
    }
  });

  it("after the casework examples (plan, refer, queue, answer, close), Q1 shows the plan, housing's answer and the outcome", async () => {
    const { data, errors } = await run(demo, "HouseholdProfile");
    expect(errors).toBeUndefined();
    const h = data.household;
    expect(h.casePlan).toEqual([expect.objectContaining({ capital: "PHYSICAL", responsibleAgency: "HOUSING" })]);
    expect(h.referrals).toEqual([
      expect.objectContaining({
        id: "HOUSING-81",
        toAgency: "HOUSING",
        housing: expect.objectContaining({ decision: "ACCEPTED", openedKind: "HOUSING_CASE", openedId: "31" }),
        agriculture: null,
        councils: null,
        outcome: "PARTLY_MET",
      }),
    ]);
    // The level history, newest first, from the demo's rounds of 2566 and 2568 BE.
    const years = h.levelHistory.map((a: { yearBE: number }) => a.yearBE);
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((y: number) => y === 2566 || y === 2568)).toBe(true);
    expect([...years].sort().reverse()).toEqual(years);
  });
});

describe("batching: the questions cost a fixed number of SQL statements per subgraph", () => {
  const Q1_FOR_100 = () => {
    const body = example("HouseholdProfile").query.match(/household\(houseCode: \$houseCode\) (\{[\s\S]*\})\s*\}\s*$/)![1];
    return `query HouseholdProfiles { households(first: 100) { nodes ${body} } }`;
  };

  const statements = async (hub: TestHub, query: string, variables: Record<string, unknown>, role?: string) =>
    (await statementsFor(hub, query, variables, { role })).counts;

  it("Q1 for 100 households costs the same statements with 10 times more households", async () => {
    const q = Q1_FOR_100();
    const small = await statements(tenth, q, {}, "case-conference");
    const large = await statements(demo, q, {}, "case-conference");
    expect(large).toEqual(small);
    for (const [subgraph, count] of Object.entries(large)) expect(count, subgraph).toBeLessThanOrEqual(12);
  });

  it("Q3 over all 53 tambons costs the same statements with 10 times more households", async () => {
    const q = example("DistrictRollup").query;
    const small = await statements(tenth, q, {});
    const large = await statements(demo, q, {});
    expect(large).toEqual(small);
    for (const [subgraph, count] of Object.entries(large)) expect(count, subgraph).toBeLessThanOrEqual(6);
  });
});

describe("the dashboard's operations (one request per view, /dashboard)", () => {
  const views: [string, Record<string, unknown>, string?][] = [
    ["DashboardProvince", {}],
    ["DashboardDistrict", { code: "4902" }],
    ["DashboardDistrict", { code: "4902", housingOutcomes: true, agricultureOutcomes: true, councilsOutcomes: true }, "case-conference"],
  ];
  const statements = async (hub: TestHub, query: string, variables: Record<string, unknown>, role?: string) =>
    (await statementsFor(hub, query, variables, { role })).counts;

  it.each(views)("%s costs the same statements with 10 times more households", async (name, variables, role) => {
    const q = example(name).query;
    const small = await statements(tenth, q, variables, role);
    const large = await statements(demo, q, variables, role);
    expect(large).toEqual(small);
    for (const [subgraph, count] of Object.entries(large)) expect(count, subgraph).toBeLessThanOrEqual(12);
  });

  it("DashboardTambon, of a tambon with a plan in both hubs, costs the same statements with 10 times more households", async () => {
    // Which tambons have a plan differs with the seed's size: compare a tambon that has one in both.
    const planned = async (hub: TestHub): Promise<string[]> =>
      (await hub.query("{ provincePlans(fiscalYear: 2026) { plans { tambonCode } } }")).data.provincePlans.plans.map(
        (p: { tambonCode: string }) => p.tambonCode,
      );
    const [large, small] = await Promise.all([planned(demo), planned(tenth)]);
    const code = large.find((c) => small.includes(c));
    expect(code).toBeDefined();
    const variables = { code, fiscalYear: 2027, previousFiscalYear: 2026, households: true, cases: true };
    const q = example("DashboardTambon").query;
    const counts = [await statements(tenth, q, variables, "housing-officer"), await statements(demo, q, variables, "housing-officer")];
    expect(counts[1]).toEqual(counts[0]);
    for (const [subgraph, count] of Object.entries(counts[1])) expect(count, subgraph).toBeLessThanOrEqual(14);
  });

  it("the three views ask for the same tambon figures (one fragment, copied into each operation)", () => {
    const fragment = (name: string) => /fragment DashboardTambonFigures on Tambon \{[\s\S]*\n\}/.exec(example(name).query)?.[0];
    expect(fragment("DashboardProvince")).toBeDefined();
    expect(fragment("DashboardDistrict")).toBe(fragment("DashboardProvince"));
    expect(fragment("DashboardTambon")).toBe(fragment("DashboardProvince"));
  });

  it("the district view gives a role that may see them Q5's outcomes, the same as OutcomesByDistrict, and the public none", async () => {
    const op = example("DashboardDistrict");
    const all = { code: "4902", housingOutcomes: true, agricultureOutcomes: true, councilsOutcomes: true };
    const view = await demo.query(op.query, all, { role: "case-conference" });
    const q5 = await run(demo, "OutcomesByDistrict");
    expect(view.errors).toBeUndefined();
    expect(q5.errors).toBeUndefined();
    for (const field of ["housingOutcomes", "agricultureOutcomes", "councilsOutcomes"]) {
      const shown = view.data.district[field];
      expect(shown.length, field).toBeGreaterThan(0);
      expect(shown).toEqual(q5.data.district[field].map(({ cells: _, ...o }: { cells: unknown }) => o));
    }
    const anonymous = await demo.query(op.query, op.variableValues);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.district.housingOutcomes).toBeUndefined();
  });

  it("the tambon view lists households with their level and cases for a role that may see them, and none for the public", async () => {
    const op = example("DashboardTambon");
    const officer = await demo.query(op.query, { ...op.variableValues, households: true, cases: true }, { role: "housing-officer" });
    expect(officer.errors).toBeUndefined();
    expect(officer.data.households.totalCount).toBeGreaterThan(0);
    expect(officer.data.households.nodes[0].latestAssessment.povertyLevel).toBeGreaterThan(0);
    expect(Array.isArray(officer.data.households.nodes[0].housingCases)).toBe(true);
    const anonymous = await demo.query(op.query, op.variableValues);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.households).toBeUndefined();
  });
});
