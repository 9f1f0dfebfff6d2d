import type { EntityManager } from "typeorm";

/**
 * Inserts many rows in one statement: the rows travel as one JSON parameter that PostgreSQL
 * expands with json_populate_recordset. Seeding 110,000 households this way is several times
 * faster than TypeORM's per-row parameter lists. Keys are the table's column names.
 */
export async function bulkInsert(m: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`unsafe table name "${table}"`);
  const columns = Object.keys(rows[0]);
  for (const c of columns) if (!/^[a-z_][a-z0-9_]*$/.test(c)) throw new Error(`unsafe column name "${c}"`);
  const list = columns.map((c) => `"${c}"`).join(", ");
  await m.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(null::${table}, $1::json)`, [
    JSON.stringify(rows),
  ]);
}
