import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answered, refusedUnchanged } from "./expect";
import { startHub, type QueryOptions, type TestHub } from "./hub";

/** Writing housing records through the gateway: surveys, cases up the screening ladder, works. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

const officer: QueryOptions = { role: "housing-officer" };
const committee: QueryOptions = { role: "district-screening-committee" };
const sql = (text: string, params: unknown[] = []) => hub.subgraphs.housing.ds.query(text, params);

const SURVEY = `mutation($i: RecordHousingSurveyInput!) { recordHousingSurvey(input: $i) {
  id houseCode surveyedOn yearBE conditionScore condition tenureSecure unsafeElements village { code } tambon { code } district { code nameTh } } }`;
const OPEN = `mutation($i: OpenAssistanceCaseInput!) { openAssistanceCase(input: $i) {
  id stage open stageOn openedOn requestedBudget programmeName village { code } district { code } steps { seq stage decision amount } } }`;
const ADVANCE = `mutation($i: AdvanceCaseInput!) { advanceCase(input: $i) {
  id stage stageOn approvedBudget approvedOn fiscalYear fiscalYearBE steps { seq fromStage stage decision date decidedBy reason amount } } }`;
const WORKS = `mutation($i: RecordWorksInput!) { recordWorks(input: $i) { id stage open spentAmount steps { seq stage decision amount } } }`;

let serial = 0;
const newHouseCode = () => `4903${String(9_000_000 + ++serial)}`;
const surveyInput = (houseCode: string, overrides: Record<string, unknown> = {}) => ({
  houseCode,
  villageCode: "49030101",
  surveyedOn: "2026-01-02",
  roof: "UNSAFE",
  walls: "WORN",
  floor: "GOOD",
  posts: "WORN",
  toilet: "GOOD",
  tenure: "OWN",
  surveyedBy: "นายช่าง อบจ.",
  ...overrides,
});
const openInput = (houseCode: string, overrides: Record<string, unknown> = {}) => ({
  houseCode,
  programme: "BAAN_PO_PIANG",
  workType: "REPAIR",
  requestedBudget: "18500",
  openedOn: "2026-01-05",
  openedBy: "ผู้ใหญ่บ้าน",
  ...overrides,
});
/** Day `n` of the test ladder: each step five days after the last, all in fiscal year 2569 BE. */
const day = (n: number) => new Date(Date.UTC(2026, 0, 5 + n * 5)).toISOString().slice(0, 10);

const ok = (query: string, input: Record<string, unknown>, who: QueryOptions = officer) => answered(hub, query, { i: input }, who);

const LADDER = ["TAMBON_SCREENING", "DISTRICT_SCREENING", "PROVINCE_SCREENING"] as const;

/** A surveyed house with a case taken up the ladder to `stage` (the committee decides from the district on). */
async function caseAt(stage: "VILLAGE_SCREENING" | (typeof LADDER)[number] | "APPROVED" | "REJECTED", open: Record<string, unknown> = {}) {
  const houseCode = newHouseCode();
  await ok(SURVEY, surveyInput(houseCode));
  const c = await ok(OPEN, openInput(houseCode, open));
  let n = 0;
  for (const next of LADDER) {
    if (stage === "VILLAGE_SCREENING" || stage === "REJECTED") break;
    await ok(ADVANCE, { caseId: c.id, stage: next, date: day(++n), decidedBy: "คณะกรรมการ" }, n >= 3 ? committee : officer);
    if (next === stage) break;
  }
  if (stage === "APPROVED")
    await ok(ADVANCE, { caseId: c.id, stage, date: day(++n), decidedBy: "จังหวัด", approvedBudget: c.requestedBudget }, committee);
  if (stage === "REJECTED") await ok(ADVANCE, { caseId: c.id, stage, date: day(++n), decidedBy: "ประชาคม", reason: "ได้รับความช่วยเหลือแล้ว" });
  return { id: c.id as string, houseCode, lastDate: n === 0 ? "2026-01-05" : day(n) };
}

