import type { MigrationInterface, QueryRunner } from "typeorm";
import { countersSql, dropCountersSql } from "../../kit/summary";
import { CONTRIBUTORS, PAYEES } from "../summaries";

/** The funds' contributors and payees kept by the writes (summaries.ts), counted from the ledger already there. */
export class CouncilsFigures1765500000001 implements MigrationInterface {
  name = "CouncilsFigures1765500000001";

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [...countersSql(CONTRIBUTORS), ...countersSql(PAYEES)]) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of [...dropCountersSql(PAYEES), ...dropCountersSql(CONTRIBUTORS)]) await q.query(sql);
  }
}
