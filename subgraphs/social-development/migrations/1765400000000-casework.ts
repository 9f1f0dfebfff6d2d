import type { MigrationInterface, QueryRunner } from "typeorm";
import { makeAppendOnly } from "../../kit/database";

const AGENCIES = `('SOCIAL_DEVELOPMENT', 'HOUSING', 'AGRICULTURE', 'COMMUNITY_COUNCILS')`;
const CAPITALS = `('HUMAN', 'PHYSICAL', 'FINANCIAL', 'NATURAL', 'SOCIAL')`;

/**
 * Casework "household by household", led by the registry: a household's case plan (its needs, one
 * per capital, each with a goal, the agency responsible and a review date) and the referrals of a
 * need to another agency. A receiving agency's answer lives in its own subgraph (kit/referral-answer.ts).
 * Every change is also a row of `casework_event`, append-only: who, when, what.
 */
export class Casework1765400000000 implements MigrationInterface {
  name = "Casework1765400000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE case_need (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      house_code char(11) NOT NULL REFERENCES household(house_code),
      capital text NOT NULL CHECK (capital IN ${CAPITALS}),
      need text NOT NULL,
      goal text NOT NULL,
      responsible_agency text NOT NULL CHECK (responsible_agency IN ${AGENCIES}),
      review_on date NOT NULL,
      planned_on date NOT NULL,
      CHECK (review_on >= planned_on),
      CONSTRAINT case_need_one_per_capital UNIQUE (house_code, capital))`);

    await q.query(`CREATE TABLE referral (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      house_code char(11) NOT NULL REFERENCES household(house_code),
      need_id bigint NOT NULL REFERENCES case_need(id),
      from_agency text NOT NULL CHECK (from_agency IN ${AGENCIES}),
      to_agency text NOT NULL CHECK (to_agency IN ${AGENCIES} AND to_agency <> from_agency),
      reason text NOT NULL,
      sent_on date NOT NULL,
      closed_on date,
      outcome text CHECK (outcome IN ('MET', 'PARTLY_MET', 'NOT_MET', 'WITHDRAWN')),
      outcome_note text,
      CHECK ((closed_on IS NULL) = (outcome IS NULL)),
      CHECK (closed_on IS NULL OR closed_on >= sent_on))`);
    await q.query(`CREATE INDEX referral_household ON referral (house_code, id)`);
    await q.query(`CREATE INDEX referral_queue ON referral (to_agency, id) WHERE closed_on IS NULL`);

    await q.query(`CREATE TABLE casework_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      house_code char(11) NOT NULL REFERENCES household(house_code),
      need_id bigint REFERENCES case_need(id),
      referral_id bigint REFERENCES referral(id),
      event text NOT NULL CHECK (event IN ('NEED_PLANNED', 'REFERRED', 'CLOSED')),
      note text,
      by_subject text NOT NULL,
      by_agency text,
      by_role text NOT NULL,
      at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX casework_event_household ON casework_event (house_code, id)`);
    await q.query(`CREATE INDEX casework_event_referral ON casework_event (referral_id, id)`);
    await makeAppendOnly(q, "casework_event");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE casework_event`);
    await q.query(`DROP FUNCTION casework_event_append_only`);
    await q.query(`DROP TABLE referral`);
    await q.query(`DROP TABLE case_need`);
  }
}
