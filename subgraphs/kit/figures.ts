/**
 * Helpers for the agencies' aggregate figures. A breakdown lists every category of its enum, in
 * the enum's (documented) order, with zeros where no record falls: a dashboard never has to guess
 * whether a missing row means 0 or "not asked". The zero rows are made here, never in SQL.
 */

/**
 * For each key asked (a tambon, a fund), a row per category in `categories`' order: `make` builds it
 * from the SQL row of that key and category, or from nothing (its zeros) where SQL returned none.
 */
export function breakdowns<C, R extends Record<string, unknown>, T>(
  keys: readonly string[],
  categories: readonly C[],
  rows: readonly R[],
  columns: { key: keyof R; category: keyof R },
  make: (key: string, category: C, row: R | undefined) => T,
): T[] {
  const found = new Map(rows.map((row) => [`${row[columns.key]}|${row[columns.category]}`, row]));
  return keys.flatMap((key) => categories.map((category) => make(key, category, found.get(`${key}|${category}`))));
}

/**
 * The exact median of a NUMERIC expression as an aggregate (NULLs left out): the middle value, or
 * the mean of the two middle ones, in NUMERIC, never through float. NULL over no row.
 */
export const medianSql = (expr: string): string => {
  const sorted = `(array_agg(${expr} ORDER BY ${expr}) FILTER (WHERE ${expr} IS NOT NULL))`;
  return `((${sorted}[(count(${expr}) + 1) / 2] + ${sorted}[(count(${expr}) + 2) / 2]) / 2)`;
};
