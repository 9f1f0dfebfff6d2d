import type { MiddlewareFn } from "type-graphql";
import { SMALLEST_SHOWN } from "../kit/authorization";
import { hasScope, scope, type Identity } from "../kit/identity";

/**
 * The farmers council's scopes: its records need READ, incomes (a household's money) PII,
 * writes WRITE. Tambon figures and crop prices are public aggregates.
 */
export const OWNER = "agriculture";
export const READ = scope.read(OWNER);
export const WRITE = scope.write(OWNER);
export const PII = scope.pii(OWNER);

/**
 * A statistic over few records (a median income of 1-4 crop cycles) would tell one household's
 * income: null for callers who may not see exact small counts, like SmallCount does for counts.
 */
export function SuppressedWhenFew<T>(countOf: (root: T) => number): MiddlewareFn<{ identity: Identity }> {
  return async ({ root, context }, next) => {
    const value = await next();
    const n = countOf(root as T);
    const exact = hasScope(context.identity, scope.exactCounts) || hasScope(context.identity, READ);
    return n > 0 && n < SMALLEST_SHOWN && !exact ? null : value;
  };
}
