import { describe, expect, it } from "vitest";
import { groupedLoader, keyedLoader } from "./loaders";

interface Row {
  code: string;
  n: number;
}
/** Rows as a query returns them: in no particular order, the keys it has no row for left out. */
const table: Row[] = [
  { code: "b", n: 2 },
  { code: "a", n: 1 },
  { code: "b", n: 3 },
];
const fetcher = () => {
  const batches: string[][] = [];
  const fetch = async (keys: string[]) => {
    batches.push(keys);
    return table.filter((row) => keys.includes(row.code));
  };
  return { batches, fetch };
};

describe("per-request loaders", () => {
  it("references asked for in one tick are fetched in one batch, each key once", async () => {
    const { batches, fetch } = fetcher();
    const load = keyedLoader(fetch, (r) => r.code);
    await Promise.all(["a", "a", "zz", "a"].map((key) => load.load(key)));
    expect(batches).toEqual([["a", "zz"]]);
  });

  it("each reference gets its own row whatever order the rows came back in, and null for a missing one", async () => {
    const { fetch } = fetcher();
    const load = keyedLoader(fetch, (r) => r.code);
    expect(await load.loadMany(["zz", "a"])).toEqual([null, { code: "a", n: 1 }]);
  });

  it("a to-many field gets all its rows in the query's order, and an empty list when there are none", async () => {
    const { batches, fetch } = fetcher();
    const load = groupedLoader(fetch, (r) => r.code);
    expect(await Promise.all([load.load("b"), load.load("zz"), load.load("a")])).toEqual([
      [
        { code: "b", n: 2 },
        { code: "b", n: 3 },
      ],
      [],
      [{ code: "a", n: 1 }],
    ]);
    expect(batches).toHaveLength(1);
  });
});
