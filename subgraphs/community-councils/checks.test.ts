import { describe, expect, it } from "vitest";
import { refusalOf } from "../../test/unit";
import { linkageId } from "../kit/citizen-id";
import { dateWithin, personField, personOf, positiveBaht, tambonName } from "./checks";

const SECRET = "test-linkage-secret";
const CITIZEN = "3100600445635";
const LINKAGE = linkageId(SECRET, CITIZEN);

describe("naming a person", () => {
  it("a person named by citizen ID is recorded under the same linkage id every agency derives, never the ID itself", () => {
    const id = personOf({ citizenId: CITIZEN }, SECRET);
    expect(id).toBe(LINKAGE);
    expect(id).not.toContain(CITIZEN);
  });

  it("a person named by linkage id is taken as given", () => {
    expect(personOf({ personId: LINKAGE }, SECRET)).toBe(LINKAGE);
  });

  it("both or neither of personId and citizenId is refused (empty strings count as not given)", () => {
    const either = {
      code: "BAD_USER_INPUT",
      field: "personId",
      message: "personId: give either personId or citizenId, not both or neither",
    };
    expect(refusalOf(() => personOf({ personId: LINKAGE, citizenId: CITIZEN }, SECRET))).toEqual(either);
    expect(refusalOf(() => personOf({}, SECRET))).toEqual(either);
    expect(refusalOf(() => personOf({ personId: "", citizenId: null }, SECRET))).toEqual(either);
  });

  it("a linkage id must be 32 lowercase hex characters: upper case, 31 characters or a citizen ID are refused", () => {
    for (const personId of [LINKAGE.toUpperCase(), LINKAGE.slice(1), CITIZEN, `${LINKAGE}0`]) {
      expect(refusalOf(() => personOf({ personId }, SECRET)).message).toBe("personId: must be a linkage id (32 lowercase hex characters)");
    }
  });

  it("a citizen ID with a wrong check digit is refused, naming citizenId", () => {
    expect(refusalOf(() => personOf({ citizenId: "3100600445636" }, SECRET))).toEqual({
      code: "BAD_USER_INPUT",
      field: "citizenId",
      message: "citizenId: check digit does not match",
    });
  });

  it("an error about the person names the field the client used", () => {
    expect(personField({ personId: LINKAGE })).toBe("personId");
    expect(personField({ citizenId: CITIZEN })).toBe("citizenId");
  });
});

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
