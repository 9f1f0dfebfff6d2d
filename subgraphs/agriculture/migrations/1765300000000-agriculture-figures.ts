import type { MigrationInterface, QueryRunner } from "typeorm";
import { dropGroupsSql, groupsSql } from "../../kit/summary";
import { CROP_SEASONS } from "../summaries";

/** The farmers council's per-tambon crop figures kept by the writes (summaries.ts), computed from the cycles already there. */
export class AgricultureFigures1765300000000 implements MigrationInterface {
  name = "AgricultureFigures1765300000000";

  async up(q: QueryRunner): Promise<void> {
    for (const sql of groupsSql(CROP_SEASONS)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropGroupsSql(CROP_SEASONS)) await q.query(sql);
  }
}
