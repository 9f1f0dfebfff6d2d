import { describe, expect, it } from "vitest";
import { isValidCitizenId, maskCitizenId } from "./citizen-id";
import { isoDate } from "./validate";

describe("citizen IDs", () => {
  it("accepts the documented valid examples and a leading 0", () => {
    expect(isValidCitizenId("3100600445635")).toBe(true);
    expect(isValidCitizenId("1234545678781")).toBe(true);
    expect(isValidCitizenId("0000000000002")).toBe(false);
    expect(isValidCitizenId("0100000000000")).toBe(true);
  });

  it("rejects a wrong check digit, wrong length or non-digits", () => {
    expect(isValidCitizenId("3100600445636")).toBe(false);
    expect(isValidCitizenId("310060044563")).toBe(false);
    expect(isValidCitizenId("31006004456a5")).toBe(false);
  });

  it("accepts the IDs whose check digit wraps: 11 − 0 and 11 − 10 give 1, 11 − 1 gives 0", () => {
    expect(isValidCitizenId("0000000000001")).toBe(true); // Σ = 0
    expect(isValidCitizenId("0000000000051")).toBe(true); // Σ = 10
    expect(isValidCitizenId("0000000000060")).toBe(true); // Σ = 12, 12 mod 11 = 1
    expect(isValidCitizenId("0000000000061")).toBe(false);
  });

  it("shows only the last three digits when masked", () => {
    expect(maskCitizenId("3100600445635")).toBe("x-xxxx-xxxxx-63-5");
  });
});

describe("dates", () => {
  it("accepts real calendar dates and refuses impossible or future ones, naming the field", () => {
    expect(isoDate("birthDate", "2024-02-29")).toBe("2024-02-29");
    expect(() => isoDate("birthDate", "2023-02-29")).toThrow("birthDate: must be a calendar date");
    expect(() => isoDate("birthDate", "29/02/2024")).toThrow("birthDate");
    expect(() => isoDate("birthDate", "2999-01-01")).toThrow("birthDate: must not be after");
  });
});
