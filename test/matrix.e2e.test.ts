import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SubgraphName } from "../subgraphs/kit/config";
import { ROLES } from "../subgraphs/kit/identity";
import { today } from "../subgraphs/kit/validate";
import { startHub, type TestHub } from "./hub";

/**
 * Who may do what, through the gateway: every demo role × every operation below, with the expected
 * outcome of each cell. "ok": the operation answers without a FORBIDDEN error, and a write really
 * wrote its row; "denied": FORBIDDEN, and the write's table is unchanged. Both judged by SQL on
 * the owning agency's database, not by the answer.
 */
type Outcome = "ok" | "denied";
const ALL_ROLES = ["public", ...Object.keys(ROLES).filter((r) => r !== "public")];

interface Operation {
  name: string;
  query: string;
  variables: (fx: Fixtures) => Record<string, unknown>;
  /** The roles that may; every other role is denied. */
  allowed: string[] | "all";
  /** For a write: SQL counting the rows it adds, on the owner's database. */
  writes?: { subgraph: SubgraphName; count: (fx: Fixtures) => [sql: string, params: unknown[]] };
}

interface Fixtures {
  houseCode: string;
  villageCode: string;
  caseId: string;
  farmBook: string;
  plot: number;
  fundPerson: string;
}

const OPERATIONS: Operation[] = [
  {
    name: "read tambon aggregates",
    allowed: "all",
    variables: () => ({}),
    query: `{ tambon(code: "490201") { nameEn registry { householdCount } housing { surveyedHouseholds } agriculture { farmerCount } councils { welfareFundMembers } } }`,
  },
  {
    name: "list registry households",
    variables: () => ({}),
    allowed: [
      "social-worker",
      "housing-officer",
      "farmers-council-officer",
      "council-network-officer",
      "district-screening-committee",
      "case-conference",
    ],
    query: `{ households(first: 2) { totalCount } }`,
  },
  {
    name: "read members' names",
    variables: (f) => ({ h: f.houseCode }),
    allowed: ["social-worker", "district-screening-committee", "case-conference"],
    query: `query($h: String!) { household(houseCode: $h) { members { firstName lastName } } }`,
  },
  {
    name: "read disability and bedridden flags",
    variables: (f) => ({ h: f.houseCode }),
    allowed: ["social-worker"],
    query: `query($h: String!) { household(houseCode: $h) { members { vulnerability { disabled bedridden } } } }`,
  },
  {
    name: "list housing cases",
    variables: () => ({}),
    allowed: ["housing-officer", "district-screening-committee", "case-conference"],
    query: `{ assistanceCases(first: 2) { totalCount } }`,
  },
  {
    name: "list a tambon's farmers",
    variables: () => ({}),
    allowed: ["farmers-council-officer", "case-conference"],
    query: `{ farmers(tambonCode: "490201", first: 2) { totalCount } }`,
  },
  {
    name: "read a household's crop income",
    variables: (f) => ({ h: f.houseCode }),
    allowed: ["farmers-council-officer", "case-conference"],
    query: `query($h: String!) { household(houseCode: $h) { lastSeasonCropIncome { income } } }`,
  },
  {
    name: "list a tambon's change leaders",
    variables: () => ({}),
    allowed: ["council-network-officer", "welfare-fund-treasurer", "case-conference"],
    query: `{ tambon(code: "490201") { councils { changeLeaders { trained } } } }`,
  },
  {
    name: "read the housing audit log",
    variables: () => ({}),
    allowed: ["data-protection-officer"],
    query: `{ housingAuditLog(last: 1) { at } }`,
  },
  {
    name: "register a household",
    writes: {
      subgraph: "social-development",
      count: () => ["SELECT count(*)::int AS n FROM household WHERE house_code = $1", ["49029999888"]],
    },
    variables: () => ({}),
    allowed: ["social-worker"],
    query: `mutation { registerHousehold(input: { houseCode: "49029999888", villageCode: "49020101" }) { houseCode } }`,
  },
  {
    name: "record an assessment",
    writes: {
      subgraph: "social-development",
      count: (f) => ["SELECT count(*)::int AS n FROM assessment WHERE house_code = $1", [f.houseCode]],
    },
    variables: (f) => ({ h: f.houseCode }),
    allowed: ["social-worker"],
    query: `mutation($h: String!) { recordAssessment(input: { houseCode: $h, assessedOn: "2026-01-15", human: 2, physical: 2, financial: 2, natural: 2, social: 2 }) { povertyLevel } }`,
  },
  {
    name: "record a housing survey",
    writes: { subgraph: "housing", count: (f) => ["SELECT count(*)::int AS n FROM housing_survey WHERE house_code = $1", [f.houseCode]] },
    variables: (f) => ({ h: f.houseCode, v: f.villageCode, d: today() }),
    allowed: ["housing-officer"],
    query: `mutation($h: String!, $v: String!, $d: String!) { recordHousingSurvey(input: { houseCode: $h, villageCode: $v, surveyedOn: $d,
      roof: WORN, walls: GOOD, floor: GOOD, posts: GOOD, toilet: WORN, tenure: OWN }) { conditionScore } }`,
  },
  {
    name: "decide a housing case at the district committee",
    writes: { subgraph: "housing", count: (f) => ["SELECT count(*)::int AS n FROM case_step WHERE case_id = $1", [f.caseId]] },
    variables: (f) => ({ c: f.caseId, d: today() }),
    allowed: ["district-screening-committee"],
    query: `mutation($c: ID!, $d: String!) { advanceCase(input: { caseId: $c, stage: PROVINCE_SCREENING, date: $d, decidedBy: "district committee" }) { stage } }`,
  },
  {
    name: "record a crop cycle",
    writes: {
      subgraph: "agriculture",
      count: (f) => ["SELECT count(*)::int AS n FROM crop_cycle WHERE farm_book_no = $1 AND plot_no = $2", [f.farmBook, f.plot]],
    },
    variables: (f) => ({ b: f.farmBook, p: f.plot, d: today() }),
    allowed: ["farmers-council-officer"],
    query: `mutation($b: String!, $p: Int!, $d: String!) { recordCropCycle(input: { farmBookNumber: $b, plotNumber: $p, crop: CASSAVA,
      plantedArea: { rai: 0, ngan: 1 }, plantedOn: $d }) { crop } }`,
  },
  {
    name: "record a welfare-fund contribution",
    writes: {
      subgraph: "community-councils",
      count: (f) => ["SELECT count(*)::int AS n FROM fund_contribution WHERE person_id = $1", [f.fundPerson]],
    },
    variables: (f) => ({ p: f.fundPerson, d: today() }),
    allowed: ["council-network-officer", "welfare-fund-treasurer"],
    query: `mutation($p: String!, $d: String!) { recordContribution(input: { personId: $p, paidOn: $d, amount: "30.00" }) { paidOn } }`,
  },
];

