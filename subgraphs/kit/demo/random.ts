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

/** An ISO date `daysBack` days before `from` (YYYY-MM-DD). */
export function isoDaysBefore(from: string, daysBack: number): string {
  const date = new Date(`${from}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - daysBack);
  return date.toISOString().slice(0, 10);
}
