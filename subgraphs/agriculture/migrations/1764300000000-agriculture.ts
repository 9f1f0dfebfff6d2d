import type { MigrationInterface, QueryRunner } from "typeorm";
import { CROPS, LandDocument, sqlValues, WaterSource } from "../crop";

const CROP_CHECK = `CHECK (crop IN (${sqlValues(CROPS)}))`;

/**
 * The farmers council's records. Income is never stored: it is yield × price wherever it is
 * read. The young-farmer flag is derived by the database from what it depends on (like the
 * registry's poverty level), so it can never disagree with the birth and registration dates.
 */
export class Agriculture1764300000000 implements MigrationInterface {
  name = "Agriculture1764300000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE farmer (
      farm_book_no char(12) PRIMARY KEY CHECK (farm_book_no ~ '^[0-9]{12}$'),
      person_id char(32) NOT NULL CONSTRAINT farmer_person_key UNIQUE CHECK (person_id ~ '^[0-9a-f]{32}$'),
      house_code char(11) NOT NULL CHECK (house_code ~ '^[0-9]{11}$'),
      village_code char(8) NOT NULL CHECK (village_code ~ '^[0-9]{8}$'),
      tambon_code char(6) GENERATED ALWAYS AS (left(village_code, 6)) STORED,
      birth_date date NOT NULL,
      registered_on date NOT NULL CHECK (registered_on > birth_date),
      young_smart_farmer boolean NOT NULL DEFAULT false,
      young_farmer boolean GENERATED ALWAYS AS (young_smart_farmer OR registered_on < birth_date + interval '45 years') STORED,
      synthetic boolean NOT NULL DEFAULT false,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX farmer_tambon ON farmer (tambon_code, farm_book_no)`);
    await q.query(`CREATE INDEX farmer_household ON farmer (house_code)`);

    await q.query(`CREATE TABLE plot (
      farm_book_no char(12) NOT NULL REFERENCES farmer(farm_book_no),
      plot_no smallint NOT NULL CHECK (plot_no >= 1),
      land_document text NOT NULL CHECK (land_document IN (${sqlValues(Object.values(LandDocument))})),
      area_sq_wa integer NOT NULL CHECK (area_sq_wa > 0),
      water_source text NOT NULL CHECK (water_source IN (${sqlValues(Object.values(WaterSource))})),
      PRIMARY KEY (farm_book_no, plot_no))`);

    await q.query(`CREATE TABLE crop_cycle (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      farm_book_no char(12) NOT NULL,
      plot_no smallint NOT NULL,
      crop text NOT NULL ${CROP_CHECK},
      variety text,
      planted_sq_wa integer NOT NULL CHECK (planted_sq_wa > 0),
      planted_on date NOT NULL,
      harvested_on date CHECK (harvested_on >= planted_on),
      yield_kg integer CHECK (yield_kg >= 0),
      price_per_kg numeric(10,2) CHECK (price_per_kg >= 0),
      buyer text,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (farm_book_no, plot_no) REFERENCES plot(farm_book_no, plot_no),
      CHECK (yield_kg IS NULL OR harvested_on IS NOT NULL),
      CHECK (price_per_kg IS NULL OR yield_kg IS NOT NULL))`);
    // Seasons are ranges of harvest dates, read per farm: (farm, harvest) serves both.
    await q.query(`CREATE INDEX crop_cycle_farm_harvest ON crop_cycle (farm_book_no, harvested_on)`);
    await q.query(`CREATE INDEX crop_cycle_plot ON crop_cycle (farm_book_no, plot_no)`);

    await q.query(`CREATE TABLE reference_price (
      crop text NOT NULL ${CROP_CHECK},
      effective_on date NOT NULL,
      price_per_kg numeric(10,2) NOT NULL CHECK (price_per_kg >= 0),
      source text NOT NULL,
      PRIMARY KEY (crop, effective_on))`);

    await q.query(`CREATE TABLE price_complaint (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      farm_book_no char(12) NOT NULL REFERENCES farmer(farm_book_no),
      crop text NOT NULL ${CROP_CHECK},
      offered_price_per_kg numeric(10,2) NOT NULL CHECK (offered_price_per_kg >= 0),
      reference_price_per_kg numeric(10,2) NOT NULL CHECK (reference_price_per_kg >= 0),
      quantity_kg integer CHECK (quantity_kg > 0),
      buyer text NOT NULL,
      details text,
      filed_on date NOT NULL,
      status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'UNDER_REVIEW', 'RESOLVED', 'DISMISSED')),
      status_note text,
      status_changed_on date,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX price_complaint_farmer ON price_complaint (farm_book_no)`);
    await q.query(`CREATE INDEX price_complaint_filed ON price_complaint (filed_on)`);

    await q.query(`CREATE TABLE farmer_organization (
      registration_no text PRIMARY KEY CHECK (registration_no <> ''),
      name_th text NOT NULL,
      org_type text NOT NULL CHECK (org_type IN ('COMMUNITY_ENTERPRISE', 'COOPERATIVE', 'FARMER_GROUP', 'YOUNG_FARMER_GROUP')),
      village_code char(8) NOT NULL CHECK (village_code ~ '^[0-9]{8}$'),
      tambon_code char(6) GENERATED ALWAYS AS (left(village_code, 6)) STORED,
      registered_on date NOT NULL)`);
    await q.query(`CREATE INDEX farmer_organization_tambon ON farmer_organization (tambon_code)`);
    await q.query(`CREATE TABLE farmer_organization_member (
      registration_no text NOT NULL REFERENCES farmer_organization(registration_no),
      farm_book_no char(12) NOT NULL REFERENCES farmer(farm_book_no),
      joined_on date NOT NULL,
      PRIMARY KEY (registration_no, farm_book_no))`);
    await q.query(`CREATE INDEX farmer_organization_member_farmer ON farmer_organization_member (farm_book_no)`);

    await q.query(`CREATE TABLE training (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      title text NOT NULL,
      held_on date NOT NULL,
      tambon_code char(6) NOT NULL CHECK (tambon_code ~ '^[0-9]{6}$'),
      organizer text,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX training_tambon ON training (tambon_code, held_on)`);
    await q.query(`CREATE TABLE training_attendee (
      training_id bigint NOT NULL REFERENCES training(id),
      farm_book_no char(12) NOT NULL REFERENCES farmer(farm_book_no),
      PRIMARY KEY (training_id, farm_book_no))`);
    await q.query(`CREATE INDEX training_attendee_farmer ON training_attendee (farm_book_no)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "training_attendee",
      "training",
      "farmer_organization_member",
      "farmer_organization",
      "price_complaint",
      "reference_price",
      "crop_cycle",
      "plot",
      "farmer",
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
