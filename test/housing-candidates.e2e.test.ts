import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { geography } from "../subgraphs/kit/geography";
import { startHub, type TestHub } from "./hub";

/**
 * Q4 through the gateway: a district's housing candidates (level 1-2 in the registry, unsafe latest
 * housing survey, no open case), in one request. What the answer must hold is computed here with SQL
 * of our own on the two agencies' databases, not by the resolvers under test.
 */
let hub: TestHub;
let large: TestHub;
const officer = { role: "housing-officer" };

beforeAll(async () => {
  [hub, large] = await Promise.all([startHub(), startHub({ data: "demo" })]);
});
afterAll(async () => {
  await Promise.all([hub?.stop(), large?.stop()]);
});

const CANDIDATES = `query Candidates($code: String!, $first: Int) { district(code: $code) { nameTh housingCandidates(first: $first) {
  rank povertyLevel
  latestSurvey { id surveyedOn condition conditionScore tenureSecure unsafeElements }
  household { houseCode latestAssessment { povertyLevel } members { relationToHead } latestHousingSurvey { id } housingCases { stage open } }
} } }`;

interface Candidate {
  rank: number;
  povertyLevel: number;
  latestSurvey: {
    id: string;
    surveyedOn: string;
    condition: string;
    conditionScore: number;
    tenureSecure: boolean;
    unsafeElements: string[];
  };
  household: {
    houseCode: string;
    latestAssessment: { povertyLevel: number };
    members: unknown[];
    latestHousingSurvey: { id: string };
    housingCases: { open: boolean }[];
  };
}

async function candidates(h: TestHub, code: string, first = 100): Promise<Candidate[]> {
  const { data, errors } = await h.query(CANDIDATES, { code, first }, officer);
  expect(errors).toBeUndefined();
  return data.district.housingCandidates;
}

/** The expected candidates' house codes, from the two databases directly. */
async function expectedHouseCodes(h: TestHub, districtCode: string): Promise<string[]> {
  const tambons = geography()
    .tambons.filter((t) => t.districtCode === districtCode)
    .map((t) => t.code);
  const needy: { house_code: string }[] = await h.subgraphs["social-development"].ds.query(
    `SELECT h.house_code FROM household h WHERE h.tambon_code = ANY($1) AND (SELECT a.poverty_level FROM assessment a
       WHERE a.house_code = h.house_code ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) <= 2`,
    [tambons],
  );
  const unsafe: { house_code: string }[] = await h.subgraphs.housing.ds.query(
    `SELECT s.house_code FROM housing_survey s
     WHERE s.house_code = ANY($1) AND s.overall_condition = 'UNSAFE'
       AND s.id = (SELECT l.id FROM housing_survey l WHERE l.house_code = s.house_code ORDER BY l.surveyed_on DESC, l.id DESC LIMIT 1)
       AND NOT EXISTS (SELECT 1 FROM assistance_case c WHERE c.house_code = s.house_code
         AND (c.stage NOT IN ('REJECTED', 'HANDED_OVER') OR (c.stage = 'HANDED_OVER' AND c.stage_on >= s.surveyed_on)))`,
    [needy.map((n) => n.house_code)],
  );
  return unsafe.map((u) => u.house_code).sort();
}

