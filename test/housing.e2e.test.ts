import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { geography } from "../subgraphs/kit/geography";
import { statementsFor } from "./expect";
import { startHub, type TestHub } from "./hub";

/**
 * The housing subgraph read through the gateway: a household's profile, a tambon's figures,
 * programme budgets, cases by district. Expected figures come from SQL of our own on the housing
 * database, not from the resolvers under test.
 */
let hub: TestHub;
let large: TestHub;
const officer = { role: "housing-officer" };
const analyst = { role: "provincial-analyst" };
const sql = (h: TestHub, text: string, params: unknown[] = []) => h.subgraphs.housing.ds.query(text, params);

/** Gives the first household (house-code order) a survey and a case, so every listing below has one. */
async function caseOnFirstHousehold(h: TestHub): Promise<string> {
  const { data } = await h.query(`{ households(first: 1) { nodes { houseCode village { code } } } }`, {}, officer);
  const { houseCode, village } = data.households.nodes[0];
  await h.query(
    `mutation($i: RecordHousingSurveyInput!) { recordHousingSurvey(input: $i) { id } }`,
    {
      i: {
        houseCode,
        villageCode: village.code,
        surveyedOn: "2026-03-01",
        roof: "UNSAFE",
        walls: "WORN",
        floor: "GOOD",
        posts: "WORN",
        toilet: "GOOD",
        tenure: "OWN",
      },
    },
    officer,
  );
  const opened = await h.query(
    `mutation($i: OpenAssistanceCaseInput!) { openAssistanceCase(input: $i) { id } }`,
    {
      i: {
        houseCode,
        programme: "BAAN_PO_PIANG",
        workType: "REPAIR",
        requestedBudget: "18000",
        openedOn: "2026-03-05",
        openedBy: "อบจ.",
      },
    },
    officer,
  );
  expect(opened.errors).toBeUndefined();
  return houseCode;
}

beforeAll(async () => {
  [hub, large] = await Promise.all([startHub(), startHub({ data: "demo" })]);
  await Promise.all([caseOnFirstHousehold(hub), caseOnFirstHousehold(large)]);
});
afterAll(async () => {
  await Promise.all([hub?.stop(), large?.stop()]);
});

