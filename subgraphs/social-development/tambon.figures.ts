import { Field, Int, ObjectType } from "type-graphql";
import { CountField } from "../kit/disclosure-fields";
import { breakdowns } from "../kit/figures";
import { PlaceSection } from "../kit/sections";
import { OWNER } from "./access";
import type { DataSource } from "typeorm";
import { POVERTY_LEVELS } from "./assessment.entity";
import { today } from "../kit/clock";

/**
 * Aggregates per tambon, computed in SQL (one statement for any number of tambons). Anyone may
 * read them; public callers see them under disclosure control (kit/disclosure.ts).
 */

@ObjectType({ description: "The social registry's figures for a tambon (households and people registered in it)." })
export class TambonRegistry extends PlaceSection {}

@ObjectType({ description: "How many households of a tambon are at one poverty level (latest assessment)." })
export class PovertyLevelCount {
  tambonCode: string;
  @Field(() => Int) level: number;
  @Field(() => String) label: string;
  @CountField(OWNER) households: number;
}

@ObjectType({ description: "Registered people of a tambon by vulnerability (a person may count in several)." })
export class VulnerabilityCounts {
  tambonCode: string;
  @CountField(OWNER) people: number;
  @CountField(OWNER, "60 or older.") elderly: number;
  @CountField(OWNER, "Under 7.") childrenUnder7: number;
  @CountField(OWNER) disabled: number;
  @CountField(OWNER) bedridden: number;
  @CountField(OWNER) singleParents: number;
  @CountField(OWNER) welfareCardHolders: number;
}

/**
 * The poverty level of household `h`'s latest assessment, by `(assessed_on, id)`: a scalar
 * subquery in a filter, or `CROSS JOIN LATERAL ${LATEST_LEVEL_SQL} la` to read it as `la.poverty_level`.
 */
export const LATEST_LEVEL_SQL = `(SELECT a.poverty_level FROM assessment a WHERE a.house_code = h.house_code
  ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1)`;

/** The levels of the breakdown, in order: 1 hardship … 4 well. */
export const LEVELS = [1, 2, 3, 4];

/** A tambon's households by level: the four levels in order (zeros included), and those not assessed yet. */
export interface LevelFigures {
  tambonCode: string;
  levels: PovertyLevelCount[];
  notAssessed: number;
}

export async function levelFigures(ds: DataSource, tambonCodes: string[]): Promise<LevelFigures[]> {
  // Counters kept by the writes (summaries.ts): a row per tambon and level, whatever the households.
  const rows: { tambon_code: string; level: number | null; households: string }[] = await ds.query(
    `SELECT tambon_code, nullif(level, 0) AS level, households FROM tambon_level_count
     WHERE tambon_code = ANY($1) AND households <> 0 ORDER BY 1, 2`,
    [tambonCodes],
  );
  const levels = breakdowns(tambonCodes, LEVELS, rows, { key: "tambon_code", category: "level" }, (tambonCode, level, r) => ({
    tambonCode,
    level,
    label: POVERTY_LEVELS[level],
    households: Number(r?.households ?? 0),
  }));
  const notAssessed = new Map(rows.filter((r) => r.level === null).map((r) => [r.tambon_code, Number(r.households)]));
  return tambonCodes.map((tambonCode, i) => ({
    tambonCode,
    levels: levels.slice(i * LEVELS.length, (i + 1) * LEVELS.length),
    notAssessed: notAssessed.get(tambonCode) ?? 0,
  }));
}

/**
 * From the counters kept per tambon and month of birth (summaries.ts): the months wholly past an age
 * boundary from the counters, the one month that straddles it person by person (a month of births,
 * over the province, through the birth-date index).
 */
const OLD_CUT = `($2::date - interval '60 years')::date`;
const OLD_MONTH = `date_trunc('month', $2::date - interval '60 years')::date`;
const YOUNG_CUT = `($2::date - interval '7 years')::date`;
const YOUNG_MONTH = `date_trunc('month', $2::date - interval '7 years')::date`;
// The boundaries are written out (not in a CTE) so that the planner sees constants: a month of
// births is a few hundred people, read through the birth-date index and the household's key.
const VULNERABILITY_SQL = `WITH kept AS (
    SELECT c.tambon_code, sum(c.people) AS people,
      coalesce(sum(c.people) FILTER (WHERE c.birth_month < ${OLD_MONTH}), 0) AS elderly,
      coalesce(sum(c.people) FILTER (WHERE c.birth_month > ${YOUNG_MONTH}), 0) AS children_under7,
      sum(c.disabled) AS disabled, sum(c.bedridden) AS bedridden, sum(c.single_parents) AS single_parents,
      sum(c.welfare_card_holders) AS welfare_card_holders
    FROM tambon_people_count c WHERE c.tambon_code = ANY($1) GROUP BY 1),
  edge AS (
    SELECT h.tambon_code, count(*) FILTER (WHERE p.birth_date <= ${OLD_CUT}) AS elderly,
      count(*) FILTER (WHERE p.birth_date > ${YOUNG_CUT}) AS children_under7
    FROM (SELECT house_code, birth_date FROM person WHERE birth_date >= ${OLD_MONTH} AND birth_date <= ${OLD_CUT}
          UNION ALL
          SELECT house_code, birth_date FROM person WHERE birth_date > ${YOUNG_CUT} AND birth_date < ${YOUNG_MONTH} + interval '1 month') p
    JOIN household h ON h.house_code = p.house_code
    WHERE h.tambon_code = ANY($1) GROUP BY 1)
  SELECT k.tambon_code, k.people, k.elderly + coalesce(e.elderly, 0) AS elderly,
    k.children_under7 + coalesce(e.children_under7, 0) AS children_under7,
    k.disabled, k.bedridden, k.single_parents, k.welfare_card_holders
  FROM kept k LEFT JOIN edge e ON e.tambon_code = k.tambon_code WHERE k.people <> 0`;

export async function vulnerabilityCounts(ds: DataSource, tambonCodes: string[]): Promise<VulnerabilityCounts[]> {
  const rows: Record<string, string>[] = await ds.query(VULNERABILITY_SQL, [tambonCodes, today()]);
  return rows.map((r) => ({
    tambonCode: r.tambon_code,
    people: +r.people,
    elderly: +r.elderly,
    childrenUnder7: +r.children_under7,
    disabled: +r.disabled,
    bedridden: +r.bedridden,
    singleParents: +r.single_parents,
    welfareCardHolders: +r.welfare_card_holders,
  }));
}
