import { describe, expect, it } from "vitest";
import { demoIdentity as as } from "../../test/unit";
import {
  complementary,
  CountTotal,
  exactCount,
  exactMeasure,
  MeasureTotal,
  publicCount,
  publicMeasure,
  roundedCount,
  seesExact,
} from "./disclosure";
import type { Identity } from "./identity";

describe("what the public sees of a count", () => {
  it("0 stays 0, 1-4 is null (fewer than 5), and every other count is rounded to the nearest multiple of 5", () => {
    expect([0, 1, 2, 3, 4].map(roundedCount)).toEqual([0, null, null, null, null]);
    expect([5, 6, 7, 8, 12, 13, 17, 18, 100, 102, 103].map(roundedCount)).toEqual([5, 5, 5, 10, 10, 15, 15, 20, 100, 100, 105]);
  });

  it("a published count is always 0, null or a multiple of 5, and 0 only when there are none", () => {
    for (let n = 0; n <= 500; n++) {
      const shown = roundedCount(n);
      expect(shown === null || shown % 5 === 0).toBe(true);
      expect(shown === 0).toBe(n === 0);
      if (shown !== null) expect(Math.abs(shown - n)).toBeLessThanOrEqual(2);
    }
  });

  it("a total is the sum of its published parts (a hidden part counts 0), null when that is 0 with a part hidden", () => {
    expect(publicCount(new CountTotal([3, 10, 12, 0]))).toBe(20);
    expect(publicCount(new CountTotal([3, 2, 0]))).toBeNull();
    expect(publicCount(new CountTotal([0, 0]))).toBe(0);
    expect(exactCount(new CountTotal([3, 10, 12, 0]))).toBe(25);
  });

  it("a district's total is the sum of its tambons' published totals, the province's of its districts'", () => {
    const tambons = [new CountTotal([3, 8]), new CountTotal([1, 1]), new CountTotal([12, 0, 6])];
    const district = new CountTotal(tambons);
    expect(tambons.map(publicCount)).toEqual([10, null, 15]);
    expect(publicCount(district)).toBe(25);
    expect(publicCount(new CountTotal([district, new CountTotal([2])]))).toBe(25);
    expect(exactCount(new CountTotal([district, new CountTotal([2])]))).toBe(33);
  });
});

/** Every table of `size` parts with values 0..max, and its total. */
function* tables(size: number, max: number): Generator<number[]> {
  if (size === 0) return yield [];
  for (const rest of tables(size - 1, max)) for (let v = 0; v <= max; v++) yield [v, ...rest];
}

interface Scheme {
  part: (n: number) => number | null;
  total: (parts: number[]) => number | null;
}
const EXACT_TOTALS: Scheme = { part: (n) => (n > 0 && n < 5 ? null : n), total: (parts) => parts.reduce((a, b) => a + b, 0) };
const ROUNDED_ALONE: Scheme = { part: roundedCount, total: (parts) => roundedCount(parts.reduce((a, b) => a + b, 0)) };
const OURS: Scheme = { part: roundedCount, total: (parts) => publicCount(new CountTotal(parts)) };

/**
 * What an attacker can tell of a hidden part: its values in every table of 0-20 per part that
 * publishes exactly what `parts` publishes under `scheme` (the total and every part).
 */
function candidates(parts: number[], hidden: number, scheme: Scheme): number[] {
  const view = (values: number[]) => JSON.stringify([scheme.total(values), ...values.map(scheme.part)]);
  const seen = view(parts);
  const found = new Set<number>();
  for (const world of tables(parts.length, 20)) if (view(world) === seen) found.add(world[hidden]);
  return [...found].sort();
}

describe("no count of 1-4 can be worked out from a total and its parts", () => {
  it("as the hub published it before, an exact total gave a hidden part away: 26 households, levels null, 10, 12", () => {
    expect(candidates([4, 10, 12], 0, EXACT_TOTALS)).toEqual([4]);
  });

  it("rounding the total on its own gives one away too: a total of 20 (22) with parts null (1), 10 (8) and 15 (13)", () => {
    expect([22, 1, 8, 13].map(roundedCount)).toEqual([20, null, 10, 15]);
    expect(candidates([1, 8, 13], 0, ROUNDED_ALONE)).toEqual([1]);
    expect(candidates([1, 8, 13], 0, OURS)).toEqual([1, 2, 3, 4]);
  });

  it("with totals made of published parts, every hidden part of every table of 3 parts up to 15 could be any of 1-4", () => {
    let hiddenParts = 0;
    for (const parts of tables(3, 15)) {
      const published = (values: number[]) => [publicCount(new CountTotal(values)), ...values.map(roundedCount)];
      for (const [i, p] of parts.entries()) {
        if (p < 1 || p > 4) continue;
        hiddenParts++;
        for (const v of [1, 2, 3, 4]) expect(published(parts.map((x, j) => (j === i ? v : x)))).toEqual(published(parts));
      }
    }
    expect(hiddenParts).toBe(3 * 4 * 16 * 16); // each position, each hidden value, the others 0-15
  });

  it("the same holds a level up: changing one tambon's hidden count leaves the district's figures as they were", () => {
    const district = (a: number) => [new CountTotal([a, 7]), new CountTotal([12, 2]), new CountTotal([0, 9])];
    const seen = (a: number) => [publicCount(new CountTotal(district(a))), ...district(a).map(publicCount)];
    for (const a of [1, 2, 3, 4]) expect(seen(a)).toEqual(seen(1));
  });
});

