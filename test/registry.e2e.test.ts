import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedUnchanged } from "./expect";
import { startHub, type TestHub } from "./hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { houseCode village { code tambon { nameTh } } } }`;
const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { id maskedCitizenId firstName relationToHead household { houseCode } } }`;
const ASSESS = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { povertyLevel povertyLevelLabel assessedOn } }`;

const asSocialWorker = { role: "social-worker" };

const member = (overrides: Record<string, unknown> = {}) => ({
  houseCode: "49029999001",
  citizenId: "3100600445635",
  firstName: "บุญมี",
  lastName: "ทดสอบ",
  sex: "MALE",
  birthDate: "1970-05-01",
  relationToHead: "HEAD",
  ...overrides,
});

const counts = async () =>
  (
    await hub.subgraphs["social-development"].ds.query(
      `SELECT (SELECT count(*) FROM household)::int AS h, (SELECT count(*) FROM person)::int AS p, (SELECT count(*) FROM assessment)::int AS a`,
    )
  )[0];

const refused = (query: string, input: Record<string, unknown>, code: string, field: string) =>
  refusedUnchanged(hub, query, { input }, { code, field }, counts, asSocialWorker);

describe("writing to the social registry", () => {
  it("a social worker registers a household, adds its head and records an assessment", async () => {
    const h = await hub.query(
      REGISTER,
      { input: { houseCode: "49029999001", villageCode: "49020101", houseNumber: "12/3" } },
      asSocialWorker,
    );
    expect(h.errors).toBeUndefined();
    expect(h.data.registerHousehold.village.tambon.nameTh).toBe("นิคมคำสร้อย");

    const m = await hub.query(ADD, { input: member() }, asSocialWorker);
    expect(m.errors).toBeUndefined();
    expect(m.data.addMember).toMatchObject({ maskedCitizenId: "x-xxxx-xxxxx-63-5", relationToHead: "HEAD" });
    expect(m.data.addMember.id).toMatch(/^[0-9a-f]{32}$/);

    const a = await hub.query(
      ASSESS,
      { input: { houseCode: "49029999001", assessedOn: "2025-06-01", human: 1, physical: 2, financial: 1, natural: 2, social: 2 } },
      asSocialWorker,
    );
    expect(a.errors).toBeUndefined();
    expect(a.data.recordAssessment).toEqual({ povertyLevel: 1, povertyLevelLabel: "อยู่ลำบาก (hardship)", assessedOn: "2025-06-01" });

    const later = await hub.query(
      ASSESS,
      { input: { houseCode: "49029999001", assessedOn: "2025-12-01", human: 3, physical: 3, financial: 3, natural: 3, social: 4 } },
      asSocialWorker,
    );
    expect(later.data.recordAssessment.povertyLevel).toBe(3);
    const profile = await hub.query(
      `{ household(houseCode: "49029999001") { latestAssessment { povertyLevel } assessments { assessedOn } } }`,
      {},
      asSocialWorker,
    );
    expect(profile.data.household.latestAssessment.povertyLevel).toBe(3);
    expect(profile.data.household.assessments.map((x: { assessedOn: string }) => x.assessedOn)).toEqual(["2025-12-01", "2025-06-01"]);
  });

  it("bad input is refused naming the field, and nothing is written", async () => {
    await refused(REGISTER, { houseCode: "4902999", villageCode: "49020101" }, "BAD_USER_INPUT", "houseCode");
    await refused(REGISTER, { houseCode: "49029999002", villageCode: "49029999" }, "BAD_USER_INPUT", "villageCode");
    await refused(ADD, member({ citizenId: "3100600445636" }), "BAD_USER_INPUT", "citizenId");
    await refused(ADD, member({ citizenId: "1234545678781", birthDate: "2999-01-01" }), "BAD_USER_INPUT", "birthDate");
    await refused(ADD, member({ citizenId: "1234545678781", birthDate: "1990-02-30" }), "BAD_USER_INPUT", "birthDate");
    await refused(ADD, member({ citizenId: "1234545678781", firstName: "  " }), "BAD_USER_INPUT", "firstName");
    await refused(ADD, member({ citizenId: "1234545678781", houseCode: "49029999999" }), "BAD_USER_INPUT", "houseCode");
    const scores = { houseCode: "49029999001", assessedOn: "2025-06-01", human: 1, physical: 2, financial: 5, natural: 2, social: 2 };
    await refused(ASSESS, scores, "BAD_USER_INPUT", "financial");
    await refused(ASSESS, { ...scores, financial: 2, assessedOn: "2025-13-01" }, "BAD_USER_INPUT", "assessedOn");
  });

  it("a duplicate house code, citizen ID or second head is a CONFLICT, and nothing is written", async () => {
    await refused(REGISTER, { houseCode: "49029999001", villageCode: "49020101" }, "CONFLICT", "houseCode");
    await refused(ADD, member({ relationToHead: "CHILD" }), "CONFLICT", "citizenId");
    await refused(ADD, member({ citizenId: "1234545678781" }), "CONFLICT", "relationToHead");
  });

  it("two concurrent registrations of the same house code: one succeeds, the other is a CONFLICT", async () => {
    const input = { houseCode: "49029999003", villageCode: "49020102" };
    const results = await Promise.all([hub.query(REGISTER, { input }, asSocialWorker), hub.query(REGISTER, { input }, asSocialWorker)]);
    const codes = results.map((r) => r.errors?.[0].extensions?.code ?? "OK").sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
  });

  it("a person added here gets the registry's pseudonymous linkage id, never the citizen ID", async () => {
    const { data } = await hub.query(`{ household(houseCode: "49029999001") { members { id } } }`, {}, asSocialWorker);
    const id = data.household.members[0].id;
    const person = await hub.query(`query($id: String!) { person(id: $id) { firstName household { houseCode } } }`, { id }, asSocialWorker);
    expect(person.data.person).toEqual({ firstName: "บุญมี", household: { houseCode: "49029999001" } });
    expect(JSON.stringify(person)).not.toContain("3100600445635");
  });
});
