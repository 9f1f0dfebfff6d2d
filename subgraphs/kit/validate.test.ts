import { describe, expect, it } from "vitest";
import { refusalOf } from "../../test/unit";
import { geography } from "./geography";
import * as check from "./validate";

const bad = (field: string, reason: string) => ({ code: "BAD_USER_INPUT", field, message: `${field}: ${reason}` });

describe("codes of fixed length (house codes, farm book numbers)", () => {
  it("an 11-digit house code is accepted as it is, leading zeros kept", () => {
    expect(check.digits("houseCode", "49010100001", 11)).toBe("49010100001");
    expect(check.digits("houseCode", "00000000000", 11)).toBe("00000000000");
  });

  it.each([
    ["one digit short", "4901010000"],
    ["one digit over", "490101000011"],
    ["with a dash", "4901-010000"],
    ["with spaces around", " 49010100001"],
    ["in Thai digits", "๔๙๐๑๐๑๐๐๐๐๑"],
    ["empty", ""],
  ])("a house code %s is refused: it must be exactly 11 digits", (_, value) => {
    expect(refusalOf(() => check.digits("houseCode", value, 11))).toEqual(bad("houseCode", "must be exactly 11 digits"));
  });

  it("a farm book number is 12 digits: 11 or 13 are refused", () => {
    expect(check.digits("farmBookNumber", "490101000001", 12)).toBe("490101000001");
    expect(refusalOf(() => check.digits("farmBookNumber", "49010100000", 12)).message).toBe("farmBookNumber: must be exactly 12 digits");
    expect(refusalOf(() => check.digits("farmBookNumber", "4901010000011", 12)).field).toBe("farmBookNumber");
  });
});

describe("citizen IDs as arguments", () => {
  it("a valid ID passes; a wrong length and a wrong check digit are refused with different reasons", () => {
    expect(check.citizenId("citizenId", "3100600445635")).toBe("3100600445635");
    expect(refusalOf(() => check.citizenId("citizenId", "310060044563"))).toEqual(bad("citizenId", "must be exactly 13 digits"));
    expect(refusalOf(() => check.citizenId("citizenId", "3100600445636"))).toEqual(bad("citizenId", "check digit does not match"));
  });
});

describe("village and tambon codes", () => {
  const { tambons, villages } = geography();

  it("Mukdahan's 53 tambons are known by their DOPA codes, gaps in the numbering included", () => {
    expect(tambons).toHaveLength(53);
    expect(check.tambonCode("tambonCode", "490101")).toBe("490101");
    expect(check.tambonCode("tambonCode", "490514")).toBe("490514");
    expect(refusalOf(() => check.tambonCode("tambonCode", "490509"))).toEqual(bad("tambonCode", "no tambon of Mukdahan has this code"));
  });

  it("a tambon of another province, or a district code, is refused", () => {
    expect(refusalOf(() => check.tambonCode("tambonCode", "480101")).message).toBe("tambonCode: no tambon of Mukdahan has this code");
    expect(refusalOf(() => check.tambonCode("tambonCode", "4901")).message).toBe("tambonCode: must be exactly 6 digits");
  });

  it("a village is its tambon's code and a two-digit หมู่ from 01 to the tambon's last", () => {
    const inMukdahanTambon = villages.filter((v) => v.tambonCode === "490101");
    const last = inMukdahanTambon.length;
    expect(check.villageCode("villageCode", "49010101")).toBe("49010101");
    expect(check.villageCode("villageCode", `490101${String(last).padStart(2, "0")}`)).toBeTruthy();
    for (const missing of ["49010100", `490101${String(last + 1).padStart(2, "0")}`, "49050901"])
      expect(refusalOf(() => check.villageCode("villageCode", missing))).toEqual(bad("villageCode", "no village has this code"));
  });

  it("a village code of the wrong length is refused for its form before it is looked up", () => {
    expect(refusalOf(() => check.villageCode("villageCode", "490101")).message).toBe("villageCode: must be exactly 8 digits");
  });
});

describe("the code of a place a query looks up", () => {
  const notFound = (field: string, what: string, code: string) => ({
    code: "NOT_FOUND",
    field,
    message: `${field}: no ${what} of Mukdahan has the code ${code}`,
  });

  it("a known district, tambon or village code is returned as it is", () => {
    expect(check.knownDistrict("code", "4902")).toBe("4902");
    expect(check.knownTambon("tambonCode", "490514")).toBe("490514");
    expect(check.knownVillage("villageCode", "49010101")).toBe("49010101");
  });

  it("a well-formed code that is not one of Mukdahan's is NOT_FOUND, naming the code: it is no place, not a place without data", () => {
    expect(refusalOf(() => check.knownTambon("code", "490199"))).toEqual(notFound("code", "tambon", "490199"));
    expect(refusalOf(() => check.knownTambon("tambonCode", "490509"))).toEqual(notFound("tambonCode", "tambon", "490509")); // a gap
    expect(refusalOf(() => check.knownDistrict("districtCode", "4999"))).toEqual(notFound("districtCode", "district", "4999"));
    expect(refusalOf(() => check.knownVillage("code", "49010199"))).toEqual(notFound("code", "village", "49010199"));
  });

  it("a malformed code stays bad input, refused for its form before it is looked up", () => {
    expect(refusalOf(() => check.knownTambon("code", "49019"))).toEqual(bad("code", "must be exactly 6 digits"));
    expect(refusalOf(() => check.knownDistrict("code", "49ab"))).toEqual(bad("code", "must be exactly 4 digits"));
    expect(refusalOf(() => check.knownVillage("code", "4901010"))).toEqual(bad("code", "must be exactly 8 digits"));
  });
});