const state = async () =>
  (
    await sql(`SELECT (SELECT count(*) FROM housing_survey)::int AS surveys, (SELECT count(*) FROM case_step)::int AS steps,
  (SELECT string_agg(concat_ws(':', id, stage, stage_on, approved_budget, spent_amount), ',' ORDER BY id) FROM assistance_case) AS cases`)
  )[0];

const refused = (
  query: string,
  input: Record<string, unknown>,
  code: string,
  field: string,
  who: QueryOptions = officer,
  because?: string,
) => refusedUnchanged(hub, query, { i: input }, { code, field, because }, state, who);

describe("housing surveys", () => {
  it("an officer records a survey: the score and overall condition are derived, the district comes from the village", async () => {
    const s = await ok(SURVEY, surveyInput(newHouseCode(), { tenure: "ENCROACHED" }));
    // roof unsafe 0 + walls worn 10 + floor sound 16 + posts worn 12 + toilet sound 16
    expect(s).toMatchObject({ conditionScore: 54, condition: "UNSAFE", unsafeElements: ["ROOF"], tenureSecure: false, yearBE: 2569 });
    expect(s).toMatchObject({ village: { code: "49030101" }, tambon: { code: "490301" }, district: { code: "4903" } });
    expect(s.district.nameTh).toBeTruthy();
    const sound = await ok(SURVEY, surveyInput(newHouseCode(), { roof: "GOOD", walls: "GOOD", posts: "GOOD" }));
    expect(sound).toMatchObject({ conditionScore: 100, condition: "GOOD", unsafeElements: [], tenureSecure: true });
  });

  it("a household surveyed again keeps both surveys, and its profile shows the newest first", async () => {
    const { data } = await hub.query(`{ households(first: 1) { nodes { houseCode village { code } } } }`, {}, officer);
    const { houseCode, village } = data.households.nodes[0];
    await ok(SURVEY, surveyInput(houseCode, { villageCode: village.code, surveyedOn: "2026-05-01" }));
    await ok(SURVEY, surveyInput(houseCode, { villageCode: village.code, surveyedOn: "2026-07-01", roof: "GOOD" }));
    const profile = await hub.query(
      `query($h: String!) { household(houseCode: $h) { latestHousingSurvey { surveyedOn roof } housingSurveys { surveyedOn } } }`,
      { h: houseCode },
      officer,
    );
    expect(profile.data.household.latestHousingSurvey).toEqual({ surveyedOn: "2026-07-01", roof: "GOOD" });
    expect(profile.data.household.housingSurveys.slice(0, 2).map((s: { surveyedOn: string }) => s.surveyedOn)).toEqual([
      "2026-07-01",
      "2026-05-01",
    ]);
  });

  it("bad survey input is refused naming the field, and nothing is written", async () => {
    await refused(SURVEY, surveyInput("4903"), "BAD_USER_INPUT", "houseCode");
    await refused(SURVEY, surveyInput(newHouseCode(), { villageCode: "49039999" }), "BAD_USER_INPUT", "villageCode", officer, "no village");
    await refused(SURVEY, surveyInput(newHouseCode(), { surveyedOn: "2999-01-01" }), "BAD_USER_INPUT", "surveyedOn");
    await refused(SURVEY, surveyInput(newHouseCode(), { surveyedOn: "2026-02-30" }), "BAD_USER_INPUT", "surveyedOn");
    await refused(SURVEY, surveyInput(newHouseCode(), { surveyedBy: "x".repeat(201) }), "BAD_USER_INPUT", "surveyedBy");
  });

  it("only housing staff write surveys: the public and a social worker are refused", async () => {
    for (const who of [{}, { role: "social-worker" }] as QueryOptions[])
      await refused(SURVEY, surveyInput(newHouseCode()), "FORBIDDEN", "Mutation.recordHousingSurvey", who);
  });
});

