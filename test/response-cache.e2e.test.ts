import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operation } from "./held-figures";
import { post, startHub, type TestHub } from "./hub";

/**
 * The gateway serves the public role a shared answer again while the subgraphs' hints allow
 * (gateway/response-cache.ts), and a write through the gateway clears what it touched at once.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ data: "small", env: { HUB_PUBLIC_CACHE_SECONDS: "30" } });
});
afterAll(() => hub?.stop());

const profile = operation("TambonProfile");
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const ask = async (code: string, role?: string) => {
  let data: unknown;
  const statements = await hub.countStatements(async () => {
    const answer = await hub.query(profile.query, { code }, { role });
    expect(answer.errors).toBeUndefined();
    data = answer.data;
  });
  return { data, statements };
};

describe("shared public answers", () => {
  it("a public answer says it may be shared, and the same question again costs no SQL and gives the same answer", async () => {
    const response = await post(hub.gatewayUrl, { query: profile.query, variables: { code: "490202" } });
    expect(response.headers.get("cache-control")).toBe("max-age=30, public");
    const first = await ask("490203");
    expect(total(first.statements)).toBeGreaterThan(5);
    const again = await ask("490203");
    expect(total(again.statements)).toBe(0);
    expect(again.data).toEqual(first.data);
    // Another tambon is another question.
    expect(total((await ask("490204")).statements)).toBeGreaterThan(5);
  });

  it("an answer to a role is never kept nor shared", async () => {
    const response = await post(
      hub.gatewayUrl,
      { query: profile.query, variables: { code: "490205" } },
      { authorization: `Bearer ${await hub.token("provincial-analyst")}` },
    );
    expect(response.headers.get("cache-control") ?? "").not.toMatch(/public|max-age=[1-9]/);
    const first = await ask("490205", "provincial-analyst");
    const again = await ask("490205", "provincial-analyst");
    expect(total(again.statements)).toBe(total(first.statements));
    expect(total(again.statements)).toBeGreaterThan(5);
  });

  it("a write through the gateway clears the answers that read the agency it wrote to", async () => {
    await ask("490201");
    expect(total((await ask("490201")).statements)).toBe(0);
    const { data } = await hub.query(
      `{ households(first: 1, tambonCode: "490201") { nodes { houseCode village { code } } } }`,
      {},
      { role: "housing-officer" },
    );
    const { houseCode, village } = data.households.nodes[0];
    const written = await hub.query(
      `mutation($i: RecordHousingSurveyInput!) { recordHousingSurvey(input: $i) { id } }`,
      {
        i: {
          houseCode,
          villageCode: village.code,
          surveyedOn: "2026-01-10",
          roof: "UNSAFE",
          walls: "GOOD",
          floor: "GOOD",
          posts: "GOOD",
          toilet: "GOOD",
          tenure: "OWN",
        },
      },
      { role: "housing-officer" },
    );
    expect(written.errors).toBeUndefined();
    const after = await ask("490201");
    expect(after.statements.housing).toBeGreaterThan(0);
    // Kept again from here on.
    expect(total((await ask("490201")).statements)).toBe(0);
  });
});
