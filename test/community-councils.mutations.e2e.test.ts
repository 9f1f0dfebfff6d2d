import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answered, refusedUnchanged } from "./expect";
import { startHub, type TestHub } from "./hub";

let hub: TestHub;
let T: { code: string; nameTh: string }; // a tambon the demo gave no council
let T2: string; // another, for the concurrency tests
let P: string; // the linkage id of a person the registry holds (citizen ID CID), from linkPerson
beforeAll(async () => {
  hub = await startHub();
  const { data } = await hub.query(`{ tambons { code nameTh councils { council { id } } } }`);
  const bare = data.tambons
    .filter((t: { councils: { council: unknown } }) => t.councils.council === null)
    .map(({ code, nameTh }: typeof T) => ({ code, nameTh }));
  [T, T2] = [bare[0], bare[1].code];
  await register("49029999001", CID);
  P = (await answered(hub, LINK, { c: CID }, OFFICER)).id;
});
afterAll(() => hub?.stop());

const OFFICER = { role: "council-network-officer" };
const CID = "3100600445635";
const CID2 = "1234545678781";
const LINK = `mutation($c: String!) { linkPerson(citizenId: $c) { id } }`;

/** A household in T's first village with one member, registered by the registry's own staff. */
async function register(houseCode: string, citizenId: string): Promise<string> {
  const worker = { role: "social-worker" };
  const household = `mutation($h: String!, $v: String!) { registerHousehold(input: { houseCode: $h, villageCode: $v }) { houseCode } }`;
  await answered(hub, household, { h: houseCode, v: `${T.code}01` }, worker);
  const added = await answered(
    hub,
    `mutation($h: String!, $c: String!) { addMember(input: { houseCode: $h, citizenId: $c, firstName: "คำปุน", lastName: "ทดสอบ",
      sex: FEMALE, birthDate: "1968-04-02", relationToHead: HEAD }) { id } }`,
    { h: houseCode, c: citizenId },
    worker,
  );
  return added.id;
}

const M = {
  council: `mutation($input: RecordCouncilInput!) { recordCouncil(input: $input) { id name notifiedOn notifiedYearBE tambon { code nameTh } } }`,
  seat: `mutation($input: AddCouncilMemberInput!) { addCouncilMember(input: $input) { role roleLabel current termStartYearBE person { id } council { name } } }`,
  training: `mutation($input: RecordLeaderTrainingInput!) { recordLeaderTraining(input: $input) { trained tambon { code } trainings { module moduleLabel completed yearBE } } }`,
  fund: `mutation($input: EstablishWelfareFundInput!) { establishWelfareFund(input: $input) { name contributionRule contributionAmount contributionPeriod balance foundedYearBE } }`,
  join: `mutation($input: JoinWelfareFundInput!) { joinWelfareFund(input: $input) { joinedOn joinedYearBE person { id } household { houseCode } fund { name } } }`,
  contribute: `mutation($input: RecordContributionInput!) { recordContribution(input: $input) { amount paidOn fund { balance contributionsTotal } } }`,
  match: `mutation($input: RecordMatchingInput!) { recordMatching(input: $input) { source sourceLabel amount fund { balance matchingTotal } } }`,
  payout: `mutation($input: RecordPayoutInput!) { recordPayout(input: $input) { amount paidOn fund { balance payoutsTotal } } }`,
  enterprise: `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { registrationNumber name membersCount tambon { code } } }`,
  grant: `mutation($input: RecordGrantInput!) { recordGrant(input: $input) { programme fiscalYear fiscalYearBE amount approvedOn } }`,
};

const TABLES = [
  "council",
  "council_member",
  "change_leader",
  "leader_training",
  "welfare_fund",
  "fund_member",
  "fund_contribution",
  "fund_matching",
  "fund_payout",
  "community_enterprise",
  "codi_grant",
];

/** Every table's row count and every fund's totals: what "nothing was written" is checked against. */
const snapshot = async () =>
  (
    await hub.subgraphs["community-councils"].ds.query(
      `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(", ")},
       (SELECT string_agg(id || ':' || balance, ',' ORDER BY id) FROM welfare_fund) AS balances`,
    )
  )[0];