describe("whole numbers in a range", () => {
  it("both ends of the range are accepted, one past either end is refused", () => {
    expect(check.intInRange("ngan", 0, 0, 3)).toBe(0);
    expect(check.intInRange("ngan", 3, 0, 3)).toBe(3);
    for (const value of [-1, 4])
      expect(refusalOf(() => check.intInRange("ngan", value, 0, 3))).toEqual(bad("ngan", "must be a whole number from 0 to 3"));
  });

  it("a fraction, NaN or infinity is refused", () => {
    for (const value of [1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(refusalOf(() => check.intInRange("n", value, 0, 10)).field).toBe("n");
  });
});

describe("free text", () => {
  it("text is trimmed; blank text is refused as empty", () => {
    expect(check.text("decidedBy", "  คณะกรรมการอำเภอ \n")).toBe("คณะกรรมการอำเภอ");
    for (const blank of ["", "   ", "\t\n"])
      expect(refusalOf(() => check.text("decidedBy", blank))).toEqual(bad("decidedBy", "must not be empty"));
  });

  it("text may be as long as its limit after trimming, not a character more", () => {
    expect(check.text("name", ` ${"ก".repeat(200)} `)).toHaveLength(200);
    expect(refusalOf(() => check.text("name", "ก".repeat(201)))).toEqual(bad("name", "must be at most 200 characters"));
    expect(refusalOf(() => check.text("reason", "x".repeat(2001), 2000)).message).toBe("reason: must be at most 2000 characters");
  });

  it("optional text left out, null or blank is stored as nothing; given, it is checked like text", () => {
    for (const nothing of [undefined, null, "", "  "]) expect(check.optionalText("note", nothing)).toBeNull();
    expect(check.optionalText("note", " ok ")).toBe("ok");
    expect(refusalOf(() => check.optionalText("note", "x".repeat(501), 500)).message).toBe("note: must be at most 500 characters");
  });
});

describe("dates within bounds", () => {
  const bounds = { min: "2000-01-01", max: "2025-12-31" };

  it("both bounds are accepted; the day before the first and the day after the last are refused", () => {
    expect(check.isoDate("date", "2000-01-01", bounds)).toBe("2000-01-01");
    expect(check.isoDate("date", "2025-12-31", bounds)).toBe("2025-12-31");
    expect(refusalOf(() => check.isoDate("date", "1999-12-31", bounds))).toEqual(bad("date", "must not be before 2000-01-01"));
    expect(refusalOf(() => check.isoDate("date", "2026-01-01", bounds))).toEqual(bad("date", "must not be after 2025-12-31"));
  });

  it.each([
    ["a 31st of April", "2025-04-31"],
    ["a 29th of February in a common year", "2025-02-29"],
    ["29 February 1900 (not a leap year)", "1900-02-29"],
    ["month 13", "2025-13-01"],
    ["day 0", "2025-01-00"],
    ["a date with a time", "2025-01-01T00:00:00Z"],
    ["a date without zero padding", "2025-1-1"],
    ["a Thai-style date", "31/12/2568"],
  ])("%s (%s) is refused as not a calendar date", (_, value) => {
    expect(refusalOf(() => check.isoDate("date", value, { min: "1900-01-01", max: "2025-12-31" }))).toEqual(
      bad("date", "must be a calendar date written YYYY-MM-DD (Gregorian)"),
    );
  });

  it("a Buddhist-Era year typed as if Gregorian (2568 for 2025) is refused as after the last date allowed", () => {
    expect(refusalOf(() => check.isoDate("date", "2568-01-01", bounds))).toEqual(bad("date", "must not be after 2025-12-31"));
  });

  it("2000 and 2024 were leap years: their 29 February is a date", () => {
    expect(check.isoDate("date", "2000-02-29", bounds)).toBe("2000-02-29");
    expect(check.isoDate("date", "2024-02-29", bounds)).toBe("2024-02-29");
  });
});

describe("a person named by linkage id (the registry's, never a citizen ID)", () => {
  const id = "0123456789abcdef0123456789abcdef";

  it("32 lowercase hex characters are taken as given", () => {
    expect(check.linkageId("personId", id)).toBe(id);
  });

  it("upper case, 31 or 33 characters, a citizen ID or nothing are refused, naming the field", () => {
    for (const value of [id.toUpperCase(), id.slice(1), `${id}0`, "3100600445635", ""]) {
      expect(refusalOf(() => check.linkageId("personId", value))).toEqual(
        bad("personId", "must be a linkage id (32 lowercase hex characters)"),
      );
    }
  });
});
