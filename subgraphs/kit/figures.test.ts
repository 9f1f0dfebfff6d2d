import { describe, expect, it } from "vitest";
import { everyCategory } from "./figures";

describe("a breakdown lists every category", () => {
  const row = (level: number, households: number) => ({ level, households });

  it("in the order of the categories, with a zero row for each one no record falls in", () => {
    expect(
      everyCategory(
        [1, 2, 3, 4],
        [row(4, 7), row(2, 3)],
        (r) => r.level,
        (level) => row(level, 0),
      ),
    ).toEqual([row(1, 0), row(2, 3), row(3, 0), row(4, 7)]);
  });

  it("with no rows at all, every category is a zero row; a row of no known category is left out", () => {
    expect(
      everyCategory(
        ["A", "B"],
        [],
        (r: { k: string }) => r.k,
        (k) => ({ k }),
      ),
    ).toEqual([{ k: "A" }, { k: "B" }]);
    expect(
      everyCategory(
        ["A"],
        [{ k: "Z" }],
        (r) => r.k,
        (k) => ({ k }),
      ),
    ).toEqual([{ k: "A" }]);
  });
});
