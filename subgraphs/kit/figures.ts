/**
 * Helpers for the agencies' aggregate figures. A breakdown lists every category of its enum, in
 * the enum's (documented) order, with zeros where no record falls: a dashboard never has to guess
 * whether a missing row means 0 or "not asked". The zero rows are made here, never in SQL.
 */
export function everyCategory<K, R>(categories: readonly K[], rows: readonly R[], keyOf: (row: R) => K, zero: (key: K) => R): R[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row] as const));
  return categories.map((key) => byKey.get(key) ?? zero(key));
}

/**
 * The exact median of a NUMERIC expression as an aggregate (NULLs left out): the middle value, or
 * the mean of the two middle ones, in NUMERIC, never through float. NULL over no row.
 */
export const medianSql = (expr: string): string => {
  const sorted = `(array_agg(${expr} ORDER BY ${expr}) FILTER (WHERE ${expr} IS NOT NULL))`;
  return `((${sorted}[(count(${expr}) + 1) / 2] + ${sorted}[(count(${expr}) + 2) / 2]) / 2)`;
};
