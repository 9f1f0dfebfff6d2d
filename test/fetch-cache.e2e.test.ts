import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { operation } from "./held-figures";
import { startHub, type TestHub } from "./hub";

/**
 * The gateway keeps a subgraph's answer to a fetch that the subgraph declared shareable
 * (gateway/fetch-cache.ts): the area's names and codes for every role, the public's aggregates for
 * the public; a write through the gateway clears what it reached, and the hint's max-age bounds the
 * rest.
 */
let hub: TestHub;
let houseCode: string;
beforeAll(async () => {
  hub = await startHub({ data: "small", env: { HUB_PUBLIC_CACHE_SECONDS: "30" } });
  const { data } = await hub.query(`{ households(first: 1) { nodes { houseCode } } }`, {}, { role: "social-worker" });
  houseCode = data.households.nodes[0].houseCode;
});
afterAll(() => {
  vi.useRealTimers();
  return hub?.stop();
});

const ask = async (query: string, variables: Record<string, unknown>, role?: string) => {
  let data: any;
  const statements = await hub.countStatements(async () => {
    const answer = await hub.query(query, variables, { role });
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    data = answer.data;
  });
  return { data, statements };
};

const WHERE = `query Where($houseCode: String!) {
  household(houseCode: $houseCode) { houseCode village { nameTh tambon { code nameTh nameEn district { nameTh nameEn } } } }
}`;

describe("shared subgraph fetches", () => {
  it("Q1 asked again by the case conference sends no SQL to the area, the same SQL to the others, and the same answer", async () => {
    const profile = operation("HouseholdProfile");
    const first = await ask(profile.query, { houseCode }, "case-conference");
    expect(first.statements.area).toBeGreaterThan(0);
    const again = await ask(profile.query, { houseCode }, "case-conference");
    expect(again.statements.area).toBe(0);
    // Personal data is never kept: the registry is asked again, and writes its audit row again.
    expect({ ...again.statements, area: 0 }).toEqual({ ...first.statements, area: 0 });
    expect(again.data).toEqual(first.data);
  });

  it("another role gets the same area answer from memory", async () => {
    const officer = await ask(WHERE, { houseCode }, "housing-officer");
    expect(officer.statements.area).toBeGreaterThan(0);
    const conference = await ask(WHERE, { houseCode }, "case-conference");
    expect(conference.statements.area).toBe(0);
    expect(conference.data).toEqual(officer.data);
    expect(conference.data.household.village.tambon.nameTh).toEqual(expect.any(String));
  });

  it("the public's aggregates are kept for the public alone, and a write through the gateway clears what it reached", async () => {
    // Different questions (so the response cache, keyed by the question, keeps none for another)
    // that make the same housing fetch.
    const housing = "housing { surveyedHouseholds unsafeHousing }";
    const one = `query One($code: String!) { tambon(code: $code) { nameTh ${housing} } }`;
    const two = `query Two($code: String!) { tambon(code: $code) { nameEn ${housing} } }`;
    const three = `query Three($code: String!) { tambon(code: $code) { nameTh ${housing} } }`;
    const code = "490201";
    const first = await ask(one, { code });
    expect(first.statements.housing).toBeGreaterThan(0);
    const second = await ask(two, { code });
    expect(second.statements.housing).toBe(0);
    expect(second.data.tambon.housing).toEqual(first.data.tambon.housing);
    // The provincial analyst's exact counts are its own (its housing fetch is private): asked again.
    const analyst = await ask(two, { code }, "provincial-analyst");
    expect(analyst.statements.housing).toBeGreaterThan(0);

    const { data } = await hub.query(
      `{ households(first: 1, tambonCode: "${code}") { nodes { houseCode village { code } } } }`,
      {},
      { role: "housing-officer" },
    );
    const { houseCode: house, village } = data.households.nodes[0];
    const written = await hub.query(
      `mutation($i: RecordHousingSurveyInput!) { recordHousingSurvey(input: $i) { id } }`,
      {
        i: {
          houseCode: house,
          villageCode: village.code,
          surveyedOn: "2026-01-11",
          ...{ roof: "UNSAFE", walls: "GOOD", floor: "GOOD", posts: "GOOD", toilet: "GOOD", tenure: "OWN" },
        },
      },
      { role: "housing-officer" },
    );
    expect(written.errors).toBeUndefined();
    const after = await ask(three, { code });
    expect(after.statements.housing).toBeGreaterThan(0);
    // The area was not written to: still kept.
    expect(after.statements.area).toBe(0);
  });

  it("the area has no mutation: a change made in its database shows once the hint's max-age has passed", async () => {
    const before = await ask(WHERE, { houseCode }, "social-worker");
    const tambon = before.data.household.village.tambon.code;
    await hub.asOwner("area", "UPDATE tambon SET name_en = 'Renamed for the test' WHERE code = $1", [tambon]);
    const kept = await ask(WHERE, { houseCode }, "social-worker");
    expect(kept.statements.area).toBe(0);
    expect(kept.data).toEqual(before.data);
    // 31 seconds later (HUB_PUBLIC_CACHE_SECONDS is 30), as every clock of this process tells it
    // (the gateway's and the subgraphs', which sign and verify their tokens by it).
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 31_000 });
    const later = await ask(WHERE, { houseCode }, "social-worker").finally(() => vi.useRealTimers());
    expect(later.statements.area).toBeGreaterThan(0);
    expect(later.data.household.village.tambon.nameEn).toBe("Renamed for the test");
  });
});