describe("a household's housing", () => {
  it("a household's profile shows its housing surveys, newest first, and its cases with every step", async () => {
    const [row] = await sql(large, `SELECT house_code, id::text FROM assistance_case WHERE stage = 'HANDED_OVER' ORDER BY id LIMIT 1`);
    const { data, errors } = await large.query(
      `query($h: String!) { household(houseCode: $h) {
      houseCode members { relationToHead }
      latestHousingSurvey { id surveyedOn yearBE condition conditionScore tenure tenureSecure }
      housingSurveys { id surveyedOn }
      housingCases { id programme programmeName workType stage open requestedBudget approvedBudget spentAmount fiscalYear fiscalYearBE
        survey { id } steps { seq fromStage stage decision date yearBE decidedBy amount } }
    } }`,
      { h: row.house_code },
      officer,
    );
    expect(errors).toBeUndefined();
    const h = data.household;
    expect(h.members.length).toBeGreaterThan(0); // the registry's part of the same profile
    const dates = h.housingSurveys.map((s: { surveyedOn: string }) => s.surveyedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(h.latestHousingSurvey.id).toBe(h.housingSurveys[0].id);
    expect(h.latestHousingSurvey.yearBE).toBe(Number(h.latestHousingSurvey.surveyedOn.slice(0, 4)) + 543);

    const c = h.housingCases.find((k: { id: string }) => k.id === row.id);
    expect(c).toMatchObject({ stage: "HANDED_OVER", open: false });
    expect(c.steps.map((s: { stage: string }) => s.stage)).toEqual([
      "VILLAGE_SCREENING",
      "TAMBON_SCREENING",
      "DISTRICT_SCREENING",
      "PROVINCE_SCREENING",
      "APPROVED",
      "WORKS_STARTED",
      "WORKS_COMPLETED",
      "HANDED_OVER",
    ]);
    expect(c.steps.map((s: { decision: string }) => s.decision)).toEqual([
      "OPENED",
      "ENDORSED",
      "ENDORSED",
      "ENDORSED",
      "APPROVED",
      "WORKS_STARTED",
      "WORKS_COMPLETED",
      "HANDED_OVER",
    ]);
    expect(c.steps.map((s: { seq: number }) => s.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const stepDates = c.steps.map((s: { date: string }) => s.date);
    expect(stepDates).toEqual([...stepDates].sort());
    expect(c.steps[0]).toMatchObject({ fromStage: null, amount: c.requestedBudget });
    expect(c.steps[4].amount).toBe(c.approvedBudget);
    expect(Number(c.spentAmount)).toBeLessThanOrEqual(Number(c.approvedBudget));
    expect(c.fiscalYearBE).toBe(c.fiscalYear + 543);
    expect(h.housingSurveys.map((s: { id: string }) => s.id)).toContain(c.survey.id);
  });

  it("a survey shows where it was made, with the area's names and the district read from the reference data", async () => {
    const [row] = await sql(hub, `SELECT house_code FROM housing_survey ORDER BY id DESC LIMIT 1`);
    const { data } = await hub.query(
      `query($h: String!) { household(houseCode: $h) { latestHousingSurvey {
      village { code nameTh } tambon { code nameTh } district { code nameTh } } } }`,
      { h: row.house_code },
      officer,
    );
    const s = data.household.latestHousingSurvey;
    const tambon = geography().tambons.find((t) => t.code === s.village.code.slice(0, 6))!;
    expect(s.tambon).toEqual({ code: tambon.code, nameTh: tambon.nameTh });
    expect(s.district.code).toBe(tambon.districtCode);
    expect(s.district.nameTh).toBeTruthy();
    expect(s.village.nameTh).toMatch(/^บ้าน/);
  });
});

describe("housing figures for a tambon", () => {
  const FIGURES = `{ tambons { code housing { surveyedHouseholds unsafeHousing insecureTenure unsafeOrInsecure openCases budgetApproved budgetSpent casesByStage { stage cases } } } }`;

  it("every tambon shows its latest surveys' unsafe houses and insecure tenure, its cases by stage and their money, as the records say", async () => {
    const { data, errors } = await hub.query(FIGURES, {}, analyst);
    expect(errors).toBeUndefined();
    expect(data.tambons).toHaveLength(53);
    const latest: Record<string, number>[] = await sql(
      hub,
      `SELECT tambon_code, count(*)::int AS surveyed,
        count(*) FILTER (WHERE overall_condition = 'UNSAFE')::int AS unsafe, count(*) FILTER (WHERE NOT tenure_secure)::int AS insecure
      FROM (SELECT DISTINCT ON (house_code) * FROM housing_survey ORDER BY house_code, surveyed_on DESC, id DESC) l GROUP BY 1`,
    );
    const cases: Record<string, string>[] = await sql(
      hub,
      `SELECT tambon_code, count(*)::int AS cases,
        count(*) FILTER (WHERE stage NOT IN ('REJECTED', 'HANDED_OVER'))::int AS open,
        coalesce(sum(approved_budget), 0)::text AS approved, coalesce(sum(spent_amount), 0)::text AS spent
      FROM assistance_case GROUP BY 1`,
    );
    for (const t of data.tambons) {
      const s = latest.find((r) => r.tambon_code === (t.code as never));
      const c = cases.find((r) => r.tambon_code === t.code);
      expect(t.housing.surveyedHouseholds).toBe(s?.surveyed ?? 0);
      expect(t.housing.unsafeHousing).toBe(s?.unsafe ?? 0);
      expect(t.housing.insecureTenure).toBe(s?.insecure ?? 0);
      expect(t.housing.unsafeOrInsecure).toBeGreaterThanOrEqual(Math.max(t.housing.unsafeHousing, t.housing.insecureTenure));
      expect(t.housing.casesByStage).toHaveLength(9);
      expect(t.housing.casesByStage.reduce((sum: number, x: { cases: number }) => sum + x.cases, 0)).toBe(Number(c?.cases ?? 0));
      expect(t.housing.openCases).toBe(Number(c?.open ?? 0));
      expect(Number(t.housing.budgetApproved)).toBe(Number(c?.approved ?? 0));
      expect(Number(t.housing.budgetSpent)).toBe(Number(c?.spent ?? 0));
    }
    expect(data.tambons.some((t: { housing: { unsafeHousing: number } }) => t.housing.unsafeHousing > 0)).toBe(true);
  });

  it("the public sees the counts rounded to 5 with 1-4 null, money over 1-4 households hidden, and no case records", async () => {
    const { data } = await hub.query(FIGURES);
    const exact = (await hub.query(FIGURES, {}, analyst)).data.tambons;
    const counts = data.tambons.flatMap((t: { housing: Record<string, any> }) => [
      t.housing.surveyedHouseholds,
      t.housing.unsafeHousing,
      t.housing.insecureTenure,
      t.housing.openCases,
      ...t.housing.casesByStage.map((x: { cases: number | null }) => x.cases),
    ]);
    expect(counts.some((n: number | null) => n === null)).toBe(true);
    expect(counts.filter((n: number | null) => n !== null && n % 5 !== 0)).toEqual([]);
    // Money over 1-4 households would tell what a household got; what is shown is exact.
    const approved: { tambon_code: string; n: number }[] = await sql(
      hub,
      `SELECT tambon_code, count(DISTINCT house_code) FILTER (WHERE approved_budget IS NOT NULL)::int AS n FROM assistance_case GROUP BY 1`,
    );
    for (const [i, t] of data.tambons.entries()) {
      const n = approved.find((r) => r.tambon_code === t.code)?.n ?? 0;
      if (n > 0 && n < 5) expect(t.housing.budgetApproved, `tambon ${t.code} with ${n} approved households`).toBeNull();
      expect([null, exact[i].housing.budgetApproved]).toContain(t.housing.budgetApproved);
    }
    const records = await hub.query(`{ assistanceCases(first: 5) { totalCount } }`);
    expect(records.data.assistanceCases).toBeNull();
    expect(records.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", field: "Query.assistanceCases" });
  });
});

describe("programme budgets and cases", () => {
  it("programme budgets of fiscal years 2567-2569 BE show their target, what was approved and spent, and what is left", async () => {
    const BUDGETS = `{ programmeBudgets { programme programmeName fiscalYear fiscalYearBE startsOn endsOn
      budget targetHouseholds casesApproved casesHandedOver budgetApproved budgetSpent budgetRemaining } }`;
    const { data, errors } = await large.query(BUDGETS, {}, analyst);
    expect(errors).toBeUndefined();
    const budgets = data.programmeBudgets;
    expect([...new Set(budgets.map((b: { fiscalYearBE: number }) => b.fiscalYearBE))]).toEqual([2567, 2568, 2569]);
    const sangSuk = budgets.find(
      (b: { programme: string; fiscalYear: number }) => b.programme === "BAAN_SANG_SUK" && b.fiscalYear === 2026,
    );
    expect(sangSuk).toMatchObject({
      programmeName: "บ้านสร้างสุขมุกดาหาร",
      targetHouseholds: 50,
      startsOn: "2025-10-01",
      endsOn: "2026-09-30",
    });
    for (const b of budgets) {
      const [expected] = await sql(
        large,
        `SELECT count(*)::int AS approved, (count(*) FILTER (WHERE stage = 'HANDED_OVER'))::int AS handed,
          coalesce(sum(approved_budget), 0)::text AS amount FROM assistance_case WHERE programme = $1 AND approved_on BETWEEN $2 AND $3`,
        [b.programme, b.startsOn, b.endsOn],
      );
      expect(b.casesApproved).toBe(expected.approved);
      expect(b.casesHandedOver).toBe(expected.handed);
      expect(Number(b.budgetApproved)).toBe(Number(expected.amount));
      expect(Number(b.budgetRemaining)).toBeCloseTo(Number(b.budget) - Number(b.budgetApproved), 2);
      expect(Number(b.budgetSpent)).toBeLessThanOrEqual(Number(b.budgetApproved));
    }
    expect(budgets.some((b: { casesApproved: number }) => b.casesApproved > 0)).toBe(true);
    // The public: case counts rounded to 5 (1-4 null), money over 1-4 households hidden, what is left hidden with it.
    const pub = (await large.query(BUDGETS)).data.programmeBudgets;
    for (const [i, b] of budgets.entries()) {
      const p = pub[i];
      expect(p.casesApproved).toBe(b.casesApproved === 0 ? 0 : b.casesApproved < 5 ? null : Math.round(b.casesApproved / 5) * 5);
      expect([null, b.budgetApproved]).toContain(p.budgetApproved);
      if (b.casesApproved > 0 && b.casesApproved < 5) expect(p.budgetApproved).toBeNull();
      expect(p.budgetRemaining).toBe(p.budgetApproved === null ? null : b.budgetRemaining);
      expect(p.budget).toBe(b.budget);
    }
    const one = await large.query(`{ programmeBudgets(fiscalYear: 2025, programme: BAAN_PO_PIANG) { fiscalYearBE programme } }`);
    expect(one.data.programmeBudgets).toEqual([{ fiscalYearBE: 2568, programme: "BAAN_PO_PIANG" }]);
  });

  it("the programmes list their caps and the works they fund", async () => {
    const { data } = await hub.query(`{ housingProgrammes { programme nameTh capBaht workTypes } }`);
    expect(data.housingProgrammes).toContainEqual({
      programme: "BAAN_PO_PIANG",
      nameTh: "บ้านพอเพียงชนบท",
      capBaht: "19000.00",
      workTypes: ["REPAIR"],
    });
    expect(data.housingProgrammes).toContainEqual({
      programme: "BAAN_MANKONG",
      nameTh: "บ้านมั่นคง",
      capBaht: "25000.00",
      workTypes: ["REPAIR", "REBUILD"],
    });
  });

  it("an officer pages through a district's open cases with cursors, without gaps or repeats, and filters by stage and programme", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const { data }: { data?: any } = await large.query(
        `query($a: String) { assistanceCases(districtCode: "4901", open: true, first: 4, after: $a) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id open district { code } } } }`,
        { a: after },
        officer,
      );
      total = data.assistanceCases.totalCount;
      for (const n of data.assistanceCases.nodes) expect(n).toMatchObject({ open: true, district: { code: "4901" } });
      seen.push(...data.assistanceCases.nodes.map((n: { id: string }) => n.id));
      after = data.assistanceCases.pageInfo.hasNextPage ? data.assistanceCases.pageInfo.endCursor : null;
    } while (after);
    const [expected] = await sql(
      large,
      `SELECT count(*)::int AS n FROM assistance_case WHERE district_code = '4901' AND stage NOT IN ('REJECTED', 'HANDED_OVER')`,
    );
    expect(total).toBe(expected.n);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const filtered = await large.query(
      `{ assistanceCases(stage: VILLAGE_SCREENING, programme: BAAN_PO_PIANG, first: 50) { nodes { stage programme } } }`,
      {},
      officer,
    );
    expect(filtered.data.assistanceCases.nodes.length).toBeGreaterThan(0);
    for (const n of filtered.data.assistanceCases.nodes) expect(n).toEqual({ stage: "VILLAGE_SCREENING", programme: "BAAN_PO_PIANG" });
    const bad = await large.query(`{ assistanceCases(tambonCode: "49x", first: 5) { totalCount } }`, {}, officer);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "tambonCode" });
  });

  it("a case by id shows its household, place and survey; an unknown id is null", async () => {
    const [row] = await sql(hub, `SELECT id::text, house_code, district_code FROM assistance_case ORDER BY id LIMIT 1`);
    const { data } = await hub.query(
      `query($id: ID!) { assistanceCase(id: $id) { id household { houseCode } district { code } tambon { nameTh } survey { condition } steps { seq } } }`,
      { id: row.id },
      officer,
    );
    expect(data.assistanceCase).toMatchObject({
      id: row.id,
      household: { houseCode: row.house_code },
      district: { code: row.district_code },
    });
    expect(data.assistanceCase.steps[0].seq).toBe(1);
    const missing = await hub.query(`{ a: assistanceCase(id: "999999") { id } b: assistanceCase(id: "x") { id } }`, {}, officer);
    expect(missing.data).toEqual({ a: null, b: null });
  });
});

