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
  // A lateral top-1 per household uses the (house_code, assessed_on, id) index: ~13 ms for a tambon
  // of 2,000 households, ~0.5 s for the whole province (110,000), measured. LEFT: a household not
  // assessed yet comes as level null.
  const rows: { tambon_code: string; level: number | null; households: string }[] = await ds.query(
    `SELECT h.tambon_code, la.poverty_level AS level, count(*) AS households
     FROM household h LEFT JOIN LATERAL ${LATEST_LEVEL_SQL} la ON true
     WHERE h.tambon_code = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2`,
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

export async function vulnerabilityCounts(ds: DataSource, tambonCodes: string[]): Promise<VulnerabilityCounts[]> {
  const rows: Record<string, string>[] = await ds.query(
    `SELECT h.tambon_code,
       count(p.id) AS people,
       count(*) FILTER (WHERE p.birth_date <= $2::date - interval '60 years') AS elderly,
       count(*) FILTER (WHERE p.birth_date > $2::date - interval '7 years') AS children_under7,
       count(*) FILTER (WHERE p.disabled) AS disabled,
       count(*) FILTER (WHERE p.bedridden) AS bedridden,
       count(*) FILTER (WHERE p.single_parent) AS single_parents,
       count(*) FILTER (WHERE p.welfare_card) AS welfare_card_holders
     FROM household h LEFT JOIN person p ON p.house_code = h.house_code
     WHERE h.tambon_code = ANY($1) GROUP BY 1`,
    [tambonCodes, today()],
  );
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