describe("money, areas and medians need 5 contributors", () => {
  const baht = (value: bigint, contributors: number) => ({ value, contributors });

  it("a figure over 1-4 contributors is hidden; over none it is shown (zero); over 5 or more it is shown exact", () => {
    expect(publicMeasure(baht(1_900_000n, 4))).toBeNull();
    expect(publicMeasure(baht(0n, 0))).toBe(0n);
    expect(publicMeasure(baht(9_500_000n, 5))).toBe(9_500_000n);
    expect(publicMeasure({ value: "12500.00", contributors: 4 })).toBeNull();
  });

  it("a sum of magnitudes is the sum of the published parts, null when none is shown and one is hidden", () => {
    const total = new MeasureTotal([baht(100n, 3), baht(500n, 6), baht(0n, 0)]);
    expect(publicMeasure(total)).toBe(500n);
    expect(exactMeasure(total)).toBe(600n);
    expect(publicMeasure(new MeasureTotal([baht(100n, 3), baht(0n, 0)]))).toBeNull();
    expect(publicMeasure(new MeasureTotal([baht(100n, 7), { ...baht(200n, 9), withheld: true }]))).toBe(100n);
  });

  it("a breakdown with a published total hides a second cell when one alone is hidden (complementary suppression)", () => {
    const cells = (...contributors: number[]) => contributors.map((n) => ({ contributors: n, side: 0 as const }));
    expect(complementary(cells(3, 5, 9))).toEqual([true, true, false]); // 5 is the smallest complement
    expect(complementary(cells(3, 0, 9))).toEqual([true, false, true]); // a zero cell protects nothing
    expect(complementary(cells(2, 1, 9, 12))).toEqual([true, true, true, false]); // 2 + 1 < 5: one more
    expect(complementary(cells(3, 4, 9))).toEqual([true, true, false]); // two hidden, 7 together
    expect(complementary(cells(6, 9))).toEqual([false, false]);
  });

  it("with two breakdowns of the same money, a hidden cell on each side protects both", () => {
    const tambons = [
      { contributors: 3, side: 0 as const },
      { contributors: 20, side: 0 as const },
    ];
    const years = [
      { contributors: 2, side: 1 as const },
      { contributors: 21, side: 1 as const },
    ];
    expect(complementary([...tambons, ...years])).toEqual([true, false, true, false]);
    expect(complementary([...tambons, { contributors: 23, side: 1 }])).toEqual([true, true, false]);
  });
});

/** The counts 0-6, each as `identity` would be shown `owner`'s figures. */
const seen = (identity: Identity, owner: string) => [0, 1, 2, 3, 4, 5, 6].map((n) => (seesExact(identity, owner) ? n : roundedCount(n)));
const PUBLIC = [0, null, null, null, null, 5, 5];
const EXACT = [0, 1, 2, 3, 4, 5, 6];

describe("who sees exact figures", () => {
  it("the public sees every agency's counts rounded", () => {
    for (const owner of ["social-development", "housing", "agriculture", "community-councils"]) {
      expect(seen(as("public"), owner)).toEqual(PUBLIC);
    }
  });

  it("an agency's own staff see its exact counts, and another agency's rounded", () => {
    expect(seen(as("housing-officer"), "housing")).toEqual(EXACT);
    expect(seen(as("housing-officer"), "community-councils")).toEqual(PUBLIC);
    expect(seen(as("farmers-council-officer"), "agriculture")).toEqual(EXACT);
    expect(seen(as("farmers-council-officer"), "housing")).toEqual(PUBLIC);
  });

  it("a read grant from the owning agency shows its exact counts (the district committee reads housing's)", () => {
    expect(seen(as("district-screening-committee"), "housing")).toEqual(EXACT);
    expect(seen(as("district-screening-committee"), "agriculture")).toEqual(PUBLIC);
  });

  it("a provincial analyst with aggregates:exact sees every agency's exact counts, without any read scope", () => {
    for (const owner of ["social-development", "housing", "agriculture", "community-councils"]) {
      expect(seen(as("provincial-analyst"), owner)).toEqual(EXACT);
    }
  });

  it("writing or auditing rights alone do not lift disclosure control", () => {
    const writerOnly: Identity = { ...as("housing-officer"), scopes: ["housing:write", "housing:pii"] };
    expect(seen(writerOnly, "housing")).toEqual(PUBLIC);
    expect(seen(as("data-protection-officer"), "housing")).toEqual(PUBLIC);
  });
});

/**
 * The guard that no figure skips the rule: every number (Int, Float) and every amount of baht a
 * public caller can reach in the committed supergraph is declared with the kit's fields (its
 * description then says how the public sees it), or is listed in SHOWN_EXACT with a reason.
 */
