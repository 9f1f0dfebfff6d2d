import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementsFor } from "./expect";
import { startHub, type TestHub } from "./hub";

/** Every field of the council network's section of a tambon, over all 53 tambons, and of its districts and province. */
const ALL_TAMBONS = `{ tambons { code councils {
  council { name notifiedYearBE memberCount chair { role person { id } } members { role person { id } } }
  trainedChangeLeaders changeLeaders { trained person { id } trainings { module completed } } changeLeaderTraining { module leadersCompleted trainings }
  welfareFund { name balance memberCount matchingBySource { source total } payoutsByBenefit { benefit payouts total } }
  welfareFundMembers welfareFundBalance communityEnterprises { name } codiGrants { programme amount } codiGrantsTotal codiGrantsByFiscalYear { fiscalYear total }
} } districts { councils { councils welfareFundMembers } } province { councils { councils } } }`;

/** 100 households with their members' fund memberships. */
const HOUSEHOLD_MEMBERSHIPS = `{ households(first: 100) { nodes { houseCode
  welfareFundMemberships { joinedOn contributed benefitsReceived lastContributionOn person { id } fund { name tambon { code } } }
} } }`;

/** The members of 100 households with their council seats, leader roles and fund memberships. */
const HOUSEHOLD_PEOPLE = `{ households(first: 100) { nodes { members { id
  councilSeats { role council { name } } changeLeader { trained trainings { module } } welfareFundMembership { joinedOn }
} } } }`;

let small: TestHub;
let large: TestHub;
beforeAll(async () => {
  // The people query nests lists three deep: its estimated cost is above the default gateway limit.
  const env = { MAX_COST: "1000000" };
  [small, large] = await Promise.all([startHub({ env }), startHub({ data: "demo", env })]);
});
afterAll(async () => {
  await Promise.all([small?.stop(), large?.stop()]);
});

const statementsOf = (hub: TestHub, query: string) => statementsFor(hub, query, {}, { role: "council-network-officer" });

describe("batching: the council network's fields cost a fixed number of SQL statements", () => {
  it("every council network field of all 53 tambons, their districts and the province", async () => {
    const a = await statementsOf(small, ALL_TAMBONS);
    const b = await statementsOf(large, ALL_TAMBONS);
    expect(a.data.tambons).toHaveLength(53);
    const rows = (d: any) =>
      d.tambons.reduce(
        (n: number, { councils: t }: any) => n + (t.council?.members.length ?? 0) + t.changeLeaders.length + t.codiGrants.length,
        0,
      );
    expect(rows(b.data)).toBeGreaterThan(rows(a.data));
    // council by tambon, seats, seat counts; tambon figures; leaders, their trainings, module counts;
    // fund by tambon (with its member counts), matching, payouts; enterprises; grants, grant years; district figures; province figures.
    expect(a.counts["community-councils"]).toBe(15);
    expect(b.counts["community-councils"]).toBe(a.counts["community-councils"]);
  });

  it("100 households with their members' fund memberships", async () => {
    const a = await statementsOf(small, HOUSEHOLD_MEMBERSHIPS);
    const b = await statementsOf(large, HOUSEHOLD_MEMBERSHIPS);
    expect(a.data.households.nodes).toHaveLength(100);
    const memberships = (d: any) => d.households.nodes.reduce((n: number, h: any) => n + h.welfareFundMemberships.length, 0);
    expect(memberships(a.data)).toBeGreaterThan(0);
    // memberships by household, what each member paid and received, funds; the audit row for the amounts.
    expect(a.counts["community-councils"]).toBe(4);
    expect(b.counts["community-councils"]).toBe(a.counts["community-councils"]);
  });

  it("the members of 100 households with their council seats, leader roles and fund memberships", async () => {
    const a = await statementsOf(small, HOUSEHOLD_PEOPLE);
    const b = await statementsOf(large, HOUSEHOLD_PEOPLE);
    const people = (d: any) => d.households.nodes.flatMap((h: any) => h.members);
    expect(people(a.data).length).toBeGreaterThan(200);
    expect(people(b.data).some((p: any) => p.welfareFundMembership)).toBe(true);
    // seats by person, their councils; leaders by person, their trainings; memberships by person.
    expect(a.counts["community-councils"]).toBe(5);
    expect(b.counts["community-councils"]).toBe(a.counts["community-councils"]);
  });
});
