import { describe, expect, it } from "vitest";
import { refusalOf } from "../../test/unit";
import { baht, toBahtString, toSatang } from "./money";

describe("amounts in baht", () => {
  it("an amount is stored with two decimals whether typed 19000, 19000.5 or 0019000.50", () => {
    expect(baht("amount", "19000")).toBe("19000.00");
    expect(baht("amount", "19000.5")).toBe("19000.50");
    expect(baht("amount", "0019000.50")).toBe("19000.50");
    expect(baht("amount", " 250.75 ")).toBe("250.75");
    expect(baht("amount", "0")).toBe("0.00");
  });

  it("the largest amount the database holds (12 digits of baht) is accepted, one digit more is refused", () => {
    expect(baht("amount", "999999999999.99")).toBe("999999999999.99");
    expect(refusalOf(() => baht("amount", "1000000000000"))).toMatchObject({ code: "BAD_USER_INPUT", field: "amount" });
  });

  it.each([
    ["", "empty"],
    ["-5", "negative"],
    ["+5", "signed"],
    ["1,000", "with a thousands separator"],
    ["5.123", "with a third decimal"],
    [".5", "without whole baht"],
    ["5.", "with a dangling point"],
    ["1e3", "in exponent notation"],
    ["๑๐๐", "in Thai digits"],
    ["100 บาท", "with a unit"],
    ["NaN", "not a number"],
  ])("an amount %j (%s) is refused naming the field and the expected form", (value) => {
    expect(refusalOf(() => baht("requestedBudget", value))).toEqual({
      code: "BAD_USER_INPUT",
      field: "requestedBudget",
      message: 'requestedBudget: must be an amount in baht with at most 2 decimals, e.g. "19000" or "18500.50"',
    });
  });

  it("a maximum is inclusive to the satang: 100000.00 passes a 100,000 baht cap, 100000.01 does not", () => {
    expect(baht("amount", "100000.00", { max: "100000" })).toBe("100000.00");
    expect(refusalOf(() => baht("amount", "100000.01", { max: "100000" }))).toEqual({
      code: "BAD_USER_INPUT",
      field: "amount",
      message: "amount: must not exceed 100000 baht",
    });
  });
});

describe("satang arithmetic", () => {
  it("amounts are counted in whole satang, exactly where floating point is not (0.10 + 0.20 = 0.30)", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toBahtString(toSatang("0.10") + toSatang("0.20"))).toBe("0.30");
    expect(toSatang("18500.5")).toBe(1_850_050n);
    expect(toSatang("18500.05")).toBe(1_850_005n);
  });

  it("amounts beyond what a float holds exactly keep every satang", () => {
    expect(toSatang("999999999999.99")).toBe(99_999_999_999_999n);
    expect(toBahtString(toSatang("999999999999.99") * 1000n)).toBe("999999999999990.00");
    expect(toBahtString(1_000_000_000n * toSatang("12.34"))).toBe("12340000000.00");
  });

  it("a shortfall is written with its sign and both decimals, and reads back as the same number of satang", () => {
    for (const satang of [-1n, -50n, -99n, -100n, -1_850_050n, 0n, 5n, 1_850_050n]) {
      expect(toSatang(toBahtString(satang))).toBe(satang);
    }
    expect(toBahtString(-5n)).toBe("-0.05");
    expect(toBahtString(-1_850_050n)).toBe("-18500.50");
  });
});
