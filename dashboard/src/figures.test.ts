import { describe, expect, it } from "vitest";
import {
  agenciesDown,
  bahtSum,
  csv,
  fiscalYearBE,
  indicator,
  outcomeVariables,
  placeFigures,
  planYears,
  publishedSum,
  type TambonFigures,
} from "./figures";
import { formats } from "./i18n";

const tambon = (code: string, level1: number | null, households: number | null, extra: Partial<TambonFigures> = {}): TambonFigures => ({
  code,
  nameTh: `ต${code}`,
  nameEn: `T${code}`,
  district: { code: code.slice(0, 4), nameTh: "อ", nameEn: "D" },
  registry: {
    householdCount: households,
    householdsNotAssessed: 0,
    householdsByPovertyLevel: [1, 2, 3, 4].map((level) => ({ level, households: level === 1 ? level1 : 10 })),
    vulnerablePeople: { people: 100, elderly: null, childrenUnder7: 5, disabled: 0, bedridden: null },
  },
  housing: null,
  agriculture: null,
  councils: null,
  ...extra,
});

describe("a district's figures from its tambons' published ones", () => {
  it("adds the published parts, like the hub: a hidden part counts 0 and marks the total", () => {
    expect(publishedSum([5, null, 10])).toEqual({ value: 15, hidden: true });
    expect(publishedSum([5, 10])).toEqual({ value: 15, hidden: false });
    // 0 always means none: a sum of 0 with a hidden part is itself hidden.
    expect(publishedSum([0, null])).toEqual({ value: null, hidden: true });
    expect(publishedSum([0, 0])).toEqual({ value: 0, hidden: false });
  });

  it("adds baht in satang, exactly", () => {
    expect(bahtSum(["0.10", "0.20"]).value).toBe("0.30");
    expect(bahtSum(["1282756.00", null]).value).toBe("1282756.00");
    expect(bahtSum([null]).value).toBeNull();
  });

  it("gives each level the sum of the tambons' levels, and no section where no tambon had one", () => {
    const place = placeFigures([tambon("490201", 5, 45), tambon("490202", null, 40)]);
    expect(place.registry?.levels[0]).toEqual({ value: 5, hidden: true });
    expect(place.registry?.householdCount).toEqual({ value: 85, hidden: false });
    expect(place.registry?.elderly).toEqual({ value: null, hidden: true });
    expect(place.housing).toBeNull();
  });
});

describe("the map's indicators", () => {
  it("a hidden count of 1-4 gives the interval its share can lie in", () => {
    expect(indicator("hardship", tambon("490201", null, 40))).toEqual({ lo: 1 / 40, hi: 4 / 40 });
    expect(indicator("hardship", tambon("490201", 10, 40))).toEqual({ lo: 0.25, hi: 0.25 });
    expect(indicator("hardship", tambon("490201", 0, 0))).toBeNull();
    expect(indicator("hardship", tambon("490201", 5, null))).toBeNull();
  });
});

