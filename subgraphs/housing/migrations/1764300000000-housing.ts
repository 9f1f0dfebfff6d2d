import type { MigrationInterface, QueryRunner } from "typeorm";
import { makeAppendOnly } from "../../kit/database";

const condition = (column: string): string => `${column} text NOT NULL CHECK (${column} IN ('GOOD', 'WORN', 'UNSAFE'))`;
/** A building element's share of the score: sound = its weight, worn = half, unsafe = none. */
const points = (column: string, weight: number): string =>
  `CASE ${column} WHEN 'GOOD' THEN ${weight} WHEN 'WORN' THEN ${weight / 2} ELSE 0 END`;
const ELEMENTS = ["roof_condition", "wall_condition", "floor_condition", "post_condition", "toilet_condition"];
const STAGES = `'VILLAGE_SCREENING', 'TAMBON_SCREENING', 'DISTRICT_SCREENING', 'PROVINCE_SCREENING', 'APPROVED', 'REJECTED', 'WORKS_STARTED', 'WORKS_COMPLETED', 'HANDED_OVER'`;
const PROGRAMMES = `'BAAN_SANG_SUK', 'BAAN_PO_PIANG', 'BAAN_MANKONG', 'OTHER'`;

/**
 * Housing surveys, assistance cases with their append-only steps, programme budgets. The survey's
 * score, overall condition and tenure security are generated columns: derived by the database,
 * stored once. Households live in social-development's database: house codes are checked for
 * form only, there is no foreign key across agencies.
 */
export class Housing1764300000000 implements MigrationInterface {
  name = "Housing1764300000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE housing_survey (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      house_code char(11) NOT NULL CHECK (house_code ~ '^[0-9]{11}$'),
      village_code char(8) NOT NULL CHECK (village_code ~ '^[0-9]{8}$'),
      tambon_code char(6) GENERATED ALWAYS AS (left(village_code, 6)) STORED,
      district_code char(4) NOT NULL CHECK (district_code ~ '^[0-9]{4}$'),
      surveyed_on date NOT NULL,
      ${ELEMENTS.map(condition).join(",\n      ")},
      land_tenure text NOT NULL CHECK (land_tenure IN ('OWN', 'RELATIVE', 'RENTED', 'PUBLIC_LAND', 'ENCROACHED')),
      condition_score smallint GENERATED ALWAYS AS (
        ${points("roof_condition", 24)} + ${points("post_condition", 24)} + ${points("wall_condition", 20)}
        + ${points("floor_condition", 16)} + ${points("toilet_condition", 16)}) STORED,
      overall_condition text GENERATED ALWAYS AS (CASE
        WHEN 'UNSAFE' IN (${ELEMENTS.join(", ")}) THEN 'UNSAFE'
        WHEN 'WORN' IN (${ELEMENTS.join(", ")}) THEN 'WORN'
        ELSE 'GOOD' END) STORED,
      tenure_secure boolean GENERATED ALWAYS AS (land_tenure NOT IN ('PUBLIC_LAND', 'ENCROACHED')) STORED,
      surveyed_by text,
      note text,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    // "Latest survey" = greatest (surveyed_on, id): this index serves it for any household.
    await q.query(`CREATE INDEX housing_survey_latest ON housing_survey (house_code, surveyed_on DESC, id DESC)`);
    await q.query(`CREATE INDEX housing_survey_tambon ON housing_survey (tambon_code)`);

    await q.query(`CREATE TABLE assistance_case (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      house_code char(11) NOT NULL CHECK (house_code ~ '^[0-9]{11}$'),
      survey_id bigint NOT NULL REFERENCES housing_survey(id),
      village_code char(8) NOT NULL,
      tambon_code char(6) GENERATED ALWAYS AS (left(village_code, 6)) STORED,
      district_code char(4) NOT NULL,
      programme text NOT NULL CHECK (programme IN (${PROGRAMMES})),
      work_type text NOT NULL CHECK (work_type IN ('REPAIR', 'REBUILD')),
      requested_budget numeric(14,2) NOT NULL CHECK (requested_budget > 0),
      approved_budget numeric(14,2) CHECK (approved_budget > 0 AND approved_budget <= requested_budget),
      spent_amount numeric(14,2) CHECK (spent_amount >= 0 AND spent_amount <= approved_budget),
      stage text NOT NULL CHECK (stage IN (${STAGES})),
      stage_on date NOT NULL,
      opened_on date NOT NULL,
      approved_on date,
      CHECK ((approved_on IS NULL) = (approved_budget IS NULL)))`);
    // One open case per household, even against two concurrent openings.
    await q.query(`CREATE UNIQUE INDEX assistance_case_one_open ON assistance_case (house_code)
      WHERE stage NOT IN ('REJECTED', 'HANDED_OVER')`);
    await q.query(`CREATE INDEX assistance_case_household ON assistance_case (house_code)`);
    await q.query(`CREATE INDEX assistance_case_tambon ON assistance_case (tambon_code, stage)`);
    await q.query(`CREATE INDEX assistance_case_district ON assistance_case (district_code, stage)`);
    await q.query(`CREATE INDEX assistance_case_approved ON assistance_case (programme, approved_on) WHERE approved_on IS NOT NULL`);

    await q.query(`CREATE TABLE case_step (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id bigint NOT NULL REFERENCES assistance_case(id),
      seq smallint NOT NULL CHECK (seq >= 1),
      from_stage text CHECK (from_stage IN (${STAGES})),
      stage text NOT NULL CHECK (stage IN (${STAGES})),
      decided_on date NOT NULL,
      decided_by text NOT NULL,
      reason text,
      amount numeric(14,2) CHECK (amount >= 0),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT case_step_seq UNIQUE (case_id, seq))`);
    await makeAppendOnly(q, "case_step");

    await q.query(`CREATE TABLE programme_budget (
      programme text NOT NULL CHECK (programme IN (${PROGRAMMES})),
      fiscal_year smallint NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2200),
      amount numeric(14,2) NOT NULL CHECK (amount >= 0),
      target_households integer NOT NULL CHECK (target_households >= 0),
      PRIMARY KEY (programme, fiscal_year))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programme_budget`);
    await q.query(`DROP TABLE case_step`);
    await q.query(`DROP FUNCTION case_step_append_only`);
    await q.query(`DROP TABLE assistance_case`);
    await q.query(`DROP TABLE housing_survey`);
  }
}
