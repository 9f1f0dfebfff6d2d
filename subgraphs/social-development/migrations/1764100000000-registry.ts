import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The social registry. The poverty level is derived from the five capital scores by the
 * database itself (a generated column), so it is stored once and can never disagree with them:
 * sum 5-8 → 1 hardship, 9-12 → 2 difficult, 13-16 → 3 getting by, 17-20 → 4 well.
 */
export class Registry1764100000000 implements MigrationInterface {
  name = "Registry1764100000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE household (
      house_code char(11) PRIMARY KEY CHECK (house_code ~ '^[0-9]{11}$'),
      village_code char(8) NOT NULL CHECK (village_code ~ '^[0-9]{8}$'),
      tambon_code char(6) GENERATED ALWAYS AS (left(village_code, 6)) STORED,
      house_number text,
      synthetic boolean NOT NULL DEFAULT false,
      registered_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX household_tambon ON household (tambon_code, house_code)`);
    await q.query(`CREATE INDEX household_village ON household (village_code, house_code)`);

    await q.query(`CREATE TABLE person (
      id char(32) PRIMARY KEY,
      citizen_id char(13) NOT NULL CONSTRAINT person_citizen_id_key UNIQUE,
      house_code char(11) NOT NULL REFERENCES household(house_code),
      first_name text NOT NULL,
      last_name text NOT NULL,
      sex text NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
      birth_date date NOT NULL,
      relation text NOT NULL,
      disabled boolean NOT NULL DEFAULT false,
      bedridden boolean NOT NULL DEFAULT false,
      single_parent boolean NOT NULL DEFAULT false,
      welfare_card boolean NOT NULL DEFAULT false)`);
    await q.query(`CREATE INDEX person_household ON person (house_code)`);
    await q.query(`CREATE UNIQUE INDEX person_one_head ON person (house_code) WHERE relation = 'HEAD'`);

    await q.query(`CREATE TABLE assessment (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      house_code char(11) NOT NULL REFERENCES household(house_code),
      assessed_on date NOT NULL,
      human_capital smallint NOT NULL CHECK (human_capital BETWEEN 1 AND 4),
      physical_capital smallint NOT NULL CHECK (physical_capital BETWEEN 1 AND 4),
      financial_capital smallint NOT NULL CHECK (financial_capital BETWEEN 1 AND 4),
      natural_capital smallint NOT NULL CHECK (natural_capital BETWEEN 1 AND 4),
      social_capital smallint NOT NULL CHECK (social_capital BETWEEN 1 AND 4),
      poverty_level smallint GENERATED ALWAYS AS (CASE
        WHEN human_capital + physical_capital + financial_capital + natural_capital + social_capital <= 8 THEN 1
        WHEN human_capital + physical_capital + financial_capital + natural_capital + social_capital <= 12 THEN 2
        WHEN human_capital + physical_capital + financial_capital + natural_capital + social_capital <= 16 THEN 3
        ELSE 4 END) STORED,
      tpmap_health boolean NOT NULL DEFAULT false,
      tpmap_living boolean NOT NULL DEFAULT false,
      tpmap_education boolean NOT NULL DEFAULT false,
      tpmap_income boolean NOT NULL DEFAULT false,
      tpmap_access boolean NOT NULL DEFAULT false,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    // "Latest assessment" = greatest (assessed_on, id): this index serves it for any household.
    await q.query(`CREATE INDEX assessment_latest ON assessment (house_code, assessed_on DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment`);
    await q.query(`DROP TABLE person`);
    await q.query(`DROP TABLE household`);
  }
}
