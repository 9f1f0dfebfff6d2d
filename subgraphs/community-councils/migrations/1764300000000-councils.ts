import type { MigrationInterface, QueryRunner } from "typeorm";

const LINKAGE_ID = `CHECK (person_id ~ '^[0-9a-f]{32}$')`;

/**
 * The council network's records. People appear only by their pseudonymous linkage id; a fund
 * member also carries the house code given when they joined, because this database has no
 * registry to map a person to a household.
 *
 * A fund's balance is kept in its row: running totals updated in the same transaction as each
 * ledger row, under the fund row's lock, with the balance derived by the database from the
 * totals (a generated column) and never allowed below zero.
 */
export class Councils1764300000000 implements MigrationInterface {
  name = "Councils1764300000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE council (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tambon_code char(6) NOT NULL CONSTRAINT council_tambon_key UNIQUE CHECK (tambon_code ~ '^49[0-9]{4}$'),
      name text NOT NULL,
      notified_on date NOT NULL,
      synthetic boolean NOT NULL DEFAULT false,
      recorded_at timestamptz NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE council_member (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      council_id bigint NOT NULL REFERENCES council(id),
      person_id char(32) NOT NULL ${LINKAGE_ID},
      role text NOT NULL CHECK (role IN ('CHAIR', 'VICE_CHAIR', 'SECRETARY', 'TREASURER', 'MEMBER')),
      term_start date NOT NULL,
      term_end date NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CHECK (term_end > term_start))`);
    await q.query(`CREATE INDEX council_member_council ON council_member (council_id, term_start)`);
    await q.query(`CREATE INDEX council_member_person ON council_member (person_id)`);

    await q.query(`CREATE TABLE change_leader (
      person_id char(32) PRIMARY KEY ${LINKAGE_ID},
      tambon_code char(6) NOT NULL CHECK (tambon_code ~ '^49[0-9]{4}$'),
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX change_leader_tambon ON change_leader (tambon_code, person_id)`);

    await q.query(`CREATE TABLE leader_training (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id char(32) NOT NULL REFERENCES change_leader(person_id),
      module text NOT NULL CHECK (module IN ('DATA_FOR_DEVELOPMENT', 'COMMUNITY_WELFARE', 'COMMUNITY_ECONOMY',
        'LAND_AND_HOUSING', 'ENVIRONMENT', 'ORGANIC_FARMING')),
      trained_on date NOT NULL,
      completed boolean NOT NULL,
      CONSTRAINT leader_training_once UNIQUE (person_id, module, trained_on))`);

    await q.query(`CREATE TABLE welfare_fund (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tambon_code char(6) NOT NULL CONSTRAINT welfare_fund_tambon_key UNIQUE REFERENCES council(tambon_code),
      name text NOT NULL,
      founded_on date NOT NULL,
      contribution_rule text NOT NULL,
      contribution_amount numeric(14,2) NOT NULL CHECK (contribution_amount > 0),
      contribution_period text NOT NULL CHECK (contribution_period IN ('DAY', 'MONTH', 'YEAR')),
      contributions_total numeric(14,2) NOT NULL DEFAULT 0,
      matching_total numeric(14,2) NOT NULL DEFAULT 0,
      payouts_total numeric(14,2) NOT NULL DEFAULT 0,
      balance numeric(14,2) GENERATED ALWAYS AS (contributions_total + matching_total - payouts_total) STORED
        CONSTRAINT welfare_fund_not_overdrawn CHECK (balance >= 0),
      synthetic boolean NOT NULL DEFAULT false,
      recorded_at timestamptz NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE fund_member (
      person_id char(32) PRIMARY KEY ${LINKAGE_ID},
      fund_id bigint NOT NULL REFERENCES welfare_fund(id),
      house_code char(11) NOT NULL CHECK (house_code ~ '^[0-9]{11}$'),
      joined_on date NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT fund_member_of_fund UNIQUE (person_id, fund_id))`);
    await q.query(`CREATE INDEX fund_member_fund ON fund_member (fund_id, house_code, person_id)`);
    await q.query(`CREATE INDEX fund_member_house ON fund_member (house_code)`);

    // Ledger rows name the member and the fund; the pair must be a membership.
    const ledger = `id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      fund_id bigint NOT NULL,
      person_id char(32) NOT NULL,
      amount numeric(14,2) NOT NULL CHECK (amount > 0),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (person_id, fund_id) REFERENCES fund_member (person_id, fund_id)`;
    await q.query(`CREATE TABLE fund_contribution (${ledger}, paid_on date NOT NULL)`);
    await q.query(`CREATE INDEX fund_contribution_member ON fund_contribution (person_id, paid_on)`);
    await q.query(`CREATE TABLE fund_payout (${ledger}, paid_on date NOT NULL,
      benefit text NOT NULL CHECK (benefit IN ('CHILDBIRTH', 'SICKNESS', 'OLD_AGE', 'FUNERAL', 'OTHER')),
      note text)`);
    await q.query(`CREATE INDEX fund_payout_fund ON fund_payout (fund_id, paid_on DESC, id DESC)`);
    await q.query(`CREATE INDEX fund_payout_member ON fund_payout (person_id)`);

    await q.query(`CREATE TABLE fund_matching (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      fund_id bigint NOT NULL REFERENCES welfare_fund(id),
      source text NOT NULL CHECK (source IN ('LOCAL_GOVERNMENT', 'CODI', 'STATE')),
      received_on date NOT NULL,
      amount numeric(14,2) NOT NULL CHECK (amount > 0),
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX fund_matching_fund ON fund_matching (fund_id, source)`);

    await q.query(`CREATE TABLE community_enterprise (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      registration_number text NOT NULL CONSTRAINT community_enterprise_registration_key UNIQUE,
      tambon_code char(6) NOT NULL CHECK (tambon_code ~ '^49[0-9]{4}$'),
      name text NOT NULL,
      product text NOT NULL,
      members_count integer NOT NULL CHECK (members_count >= 7),
      registered_on date NOT NULL,
      synthetic boolean NOT NULL DEFAULT false,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX community_enterprise_tambon ON community_enterprise (tambon_code)`);

    await q.query(`CREATE TABLE codi_grant (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tambon_code char(6) NOT NULL REFERENCES council(tambon_code),
      programme text NOT NULL CHECK (programme IN ('COUNCIL_SUPPORT', 'COMMUNITY_WELFARE', 'RURAL_HOUSING',
        'BAAN_MANKONG', 'COMMUNITY_ECONOMY', 'CHANGE_LEADERS')),
      fiscal_year smallint NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
      amount numeric(14,2) NOT NULL CHECK (amount > 0),
      approved_on date NOT NULL,
      purpose text,
      synthetic boolean NOT NULL DEFAULT false,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX codi_grant_tambon ON codi_grant (tambon_code, fiscal_year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "codi_grant",
      "community_enterprise",
      "fund_matching",
      "fund_payout",
      "fund_contribution",
      "fund_member",
      "welfare_fund",
      "leader_training",
      "change_leader",
      "council_member",
      "council",
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
