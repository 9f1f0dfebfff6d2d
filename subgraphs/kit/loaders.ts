import DataLoader from "dataloader";

/**
 * Per-request loaders (created in the context factory, never shared between requests): every
 * `__resolveReference` and every to-many field goes through one, so a query costs a fixed number
 * of SQL statements whatever the number of rows.
 */

/** One row per key, `null` for a miss; `fetch` runs one SQL statement for the whole batch. */
export function keyedLoader<K, V>(fetch: (keys: K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch([...keys]);
    const byKey = new Map(rows.map((row) => [keyOf(row), row] as const));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** All rows per key (an empty list for a miss); `fetch` runs one SQL statement for the batch. */
export function groupedLoader<K, V>(fetch: (keys: K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const row of await fetch([...keys])) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key)!);
  });
}