describe("assistance cases", () => {
  it("a case goes village → tambon → district committee → province → approved, then works and handover, every step kept", async () => {
    const { data } = await hub.query(
      `{ households(first: 2) { nodes { houseCode village { code tambon { district { code } } } } } }`,
      {},
      officer,
    );
    const { houseCode, village } = data.households.nodes[1];
    await ok(SURVEY, surveyInput(houseCode, { villageCode: village.code }));
    const opened = await ok(OPEN, openInput(houseCode));
    expect(opened).toMatchObject({
      stage: "VILLAGE_SCREENING",
      open: true,
      requestedBudget: "18500.00",
      programmeName: "บ้านพอเพียงชนบท",
      village: { code: village.code },
      district: { code: village.tambon.district.code },
    });
    expect(opened.steps).toEqual([{ seq: 1, stage: "VILLAGE_SCREENING", decision: "OPENED", amount: "18500.00" }]);

    await ok(ADVANCE, { caseId: opened.id, stage: "TAMBON_SCREENING", date: "2026-01-10", decidedBy: "ประชาคมหมู่บ้าน" });
    await ok(ADVANCE, { caseId: opened.id, stage: "DISTRICT_SCREENING", date: "2026-01-20", decidedBy: "คณะทำงานตำบล" });
    await ok(
      ADVANCE,
      { caseId: opened.id, stage: "PROVINCE_SCREENING", date: "2026-02-01", decidedBy: "คณะกรรมการอำเภอนิคมคำสร้อย", reason: "ผ่านเกณฑ์" },
      committee,
    );
    const approved = await ok(
      ADVANCE,
      { caseId: opened.id, stage: "APPROVED", date: "2026-02-15", decidedBy: "คณะกรรมการจังหวัด", approvedBudget: "18000.50" },
      committee,
    );
    expect(approved).toMatchObject({
      stage: "APPROVED",
      approvedBudget: "18000.50",
      approvedOn: "2026-02-15",
      fiscalYear: 2026,
      fiscalYearBE: 2569,
    });
    expect(approved.steps[3]).toEqual({
      seq: 4,
      fromStage: "DISTRICT_SCREENING",
      stage: "PROVINCE_SCREENING",
      decision: "ENDORSED",
      date: "2026-02-01",
      decidedBy: "คณะกรรมการอำเภอนิคมคำสร้อย",
      reason: "ผ่านเกณฑ์",
      amount: null,
    });

    await ok(WORKS, { caseId: opened.id, stage: "WORKS_STARTED", date: "2026-03-01", recordedBy: "ช่าง อบจ.", spentAmount: "9000" });
    await ok(WORKS, { caseId: opened.id, stage: "WORKS_COMPLETED", date: "2026-04-01", recordedBy: "ช่าง อบจ.", spentAmount: "17950.25" });
    const done = await ok(WORKS, { caseId: opened.id, stage: "HANDED_OVER", date: "2026-04-05", recordedBy: "นายก อบจ." });
    expect(done).toMatchObject({ stage: "HANDED_OVER", open: false, spentAmount: "17950.25" });
    expect(done.steps.map((s: { decision: string }) => s.decision)).toEqual([
      "OPENED",
      "ENDORSED",
      "ENDORSED",
      "ENDORSED",
      "APPROVED",
      "WORKS_STARTED",
      "WORKS_COMPLETED",
      "HANDED_OVER",
    ]);

    const profile = await hub.query(
      `query($h: String!) { household(houseCode: $h) { housingCases { id stage steps { stage } } } }`,
      { h: houseCode },
      officer,
    );
    expect(profile.data.household.housingCases[0]).toMatchObject({ id: opened.id, stage: "HANDED_OVER" });
    expect(profile.data.household.housingCases[0].steps).toHaveLength(8);
  });

  it("opening a case is refused, naming the field, over the programme's cap, for works it does not fund, without a survey, or beside an open case", async () => {
    const houseCode = newHouseCode();
    await ok(SURVEY, surveyInput(houseCode));
    await refused(OPEN, openInput(houseCode, { requestedBudget: "19000.01" }), "BAD_USER_INPUT", "requestedBudget", officer, "19000.00");
    await refused(
      OPEN,
      openInput(houseCode, { programme: "BAAN_MANKONG", requestedBudget: "25500" }),
      "BAD_USER_INPUT",
      "requestedBudget",
      officer,
      "25000.00",
    );
    await refused(OPEN, openInput(houseCode, { requestedBudget: "0" }), "BAD_USER_INPUT", "requestedBudget");
    await refused(OPEN, openInput(houseCode, { requestedBudget: "1200.555" }), "BAD_USER_INPUT", "requestedBudget");
    await refused(OPEN, openInput(houseCode, { workType: "REBUILD" }), "BAD_USER_INPUT", "workType");
    await refused(OPEN, openInput(houseCode, { openedBy: " " }), "BAD_USER_INPUT", "openedBy");
    await refused(OPEN, openInput(newHouseCode()), "BAD_USER_INPUT", "houseCode", officer, "no housing survey");
    await ok(OPEN, openInput(houseCode));
    await refused(
      OPEN,
      openInput(houseCode, { programme: "BAAN_SANG_SUK", requestedBudget: "60000" }),
      "CONFLICT",
      "houseCode",
      officer,
      "open case",
    );
  });

  it("an illegal step is refused with the reason and changes nothing", async () => {
    const atTambon = await caseAt("TAMBON_SCREENING");
    await refused(
      ADVANCE,
      { caseId: atTambon.id, stage: "PROVINCE_SCREENING", date: day(5), decidedBy: "x" },
      "CONFLICT",
      "stage",
      officer,
      "cannot be skipped",
    );
    await refused(
      ADVANCE,
      { caseId: atTambon.id, stage: "APPROVED", date: day(5), decidedBy: "x", approvedBudget: "100" },
      "CONFLICT",
      "stage",
      officer,
    );
    await refused(
      ADVANCE,
      { caseId: atTambon.id, stage: "DISTRICT_SCREENING", date: "2026-01-05", decidedBy: "x" },
      "BAD_USER_INPUT",
      "date",
      officer,
      atTambon.lastDate,
    );
    await refused(ADVANCE, { caseId: atTambon.id, stage: "REJECTED", date: day(5), decidedBy: "x" }, "BAD_USER_INPUT", "reason");
    await refused(
      ADVANCE,
      { caseId: atTambon.id, stage: "DISTRICT_SCREENING", date: day(5), decidedBy: "x", approvedBudget: "100" },
      "BAD_USER_INPUT",
      "approvedBudget",
    );
    await refused(
      ADVANCE,
      { caseId: atTambon.id, stage: "WORKS_STARTED", date: day(5), decidedBy: "x" },
      "BAD_USER_INPUT",
      "stage",
      officer,
      "recordWorks",
    );
    await refused(WORKS, { caseId: atTambon.id, stage: "WORKS_STARTED", date: day(5), recordedBy: "x" }, "CONFLICT", "stage");
    await refused(
      WORKS,
      { caseId: atTambon.id, stage: "APPROVED", date: day(5), recordedBy: "x" },
      "BAD_USER_INPUT",
      "stage",
      officer,
      "advanceCase",
    );
    await refused(ADVANCE, { caseId: "987654321", stage: "DISTRICT_SCREENING", date: day(5), decidedBy: "x" }, "BAD_USER_INPUT", "caseId");
    await refused(ADVANCE, { caseId: "abc", stage: "DISTRICT_SCREENING", date: day(5), decidedBy: "x" }, "BAD_USER_INPUT", "caseId");

    const rejected = await caseAt("REJECTED");
    await refused(
      WORKS,
      { caseId: rejected.id, stage: "WORKS_COMPLETED", date: day(5), recordedBy: "x", spentAmount: "100" },
      "CONFLICT",
      "stage",
      officer,
      "closed",
    );
    await refused(
      ADVANCE,
      { caseId: rejected.id, stage: "TAMBON_SCREENING", date: day(5), decidedBy: "x" },
      "CONFLICT",
      "stage",
      officer,
      "closed",
    );
  });

  it("an approval over the programme's cap or the request, or without a budget, is refused", async () => {
    const mankong = await caseAt("PROVINCE_SCREENING", { programme: "BAAN_MANKONG", requestedBudget: "25000" });
    const approve = (budget: string | null) => ({
      caseId: mankong.id,
      stage: "APPROVED",
      date: day(4),
      decidedBy: "จังหวัด",
      approvedBudget: budget,
    });
    await refused(ADVANCE, approve("25000.01"), "BAD_USER_INPUT", "approvedBudget", committee, "cap of บ้านมั่นคง");
    await refused(ADVANCE, approve(null), "BAD_USER_INPUT", "approvedBudget", committee, "required");
    const small = await caseAt("PROVINCE_SCREENING", { requestedBudget: "12000" });
    await refused(
      ADVANCE,
      { caseId: small.id, stage: "APPROVED", date: day(4), decidedBy: "จังหวัด", approvedBudget: "12500" },
      "BAD_USER_INPUT",
      "approvedBudget",
      committee,
      "requested",
    );
  });

  it("works are recorded with what was spent, never above the approved budget nor less than already recorded", async () => {
    const c = await caseAt("APPROVED", { requestedBudget: "15000" });
    const works = (stage: string, spentAmount?: string) => ({ caseId: c.id, stage, date: day(6), recordedBy: "ช่าง", spentAmount });
    await refused(WORKS, works("WORKS_COMPLETED"), "CONFLICT", "stage");
    await refused(WORKS, works("WORKS_STARTED", "15000.01"), "BAD_USER_INPUT", "spentAmount", officer, "15000.00");
    await ok(WORKS, works("WORKS_STARTED", "8000"));
    await refused(WORKS, works("WORKS_COMPLETED", "7999"), "BAD_USER_INPUT", "spentAmount", officer, "8000.00");
    const done = await ok(WORKS, works("WORKS_COMPLETED"));
    expect(done).toMatchObject({ stage: "WORKS_COMPLETED", spentAmount: "8000.00" });
    const fresh = await caseAt("APPROVED");
    await ok(WORKS, { caseId: fresh.id, stage: "WORKS_STARTED", date: day(6), recordedBy: "ช่าง" });
    await refused(
      WORKS,
      { caseId: fresh.id, stage: "WORKS_COMPLETED", date: day(7), recordedBy: "ช่าง" },
      "BAD_USER_INPUT",
      "spentAmount",
      officer,
      "required",
    );
  });

  it("the district committee's and the province's decisions need the screening scope; the committee cannot open cases", async () => {
    const c = await caseAt("DISTRICT_SCREENING");
    await refused(
      ADVANCE,
      { caseId: c.id, stage: "PROVINCE_SCREENING", date: day(3), decidedBy: "เจ้าหน้าที่" },
      "FORBIDDEN",
      "stage",
      officer,
      "housing:screen",
    );
    await ok(ADVANCE, { caseId: c.id, stage: "PROVINCE_SCREENING", date: day(3), decidedBy: "คณะกรรมการอำเภอ" }, committee);
    const houseCode = newHouseCode();
    await ok(SURVEY, surveyInput(houseCode));
    await refused(OPEN, openInput(houseCode), "FORBIDDEN", "Mutation.openAssistanceCase", committee);
    await refused(
      ADVANCE,
      { caseId: c.id, stage: "APPROVED", date: day(4), decidedBy: "x", approvedBudget: "100" },
      "FORBIDDEN",
      "Mutation.advanceCase",
      { role: "social-worker" },
    );
  });

  it("two concurrent decisions on the same case: one succeeds, the other is refused, and one step is written", async () => {
    const c = await caseAt("VILLAGE_SCREENING");
    const before = await state();
    const input = { caseId: c.id, stage: "TAMBON_SCREENING", date: day(1), decidedBy: "ประชาคม" };
    const results = await Promise.all([hub.query(ADVANCE, { i: input }, officer), hub.query(ADVANCE, { i: input }, officer)]);
    expect(results.map((r) => r.errors?.[0].extensions?.code ?? "OK").sort()).toEqual(["CONFLICT", "OK"]);
    // The row lock made the second wait and see the stage the first left (not a duplicate-step race).
    expect(results.find((r) => r.errors)?.errors?.[0].extensions).toMatchObject({ field: "stage" });
    expect((await state()).steps).toBe(before.steps + 1);

    const houseCode = newHouseCode();
    await ok(SURVEY, surveyInput(houseCode));
    const opens = await Promise.all([
      hub.query(OPEN, { i: openInput(houseCode) }, officer),
      hub.query(OPEN, { i: openInput(houseCode) }, officer),
    ]);
    expect(opens.map((r) => r.errors?.[0].extensions?.code ?? "OK").sort()).toEqual(["CONFLICT", "OK"]);
    expect(await sql(`SELECT count(*)::int AS n FROM assistance_case WHERE house_code = $1`, [houseCode])).toEqual([{ n: 1 }]);
  });

  it("an approval beyond what is left of the programme's budget for the fiscal year is refused; the budget shows what is left", async () => {
    const c = await caseAt("PROVINCE_SCREENING", { requestedBudget: "18000" });
    const [{ approved }] = await sql(`SELECT coalesce(sum(approved_budget), 0)::text AS approved FROM assistance_case
      WHERE programme = 'BAAN_PO_PIANG' AND approved_on BETWEEN '2025-10-01' AND '2026-09-30'`);
    const [{ amount }] = await sql(`SELECT amount::text FROM programme_budget WHERE programme = 'BAAN_PO_PIANG' AND fiscal_year = 2026`);
    await sql(`UPDATE programme_budget SET amount = $1::numeric + 10000 WHERE programme = 'BAAN_PO_PIANG' AND fiscal_year = 2026`, [
      approved,
    ]);
    try {
      const approve = (budget: string) => ({ caseId: c.id, stage: "APPROVED", date: day(4), decidedBy: "จังหวัด", approvedBudget: budget });
      await refused(ADVANCE, approve("18000"), "CONFLICT", "approvedBudget", committee, "10000.00 baht");
      await ok(ADVANCE, approve("9000"), committee);
      const { data } = await hub.query(
        `{ programmeBudgets(fiscalYear: 2026, programme: BAAN_PO_PIANG) { budgetRemaining fiscalYearBE } }`,
        {},
        officer, // housing's own staff: exact (the public sees what is left only over 5 households or more)
      );
      expect(data.programmeBudgets).toEqual([{ budgetRemaining: "1000.00", fiscalYearBE: 2569 }]);
    } finally {
      await sql(`UPDATE programme_budget SET amount = $1 WHERE programme = 'BAAN_PO_PIANG' AND fiscal_year = 2026`, [amount]);
    }
  });

  it("a case's history cannot be rewritten: not by the service's own database user, not even by the database's owner", async () => {
    for (const statement of [`UPDATE case_step SET decided_by = 'someone else'`, `DELETE FROM case_step`]) {
      await expect(sql(statement)).rejects.toThrow(/permission denied/);
      await expect(hub.asOwner("housing", statement)).rejects.toThrow(/append-only/);
    }
  });
});

