import { Field, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { complementary, type Measure } from "../kit/disclosure";
import { CountField } from "../kit/disclosure-fields";
import { toSatang } from "../kit/money";
import { PlaceSection } from "../kit/sections";
import { OWNER } from "./access";
import { CaseStage } from "./ladder";
import type { HousingProgramme } from "./programme";

/**
 * Aggregates per tambon, computed in SQL (one statement for any number of tambons). Anyone may read
 * them; public callers see them under disclosure control (kit/disclosure.ts).
 */

@ObjectType({ description: "How many of a tambon's cases stand at one stage." })
export class CaseStageCount {
  @Field(() => CaseStage) stage: CaseStage;
  @CountField(OWNER) cases: number;
}

@ObjectType({ description: "Housing in a tambon: the households' latest surveys, the assistance cases and their money." })
export class TambonHousing extends PlaceSection {}

export interface SurveyFigures {
  tambonCode: string;
  surveyed: number;
  unsafe: number;
  insecure: number;
  unsafeOrInsecure: number;
}

/** The cases of a tambon at one stage, or (stage null) all its cases with their money. */
export interface CaseFigures {
  tambonCode: string;
  stage: CaseStage | null;
  cases: number;
  approved: Measure<bigint>;
  spent: Measure<bigint>;
}

/** Counted by the tambon of each household's latest survey (a household that moved counts once, where it lives now). */
export async function surveyFigures(ds: DataSource, tambonCodes: string[]): Promise<SurveyFigures[]> {
  // Counters kept by the writes (summaries.ts): a row per tambon, whatever the surveys.
  const rows: Record<string, string>[] = await ds.query(
    `SELECT tambon_code, surveyed, unsafe, insecure, either FROM tambon_survey_count WHERE tambon_code = ANY($1) AND surveyed <> 0`,
    [tambonCodes],
  );
  return rows.map((r) => ({
    tambonCode: r.tambon_code,
    surveyed: +r.surveyed,
    unsafe: +r.unsafe,
    insecure: +r.insecure,
    unsafeOrInsecure: +r.either,
  }));
}

/**
 * Money over the households whose cases it is (approved, or spent): the same money is published by
 * tambon (all years) and by programme and fiscal year (`programmeBudgets`), so a hidden figure on one
 * side could be worked out from the other. One statement reads both sides for the whole province (the
 * cases are few; `programmeBudgets` is served from it too), and `complementary` withholds a second
 * figure wherever one alone would be hidden.
 */
const MONEY_SQL = `
  SELECT 'tambon' AS side, tambon_code AS key, stage, count(*) AS cases,
    coalesce(sum(approved_budget), 0)::text AS approved, count(DISTINCT house_code) FILTER (WHERE approved_budget IS NOT NULL) AS approved_by,
    coalesce(sum(spent_amount), 0)::text AS spent, count(DISTINCT house_code) FILTER (WHERE spent_amount IS NOT NULL) AS spent_by,
    NULL AS programme, NULL::int AS fiscal_year, NULL AS amount, NULL::int AS target, NULL::bigint AS handed_over
  FROM assistance_case GROUP BY GROUPING SETS ((tambon_code, stage), (tambon_code))
  UNION ALL
  SELECT 'budget', b.programme || ' ' || b.fiscal_year, NULL, count(c.id),
    coalesce(sum(c.approved_budget), 0)::text, count(DISTINCT c.house_code),
    coalesce(sum(c.spent_amount), 0)::text, count(DISTINCT c.house_code) FILTER (WHERE c.spent_amount IS NOT NULL),
    b.programme, b.fiscal_year, b.amount::text, b.target_households, count(c.id) FILTER (WHERE c.stage = 'HANDED_OVER')
  FROM programme_budget b LEFT JOIN assistance_case c ON c.programme = b.programme
    AND c.approved_on BETWEEN make_date(b.fiscal_year - 1, 10, 1) AND make_date(b.fiscal_year, 9, 30)
  GROUP BY b.programme, b.fiscal_year`;

/** A programme's budget for a fiscal year and the cases approved in it (ProgrammeBudget's fields). */
export interface BudgetFigures {
  programme: HousingProgramme;
  fiscalYear: number;
  amount: string;
  targetHouseholds: number;
  casesApproved: number;
  casesHandedOver: number;
  budgetApproved: Measure<bigint>;
  budgetSpent: Measure<bigint>;
}

export interface MoneyFigures {
  /** Per tambon: a row per stage and its total row (stage null), only tambons with cases. */
  tambons: CaseFigures[];
  /** Every programme_budget row, by fiscal year then programme. */
  budgets: BudgetFigures[];
}

export async function moneyFigures(ds: DataSource): Promise<MoneyFigures> {
  const rows: Record<string, string | null>[] = await ds.query(MONEY_SQL);
  const measure = (value: string | null, contributors: string | null): Measure<bigint> => ({
    value: toSatang(value!),
    contributors: Number(contributors),
  });
  const figures = rows.map((r) => ({
    row: r,
    side: r.side === "tambon" ? (0 as const) : (1 as const),
    cases: Number(r.cases),
    approved: measure(r.approved, r.approved_by),
    spent: measure(r.spent, r.spent_by),
  }));
  // The equation ties each tambon's total to the programme-years; a tambon's stage rows carry no money.
  const tied = figures.filter((f) => f.side === 1 || f.row.stage === null);
  for (const money of ["approved", "spent"] as const) {
    const withheld = complementary(tied.map((f) => ({ contributors: f[money].contributors, side: f.side })));
    tied.forEach((f, i) => {
      f[money].withheld = withheld[i];
    });
  }
  const budgets = figures
    .filter((f) => f.side === 1)
    .map(({ row, cases, approved, spent }) => ({
      programme: row.programme as HousingProgramme,
      fiscalYear: Number(row.fiscal_year),
      amount: row.amount!,
      targetHouseholds: Number(row.target),
      casesApproved: cases,
      casesHandedOver: Number(row.handed_over),
      budgetApproved: approved,
      budgetSpent: spent,
    }));
  return {
    tambons: figures
      .filter((f) => f.side === 0)
      .map(({ row, cases, approved, spent }) => ({ tambonCode: row.key!, stage: row.stage as CaseStage | null, cases, approved, spent })),
    budgets: budgets.sort((a, b) => a.fiscalYear - b.fiscalYear || (a.programme < b.programme ? -1 : 1)),
  };
}