describe("Q4: housing candidates of a district, in one request", () => {
  it("lists exactly the level 1-2 households whose latest survey is unsafe and that have no open case", async () => {
    for (const code of ["4901", "4902"]) {
      const list = await candidates(hub, code);
      const expected = await expectedHouseCodes(hub, code);
      expect(expected.length, `district ${code} has candidates in the demo`).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(100);
      expect(list.map((c) => c.household.houseCode).sort()).toEqual(expected);
      for (const c of list) {
        expect([1, 2]).toContain(c.povertyLevel);
        expect(c.household.latestAssessment.povertyLevel).toBe(c.povertyLevel); // the registry agrees
        expect(c.latestSurvey.condition).toBe("UNSAFE");
        expect(c.latestSurvey.unsafeElements.length).toBeGreaterThan(0);
        expect(c.household.latestHousingSurvey.id).toBe(c.latestSurvey.id);
        expect(c.household.housingCases.filter((k) => k.open)).toEqual([]);
        expect(c.household.members.length).toBeGreaterThan(0);
      }
    }
  });

  it("ranks by need: hardship before difficulty, then the worst house, insecure tenure, the longest wait", async () => {
    const list = await candidates(large, "4901");
    expect(list.map((c) => c.rank)).toEqual(list.map((_, i) => i + 1));
    const key = (c: Candidate) =>
      [
        c.povertyLevel,
        c.latestSurvey.conditionScore,
        c.latestSurvey.tenureSecure ? 1 : 0,
        c.latestSurvey.surveyedOn,
        c.household.houseCode,
      ].join("|");
    const sorted = [...list].sort(
      (a, b) =>
        a.povertyLevel - b.povertyLevel ||
        a.latestSurvey.conditionScore - b.latestSurvey.conditionScore ||
        Number(a.latestSurvey.tenureSecure) - Number(b.latestSurvey.tenureSecure) ||
        a.latestSurvey.surveyedOn.localeCompare(b.latestSurvey.surveyedOn) ||
        a.household.houseCode.localeCompare(b.household.houseCode),
    );
    expect(list.map(key)).toEqual(sorted.map(key));
    expect(list.some((c) => c.povertyLevel === 1) && list.some((c) => c.povertyLevel === 2)).toBe(true);
    const top3 = await candidates(large, "4901", 3);
    expect(top3.map((c) => c.household.houseCode)).toEqual(list.slice(0, 3).map((c) => c.household.houseCode));
  });

  it("opening a case removes the household from the list; rejecting the case puts it back", async () => {
    const [top] = await candidates(hub, "4902");
    const opened = await hub.query(
      `mutation($i: OpenAssistanceCaseInput!) { openAssistanceCase(input: $i) { id } }`,
      {
        i: {
          houseCode: top.household.houseCode,
          programme: "BAAN_SANG_SUK",
          workType: "REPAIR",
          requestedBudget: "45000",
          openedOn: "2026-02-01",
          openedBy: "เจ้าหน้าที่ อบจ.",
        },
      },
      officer,
    );
    expect(opened.errors).toBeUndefined();
    const after = await candidates(hub, "4902");
    expect(after.map((c) => c.household.houseCode)).not.toContain(top.household.houseCode);
    expect(after[0].rank).toBe(1);

    const rejected = await hub.query(
      `mutation($i: AdvanceCaseInput!) { advanceCase(input: $i) { stage open } }`,
      {
        i: {
          caseId: opened.data.openAssistanceCase.id,
          stage: "REJECTED",
          date: "2026-02-10",
          decidedBy: "ประชาคมหมู่บ้าน",
          reason: "ขอรอปีงบประมาณหน้า",
        },
      },
      officer,
    );
    expect(rejected.data.advanceCase).toEqual({ stage: "REJECTED", open: false });
    expect((await candidates(hub, "4902")).map((c) => c.household.houseCode)).toContain(top.household.houseCode);
  });

  it("costs one request and a fixed number of SQL statements per subgraph, the same with 10 times the households", async () => {
    const measure = async (h: TestHub) => {
      let rows = 0;
      const counts = await h.countStatements(async () => (rows = (await candidates(h, "4901", 50)).length));
      return { counts, rows };
    };
    const small = await measure(hub);
    const big = await measure(large);
    expect(small.rows).toBeGreaterThan(0);
    expect(big.rows).toBeGreaterThan(small.rows);
    // housing: the candidates (one statement), the households' latest surveys and cases.
    // social-development: households in need, the households, their latest assessments, members.
    expect(small.counts).toMatchObject({ area: 1, "social-development": 4, housing: 3 });
    expect(big.counts).toEqual(small.counts);
  });

  it("several districts in one request still cost one candidates statement", async () => {
    const counts = await hub.countStatements(async () => {
      const { data, errors } = await hub.query(`{ districts { code housingCandidates(first: 5) { rank } } }`, {}, officer);
      expect(errors).toBeUndefined();
      expect(data.districts).toHaveLength(7);
    });
    expect(counts.housing).toBe(1);
    expect(counts["social-development"]).toBe(1);
  });

  it("the public gets no candidates: they name households and their poverty", async () => {
    const { data, errors } = await hub.query(CANDIDATES, { code: "4902", first: 5 });
    expect(data.district.housingCandidates).toBeNull();
    expect(errors?.map((e) => e.extensions?.code)).toContain("FORBIDDEN");
  });

  it("a housing reader without the registry's grant is told why, not shown an empty list", async () => {
    const token = await new SignJWT({ role: "housing-reader", scope: "housing:read" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("reader")
      .setIssuer(hub.config.auth.issuer)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(hub.config.auth.hs256Secret));
    const { data, errors } = await hub.query(CANDIDATES, { code: "4901", first: 5 }, { headers: { authorization: `Bearer ${token}` } });
    expect(data.district.housingCandidates).toBeNull();
    expect(errors?.map((e) => e.extensions?.field)).toContain("District.housingCandidates");
    expect(errors?.find((e) => e.extensions?.field === "District.housingCandidates")?.message).toContain("social-development:read");
  });

  it("refuses a page size below 1 or above the cap, naming `first`", async () => {
    const { errors } = await hub.query(CANDIDATES, { code: "4902", first: 0 }, officer);
    expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});