describe("personal data in housing records", () => {
  it("reading a case's reasons is written to housing's audit trail, with the records read", async () => {
    const c = await caseAt("REJECTED");
    const { data, errors } = await hub.query(
      `query ReadReasons($id: ID!) { assistanceCase(id: $id) { steps { reason } } }`,
      { id: c.id },
      officer,
    );
    expect(errors).toBeUndefined();
    expect(data.assistanceCase.steps.map((s: { reason: string | null }) => s.reason)).toContain("ได้รับความช่วยเหลือแล้ว");
    // Looked up by operation name: kit/audit.ts orders by the text of the id ("9" after "19"), reported.
    const log = await hub.query(
      `{ housingAuditLog(last: 50) { role operationName fields records } }`,
      {},
      { role: "data-protection-officer" },
    );
    const entry = log.data.housingAuditLog.find((e: { operationName: string | null }) => e.operationName === "ReadReasons");
    expect(entry).toMatchObject({ role: "housing-officer", fields: ["CaseStep.reason"] });
    expect(entry.records.length).toBeGreaterThan(0);
  });

  it("a provincial analyst without housing's read scope sees no case records, only the figures", async () => {
    const { data, errors } = await hub.query(
      `{ assistanceCases(first: 1) { totalCount } tambon(code: "490301") { housing { surveyedHouseholds } } }`,
      {},
      { role: "provincial-analyst" },
    );
    expect(data.assistanceCases).toBeNull();
    expect(errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(data.tambon.housing.surveyedHouseholds).toBeGreaterThan(0);
  });
});