describe("batching: housing's fields cost a fixed number of SQL statements", () => {
  const HOUSEHOLDS = `{ households(first: 100) { nodes { houseCode
    housingSurveys { surveyedOn district { code } }
    latestHousingSurvey { condition conditionScore village { code } }
    housingCases { stage requestedBudget steps { stage date } survey { id } }
  } } }`;
  const TAMBONS = `{ tambons { code housing { surveyedHouseholds unsafeHousing insecureTenure unsafeOrInsecure openCases budgetApproved budgetSpent casesByStage { stage cases } } } }`;

  async function statementsOf(h: TestHub, query: string) {
    const { counts, data } = await statementsFor(h, query, {}, officer);
    return { counts, rows: (data.households?.nodes ?? data.tambons).length };
  }

  it("100 households with their surveys, latest survey and cases with steps: the same statements with 10 times the households", async () => {
    const a = await statementsOf(hub, HOUSEHOLDS);
    const b = await statementsOf(large, HOUSEHOLDS);
    expect(a.rows).toBe(100);
    // surveys, latest survey, cases, steps, the cases' surveys
    expect(a.counts.housing).toBe(5);
    expect(b.counts).toEqual(a.counts);
  });

  it("all 53 tambons with housing's figures: 2 statements in housing, the same with 10 times the households", async () => {
    const a = await statementsOf(hub, TAMBONS);
    const b = await statementsOf(large, TAMBONS);
    expect(a.rows).toBe(53);
    expect(a.counts.housing).toBe(2);
    expect(b.counts).toEqual(a.counts);
  });
});
