/**
 * A small seeded generator (mulberry32): the demo data must be identical for the same seed on
 * every machine, which Math.random cannot promise.
 */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Roughly normal (sum of uniforms), clamped to [0, 1]. */
  around(mean: number, spread: number): number {
    const n = (this.next() + this.next() + this.next() - 1.5) / 1.5;
    return Math.min(1, Math.max(0, mean + n * spread));
  }
}

const DAY_MS = 86_400_000;
/** Memo of ISO date → days since 1970 and back: the seeds ask for millions of dates over a few thousand days. */
const dayOf = new Map<string, number>();
const isoOf = new Map<number, string>();

/** An ISO date `daysBack` (a whole number) days before `from` (YYYY-MM-DD). */
export function isoDaysBefore(from: string, daysBack: number): string {
  if (!Number.isInteger(daysBack)) throw new RangeError(`not a whole number of days: ${daysBack}`);
  let day = dayOf.get(from);
  if (day === undefined) {
    day = Date.parse(`${from}T00:00:00Z`) / DAY_MS;
    if (!Number.isInteger(day)) throw new RangeError(`not an ISO date: "${from}"`);
    dayOf.set(from, day);
  }
  const target = day - daysBack;
  let iso = isoOf.get(target);
  if (iso === undefined) {
    iso = new Date(target * DAY_MS).toISOString().slice(0, 10);
    isoOf.set(target, iso);
  }
  return iso;
}
