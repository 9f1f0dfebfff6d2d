import { Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { type Count, CountTotal } from "../kit/disclosure";
import { CountField } from "../kit/disclosure-fields";
import { breakdowns } from "../kit/figures";
import { OWNER } from "./access";
import { POVERTY_LEVELS } from "./assessment.entity";
import { LEVELS } from "./tambon.figures";

/**
 * The transition matrix of poverty levels between the two most recent assessment rounds
 * (migrations/1765300000000-rounds.ts): for the households assessed in both, how many went from
 * each level to each level. A tambon's cells are counts; a district's and the province's are the
 * sums of their tambons' cells (CountTotal), so public callers see them as the sums of the
 * published tambon cells and no hidden tambon cell can be worked out from a district's.
 */

const PLACES = "a district's or the province's cell is the sum of its tambons' cells.";

@ObjectType({ description: "Households that went from one poverty level in the earlier round to one in the later round." })
export class LevelTransition {
  @Field(() => Int, { description: "The level in the earlier round, 1 hardship … 4 well." }) fromLevel: number;
  @Field(() => String) fromLabel: string;
  @Field(() => Int, { description: "The level in the later round." }) toLevel: number;
  @Field(() => String) toLabel: string;
  @CountField(OWNER, `Households assessed in both rounds that moved so; ${PLACES}`) households: Count;
}

@ObjectType({
  description:
    "Poverty levels between the two most recent assessment rounds. A household's level in a round is that of its latest assessment dated in the round.",
})
export class LevelTransitions {
  @Field(() => Int, { nullable: true, description: "The earlier round, as its Buddhist-Era year (null: fewer than two rounds yet)." })
  fromYearBE: number | null;
  @Field(() => Int, { nullable: true, description: "The later round, as its Buddhist-Era year." }) toYearBE: number | null;
  @Field(() => [LevelTransition], { description: "Every pair of levels, 16 cells: from level 1 to 4, and within each to level 1 to 4." })
  cells: LevelTransition[];
  @CountField(OWNER, "Households assessed in both rounds: the 16 cells added up.", "total") households: CountTotal;
  @CountField(OWNER, "Households at a better level in the later round: the cells above the diagonal.", "total") movedUp: CountTotal;
  @CountField(OWNER, "Households at the same level: the diagonal.", "total") stayed: CountTotal;
  @CountField(OWNER, "Households at a worse level: the cells below the diagonal.", "total") movedDown: CountTotal;
  @CountField(OWNER, `Households assessed in the earlier round but not (yet) in the later one; ${PLACES}`) notReassessed: Count;
}

/** One tambon's exact matrix: 16 counts (from-level major) and those not re-assessed. */
export interface TambonTransitions {
  tambonCode: string;
  fromYearBE: number | null;
  toYearBE: number | null;
  cells: number[];
  notReassessed: number;
}

/** A household's level in round `r`: its latest assessment dated in the round's span. */
const levelIn = (r: string) => `(SELECT a.poverty_level FROM assessment a
  WHERE a.house_code = h.house_code AND a.assessed_on BETWEEN ${r}.starts_on AND ${r}.ends_on
  ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1)`;

/** Any number of tambons' matrices in one statement; the round pair always comes back, even without households. */
export async function transitionFigures(ds: DataSource, tambonCodes: string[]): Promise<TambonTransitions[]> {
  const rows: {
    from_year_be: number | null;
    to_year_be: number | null;
    tambon_code: string | null;
    from_level: number;
    to_level: number | null;
    households: string;
  }[] = await ds.query(
    `WITH recent AS (SELECT * FROM assessment_round ORDER BY year_be DESC LIMIT 2),
       pair AS (SELECT min(year_be) AS from_year_be, max(year_be) AS to_year_be FROM recent HAVING count(*) = 2),
       fr AS (SELECT r.* FROM assessment_round r JOIN pair ON r.year_be = pair.from_year_be),
       tr AS (SELECT r.* FROM assessment_round r JOIN pair ON r.year_be = pair.to_year_be),
       moves AS (
         SELECT h.tambon_code, f.level AS from_level, t.level AS to_level, count(*) AS households
         FROM fr CROSS JOIN tr CROSS JOIN household h
         CROSS JOIN LATERAL ${levelIn("fr")} f(level)
         LEFT JOIN LATERAL ${levelIn("tr")} t(level) ON true
         WHERE h.tambon_code = ANY($1) GROUP BY 1, 2, 3)
       SELECT pair.from_year_be, pair.to_year_be, moves.* FROM (SELECT 1) one
       LEFT JOIN pair ON true LEFT JOIN moves ON pair.from_year_be IS NOT NULL`,
    [tambonCodes],
  );
  const [{ from_year_be: fromYearBE, to_year_be: toYearBE }] = rows;
  const moves = rows
    .filter((r) => r.tambon_code !== null && r.to_level !== null)
    .map((r) => ({ ...r, pair: `${r.from_level}>${r.to_level}` }));
  const pairs = LEVELS.flatMap((from) => LEVELS.map((to) => `${from}>${to}`));
  const cells = breakdowns(tambonCodes, pairs, moves, { key: "tambon_code", category: "pair" }, (_t, _p, r) => Number(r?.households ?? 0));
  const lost = new Map<string, number>();
  for (const r of rows)
    if (r.tambon_code !== null && r.to_level === null) lost.set(r.tambon_code, (lost.get(r.tambon_code) ?? 0) + Number(r.households));
  return tambonCodes.map((tambonCode, i) => ({
    tambonCode,
    fromYearBE,
    toYearBE,
    cells: cells.slice(i * pairs.length, (i + 1) * pairs.length),
    notReassessed: lost.get(tambonCode) ?? 0,
  }));
}

/** The matrix of one tambon (counts) or of several (each cell the CountTotal of theirs). */
export function levelTransitions(parts: TambonTransitions[]): LevelTransitions {
  const one = parts.length === 1;
  const cell = (i: number): Count => (one ? parts[0].cells[i] : new CountTotal(parts.map((p) => p.cells[i])));
  const cells = LEVELS.flatMap((fromLevel, f) =>
    LEVELS.map((toLevel, t) =>
      Object.assign(new LevelTransition(), {
        fromLevel,
        fromLabel: POVERTY_LEVELS[fromLevel],
        toLevel,
        toLabel: POVERTY_LEVELS[toLevel],
        households: cell(f * LEVELS.length + t),
      }),
    ),
  );
  const where = (keep: (c: LevelTransition) => boolean) => new CountTotal(cells.filter(keep).map((c) => c.households));
  return Object.assign(new LevelTransitions(), {
    fromYearBE: parts[0]?.fromYearBE ?? null,
    toYearBE: parts[0]?.toYearBE ?? null,
    cells,
    households: where(() => true),
    movedUp: where((c) => c.toLevel > c.fromLevel),
    stayed: where((c) => c.toLevel === c.fromLevel),
    movedDown: where((c) => c.toLevel < c.fromLevel),
    notReassessed: one ? parts[0].notReassessed : new CountTotal(parts.map((p) => p.notReassessed)),
  });
}
