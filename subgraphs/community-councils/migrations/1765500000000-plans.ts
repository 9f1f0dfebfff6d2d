import type { MigrationInterface, QueryRunner } from "typeorm";
import { makeAppendOnly } from "../../kit/database";

const AGENCIES = `('SOCIAL_DEVELOPMENT', 'HOUSING', 'AGRICULTURE', 'COMMUNITY_COUNCILS')`;

/**
 * Area-based tambon plans (แผนพัฒนาตำบลโดยใช้พื้นที่เป็นตัวตั้ง), drafted by the tambon council with
 * CODI per Thai fiscal year: the baseline (the figures found in the data when drafting, kept as
 * they were), projects with a lead agency, budget, target households and an indicator, and
 * progress reports (append-only: a report is never rewritten, a later one supersedes it).
 */
export class Plans1765500000000 implements MigrationInterface {
  name = "Plans1765500000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tambon_plan (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tambon_code char(6) NOT NULL REFERENCES council(tambon_code),
      fiscal_year smallint NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
      title text NOT NULL,
      drafted_on date NOT NULL,
      drafted_by text NOT NULL,
      CONSTRAINT tambon_plan_once UNIQUE (tambon_code, fiscal_year))`);
    await q.query(`CREATE TABLE plan_baseline (
      plan_id bigint NOT NULL REFERENCES tambon_plan(id),
      seq smallint NOT NULL,
      agency text NOT NULL CHECK (agency IN ${AGENCIES}),
      indicator text NOT NULL,
      value integer NOT NULL CHECK (value >= 0),
      PRIMARY KEY (plan_id, seq))`);
    await q.query(`CREATE TABLE plan_project (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      plan_id bigint NOT NULL REFERENCES tambon_plan(id),
      title text NOT NULL,
      lead_agency text NOT NULL CHECK (lead_agency IN ${AGENCIES}),
      budget numeric(14,2) NOT NULL CHECK (budget >= 0),
      target_households integer NOT NULL CHECK (target_households >= 0),
      indicator text NOT NULL,
      indicator_target integer NOT NULL CHECK (indicator_target >= 0),
      house_codes char(11)[] NOT NULL DEFAULT '{}')`);
    await q.query(`CREATE INDEX plan_project_plan ON plan_project (plan_id, id)`);
    await q.query(`CREATE TABLE project_progress (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      project_id bigint NOT NULL REFERENCES plan_project(id),
      reported_on date NOT NULL,
      spent numeric(14,2) NOT NULL CHECK (spent >= 0),
      households_reached integer NOT NULL CHECK (households_reached >= 0),
      indicator_value integer NOT NULL CHECK (indicator_value >= 0),
      note text,
      reported_by text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX project_progress_project ON project_progress (project_id, reported_on, id)`);
    await makeAppendOnly(q, "project_progress");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_progress`);
    await q.query(`DROP FUNCTION project_progress_append_only`);
    await q.query(`DROP TABLE plan_project`);
    await q.query(`DROP TABLE plan_baseline`);
    await q.query(`DROP TABLE tambon_plan`);
  }
}
