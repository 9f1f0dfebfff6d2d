import { describe, expect, it } from "vitest";
import { refusalOf } from "../../test/unit";
import { areaText, plotArea, raiOf, squareWaOf } from "./area";

describe("land areas in rai, ngan and square wa", () => {
  it("a plot of 5,145 square wa is 12 rai 3 ngan 45 wa, written 12-3-45, and 12.8625 rai", () => {
    expect(plotArea(5145)).toEqual({ rai: 12, ngan: 3, squareWa: 45, totalSquareWa: 5145, decimalRai: 12.8625 });
    expect(areaText(5145)).toBe("12-3-45 (rai-ngan-wa)");
  });

  it("at the unit boundaries: 99 wa is 0-0-99, 100 wa one ngan, 399 wa 0-3-99, 400 wa one rai", () => {
    expect(areaText(99)).toBe("0-0-99 (rai-ngan-wa)");
    expect(areaText(100)).toBe("0-1-0 (rai-ngan-wa)");
    expect(areaText(399)).toBe("0-3-99 (rai-ngan-wa)");
    expect(areaText(400)).toBe("1-0-0 (rai-ngan-wa)");
    expect(plotArea(1).decimalRai).toBe(0.0025);
  });

  it("every area up to 100 rai converts to rai-ngan-wa and back to the same square wa, and its decimal rai has at most 4 decimals", () => {
    const wrong: number[] = [];
    for (let sqWa = 0; sqWa <= 40_000; sqWa++) {
      const a = plotArea(sqWa);
      const parts = a.ngan <= 3 && a.squareWa <= 99 && a.rai * 400 + a.ngan * 100 + a.squareWa === sqWa;
      if (!parts || !/^\d+(\.\d{1,4})?$/.test(String(a.decimalRai))) wrong.push(sqWa);
    }
    expect(wrong).toEqual([]);
  });

  it("an area typed as rai, ngan and wa is stored in square wa, the largest being 100,000 rai 3 ngan 99 wa", () => {
    expect(squareWaOf("area", { rai: 12, ngan: 3, squareWa: 45 })).toBe(5145);
    expect(squareWaOf("area", { rai: 0, ngan: 0, squareWa: 1 })).toBe(1);
    expect(squareWaOf("area", { rai: 100_000, ngan: 3, squareWa: 99 })).toBe(40_000_399);
  });

  it("4 ngan or 100 wa are refused: they belong in the next unit up, and the field names the part at fault", () => {
    expect(refusalOf(() => squareWaOf("plots[0].area", { rai: 1, ngan: 4, squareWa: 0 }))).toEqual({
      code: "BAD_USER_INPUT",
      field: "plots[0].area.ngan",
      message: "plots[0].area.ngan: must be a whole number from 0 to 3",
    });
    expect(refusalOf(() => squareWaOf("area", { rai: 1, ngan: 0, squareWa: 100 })).field).toBe("area.squareWa");
  });

  it("a negative, fractional or over-large number of rai is refused", () => {
    for (const rai of [-1, 1.5, 100_001]) {
      expect(refusalOf(() => squareWaOf("area", { rai, ngan: 0, squareWa: 0 })).message).toBe(
        "area.rai: must be a whole number from 0 to 100000",
      );
    }
  });

  it("an area of nothing (0-0-0) is refused", () => {
    expect(refusalOf(() => squareWaOf("plantedArea", { rai: 0, ngan: 0, squareWa: 0 }))).toEqual({
      code: "BAD_USER_INPUT",
      field: "plantedArea",
      message: "plantedArea: must be more than 0",
    });
  });

  it("areas are summed in whole square wa and turned into rai once: no float noise such as 676.5600000000001", () => {
    // Crops of a tambon: their rai summed as floats drift off the exact total, their square wa do not.
    const sum = (crops: number[]) => ({
      asRai: crops.map(raiOf).reduce((a, b) => a + b, 0),
      asSquareWa: raiOf(crops.reduce((a, b) => a + b, 0)),
    });
    expect(sum([1_111, 269_513])).toEqual({ asRai: 676.5600000000001, asSquareWa: 676.56 });
    expect(sum([1_574, 297_499, 50_000])).toEqual({ asRai: 872.6824999999999, asSquareWa: 872.6825 });
    expect(raiOf(349_073n)).toBe(872.6825);
  });

  it("any sum of square wa up to a province's farmland, shown in rai, is its exact decimal with at most 4 decimals", () => {
    const wrong: number[] = [];
    for (let sqWa = 0; sqWa <= 1_200_000_000; sqWa += 9_973_331) {
      for (const n of [sqWa, sqWa + 1, sqWa + 2, sqWa + 3]) {
        const exact = `${Math.floor(n / 400)}.${String((n % 400) * 25).padStart(4, "0")}`.replace(/\.?0+$/, "");
        if (String(raiOf(n)) !== exact) wrong.push(n);
      }
    }
    expect(wrong).toEqual([]);
  });
});