const ok = (mutation: string, input: Record<string, unknown>) => answered(hub, mutation, { input }, OFFICER);

const refused = (mutation: string, input: Record<string, unknown>, code: string, field: string, role = OFFICER.role) =>
  refusedUnchanged(hub, mutation, { input }, { code, field }, snapshot, { role });

const balanceOf = async (code: string) =>
  (
    await hub.query(
      `query($c: String!) { welfareFund(tambonCode: $c) { balance contributionsTotal matchingTotal payoutsTotal } }`,
      { c: code },
      OFFICER, // the fund's own staff: its exact accounts (the public's are under disclosure control)
    )
  ).data.welfareFund;

describe("the council network records its work", () => {
  it("an officer records a council, seats a chair by the linkage id the registry gave, trains them, and runs the tambon's welfare fund", async () => {
    const council = await ok(M.council, { tambonCode: T.code, notifiedOn: "2012-05-01" });
    expect(council).toMatchObject({
      name: `สภาองค์กรชุมชนตำบล${T.nameTh}`,
      notifiedYearBE: 2555,
      tambon: { code: T.code, nameTh: T.nameTh },
    });

    const seat = await ok(M.seat, { tambonCode: T.code, personId: P, role: "CHAIR", termStart: "2024-01-15", termEnd: "2028-01-14" });
    expect(seat).toMatchObject({ role: "CHAIR", roleLabel: "ประธาน (chair)", current: true, termStartYearBE: 2567 });
    expect(seat.person.id).toBe(P); // the registry's id: this agency never saw the citizen ID
    const earlier = await ok(M.seat, {
      tambonCode: T.code,
      personId: P,
      role: "VICE_CHAIR",
      termStart: "2020-01-15",
      termEnd: "2024-01-14",
    });
    expect(earlier.current).toBe(false);

    const leader = await ok(M.training, { tambonCode: T.code, personId: P, module: "DATA_FOR_DEVELOPMENT", trainedOn: "2025-03-01" });
    expect(leader).toMatchObject({ trained: true, tambon: { code: T.code } });
    expect(leader.trainings[0]).toEqual({
      module: "DATA_FOR_DEVELOPMENT",
      moduleLabel: "ข้อมูลเพื่อการพัฒนา (data for development)",
      completed: true,
      yearBE: 2568,
    });

    const fund = await ok(M.fund, {
      tambonCode: T.code,
      foundedOn: "2015-01-01",
      contributionRule: "วันละ 1 บาท (365 บาทต่อปี)",
      contributionAmount: "1",
      contributionPeriod: "DAY",
    });
    expect(fund).toMatchObject({
      name: `กองทุนสวัสดิการชุมชนตำบล${T.nameTh}`,
      contributionAmount: "1.00",
      balance: "0.00",
      foundedYearBE: 2558,
    });

    const member = await ok(M.join, { tambonCode: T.code, personId: P, houseCode: "49029999001", joinedOn: "2025-01-01" });
    expect(member).toMatchObject({ joinedYearBE: 2568, household: { houseCode: "49029999001" }, person: { id: seat.person.id } });
    expect((await ok(M.contribute, { personId: P, amount: "365", paidOn: "2025-01-05" })).fund).toEqual({
      balance: "365.00",
      contributionsTotal: "365.00",
    });
    expect(await ok(M.match, { tambonCode: T.code, source: "LOCAL_GOVERNMENT", amount: "365.00", receivedOn: "2025-03-15" })).toMatchObject(
      { sourceLabel: "องค์กรปกครองส่วนท้องถิ่น (local government)", amount: "365.00", fund: { balance: "730.00", matchingTotal: "365.00" } },
    );
    expect(
      await ok(M.payout, {
        personId: seat.person.id,
        benefit: "SICKNESS",
        amount: "500.50",
        paidOn: "2025-06-01",
        note: "นอนโรงพยาบาล 3 คืน",
      }),
    ).toEqual({ amount: "500.50", paidOn: "2025-06-01", fund: { balance: "229.50", payoutsTotal: "500.50" } });

    const { data } = await hub.query(
      `query($c: String!) { tambon(code: $c) { councils { council { memberCount chair { person { id } } members(includePast: true) { role } }
      trainedChangeLeaders welfareFundMembers welfareFundBalance } } }`,
      { c: T.code },
      OFFICER,
    );
    expect(data.tambon.councils).toEqual({
      council: { memberCount: 1, chair: { person: { id: seat.person.id } }, members: [{ role: "CHAIR" }, { role: "VICE_CHAIR" }] },
      trainedChangeLeaders: 1,
      welfareFundMembers: 1,
      welfareFundBalance: "229.50",
    });
  });

  it("a person the registry holds shows, by the shared linkage id, their seat, leader role and fund membership", async () => {
    const id = await register("49029999002", CID2);
    expect((await answered(hub, LINK, { c: CID2 }, OFFICER)).id).toBe(id);
    await ok(M.seat, { tambonCode: T.code, personId: id, role: "SECRETARY", termStart: "2024-01-15", termEnd: "2028-01-14" });
    await ok(M.training, { tambonCode: T.code, personId: id, module: "ORGANIC_FARMING", trainedOn: "2025-05-20", completed: false });
    await ok(M.join, { tambonCode: T.code, personId: id, houseCode: "49029999002", joinedOn: "2025-02-01" });
    await ok(M.contribute, { personId: id, amount: "28", paidOn: "2025-02-05" });

    const { data, errors } = await hub.query(
      `query($id: String!) { person(id: $id) { id relationToHead councilSeats { role council { tambon { code } } }
      changeLeader { trained trainings { module completed } } welfareFundMembership { contributed benefitsReceived lastContributionOn household { houseCode } } } }`,
      { id },
      OFFICER,
    );
    expect(errors).toBeUndefined();
    expect(data.person).toEqual({
      id,
      relationToHead: "HEAD",
      councilSeats: [{ role: "SECRETARY", council: { tambon: { code: T.code } } }],
      changeLeader: { trained: false, trainings: [{ module: "ORGANIC_FARMING", completed: false }] },
      welfareFundMembership: {
        contributed: "28.00",
        benefitsReceived: "0.00",
        lastContributionOn: "2025-02-05",
        household: { houseCode: "49029999002" },
      },
    });
    const household = await hub.query(
      `{ household(houseCode: "49029999002") { welfareFundMemberships { person { id } joinedOn } } }`,
      {},
      OFFICER,
    );
    expect(household.data.household.welfareFundMemberships).toEqual([{ person: { id }, joinedOn: "2025-02-01" }]);
    // Reading what a member paid is personal data: the read is in this agency's audit log.
    const [audit] = await hub.subgraphs["community-councils"].ds.query(
      `SELECT role, fields, records FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.role).toBe("council-network-officer");
    expect(audit.fields).toContain("WelfareFundMembership.contributed");
    expect(audit.records).toContain(`WelfareFundMembership:${id}`);
  });

  it("an enterprise registers and CODI grants are recorded in their fiscal year", async () => {
    const e = await ok(M.enterprise, {
      tambonCode: T.code,
      registrationNumber: "4-49-99-01/1-0001",
      name: "วิสาหกิจชุมชนกลุ่มทอผ้า",
      product: "ผ้าไหม",
      membersCount: 12,
      registeredOn: "2019-08-01",
    });
    expect(e).toEqual({ registrationNumber: "4-49-99-01/1-0001", name: "วิสาหกิจชุมชนกลุ่มทอผ้า", membersCount: 12, tambon: { code: T.code } });
    const g = await ok(M.grant, {
      tambonCode: T.code,
      programme: "RURAL_HOUSING",
      fiscalYear: 2025,
      amount: "190000",
      approvedOn: "2024-11-20",
      purpose: "ซ่อมแซมบ้าน 10 หลัง",
    });
    expect(g).toEqual({ programme: "RURAL_HOUSING", fiscalYear: 2025, fiscalYearBE: 2568, amount: "190000.00", approvedOn: "2024-11-20" });
    const { data } = await hub.query(
      `query($c: String!) { tambon(code: $c) { councils { codiGrantsTotal codiGrantsByFiscalYear { fiscalYearBE grants total } communityEnterprises { name } } } }`,
      { c: T.code },
    );
    expect(data.tambon.councils).toMatchObject({
      codiGrantsTotal: "190000.00",
      codiGrantsByFiscalYear: [{ fiscalYearBE: 2568, grants: 1, total: "190000.00" }],
    });
    expect(data.tambon.councils.communityEnterprises).toContainEqual({ name: "วิสาหกิจชุมชนกลุ่มทอผ้า" });
  });
});

describe("the council network's rules", () => {
  const seat = (overrides: Record<string, unknown> = {}) => ({
    tambonCode: T.code,
    personId: "ab".repeat(16),
    role: "MEMBER",
    termStart: "2024-01-15",
    termEnd: "2028-01-14",
    ...overrides,
  });

  it("bad input is refused naming the field, and nothing is written", async () => {
    await refused(M.council, { tambonCode: "4901", notifiedOn: "2012-05-01" }, "BAD_USER_INPUT", "tambonCode");
    await refused(M.council, { tambonCode: "499999", notifiedOn: "2012-05-01" }, "BAD_USER_INPUT", "tambonCode");
    await refused(M.council, { tambonCode: T2, notifiedOn: "2007-12-31" }, "BAD_USER_INPUT", "notifiedOn");
    await refused(M.seat, seat({ personId: null }), "BAD_USER_INPUT", ""); // required by the schema
    await refused(M.seat, seat({ personId: CID }), "BAD_USER_INPUT", "personId"); // a citizen ID is never taken here
    await refused(M.seat, seat({ personId: "not-a-linkage-id" }), "BAD_USER_INPUT", "personId");
    await refused(M.seat, seat({ termEnd: "2024-01-15" }), "BAD_USER_INPUT", "termEnd");
    await refused(M.seat, seat({ termEnd: "2028-01-16" }), "BAD_USER_INPUT", "termEnd");
    await refused(M.seat, seat({ termStart: "2999-01-01", termEnd: "3000-01-01" }), "BAD_USER_INPUT", "termStart");
    await refused(M.seat, seat({ termStart: "2011-01-01", termEnd: "2014-01-01" }), "BAD_USER_INPUT", "termStart"); // before the council
    await refused(M.seat, seat({ tambonCode: T2 }), "BAD_USER_INPUT", "tambonCode"); // no council there
    await refused(
      M.training,
      { tambonCode: T.code, personId: P, module: "ENVIRONMENT", trainedOn: "2025-02-30" },
      "BAD_USER_INPUT",
      "trainedOn",
    );
    const fund = {
      tambonCode: T2,
      foundedOn: "2015-01-01",
      contributionRule: "วันละ 1 บาท",
      contributionAmount: "1",
      contributionPeriod: "DAY",
    };
    await refused(M.fund, fund, "BAD_USER_INPUT", "tambonCode"); // a fund belongs to a council
    await refused(M.fund, { ...fund, tambonCode: T.code, contributionAmount: "0" }, "BAD_USER_INPUT", "contributionAmount");
    await refused(M.fund, { ...fund, tambonCode: T.code, contributionAmount: "1.234" }, "BAD_USER_INPUT", "contributionAmount");
    await refused(M.fund, { ...fund, tambonCode: T.code, contributionRule: "  " }, "BAD_USER_INPUT", "contributionRule");
    const join = { tambonCode: T.code, personId: "cd".repeat(16), houseCode: "49029999003", joinedOn: "2025-01-01" };
    await refused(M.join, { ...join, houseCode: "123" }, "BAD_USER_INPUT", "houseCode");
    await refused(M.join, { ...join, joinedOn: "2014-12-31" }, "BAD_USER_INPUT", "joinedOn"); // before the fund
    await refused(M.join, { ...join, tambonCode: T2 }, "BAD_USER_INPUT", "tambonCode");
    await refused(M.contribute, { personId: P, amount: "-5", paidOn: "2025-02-05" }, "BAD_USER_INPUT", "amount");
    await refused(M.contribute, { personId: P, amount: "0.00", paidOn: "2025-02-05" }, "BAD_USER_INPUT", "amount");
    await refused(M.contribute, { personId: P, amount: "10", paidOn: "2024-12-31" }, "BAD_USER_INPUT", "paidOn"); // before joining
    await refused(M.contribute, { personId: "ef".repeat(16), amount: "10", paidOn: "2025-02-05" }, "BAD_USER_INPUT", "personId"); // not a member
    await refused(M.match, { tambonCode: T.code, source: "CODI", amount: "1e5", receivedOn: "2025-02-05" }, "BAD_USER_INPUT", "amount");
    await refused(
      M.payout,
      { personId: "ef".repeat(16), benefit: "FUNERAL", amount: "10", paidOn: "2025-02-05" },
      "BAD_USER_INPUT",
      "personId",
    );
    const enterprise = {
      tambonCode: T.code,
      registrationNumber: "4-49-99-01/1-0002",
      name: "กลุ่มจักสาน",
      product: "กระติบ",
      membersCount: 5,
      registeredOn: "2020-01-01",
    };
    await refused(M.enterprise, enterprise, "BAD_USER_INPUT", "membersCount");
    await refused(M.enterprise, { ...enterprise, membersCount: 9, registrationNumber: "abc" }, "BAD_USER_INPUT", "registrationNumber");
    const grant = { tambonCode: T.code, programme: "COUNCIL_SUPPORT", fiscalYear: 2025, amount: "50000", approvedOn: "2025-10-01" };
    await refused(M.grant, grant, "BAD_USER_INPUT", "approvedOn"); // FY 2025 ended on 30 September
    await refused(M.grant, { ...grant, fiscalYear: 2100 }, "BAD_USER_INPUT", "fiscalYear");
    await refused(M.grant, { ...grant, tambonCode: T2, approvedOn: "2025-01-10" }, "BAD_USER_INPUT", "tambonCode");
  });

  it("a second council, chair, seat, fund, membership, leader tambon, training or registration number is a CONFLICT, and nothing is written", async () => {
    await refused(M.council, { tambonCode: T.code, notifiedOn: "2013-01-01" }, "CONFLICT", "tambonCode");
    await refused(M.seat, seat({ role: "CHAIR", termStart: "2025-06-01", termEnd: "2029-05-31" }), "CONFLICT", "role");
    await refused(M.seat, seat({ personId: P, termStart: "2026-01-01", termEnd: "2029-12-31" }), "CONFLICT", "personId");
    await refused(M.training, { tambonCode: T2, personId: P, module: "ENVIRONMENT", trainedOn: "2025-04-01" }, "CONFLICT", "tambonCode");
    await refused(
      M.training,
      { tambonCode: T.code, personId: P, module: "DATA_FOR_DEVELOPMENT", trainedOn: "2025-03-01" },
      "CONFLICT",
      "trainedOn",
    );
    await refused(
      M.fund,
      {
        tambonCode: T.code,
        foundedOn: "2016-01-01",
        contributionRule: "เดือนละ 30 บาท",
        contributionAmount: "30",
        contributionPeriod: "MONTH",
      },
      "CONFLICT",
      "tambonCode",
    );
    await refused(M.join, { tambonCode: T.code, personId: P, houseCode: "49029999001", joinedOn: "2025-02-01" }, "CONFLICT", "personId");
    await refused(
      M.enterprise,
      {
        tambonCode: T.code,
        registrationNumber: "4-49-99-01/1-0001",
        name: "อีกกลุ่ม",
        product: "ข้าว",
        membersCount: 9,
        registeredOn: "2020-01-01",
      },
      "CONFLICT",
      "registrationNumber",
    );
  });

  it("a payout larger than the fund's balance is refused naming the amount, and nothing is written", async () => {
    const { balance } = await balanceOf(T.code);
    const error = await refused(M.payout, { personId: P, benefit: "FUNERAL", amount: "10000", paidOn: "2025-07-01" }, "CONFLICT", "amount");
    expect(error.message).toBe(`amount: 10000.00 baht is more than the fund's balance of ${balance} baht`);
  });

  it("only the council network's staff may write: anyone else is FORBIDDEN, and nothing is written", async () => {
    const input = { tambonCode: T2, notifiedOn: "2012-05-01" };
    for (const role of ["public", "housing-officer", "provincial-analyst"]) {
      const before = await snapshot();
      const { data, errors } = await hub.query(M.council, { input }, role === "public" ? {} : { role });
      expect(data?.recordCouncil ?? null).toBeNull();
      expect(errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(errors?.[0].message).toContain("community-councils:write");
      expect(await snapshot()).toEqual(before);
    }
  });

  it("two people enrolling the same person at once: one joins, the other is a CONFLICT", async () => {
    const input = { tambonCode: T.code, personId: "12".repeat(16), houseCode: "49029999004", joinedOn: "2025-03-01" };
    const results = await Promise.all([hub.query(M.join, { input }, OFFICER), hub.query(M.join, { input }, OFFICER)]);
    expect(results.map((r) => r.errors?.[0].extensions?.code ?? "OK").sort()).toEqual(["CONFLICT", "OK"]);
  });
});

describe("a fund's balance under concurrent writes", () => {
  const A = "a1".repeat(16);
  const B = "b2".repeat(16);
  const ledger = async () =>
    (
      await hub.subgraphs["community-councils"].ds.query(
        `SELECT f.balance::text, f.contributions_total::text AS kept_in, f.payouts_total::text AS kept_out,
         (SELECT sum(amount)::text FROM fund_contribution c WHERE c.fund_id = f.id) AS summed_in,
         (SELECT coalesce(sum(amount), 0)::numeric(14,2)::text FROM fund_payout p WHERE p.fund_id = f.id) AS summed_out,
         (SELECT count(*)::int FROM fund_payout p WHERE p.fund_id = f.id) AS payouts
       FROM welfare_fund f WHERE f.tambon_code = $1`,
        [T2],
      )
    )[0];

  it("20 contributions and 20 payouts sent at once all count: the balance is their exact sum", async () => {
    await ok(M.council, { tambonCode: T2, notifiedOn: "2010-01-01" });
    await ok(M.fund, {
      tambonCode: T2,
      foundedOn: "2012-01-01",
      contributionRule: "เดือนละ 30 บาท",
      contributionAmount: "30",
      contributionPeriod: "MONTH",
    });
    for (const personId of [A, B]) await ok(M.join, { tambonCode: T2, personId, houseCode: "49039999001", joinedOn: "2024-01-01" });
    await ok(M.match, { tambonCode: T2, source: "STATE", amount: "1000", receivedOn: "2024-06-30" });

    const writes = Array.from({ length: 20 }, (_, i) => [
      hub.query(M.contribute, { input: { personId: i % 2 ? A : B, amount: "100.25", paidOn: "2025-01-05" } }, OFFICER),
      hub.query(M.payout, { input: { personId: i % 2 ? B : A, benefit: "SICKNESS", amount: "50.10", paidOn: "2025-01-06" } }, OFFICER),
    ]).flat();
    const results = await Promise.all(writes);
    expect(results.filter((r) => r.errors)).toEqual([]);
    // 1000 + 20 × 100.25 − 20 × 50.10 = 2003.00, whatever order the database ran them in.
    expect(await balanceOf(T2)).toEqual({
      balance: "2003.00",
      contributionsTotal: "2005.00",
      matchingTotal: "1000.00",
      payoutsTotal: "1002.00",
    });
    const sums = await ledger();
    expect(sums).toMatchObject({ balance: "2003.00", kept_in: sums.summed_in, kept_out: sums.summed_out, payouts: 20 });
  });

  it("payouts sent at once can never overdraw the fund: those beyond the balance are refused", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        hub.query(M.payout, { input: { personId: i % 2 ? A : B, benefit: "OLD_AGE", amount: "100.15", paidOn: "2025-02-01" } }, OFFICER),
      ),
    );
    const refusedOnes = results.filter((r) => r.errors);
    expect(results.length - refusedOnes.length).toBe(20); // 20 × 100.15 = 2003.00, all there was
    for (const r of refusedOnes) {
      expect(r.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "amount" });
      expect(r.errors![0].message).toContain("100.15 baht is more than the fund's balance of");
    }
    expect((await balanceOf(T2)).balance).toBe("0.00");
    const sums = await ledger();
    expect(sums).toMatchObject({ balance: "0.00", kept_out: sums.summed_out, payouts: 40 });
  });
});
