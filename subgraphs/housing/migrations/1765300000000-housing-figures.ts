import type { MigrationInterface, QueryRunner } from "typeorm";
import { countersSql, dropCountersSql, dropLatestSql, latestSql } from "../../kit/summary";
import { LATEST_SURVEY, SURVEY_COUNTS } from "../summaries";

/** Housing's per-tambon survey figures kept by the writes (summaries.ts), filled from the surveys already there. */
export class HousingFigures1765300000000 implements MigrationInterface {
  name = "HousingFigures1765300000000";

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [...latestSql(LATEST_SURVEY), ...countersSql(SURVEY_COUNTS)]) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of [...dropCountersSql(SURVEY_COUNTS), ...dropLatestSql(LATEST_SURVEY)]) await q.query(sql);
  }
}
