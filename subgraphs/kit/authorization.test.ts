import { describe, expect, it } from "vitest";
import { hidesFew, SMALLEST_SHOWN, SmallCount, SuppressedWhenFew } from "./authorization";
import type { Identity } from "./identity";
import { demoIdentity as as } from "../../test/unit";

/** The counts 0-6, each marked hidden or shown for `identity`'s view of `owner`'s figures. */
const seen = (identity: Identity, owner: string) => [0, 1, 2, 3, 4, 5, 6].map((n) => (hidesFew(identity, owner, n) ? null : n));
const SUPPRESSED = [0, null, null, null, null, 5, 6];
const EXACT = [0, 1, 2, 3, 4, 5, 6];

describe("small-count suppression", () => {
  it("counts from 1 to 4 could point at a household: 5 is the smallest shown to the public", () => {
    expect(SMALLEST_SHOWN).toBe(5);
    expect(seen(as("public"), "housing")).toEqual(SUPPRESSED);
  });

  it("the public sees every agency's 1-4 counts suppressed, and zero as zero", () => {
    for (const owner of ["social-development", "housing", "agriculture", "community-councils"]) {
      expect(seen(as("public"), owner)).toEqual(SUPPRESSED);
    }
  });

  it("an agency's own staff see its exact counts, and another agency's suppressed", () => {
    expect(seen(as("housing-officer"), "housing")).toEqual(EXACT);
    expect(seen(as("housing-officer"), "community-councils")).toEqual(SUPPRESSED);
    expect(seen(as("farmers-council-officer"), "agriculture")).toEqual(EXACT);
    expect(seen(as("farmers-council-officer"), "housing")).toEqual(SUPPRESSED);
  });

  it("a read grant from the owning agency shows its exact counts (the district committee reads housing's)", () => {
    expect(seen(as("district-screening-committee"), "housing")).toEqual(EXACT);
    expect(seen(as("district-screening-committee"), "agriculture")).toEqual(SUPPRESSED);
  });

  it("a provincial analyst with aggregates:exact sees every agency's exact counts, without any read scope", () => {
    for (const owner of ["social-development", "housing", "agriculture", "community-councils"]) {
      expect(seen(as("provincial-analyst"), owner)).toEqual(EXACT);
    }
  });

  it("writing or auditing rights alone do not lift suppression", () => {
    const writerOnly: Identity = { ...as("housing-officer"), scopes: ["housing:write", "housing:pii"] };
    expect(seen(writerOnly, "housing")).toEqual(SUPPRESSED);
    expect(seen(as("data-protection-officer"), "housing")).toEqual(SUPPRESSED);
  });
});

describe("suppression on fields", () => {
  // The middleware only reads the caller's identity from the context.
  const run = async (middleware: ReturnType<typeof SmallCount>, identity: Identity, value: unknown, root: unknown = {}) =>
    middleware({ context: { identity }, root } as never, async () => value);

  it("a count field of 3 reads null for the public and 3 for the owner; 5 reads 5 for both", async () => {
    const field = SmallCount("housing");
    expect(await run(field, as("public"), 3)).toBeNull();
    expect(await run(field, as("housing-officer"), 3)).toBe(3);
    expect(await run(field, as("public"), 5)).toBe(5);
  });

  it("a field that is not a count (null, a list) passes through untouched", async () => {
    const field = SmallCount("housing");
    expect(await run(field, as("public"), null)).toBeNull();
    expect(await run(field, as("public"), [1, 2])).toEqual([1, 2]);
  });

  it("a median income over 4 sales is hidden from the public, over 5 it is shown", async () => {
    const median = SuppressedWhenFew<{ sales: number }>("agriculture", (row) => row.sales);
    expect(await run(median, as("public"), "12500.00", { sales: 4 })).toBeNull();
    expect(await run(median, as("public"), "12500.00", { sales: 5 })).toBe("12500.00");
    expect(await run(median, as("farmers-council-officer"), "12500.00", { sales: 1 })).toBe("12500.00");
  });
});
