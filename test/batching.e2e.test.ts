import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementsFor } from "./expect";
import { startHub, type TestHub } from "./hub";

/** 100 households with where they live, their members and latest assessment. */
const HOUSEHOLDS_WITH_PLACES = `{
  households(first: 100) {
    totalCount
    nodes {
      houseCode
      village { nameTh tambon { nameTh nameEn district { nameTh } } }
      tambon { code registry { householdCount } }
      members { id firstName vulnerability { elderly } }
      latestAssessment { povertyLevel }
      assessments { assessedOn }
    }
  }
}`;

const ALL_TAMBONS = `{ tambons { code nameTh district { nameTh } registry { householdCount householdsByPovertyLevel { level households } vulnerablePeople { elderly } } } }`;

let small: TestHub;
let large: TestHub;
beforeAll(async () => {
  [small, large] = await Promise.all([startHub(), startHub({ data: "demo" })]);
});
afterAll(async () => {
  await Promise.all([small?.stop(), large?.stop()]);
});

async function statementsOf(hub: TestHub, query: string) {
  const { counts, data } = await statementsFor(hub, query, {}, { role: "social-worker" });
  return { counts, rows: (data.households?.nodes ?? data.tambons).length };
}

describe("batching: a query costs a fixed number of SQL statements", () => {
  it("listing 100 households with their village, tambon, district, members and assessments", async () => {
    const a = await statementsOf(small, HOUSEHOLDS_WITH_PLACES);
    const b = await statementsOf(large, HOUSEHOLDS_WITH_PLACES);
    expect(a.rows).toBe(100);
    // area: villages, tambons, districts (one statement each); the registry: count, page,
    // members, latest assessment, assessments, tambon figures, and the audit row for the names.
    expect(a.counts.area).toBe(3);
    expect(a.counts["social-development"]).toBe(7);
    expect(b.counts).toEqual(a.counts); // 10 times more households, the same statements
  });

  it("all 53 tambons with the registry's figures", async () => {
    const a = await statementsOf(small, ALL_TAMBONS);
    const b = await statementsOf(large, ALL_TAMBONS);
    expect(a.rows).toBe(53);
    expect(a.counts.area).toBe(2);
    expect(a.counts["social-development"]).toBe(2);
    expect(b.counts).toEqual(a.counts);
  });
});
