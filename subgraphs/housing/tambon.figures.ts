import { Field, ObjectType } from "type-graphql";
import { CountField } from "../kit/authorization";
import { PlaceSection } from "../kit/sections";
import { OWNER } from "./access";
import type { DataSource } from "typeorm";
import { CaseStage } from "./ladder";

/**
 * Aggregates per tambon, computed in SQL (one statement for any number of tambons). Anyone may read
 * them; counts from 1 to 4 are null for callers without exact-count rights (SmallCount), and so are
 * the money totals of fewer than 5 approved cases (they would tell what one household received).
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

export interface CaseFigures {
  tambonCode: string;
  /** null on the tambon's total row. */
  stage: CaseStage | null;
  cases: number;
  open: number;
  /** Cases with an approved budget (the money totals are over these). */
  approvedCases: number;
  approved: string;
  spent: string;
}

/** Counted by the tambon of each household's latest survey (a household that moved counts once, where it lives now). */
export async function surveyFigures(ds: DataSource, tambonCodes: string[]): Promise<SurveyFigures[]> {
  const rows: Record<string, string>[] = await ds.query(
    `WITH latest AS (
       SELECT DISTINCT ON (s.house_code) s.tambon_code, s.overall_condition, s.tenure_secure
       FROM housing_survey s
       WHERE s.house_code IN (SELECT house_code FROM housing_survey WHERE tambon_code = ANY($1))
       ORDER BY s.house_code, s.surveyed_on DESC, s.id DESC)
     SELECT tambon_code, count(*) AS surveyed,
       count(*) FILTER (WHERE overall_condition = 'UNSAFE') AS unsafe,
       count(*) FILTER (WHERE NOT tenure_secure) AS insecure,
       count(*) FILTER (WHERE overall_condition = 'UNSAFE' OR NOT tenure_secure) AS either
     FROM latest WHERE tambon_code = ANY($1) GROUP BY 1`,
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

/** Cases per stage and the tambon's totals (the `(tambon_code)` grouping set, stage null). */
export async function caseFigures(ds: DataSource, tambonCodes: string[]): Promise<CaseFigures[]> {
  const rows: Record<string, string | null>[] = await ds.query(
    `SELECT tambon_code, stage, count(*) AS cases,
       count(*) FILTER (WHERE stage NOT IN ('REJECTED', 'HANDED_OVER')) AS open,
       count(approved_budget) AS approved_cases,
       coalesce(sum(approved_budget), 0)::numeric(14,2)::text AS approved,
       coalesce(sum(spent_amount), 0)::numeric(14,2)::text AS spent
     FROM assistance_case WHERE tambon_code = ANY($1)
     GROUP BY GROUPING SETS ((tambon_code, stage), (tambon_code))`,
    [tambonCodes],
  );
  return rows.map((r) => ({
    tambonCode: r.tambon_code!,
    stage: r.stage as CaseStage | null,
    cases: Number(r.cases),
    open: Number(r.open),
    approvedCases: Number(r.approved_cases),
    approved: r.approved!,
    spent: r.spent!,
  }));
}
