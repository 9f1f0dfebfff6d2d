import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answered, refusedUnchanged, sqlOn } from "./expect";
import { startHub, type TestHub } from "./hub";

/**
 * A referral's whole life through the gateway (issue 13): a social worker plans a household's need
 * and refers it to housing; the housing officer finds it in housing's queue and answers it in
 * housing's own subgraph by opening a case; the social worker sees the answer and closes the
 * referral with its outcome. Wrong agencies and bad input are refused with nothing written.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

const SOCIAL = { role: "social-worker" };
const HOUSING = { role: "housing-officer" };
const FARMERS = { role: "farmers-council-officer" };
const registry = sqlOn(() => hub, "social-development");
const housing = sqlOn(() => hub, "housing");
const agriculture = sqlOn(() => hub, "agriculture");

const M = {
  plan: `mutation($input: PlanNeedInput!) { planNeed(input: $input) { id capital goal responsibleAgency reviewOn } }`,
  refer: `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id fromAgency toAgency sentOn closedOn } }`,
  close: `mutation($input: CloseReferralInput!) { closeReferral(input: $input) { id closedOn outcome outcomeNote } }`,
  answerHousing: `mutation($input: AnswerHousingReferralInput!) { answerHousingReferral(input: $input) { referralId decision openedKind openedId answeredBy } }`,
  answerFarm: `mutation($input: AnswerAgricultureReferralInput!) { answerAgricultureReferral(input: $input) { referralId } }`,
  openCase: `mutation($input: OpenAssistanceCaseInput!) { openAssistanceCase(input: $input) { id } }`,
};
const QUEUE = `query($agency: CaseAgency!) { referralQueue(agency: $agency) { id household { houseCode } need { capital need } reason sentOn housing { decision } } }`;
const PROFILE = `query($houseCode: String!) { household(houseCode: $houseCode) {
  casePlan { capital need goal responsibleAgency reviewOn }
  referrals { id toAgency closedOn outcome housing { decision openedKind openedId answeredOn } }
  caseworkHistory { event note byRole byAgency at }
} }`;

/** Everything casework writes, in each of the four agencies: a refused step must leave it as it was. */
const written = async () => ({
  registry: await registry(
    `SELECT (SELECT count(*) FROM case_need) AS needs, (SELECT count(*) FROM referral) AS referrals,
            (SELECT count(*) FROM referral WHERE closed_on IS NOT NULL) AS closed, (SELECT count(*) FROM casework_event) AS events`,
  ),
  answers: await Promise.all(
    ["housing", "agriculture", "community-councils"].map((s) => sqlOn(() => hub, s as never)("SELECT count(*) FROM referral_answer")),
  ),
});

/** A household with a housing survey and no open case: housing can open one for it. */
const householdForHousing = async (): Promise<string> => {
  const planned = new Set((await registry("SELECT house_code FROM case_need")).map((r: { house_code: string }) => r.house_code));
  const free = await housing(
    `SELECT DISTINCT s.house_code FROM housing_survey s WHERE NOT EXISTS (SELECT 1 FROM assistance_case c WHERE c.house_code = s.house_code)
     ORDER BY s.house_code`,
  );
  return free.map((r: { house_code: string }) => r.house_code).find((code: string) => !planned.has(code))!;
};

describe("the demo's casework", () => {
  it("every demo referral is answered once by its addressee, an acceptance naming the household's own record", async () => {
    const referrals = await answered(
      hub,
      `{ referralQueue(agency: HOUSING) { id household { houseCode housingCases { id } } housing { decision openedId reason } } }`,
      {},
      { role: "case-conference" },
    );
    expect(referrals.length).toBeGreaterThan(0);
    for (const r of referrals) {
      expect(r.housing, r.id).not.toBeNull();
      if (r.housing.decision === "ACCEPTED")
        expect(r.household.housingCases.map((c: { id: string }) => c.id)).toContain(r.housing.openedId);
      else expect(r.housing.reason).toBeTruthy();
    }
    const total = (await registry("SELECT count(*)::int AS n FROM referral"))[0].n;
    const answers = await Promise.all(
      ["housing", "agriculture", "community-councils"].map((s) => sqlOn(() => hub, s as never)("SELECT referral_id FROM referral_answer")),
    );
    expect(answers.flat()).toHaveLength(total);
  });
});

