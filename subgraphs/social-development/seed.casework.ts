import type { EntityManager } from "typeorm";
import { demoCasework } from "../kit/demo/casework";
import type { SeedOptions } from "../kit/subgraph";

const SEEDER = { by_subject: "demo-seed", by_agency: "social-development", by_role: "social-worker" };

/** Inserts rows with the ids given (the shared demo serials), then moves the id's sequence past them. */
async function insertWithIds(m: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const list = Object.keys(rows[0]).join(", ");
  await m.query(
    `INSERT INTO ${table} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(null::${table}, $1::json)`,
    [JSON.stringify(rows)],
  );
  await m.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
}

/** The demo's case plans and referrals (kit/demo/casework.ts), with their history. Open: the receivers' answers are theirs. */
export async function seedCasework(m: EntityManager, options: SeedOptions): Promise<void> {
  const referrals = [...demoCasework(options.seed, options.households)];
  const needs = referrals.map((r) => ({
    id: r.serial,
    house_code: r.houseCode,
    capital: r.capital,
    need: r.need,
    goal: r.goal,
    responsible_agency: r.to,
    planned_on: r.plannedOn,
    review_on: r.reviewOn,
  }));
  await insertWithIds(m, "case_need", needs);
  await insertWithIds(
    m,
    "referral",
    referrals.map((r) => ({
      id: r.serial,
      house_code: r.houseCode,
      need_id: r.serial,
      from_agency: "SOCIAL_DEVELOPMENT",
      to_agency: r.to,
      reason: r.reason,
      sent_on: r.sentOn,
    })),
  );
  const events = referrals.flatMap((r) => [
    {
      house_code: r.houseCode,
      need_id: r.serial,
      event: "NEED_PLANNED",
      note: `${r.capital}: ${r.need}`,
      at: `${r.plannedOn}T09:00:00+07:00`,
      ...SEEDER,
    },
    {
      house_code: r.houseCode,
      need_id: r.serial,
      referral_id: r.serial,
      event: "REFERRED",
      note: `to ${r.to}: ${r.reason}`,
      at: `${r.sentOn}T10:00:00+07:00`,
      ...SEEDER,
    },
  ]);
  if (events.length) {
    const list = Object.keys(events[1]).join(", ");
    await m.query(`INSERT INTO casework_event (${list}) SELECT ${list} FROM json_populate_recordset(null::casework_event, $1::json)`, [
      JSON.stringify(events),
    ]);
  }
}
