import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Assessment rounds: the province re-assesses its households in rounds (every two years in the
 * precise-poverty research). A round is named by its Buddhist-Era year and covers a span of dates;
 * a household's level in a round is that of its latest assessment dated inside the span. Rounds are
 * declared, not guessed from the dates, so that one assessment recorded out of season does not
 * open a "round" of its own.
 */
export class Rounds1765300000000 implements MigrationInterface {
  name = "Rounds1765300000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE assessment_round (
      year_be smallint PRIMARY KEY CHECK (year_be BETWEEN 2500 AND 2700),
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      CHECK (ends_on >= starts_on))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_round`);
  }
}
