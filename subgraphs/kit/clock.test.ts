import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ageOn, fiscalYearOf, fiscalYearStart, toBE, yearBE } from "./calendar";
import { civilDate, today, withClock, zoneClock } from "./clock";
import { loadConfig } from "./config";
import { isoDate } from "./validate";

/** Pins the process clock (vitest's fake Date; timers stay real). */
const pinClock = (instant: string) => vi.setSystemTime(new Date(instant));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("today is the date in Bangkok", () => {
  it("at 01:30 in Bangkok (18:30 UTC the day before) today is the Bangkok date, not the UTC one", () => {
    pinClock("2026-12-01T18:30:00Z");
    expect(new Date().toISOString().slice(0, 10)).toBe("2026-12-01"); // the trap this module avoids
    expect(today()).toBe("2026-12-02");
  });

  it("midnight in Bangkok starts the new day: 23:59:59 is still the day before", () => {
    pinClock("2026-12-01T16:59:59Z");
    expect(today()).toBe("2026-12-01");
    pinClock("2026-12-01T17:00:00Z");
    expect(today()).toBe("2026-12-02");
  });

  it("at 01:30 in Bangkok a record dated today is accepted and one dated tomorrow is refused, naming today", () => {
    pinClock("2026-12-01T18:30:00Z");
    expect(isoDate("assessedOn", "2026-12-02")).toBe("2026-12-02");
    expect(() => isoDate("assessedOn", "2026-12-03")).toThrow("assessedOn: must not be after 2026-12-02");
  });

  it("does not depend on the process's own time zone", () => {
    pinClock("2026-12-01T18:30:00Z");
    const zone = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles"; // Node re-reads TZ when it is set
      expect(new Date().getDate()).toBe(1);
      expect(today()).toBe("2026-12-02");
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("a clock passed in, or the clock a request runs with, reads its own zone", async () => {
    const instant = new Date("2026-12-01T18:30:00Z");
    expect(today({ timeZone: "Pacific/Honolulu", now: () => instant })).toBe("2026-12-01");
    expect(civilDate(instant, "UTC")).toBe("2026-12-01");
    expect(civilDate(instant, "Asia/Bangkok")).toBe("2026-12-02");

    pinClock("2026-12-01T18:30:00Z");
    const inHonolulu = await withClock(zoneClock("Pacific/Honolulu"), async () => {
      await new Promise((resolve) => setTimeout(resolve, 1)); // the clock follows the request across awaits
      expect(() => isoDate("paidOn", "2026-12-02")).toThrow("paidOn: must not be after 2026-12-01");
      return today();
    });
    expect(inHonolulu).toBe("2026-12-01");
    expect(today()).toBe("2026-12-02"); // outside the request: Bangkok again
  });
});

describe("ages on a birthday at 01:30 in Bangkok", () => {
  it("a person is a year older from the first minute of their birthday in Bangkok", () => {
    pinClock("2026-12-01T18:30:00Z"); // 2 December 2026, 01:30 in Bangkok
    expect(ageOn("1966-12-02", today())).toBe(60);
    expect(ageOn("1966-12-03", today())).toBe(59);
    expect(ageOn("2019-12-02", today())).toBe(7);
    expect(ageOn("2019-12-03", today())).toBe(6);
    expect(ageOn("2026-12-02", today())).toBe(0);
  });

  it("someone born on 29 February completes a year on 1 March in other years", () => {
    expect(ageOn("2020-02-29", "2027-02-28")).toBe(6);
    expect(ageOn("2020-02-29", "2027-03-01")).toBe(7);
    expect(ageOn("2020-02-29", "2028-02-29")).toBe(8);
  });
});

describe("the Thai fiscal year and the Buddhist Era, as of today in Bangkok", () => {
  it("at 01:30 in Bangkok on 1 October (18:30 UTC on 30 September) the new fiscal year 2570 has begun", () => {
    pinClock("2026-09-30T16:59:59Z"); // 23:59:59 on 30 September in Bangkok
    expect(fiscalYearOf(today())).toBe(2026);
    expect(toBE(fiscalYearOf(today()))).toBe(2569);

    pinClock("2026-09-30T18:30:00Z");
    expect(today()).toBe("2026-10-01");
    expect(fiscalYearOf(today())).toBe(2027);
    expect(toBE(fiscalYearOf(today()))).toBe(2570);
    expect(fiscalYearStart(2027)).toBe("2026-10-01");
  });

  it("at 01:30 in Bangkok on 1 January (18:30 UTC on 31 December) the year is already 2570 BE", () => {
    pinClock("2026-12-31T18:30:00Z");
    expect(yearBE(new Date().toISOString())).toBe(2569); // the UTC year would be a year behind
    expect(yearBE(today())).toBe(2570);
  });
});

describe("HUB_TIME_ZONE", () => {
  it("defaults to Asia/Bangkok and accepts any IANA zone, in its canonical spelling", () => {
    expect(loadConfig({}).timeZone).toBe("Asia/Bangkok");
    expect(loadConfig({ HUB_TIME_ZONE: "asia/bangkok" }).timeZone).toBe("Asia/Bangkok");
    expect(loadConfig({ HUB_TIME_ZONE: "UTC" }).timeZone).toBe("UTC");
  });

  it("an unknown zone or a bare offset stops the start with a clear error", () => {
    const refused = 'HUB_TIME_ZONE must be an IANA time zone name such as Asia/Bangkok, got "';
    expect(() => loadConfig({ HUB_TIME_ZONE: "Asia/Bangkk" })).toThrow(`${refused}Asia/Bangkk"`);
    expect(() => loadConfig({ HUB_TIME_ZONE: "ICT" })).toThrow(`${refused}ICT"`);
    // PostgreSQL would read "+07:00" POSIX-style, as UTC−7.
    expect(() => loadConfig({ HUB_TIME_ZONE: "+07:00" })).toThrow(`${refused}+07:00"`);
    expect(() => loadConfig({ HUB_TIME_ZONE: "Asia/Bangkok -c search_path=x" })).toThrow(refused);
  });
});
