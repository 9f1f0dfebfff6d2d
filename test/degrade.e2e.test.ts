import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SectionAgency } from "../subgraphs/kit/sections";
import { expectOneUnavailable } from "./expect";
import { type GraphQLResponse, startHub, type TestHub } from "./hub";
import { expectOnlyStoppedSectionNull, run, tambonsOf } from "./partial";

/**
 * One agency down blanks only its own part of an answer (README, "Adding fields to another agency's
 * type"). Each hub here has one agency's subgraph really stopped (its server closed: the gateway's
 * calls to it are refused), after recording the answers it gave while whole. The failure shows as
 * exactly one SUBGRAPH_UNAVAILABLE error naming the agency (gateway/partial-answers.ts).
 */

/** Housing's case list reaches the registry's households and the area's tambons in steps of their own. */
const CASES = `query CaseList { assistanceCases(first: 20) { totalCount nodes { id stage
  tambon { code nameTh } household { houseCode village { code nameTh } members { age } } } } }`;

/** A demo hub with `agency` stopped, and the answers to `ask` it gave before, when whole. */
async function hubWithout(agency: SectionAgency, ask: Record<string, (hub: TestHub) => Promise<GraphQLResponse>>) {
  const hub = await startHub({ data: "demo" });
  const whole: Record<string, GraphQLResponse> = {};
  for (const [name, query] of Object.entries(ask)) whole[name] = await query(hub);
  await hub.subgraphs[agency].stop();
  return { hub, whole };
}

describe("with agriculture's subgraph down", () => {
  let hub: TestHub;
  let whole: Record<string, GraphQLResponse>;
  beforeAll(async () => {
    ({ hub, whole } = await hubWithout("agriculture", {
      TambonProfile: (h) => run(h, "TambonProfile"),
      DistrictRollup: (h) => run(h, "DistrictRollup"),
      HouseholdProfile: (h) => run(h, "HouseholdProfile"),
    }));
  });
  afterAll(() => hub?.stop());

  it("a tambon's profile still shows the area's names and the registry's, housing's and the councils' figures; agriculture is null", async () => {
    expectOnlyStoppedSectionNull("agriculture", whole.TambonProfile, await run(hub, "TambonProfile"));
  });

  it("a district's rollup still lists every tambon with the other agencies' figures; agriculture is null in each", async () => {
    const degraded = await run(hub, "DistrictRollup");
    expect(tambonsOf(degraded).length).toBeGreaterThan(5);
    expectOnlyStoppedSectionNull("agriculture", whole.DistrictRollup, degraded);
  });

  it("a household's profile still shows its members, assessment, housing and fund membership; its farms are null", async () => {
    const response = await run(hub, "HouseholdProfile");
    const { data } = response;
    expectOneUnavailable(response, "agriculture");
    const before = whole.HouseholdProfile.data.household;
    expect(before.farms.length).toBeGreaterThan(0);
    expect(data.household).toEqual({ ...before, farms: null, lastSeasonCropIncome: null });
  });
});

describe("with the social registry's subgraph down", () => {
  let hub: TestHub;
  let whole: Record<string, GraphQLResponse>;
  beforeAll(async () => {
    ({ hub, whole } = await hubWithout("social-development", {
      TambonProfile: (h) => run(h, "TambonProfile"),
      DistrictRollup: (h) => run(h, "DistrictRollup"),
      cases: (h) => h.query(CASES, {}, { role: "housing-officer" }),
      HousingCandidates: (h) => run(h, "HousingCandidates"),
    }));
  });
  afterAll(() => hub?.stop());

  it("a tambon's profile and a district's rollup still show every other agency's figures; the registry's are null", async () => {
    expectOnlyStoppedSectionNull("social-development", whole.TambonProfile, await run(hub, "TambonProfile"));
    expectOnlyStoppedSectionNull("social-development", whole.DistrictRollup, await run(hub, "DistrictRollup"));
  });

  it("housing's case list still answers: only the households' fields the registry holds go null, not the cases", async () => {
    const before = whole.cases.data.assistanceCases;
    expect(whole.cases.errors).toBeUndefined();
    expect(before.nodes.length).toBeGreaterThan(0);
    expect(before.nodes.every((c: any) => c.household.village && c.household.members.length > 0)).toBe(true);
    const response = await hub.query(CASES, {}, { role: "housing-officer" });
    const { data } = response;
    expectOneUnavailable(response, "social-development");
    expect(data.assistanceCases).toEqual({
      ...before,
      nodes: before.nodes.map((c: any) => ({ ...c, household: { houseCode: c.household.houseCode, village: null, members: null } })),
    });
  });

  it("housing's candidates (Q4) need the registry's list: null without it, and the district still answers", async () => {
    const before = whole.HousingCandidates.data.district;
    expect(before.housingCandidates.length).toBeGreaterThan(0);
    const { data, errors } = await run(hub, "HousingCandidates");
    expect(errors?.length ?? 0).toBeGreaterThan(0);
    expect(data.district).toEqual({ nameTh: before.nameTh, housingCandidates: null });
  });
});