describe("a referral's whole life, from the registry to housing and back", () => {
  let houseCode: string;
  let referralId: string;

  it("a social worker plans a need and refers it to housing; housing's queue shows it", async () => {
    houseCode = await householdForHousing();
    const need = await answered(
      hub,
      M.plan,
      {
        input: {
          houseCode,
          capital: "PHYSICAL",
          need: "หลังคารั่ว ผนังผุ (unsafe roof and walls)",
          goal: "a safe home",
          responsibleAgency: "HOUSING",
          reviewOn: "2027-06-30",
        },
      },
      SOCIAL,
    );
    expect(need).toMatchObject({ capital: "PHYSICAL", responsibleAgency: "HOUSING", reviewOn: "2027-06-30" });
    const referral = await answered(
      hub,
      M.refer,
      { input: { houseCode, capital: "PHYSICAL", toAgency: "HOUSING", reason: "unsafe house" } },
      SOCIAL,
    );
    expect(referral).toMatchObject({ fromAgency: "SOCIAL_DEVELOPMENT", toAgency: "HOUSING", closedOn: null });
    expect(referral.id).toMatch(/^HOUSING-\d+$/);
    referralId = referral.id;

    const queue = await answered(hub, QUEUE, { agency: "HOUSING" }, HOUSING);
    expect(queue).toContainEqual(
      expect.objectContaining({
        id: referralId,
        household: { houseCode },
        need: { capital: "PHYSICAL", need: expect.any(String) },
        housing: null,
      }),
    );
  });

  it("an agency that is not the receiver cannot answer it, and nothing is written", async () => {
    const farmAnswers = async () => (await agriculture("SELECT count(*)::int AS n FROM referral_answer"))[0].n;
    const before = await farmAnswers();
    // The farmers council, in its own subgraph: the referral is addressed to housing.
    await refusedUnchanged(
      hub,
      M.answerFarm,
      { input: { referralId, decision: "DECLINED", reason: "not ours" } },
      { code: "FORBIDDEN", field: "referralId", because: "addressed to HOUSING" },
      written,
      FARMERS,
    );
    // …nor through housing's subgraph, whose writes need housing's scope.
    await refusedUnchanged(
      hub,
      M.answerHousing,
      { input: { referralId, decision: "DECLINED", reason: "x" } },
      { code: "FORBIDDEN" },
      written,
      FARMERS,
    );
    // Another agency's staff do not see housing's queue.
    const { errors } = await hub.query(QUEUE, { agency: "HOUSING" }, FARMERS);
    expect(errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await farmAnswers()).toBe(before);
  });

  it("the housing officer opens a case and accepts the referral with it, in housing's own subgraph, once", async () => {
    const opened = await answered(
      hub,
      M.openCase,
      {
        input: {
          houseCode,
          programme: "BAAN_SANG_SUK",
          workType: "REPAIR",
          requestedBudget: "18000",
          openedOn: "2026-01-05",
          openedBy: "อบจ. officer",
        },
      },
      HOUSING,
    );
    await refusedUnchanged(
      hub,
      M.answerHousing,
      { input: { referralId, decision: "ACCEPTED", openedKind: "HOUSING_CASE", openedId: "999999999" } },
      { code: "BAD_USER_INPUT", field: "openedId" },
      written,
      HOUSING,
    );
    const answer = await answered(
      hub,
      M.answerHousing,
      { input: { referralId, decision: "ACCEPTED", openedKind: "HOUSING_CASE", openedId: opened.id } },
      HOUSING,
    );
    expect(answer).toMatchObject({
      referralId,
      decision: "ACCEPTED",
      openedKind: "HOUSING_CASE",
      openedId: opened.id,
      answeredBy: expect.any(String),
    });
    await refusedUnchanged(
      hub,
      M.answerHousing,
      { input: { referralId, decision: "DECLINED", reason: "changed our mind" } },
      { code: "CONFLICT", field: "referralId", because: "answered already" },
      written,
      HOUSING,
    );
    // The answer row is housing's, and no other agency's table changed.
    expect(await housing("SELECT referral_id, decision, opened_id FROM referral_answer WHERE referral_id = $1", [referralId])).toEqual([
      { referral_id: referralId, decision: "ACCEPTED", opened_id: opened.id },
    ]);
  });

  it("the social worker sees housing's answer, closes the referral once, and the history says who did what", async () => {
    await refusedUnchanged(
      hub,
      M.close,
      { input: { referralId, outcome: "MET", closedOn: "2020-01-02" } },
      { code: "BAD_USER_INPUT", field: "closedOn", because: "before the referral was sent" },
      written,
      SOCIAL,
    );
    const closed = await answered(hub, M.close, { input: { referralId, outcome: "MET", note: "roof repaired" } }, SOCIAL);
    expect(closed).toMatchObject({ id: referralId, outcome: "MET", outcomeNote: "roof repaired" });
    await refusedUnchanged(
      hub,
      M.close,
      { input: { referralId, outcome: "MET" } },
      { code: "CONFLICT", field: "referralId", because: "was closed" },
      written,
      SOCIAL,
    );

    const profile = await answered(hub, PROFILE, { houseCode }, SOCIAL);
    expect(profile.casePlan).toEqual([expect.objectContaining({ capital: "PHYSICAL", responsibleAgency: "HOUSING" })]);
    expect(profile.referrals).toEqual([
      expect.objectContaining({
        id: referralId,
        outcome: "MET",
        housing: expect.objectContaining({ decision: "ACCEPTED", openedKind: "HOUSING_CASE" }),
      }),
    ]);
    expect(profile.caseworkHistory.map((e: { event: string; byRole: string }) => `${e.event}:${e.byRole}`)).toEqual([
      "NEED_PLANNED:social-worker",
      "REFERRED:social-worker",
      "CLOSED:social-worker",
    ]);
    // Reading a household's casework is a personal read: one audit row naming the household.
    const [row] = await registry("SELECT fields, records FROM audit_log WHERE 'Household.casePlan' = ANY(fields) ORDER BY id DESC LIMIT 1");
    expect(row.records).toContain(`Household:${houseCode}`);
    // The history cannot be rewritten, even by the database's owner.
    await expect(hub.asOwner("social-development", "UPDATE casework_event SET note = 'x'")).rejects.toThrow(/append-only/);
  });

  it("the councils' network declines a referral in its own subgraph, with a reason; only the sender closes it", async () => {
    const COUNCIL = { role: "council-network-officer" };
    const plan = {
      houseCode,
      capital: "SOCIAL",
      need: "no safety net",
      goal: "a welfare fund member",
      responsibleAgency: "COMMUNITY_COUNCILS",
      reviewOn: "2027-03-31",
    };
    await answered(hub, M.plan, { input: plan }, SOCIAL);
    const { id } = await answered(
      hub,
      M.refer,
      { input: { houseCode, capital: "SOCIAL", toAgency: "COMMUNITY_COUNCILS", reason: "no safety net" } },
      SOCIAL,
    );
    expect(id).toMatch(/^COMMUNITY_COUNCILS-\d+$/);
    const DECLINE = `mutation($input: AnswerCouncilsReferralInput!) { answerCouncilsReferral(input: $input) { referralId decision reason } }`;
    await refusedUnchanged(
      hub,
      DECLINE,
      { input: { referralId: id, decision: "DECLINED" } },
      { code: "BAD_USER_INPUT", field: "reason" },
      written,
      COUNCIL,
    );
    await refusedUnchanged(
      hub,
      DECLINE,
      { input: { referralId: id, decision: "ACCEPTED", openedKind: "HOUSING_CASE", openedId: "1" } },
      { code: "BAD_USER_INPUT", field: "openedKind" },
      written,
      COUNCIL,
    );
    expect(
      await answered(hub, DECLINE, { input: { referralId: id, decision: "DECLINED", reason: "no fund in this tambon yet" } }, COUNCIL),
    ).toEqual({
      referralId: id,
      decision: "DECLINED",
      reason: "no fund in this tambon yet",
    });
    // The farmers council did not send it, so it cannot close it.
    await refusedUnchanged(
      hub,
      M.close,
      { input: { referralId: id, outcome: "NOT_MET" } },
      { code: "FORBIDDEN", field: "referralId" },
      written,
      FARMERS,
    );
    expect(
      await answered(hub, M.close, { input: { referralId: id, outcome: "NOT_MET", note: "declined: no fund" } }, SOCIAL),
    ).toMatchObject({ outcome: "NOT_MET" });
  });

  it("bad input is refused naming the field, and nothing is written", async () => {
    const other = (await registry("SELECT house_code FROM household ORDER BY house_code DESC LIMIT 1"))[0].house_code;
    const plan = {
      houseCode: other,
      capital: "FINANCIAL",
      need: "low farm income",
      goal: "income above the line",
      responsibleAgency: "AGRICULTURE",
      reviewOn: "2026-12-31",
    };
    const cases: [string, Record<string, unknown>, string, string, object?][] = [
      [M.plan, { ...plan, houseCode: "49019999999" }, "BAD_USER_INPUT", "houseCode"],
      [M.plan, { ...plan, reviewOn: "2019-01-01", plannedOn: "2025-01-01" }, "BAD_USER_INPUT", "reviewOn"],
      [M.plan, { ...plan, need: "  " }, "BAD_USER_INPUT", "need"],
      [M.refer, { houseCode: other, capital: "FINANCIAL", toAgency: "AGRICULTURE", reason: "no plan yet" }, "BAD_USER_INPUT", "capital"],
      [M.refer, { houseCode: "49019999999", capital: "FINANCIAL", toAgency: "AGRICULTURE", reason: "x" }, "BAD_USER_INPUT", "houseCode"],
      [
        M.refer,
        { houseCode: other, capital: "FINANCIAL", toAgency: "SOCIAL_DEVELOPMENT", reason: "to myself" },
        "BAD_USER_INPUT",
        "toAgency",
      ],
      [M.close, { referralId: "HOUSING-99999", outcome: "MET" }, "NOT_FOUND", "referralId"],
      [M.close, { referralId: "HOUSE-1", outcome: "MET" }, "BAD_USER_INPUT", "referralId"],
    ];
    for (const [query, input, code, field] of cases) await refusedUnchanged(hub, query, { input }, { code, field }, written, SOCIAL);
    // The public and the analyst may not refer.
    await refusedUnchanged(
      hub,
      M.refer,
      { input: { houseCode: other, capital: "FINANCIAL", toAgency: "AGRICULTURE", reason: "x" } },
      { code: "FORBIDDEN" },
      written,
    );
  });
});
