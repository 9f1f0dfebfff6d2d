import { describe, expect, it } from "vitest";
import { refusalOf } from "../../test/unit";
import { dateWithin, positiveBaht, tambonName } from "./checks";

describe("a council member's term", () => {
  it("a term may end up to 4 years after it starts, to the day", () => {
    expect(dateWithin("termEnd", "2029-06-01", "2025-06-01", 4)).toBe("2029-06-01");
    expect(dateWithin("termEnd", "2025-06-02", "2025-06-01", 4)).toBe("2025-06-02");
  });

  it("a term ending the day after 4 years is refused", () => {
    expect(refusalOf(() => dateWithin("termEnd", "2029-06-02", "2025-06-01", 4))).toEqual({
      code: "BAD_USER_INPUT",
      field: "termEnd",
      message: "termEnd: must not be more than 4 years after 2025-06-01",
    });
  });

  it("a term ending the day it starts, or before, is refused", () => {
    for (const end of ["2025-06-01", "2025-05-31"]) {
      expect(refusalOf(() => dateWithin("termEnd", end, "2025-06-01", 4)).message).toBe("termEnd: must be after 2025-06-01");
    }
  });

  it("a term starting on 29 February may run to 28 February four years on, a leap year later to the 29th", () => {
    expect(dateWithin("termEnd", "2028-02-29", "2024-02-29", 4)).toBe("2028-02-29");
    expect(dateWithin("termEnd", "2025-02-28", "2024-02-29", 1)).toBe("2025-02-28");
    expect(refusalOf(() => dateWithin("termEnd", "2025-03-01", "2024-02-29", 1)).field).toBe("termEnd");
  });

  it("an end date that is not a calendar date is refused as such", () => {
    expect(refusalOf(() => dateWithin("termEnd", "2027-02-30", "2025-06-01", 4)).message).toBe(
      "termEnd: must be a calendar date written YYYY-MM-DD (Gregorian)",
    );
  });
});

describe("fund movements", () => {
  it("a movement of one satang up to the maximum is accepted; 0 and one satang over are refused", () => {
    expect(positiveBaht("amount", "0.01", "10000000")).toBe("0.01");
    expect(positiveBaht("amount", "10000000", "10000000")).toBe("10000000.00");
    expect(refusalOf(() => positiveBaht("amount", "0", "10000000")).message).toBe("amount: must be more than 0 baht");
    expect(refusalOf(() => positiveBaht("amount", "10000000.01", "10000000")).message).toBe("amount: must not exceed 10000000 baht");
  });
});

describe("names the council network writes for a tambon", () => {
  it("a tambon's Thai name comes from the reference data", () => {
    expect(tambonName("490101")).toBe("มุกดาหาร");
    expect(tambonName("490102")).toBe("ศรีบุญเรือง");
  });
});
