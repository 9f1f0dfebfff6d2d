import { describe, expect, it } from "vitest";
import { cropSeason, cropYearOf, lastCompletedCropYear } from "./season";

describe("crop years (ปีการผลิต)", () => {
  it("crop year 2025 runs 1 April 2025 to 31 March 2026 and reads 2568/69 in the Buddhist Era", () => {
    expect(cropSeason(2025)).toEqual({ cropYear: 2025, cropYearBE: "2568/69", startsOn: "2025-04-01", endsOn: "2026-03-31" });
  });

  it("the second year of the BE label keeps two digits across a century: 2599/00, 2600/01", () => {
    expect(cropSeason(2056).cropYearBE).toBe("2599/00");
    expect(cropSeason(2057).cropYearBE).toBe("2600/01");
  });

  it("a harvest on 31 March counts in the season that began the April before; one on 1 April starts the next", () => {
    expect(cropYearOf("2026-03-31")).toBe(2025);
    expect(cropYearOf("2026-04-01")).toBe(2026);
  });

  it("main-season rice harvested in November and cassava harvested the next February fall in the same season", () => {
    expect(cropYearOf("2025-11-20")).toBe(2025);
    expect(cropYearOf("2026-02-15")).toBe(2025);
    expect(cropYearOf("2026-01-01")).toBe(2025);
  });

  it("every date of a season falls in that season", () => {
    const { startsOn, endsOn } = cropSeason(2024);
    const outside: string[] = [];
    for (let d = new Date(`${startsOn}T00:00:00Z`); d.toISOString().slice(0, 10) <= endsOn; d.setUTCDate(d.getUTCDate() + 1)) {
      if (cropYearOf(d.toISOString().slice(0, 10)) !== 2024) outside.push(d.toISOString().slice(0, 10));
    }
    expect(outside).toEqual([]);
  });

  it("last season is the latest that has ended: on 1 April 2026 that is 2025/26, on 31 March 2026 still 2024/25", () => {
    expect(lastCompletedCropYear("2026-04-01")).toBe(2025);
    expect(lastCompletedCropYear("2026-03-31")).toBe(2024);
  });
});
