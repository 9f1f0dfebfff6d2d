import type { MigrationInterface, QueryRunner } from "typeorm";

export class Geography1764100000000 implements MigrationInterface {
  name = "Geography1764100000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE district (
      code char(4) PRIMARY KEY CHECK (code ~ '^49[0-9]{2}$'),
      name_th text NOT NULL,
      name_en text NOT NULL)`);
    await q.query(`CREATE TABLE tambon (
      code char(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
      district_code char(4) NOT NULL REFERENCES district(code),
      name_th text NOT NULL,
      name_en text NOT NULL,
      postcode char(5) NOT NULL,
      lat double precision,
      lng double precision,
      point_approximate boolean NOT NULL DEFAULT false)`);
    await q.query(`CREATE INDEX tambon_district ON tambon (district_code)`);
    await q.query(`CREATE TABLE village (
      code char(8) PRIMARY KEY CHECK (code ~ '^[0-9]{8}$'),
      tambon_code char(6) NOT NULL REFERENCES tambon(code),
      moo smallint NOT NULL CHECK (moo BETWEEN 1 AND 99),
      name_th text NOT NULL,
      synthetic boolean NOT NULL DEFAULT false)`);
    await q.query(`CREATE INDEX village_tambon ON village (tambon_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE village`);
    await q.query(`DROP TABLE tambon`);
    await q.query(`DROP TABLE district`);
  }
}
