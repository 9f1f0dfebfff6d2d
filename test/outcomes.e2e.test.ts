import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOperations } from "../gateway/operations";
import { geography } from "../subgraphs/kit/geography";
import { statementsFor } from "./expect";
import { startHub, type TestHub } from "./hub";

/**
 * Q5 OutcomesByDistrict: for every district, the split of last round's level 1-2 households by the
 * help each agency gave between their two assessments, checked against SQL on the four databases
 * (joined here in the test, as no database can), and its SQL statements, the same at 10× the data.
 */
const Q5 = loadOperations().find((op) => op.name === "OutcomesByDistrict")!;
let small: TestHub;
let demo: TestHub;
beforeAll(async () => {
  [small, demo] = await Promise.all([startHub(), startHub({ data: "demo" })]);
});
afterAll(() => Promise.all([small?.stop(), demo?.stop()]));

interface Move {
  house_code: string;
  from_level: number;
  to_level: number;
  from_on: string;
  to_on: string;
}

/** The registry's moves, by SQL written another way (DISTINCT ON per round). */
const heldMoves = (hub: TestHub, tambons: string[]): Promise<Move[]> =>
  hub.asOwner(
    "social-development",
    `WITH r AS (SELECT year_be, starts_on, ends_on, row_number() OVER (ORDER BY year_be DESC) AS n FROM assessment_round),
     lv AS (SELECT DISTINCT ON (a.house_code, r.n) a.house_code, r.n, a.poverty_level, a.assessed_on::text AS on
            FROM assessment a JOIN r ON a.assessed_on >= r.starts_on AND a.assessed_on <= r.ends_on AND r.n <= 2
            ORDER BY a.house_code, r.n, a.assessed_on DESC, a.id DESC)
     SELECT h.house_code, f.poverty_level AS from_level, t.poverty_level AS to_level, f.on AS from_on, t.on AS to_on
     FROM household h JOIN lv f ON f.house_code = h.house_code AND f.n = 2 JOIN lv t ON t.house_code = h.house_code AND t.n = 1
     WHERE h.tambon_code = ANY($1) AND f.poverty_level <= 2`,
    [tambons],
  );

/** Each help's dated events per household, from the agency's own tables. */
const HELP_SQL: [string, "housing" | "agriculture" | "community-councils", string][] = [
  [
    "housingOutcomes",
    "housing",
    `SELECT c.house_code, s.decided_on::text AS on FROM assistance_case c JOIN case_step s ON s.case_id = c.id WHERE s.stage = 'HANDED_OVER'`,
  ],
  [
    "agricultureOutcomes",
    "agriculture",
    `SELECT f.house_code, t.held_on::text AS on FROM farmer f JOIN training_attendee a USING (farm_book_no) JOIN training t ON t.id = a.training_id`,
  ],
  ["councilsOutcomes", "community-councils", `SELECT house_code, joined_on::text AS on FROM fund_member`],
];

describe("Q5: households in need, how they moved by the help they received", () => {
  it("answers every district, each agency's split agreeing with SQL on the demo data", async () => {
    const events = Object.fromEntries(
      await Promise.all(
        HELP_SQL.map(async ([field, subgraph, sql]) => [
          field,
          (await demo.asOwner(subgraph, sql)) as { house_code: string; on: string }[],
        ]),
      ),
    );
    let helpedSomewhere = 0;
    for (const district of geography().districts) {
      const { data, errors } = await demo.query(Q5.query, { districtCode: district.code }, { role: Q5.role });
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      const moves = await heldMoves(
        demo,
        geography()
          .tambons.filter((t) => t.districtCode === district.code)
          .map((t) => t.code),
      );
      expect(moves.length).toBeGreaterThan(0);
      for (const [field] of HELP_SQL) {
        const [outcome] = data.district[field];
        const helpedHouse = (m: Move) =>
          events[field].some(
            (e: { house_code: string; on: string }) =>
              e.house_code === m.house_code && (field === "councilsOutcomes" ? e.on <= m.to_on : e.on > m.from_on && e.on <= m.to_on),
          );
        const want = [1, 2].flatMap((from) =>
          [1, 2, 3, 4].map((to) => {
            const cell = moves.filter((m) => m.from_level === from && m.to_level === to);
            const helped = cell.filter(helpedHouse).length;
            return { fromLevel: from, toLevel: to, helped, notHelped: cell.length - helped };
          }),
        );
        expect(outcome.cells, `${district.code} ${field}`).toEqual(want);
        expect(outcome.helped + outcome.notHelped).toBe(moves.length);
        expect(outcome.helpedMovedUp).toBe(want.filter((c) => c.toLevel > c.fromLevel).reduce((n, c) => n + c.helped, 0));
        helpedSomewhere += outcome.helped;
      }
      // The registry's own matrix for the district agrees on the level 1-2 rows.
      const cells = data.district.registry.levelTransitions.cells.filter((c: { fromLevel: number }) => c.fromLevel <= 2);
      expect(cells.reduce((n: number, c: { households: number }) => n + c.households, 0)).toBe(moves.length);
    }
    expect(helpedSomewhere).toBeGreaterThan(0);
  });

  it("costs a fixed number of SQL statements per subgraph, the same with 10 times more households", async () => {
    const variables = Q5.variableValues;
    const counts = await Promise.all(
      [small, demo].map(async (hub) => (await statementsFor(hub, Q5.query, variables, { role: Q5.role })).counts),
    );
    expect(counts[1]).toEqual(counts[0]);
    // registry: the matrix and the list (plus the audit row none of this needs); each agency one statement.
    expect(counts[1]).toMatchObject({ housing: 1, agriculture: 1, "community-councils": 1 });
    expect(counts[1]["social-development"]).toBeLessThanOrEqual(3);
  });

  it("a caller without the registry's read grant gets no split, and is told why", async () => {
    const { data, errors } = await demo.query(Q5.query, Q5.variableValues, { role: "provincial-analyst" });
    expect(data.district.housingOutcomes).toBeNull();
    expect(errors?.some((e) => e.extensions?.code === "FORBIDDEN")).toBe(true);
  });
});