let hub: TestHub;
let fx: Fixtures;
beforeAll(async () => {
  hub = await startHub({ data: "demo" }); // the demo data: it has cases at every rung
  const one = async (subgraph: keyof TestHub["subgraphs"], sql: string) => (await hub.subgraphs[subgraph].ds.query(sql))[0];
  const caseRow = await one("housing", `SELECT id::text AS id FROM assistance_case WHERE stage = 'DISTRICT_SCREENING' LIMIT 1`);
  const plot = await one(
    "agriculture",
    `SELECT farm_book_no AS book, plot_no AS plot FROM plot WHERE area_sq_wa >= 100 ORDER BY 1, 2 LIMIT 1`,
  );
  const member = await one("community-councils", `SELECT person_id FROM fund_member ORDER BY 1 LIMIT 1`);
  const household = await one("social-development", `SELECT house_code, village_code FROM household ORDER BY 1 LIMIT 1`);
  fx = {
    houseCode: household.house_code,
    villageCode: household.village_code,
    caseId: caseRow.id,
    farmBook: plot.book,
    plot: plot.plot,
    fundPerson: member.person_id,
  };
});
afterAll(() => hub?.stop());

const cells = OPERATIONS.flatMap((op) =>
  ALL_ROLES.map((role) => ({ op, role, expected: (op.allowed === "all" || op.allowed.includes(role) ? "ok" : "denied") as Outcome })),
)
  // Denied cells first, so each write is refused everywhere before the one role that may makes it.
  .sort((a, b) => (a.expected === b.expected ? 0 : a.expected === "denied" ? -1 : 1));

describe("the role × operation matrix", () => {
  const rowsWritten = async (op: Operation) => {
    if (!op.writes) return 0;
    const [sql, params] = op.writes.count(fx);
    return (await hub.subgraphs[op.writes.subgraph].ds.query(sql, params))[0].n as number;
  };

  it.each(cells.map((c) => [c.role, c.op.name, c.expected, c] as const))("%s: %s → %s", async (_r, _o, expected, { op, role }) => {
    const before = await rowsWritten(op);
    const { data, errors } = await hub.query(op.query, op.variables(fx), { role: role === "public" ? undefined : role });
    expect((await rowsWritten(op)) - before, "rows the operation wrote").toBe(op.writes && expected === "ok" ? 1 : 0);
    const forbidden = (errors ?? []).filter((e) => e.extensions?.code === "FORBIDDEN");
    if (expected === "ok") {
      expect(errors ?? [], JSON.stringify(errors)).toEqual([]);
      expect(data).toBeTruthy();
    } else {
      expect(forbidden.length, JSON.stringify({ data, errors })).toBeGreaterThan(0);
      expect(JSON.stringify(data ?? null)).not.toMatch(/"(firstName|lastName|disabled|bedridden|income)":"?[^n"]/);
    }
  });

  it("covers every role against at least 12 operations, reads and writes, allowed and denied", () => {
    expect(ALL_ROLES.length).toBeGreaterThanOrEqual(8);
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(12);
    const writes = OPERATIONS.filter((o) => o.query.trim().startsWith("mutation"));
    expect(writes.length).toBeGreaterThanOrEqual(5);
    for (const w of writes) expect(w.writes, `${w.name} says which rows it writes`).toBeDefined();
    expect(new Set(cells.map((c) => c.expected))).toEqual(new Set(["ok", "denied"]));
  });
});
