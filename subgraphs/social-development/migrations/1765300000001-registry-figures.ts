import type { MigrationInterface, QueryRunner } from "typeorm";
import { countersSql, dropCountersSql, dropLatestSql, latestSql } from "../../kit/summary";
import { LATEST_LEVEL, LEVEL_COUNTS, PEOPLE_COUNTS } from "../summaries";

/**
 * The registry's per-tambon figures kept by the writes (summaries.ts), filled from the rows already
 * there; the birth-date index serves the people born in the months at the age boundaries.
 */
export class RegistryFigures1765300000001 implements MigrationInterface {
  name = "RegistryFigures1765300000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE household ADD COLUMN latest_level smallint`);
    for (const sql of [...latestSql(LATEST_LEVEL), ...countersSql(LEVEL_COUNTS), ...countersSql(PEOPLE_COUNTS)]) await q.query(sql);
    await q.query(`CREATE INDEX person_birth_date ON person (birth_date) INCLUDE (house_code)`);
    await q.query(`CREATE INDEX household_latest_level ON household (tambon_code, latest_level, house_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX household_latest_level`);
    await q.query(`DROP INDEX person_birth_date`);
    for (const sql of [...dropCountersSql(PEOPLE_COUNTS), ...dropCountersSql(LEVEL_COUNTS), ...dropLatestSql(LATEST_LEVEL)])
      await q.query(sql);
    await q.query(`ALTER TABLE household DROP COLUMN latest_level`);
  }
}
