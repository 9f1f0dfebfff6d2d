import { describe, expect, it } from "vitest";
import { breakdowns } from "./figures";

describe("a breakdown lists every category", () => {
  const rows = [
    { tambon: "490101", level: 4, n: 7 },
    { tambon: "490101", level: 2, n: 3 },
    { tambon: "490102", level: 1, n: 1 },
    { tambon: "490199", level: 1, n: 9 }, // a key not asked for
    { tambon: "490101", level: 9, n: 5 }, // a category not listed
  ];
  const make = (tambon: string, level: number, row?: { n: number }) => ({ tambon, level, households: row?.n ?? 0 });

  it("for each key asked, every category in order, with a zero row where no record falls", () => {
    expect(breakdowns(["490101", "490102"], [1, 2, 3, 4], rows, { key: "tambon", category: "level" }, make)).toEqual([
      make("490101", 1),
      make("490101", 2, { n: 3 }),
      make("490101", 3),
      make("490101", 4, { n: 7 }),
      make("490102", 1, { n: 1 }),
      make("490102", 2),
      make("490102", 3),
      make("490102", 4),
    ]);
  });

  it("with no rows at all, every category of every key is a zero row", () => {
    expect(breakdowns(["490103"], [1, 2], [] as typeof rows, { key: "tambon", category: "level" }, make)).toEqual([
      make("490103", 1),
      make("490103", 2),
    ]);
  });
});
