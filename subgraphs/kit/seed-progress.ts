import type { EntityManager } from "typeorm";

/** How far a demo seed is: households of the population gone through, rows written so far (its transaction's). */
export type SeedProgress = (done: { households: number; rows: number }) => void;

/**
 * Counts a seed's progress for `report` (the seed script's progress bars). Rows are what the seed's
 * transaction inserted so far, as PostgreSQL counts them (`pg_stat_xact_user_tables`, the kept
 * figures' rows included), read after each batch: one statement a batch, none without `report`.
 */
export function seedTracker(m: EntityManager, report?: SeedProgress) {
  let households = 0;
  return {
    /** The population, counting each household as the seed takes it. */
    *households<T>(population: Iterable<T>): Generator<T> {
      for (const household of population) {
        households++;
        yield household;
      }
    },
    /** After a batch is written. */
    async written(): Promise<void> {
      if (!report) return;
      const [{ rows }] = await m.query("SELECT coalesce(sum(n_tup_ins), 0)::bigint AS rows FROM pg_stat_xact_user_tables");
      report({ households, rows: Number(rows) });
    },
  };
}
