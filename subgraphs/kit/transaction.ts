import type { DataSource, EntityManager } from "typeorm";
import { ConflictError } from "./errors";

/** A unique constraint's name → the input field it protects and the message for a duplicate. */
export type UniqueFields = Record<string, [field: string, reason: string]>;

/**
 * Runs one mutation in one transaction. A unique violation raised by a concurrent writer (the
 * check-then-insert race) becomes the same CONFLICT the resolver's own check would have given;
 * any error rolls everything back, so a refused mutation changes nothing.
 */
export async function inTransaction<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>, uniques: UniqueFields = {}): Promise<T> {
  try {
    return await ds.transaction(work);
  } catch (error) {
    const pg = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
    const unique = pg?.code === "23505" && pg.constraint ? uniques[pg.constraint] : undefined;
    if (unique) throw new ConflictError(...unique);
    throw error;
  }
}