describe("an agency that did not answer", () => {
  const down = { message: "connection refused", path: ["tambons", 0, "housing"], extensions: { code: "INTERNAL_SERVER_ERROR" } };
  it("is down when its sections are null and an error points into them (or names its service)", () => {
    const tambons = [tambon("490201", 5, 45), tambon("490202", 5, 40)];
    expect([...agenciesDown(tambons, [down])]).toEqual(["housing"]);
    const named = { message: "x", extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "agriculture" } };
    expect([...agenciesDown(tambons, [named])]).toEqual(["agriculture"]);
  });
  it("is down when today's gateway answers a bare error: the null sections (or root fields) say whose", () => {
    const bare = { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
    const tambons = [tambon("490201", 5, 45)];
    expect([...agenciesDown(tambons, [bare])].sort()).toEqual(["agriculture", "councils", "housing"]);
    const whole = (t: TambonFigures): TambonFigures => ({
      ...t,
      agriculture: { farmerCount: 0, crops: { season: { cropYearBE: "2568/69", endsOn: "2026-03-31" }, totalPlantedRai: 0, byCrop: [] } },
      councils: { council: null, trainedChangeLeaders: 0, welfareFundMembers: 0, welfareFundBalance: null, codiGrantsTotal: "0.00" },
      housing: {
        surveyedHouseholds: 5,
        unsafeHousing: 0,
        insecureTenure: 0,
        openCases: 0,
        casesByStage: [],
        budgetApproved: null,
        budgetSpent: null,
      },
    });
    expect([...agenciesDown([whole(tambons[0])], [bare], { programmeBudgets: null })]).toEqual(["housing"]);
    expect(agenciesDown([whole(tambons[0])], [bare], { programmeBudgets: [] }).size).toBe(0);
  });
  it("is not down for a forbidden field, nor for an error while its sections arrived", () => {
    const forbidden = {
      message: "needs a scope",
      path: ["households", "nodes", 0, "housingCases"],
      extensions: { code: "FORBIDDEN", serviceName: "housing" },
    };
    const tambons = [tambon("490201", 5, 45)];
    expect(agenciesDown(tambons, [forbidden]).size).toBe(0);
    const withHousing = [
      tambon("490201", 5, 45, {
        housing: {
          surveyedHouseholds: 5,
          unsafeHousing: 0,
          insecureTenure: 0,
          openCases: 0,
          casesByStage: [],
          budgetApproved: null,
          budgetSpent: null,
        },
      }),
    ];
    expect(agenciesDown(withHousing, [down]).size).toBe(0);
  });
});

describe("formats", () => {
  it("shows a hidden count as <5 and hidden money as n<5, never 0 or blank", () => {
    for (const lang of ["th", "en"] as const) {
      expect(formats(lang).count(null)).toBe("<5");
      expect(formats(lang).baht(null)).toBe("n<5");
      expect(formats(lang).count(0)).toBe("0");
    }
  });
  it("Thai says ล้าน and the Buddhist year, English M and the common era", () => {
    expect(formats("th").baht("57021000.00")).toBe("57.02 ล้าน บาท");
    expect(formats("en").baht("57021000.00")).toBe("฿57.02M");
    expect(formats("th").date("2026-12-02")).toContain("2569");
    expect(formats("en").date("2026-12-02")).toContain("2026");
    expect(formats("th").count(12345)).toBe("12,345");
  });
  it("the Thai fiscal year starts on 1 October", () => {
    expect(fiscalYearBE(new Date("2026-09-30T12:00:00+07:00"))).toBe(2569);
    // Midnight in Mukdahan, still 30 September in UTC.
    expect(fiscalYearBE(new Date("2026-10-01T00:00:00+07:00"))).toBe(2570);
  });
  it("writes CSV by RFC 4180", () => {
    expect(csv([["a,b", 'say "x"', null, 5]])).toBe('"a,b","say ""x""",,5\r\n');
  });
});

describe("the district's outcomes and the tambon's plan", () => {
  it("asks for an agency's outcomes only with the registry's read grant and the agency's", () => {
    expect(outcomeVariables([])).toEqual({ housingOutcomes: false, agricultureOutcomes: false, councilsOutcomes: false });
    expect(outcomeVariables(["housing:read", "social-development:read"])).toEqual({
      housingOutcomes: true,
      agricultureOutcomes: false,
      councilsOutcomes: false,
    });
    expect(outcomeVariables(["housing:read", "agriculture:read", "community-councils:read"]).housingOutcomes).toBe(false);
  });

  it("asks for the plans of the current fiscal year (from 1 October, Bangkok time) and the one before, in CE", () => {
    expect(planYears(new Date("2026-09-30T16:59:00Z"))).toEqual({ fiscalYear: 2026, previousFiscalYear: 2025 });
    expect(planYears(new Date("2026-09-30T17:00:00Z"))).toEqual({ fiscalYear: 2027, previousFiscalYear: 2026 });
  });
});
