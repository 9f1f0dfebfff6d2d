import { hasScope, scope, type Identity } from "./identity";

/**
 * Statistical disclosure control: what a public caller (no `aggregates:exact`, not the owning
 * agency) may see of a figure, so that no count of 1-4, and no money, area or median over 1-4
 * contributors, can be read or worked out by combining published figures (README, "Aggregates and
 * disclosure control").
 *
 * - A count (a cell) is rounded to base 5: 0 stays 0, 1-4 is null ("fewer than 5"), and every other
 *   count is the nearest multiple of 5 (5-7 → 5, 8-12 → 10, …).
 * - A total is never rounded on its own: it is the sum of its parts as published (a null part counts
 *   0), and null when that sum is 0 while a part is null. It is a function of published figures only,
 *   so it tells nothing they do not; rounding totals separately would not do (see the unit test).
 *   Totals of totals (a district of its tambons, the province of its districts) are built the same way.
 * - A magnitude (baht, rai, a median) is null when it rests on 1-4 contributors (households,
 *   farmers, people); a sum of magnitudes is the sum of its published parts, like a count total.
 * Callers with exact rights get every figure exact, totals as the true sums.
 */
export const BASE = 5;

/** A total of counts: its exact value is the sum of its parts, its public value the sum of theirs. */
export class CountTotal {
  constructor(readonly parts: readonly Count[]) {}
}
export type Count = number | CountTotal;

/** A money, area or median figure and how many records (households, farmers, people) it rests on. */
export interface Measure<V> {
  value: V;
  contributors: number;
  /** Hidden from the public whatever its contributors (secondary suppression, see `complementary`). */
  withheld?: boolean;
}

/** A sum of measures (baht in satang, areas in square wa): published as the sum of its published parts. */
export class MeasureTotal {
  constructor(readonly parts: readonly (Measure<bigint> | MeasureTotal)[]) {}
}

export const fewContributors = (n: number): boolean => n > 0 && n < BASE;

/** What the public is shown of a count of records. */
export function roundedCount(n: number): number | null {
  if (n === 0) return 0;
  return n < BASE ? null : Math.round(n / BASE) * BASE;
}

export const exactCount = (count: Count): number =>
  typeof count === "number" ? count : count.parts.reduce((sum: number, part) => sum + exactCount(part), 0);

/** The sum of the published parts; null when that is 0 and a part is hidden (0 always means none). */
function publishedSum<V>(shown: (V | null)[], zero: V, add: (a: V, b: V) => V, isZero: (v: V) => boolean): V | null {
  const sum = shown.reduce((total: V, v) => (v === null ? total : add(total, v)), zero);
  return isZero(sum) && shown.includes(null) ? null : sum;
}

export function publicCount(count: Count): number | null {
  if (typeof count === "number") return roundedCount(count);
  return publishedSum(
    count.parts.map(publicCount),
    0,
    (a, b) => a + b,
    (n) => n === 0,
  );
}

export const exactMeasure = (m: Measure<bigint> | MeasureTotal): bigint =>
  m instanceof MeasureTotal ? m.parts.reduce((sum: bigint, part) => sum + exactMeasure(part), 0n) : m.value;

export function publicMeasure<V>(m: Measure<V>): V | null;
export function publicMeasure(m: Measure<bigint> | MeasureTotal): bigint | null;
export function publicMeasure<V>(m: Measure<V> | MeasureTotal): V | bigint | null {
  if (!(m instanceof MeasureTotal)) return m.withheld || fewContributors(m.contributors) ? null : m.value;
  return publishedSum(
    m.parts.map((p) => publicMeasure(p)),
    0n,
    (a, b) => a + b,
    (n) => n === 0n,
  );
}

/** True when the caller sees `owner`'s figures exact: the owning agency's staff, or `aggregates:exact`. */
export const seesExact = (identity: Identity, owner: string): boolean =>
  hasScope(identity, scope.exactCounts) || hasScope(identity, scope.read(owner));

/**
 * Secondary suppression for magnitudes tied by one published equation (a breakdown and its
 * published total, or two breakdowns of the same money: by tambon and by programme-year): the
 * cells of 1-4 contributors are hidden, then, while the equation would still give away one hidden
 * cell, or a group of hidden cells on one side with fewer than 5 contributors, the shown cell with
 * the fewest contributors on that side (else the other side) is hidden as well. Returns the
 * hidden flags, in the order of `cells`; zero cells are never hidden (their counts say they are 0).
 */
export function complementary(cells: readonly { contributors: number; side: 0 | 1 }[]): boolean[] {
  const hidden = cells.map((c) => fewContributors(c.contributors));
  const unsafe = () => {
    const h = cells.filter((_, i) => hidden[i]);
    if (h.length === 0) return false;
    const oneSide = h.every((c) => c.side === h[0].side);
    return h.length === 1 || (oneSide && h.reduce((n, c) => n + c.contributors, 0) < BASE);
  };
  while (unsafe()) {
    const side = cells.find((_, i) => hidden[i])!.side;
    const [pick] = cells
      .map((c, i) => ({ c, i }))
      .filter(({ c, i }) => !hidden[i] && c.contributors > 0)
      .sort((a, b) => Number(b.c.side === side) - Number(a.c.side === side) || a.c.contributors - b.c.contributors);
    if (!pick) break; // everything non-zero is hidden already
    hidden[pick.i] = true;
  }
  return hidden;
}
