import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareFigures, type Difference, heldFigures, operation, selectionOf } from "./held-figures";
import { startHub, type TestHub } from "./hub";

/**
 * Every figure of TambonProfile and DistrictRollup, asked with exact rights (the provincial
 * analyst), against hand-written SQL on the five databases (held-figures.ts), on every tambon of
 * the demo data `npm start` seeds.
 */
let hub: TestHub;
let held: Awaited<ReturnType<typeof heldFigures>>;
beforeAll(async () => {
  hub = await startHub({ data: "demo" });
  held = await heldFigures(hub);
});
afterAll(() => hub?.stop());

const analyst = { role: "provincial-analyst" };
const report = (differences: Difference[]) => JSON.stringify(differences.slice(0, 20), null, 1);

describe("the published figures are the figures the databases hold", () => {
  it("TambonProfile: every figure of every one of the 53 tambons agrees with SQL on the five databases", async () => {
    const op = operation("TambonProfile");
    const differences: Difference[] = [];
    let figures = 0;
    for (const code of held.keys()) {
      const { data, errors } = await hub.query(op.query, { code }, analyst);
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      figures += compareFigures(held.get(code), data.tambon, selectionOf(op.query), code, differences);
    }
    expect(held.size).toBe(53);
    expect(figures).toBeGreaterThan(53 * 60);

    expect(differences, `${differences.length} of ${figures} figures differ: ${report(differences)}`).toEqual([]);
  });

  it("DistrictRollup: every figure of every tambon, district by district and province-wide, agrees with SQL", async () => {
    const op = operation("DistrictRollup");
    const differences: Difference[] = [];
    let figures = 0;
    const districts = [...new Set([...held.keys()].map((code) => code.slice(0, 4)))];
    for (const districtCode of [...districts, null]) {
      const { data, errors } = await hub.query(op.query, { districtCode }, analyst);
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      const codes = [...held.keys()].filter((code) => districtCode === null || code.startsWith(districtCode));
      expect(data.tambons.map((t: { code: string }) => t.code)).toEqual(codes);
      for (const [i, code] of codes.entries()) {
        figures += compareFigures(held.get(code), data.tambons[i], selectionOf(op.query), `${districtCode ?? "49"}:${code}`, differences);
      }
    }
    expect(districts).toHaveLength(7);

    expect(differences, `${differences.length} of ${figures} figures differ: ${report(differences)}`).toEqual([]);
  });
});
