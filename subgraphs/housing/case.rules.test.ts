import { describe, expect, it } from "vitest";
import { demoIdentity as as, refusalOf } from "../../test/unit";
import { amountWithinCap, approvedBudget, caseIdOf, checkDecider, checkStep, checkWorkType, spentSoFar } from "./case.rules";
import { CaseStage as S } from "./ladder";
import { HousingProgramme as P, PROGRAMMES, WorkType } from "./programme";

describe("programme caps", () => {
  it("a CODI บ้านพอเพียงชนบท repair case can ask for 19,000 baht but not 19,000.01", () => {
    expect(amountWithinCap("requestedBudget", "19000", P.BAAN_PO_PIANG)).toBe("19000.00");
    expect(refusalOf(() => amountWithinCap("requestedBudget", "19000.01", P.BAAN_PO_PIANG))).toEqual({
      code: "BAD_USER_INPUT",
      field: "requestedBudget",
      message: "requestedBudget: must not exceed 19000.00 baht, the cap of บ้านพอเพียงชนบท for one household",
    });
  });

  it("a CODI บ้านมั่นคง case is capped at 25,000 baht a household", () => {
    expect(amountWithinCap("requestedBudget", "25000.00", P.BAAN_MANKONG)).toBe("25000.00");
    expect(refusalOf(() => amountWithinCap("requestedBudget", "25000.01", P.BAAN_MANKONG))).toMatchObject({ field: "requestedBudget" });
  });

  it("อบจ.'s บ้านสร้างสุข and other sources set no cap: a rebuild of 350,000 baht may be requested", () => {
    expect(PROGRAMMES.BAAN_SANG_SUK.capBaht).toBeNull();
    expect(amountWithinCap("requestedBudget", "350000", P.BAAN_SANG_SUK)).toBe("350000.00");
    expect(amountWithinCap("requestedBudget", "999999999999.99", P.OTHER)).toBe("999999999999.99");
  });

  it("a case must ask for more than nothing: 0 is refused, one satang is not", () => {
    for (const programme of Object.values(P)) {
      expect(refusalOf(() => amountWithinCap("requestedBudget", "0.00", programme))).toMatchObject({
        code: "BAD_USER_INPUT",
        message: "requestedBudget: must be more than 0 baht",
      });
      expect(amountWithinCap("requestedBudget", "0.01", programme)).toBe("0.01");
    }
  });

  it("a malformed amount is refused as such before any cap is checked", () => {
    expect(refusalOf(() => amountWithinCap("approvedBudget", "19,000", P.BAAN_PO_PIANG)).message).toContain("at most 2 decimals");
  });
});

describe("what a programme funds", () => {
  it("CODI บ้านพอเพียงชนบท funds repairs only: a rebuild is refused, naming the work type", () => {
    expect(() => checkWorkType(P.BAAN_PO_PIANG, WorkType.REPAIR)).not.toThrow();
    expect(refusalOf(() => checkWorkType(P.BAAN_PO_PIANG, WorkType.REBUILD))).toEqual({
      code: "BAD_USER_INPUT",
      field: "workType",
      message: "workType: บ้านพอเพียงชนบท funds REPAIR only",
    });
  });

  it("บ้านสร้างสุข, บ้านมั่นคง and other sources fund both repairs and rebuilds", () => {
    for (const programme of [P.BAAN_SANG_SUK, P.BAAN_MANKONG, P.OTHER])
      for (const work of Object.values(WorkType)) expect(() => checkWorkType(programme, work)).not.toThrow();
  });
});

describe("approving a case", () => {
  const poPiang = { programme: P.BAAN_PO_PIANG, requestedBudget: "18500.00" };

  it("the province may approve what was asked, or less, but not a satang more", () => {
    expect(approvedBudget(poPiang, "18500")).toBe("18500.00");
    expect(approvedBudget(poPiang, "12000.50")).toBe("12000.50");
    expect(refusalOf(() => approvedBudget(poPiang, "18500.01"))).toEqual({
      code: "BAD_USER_INPUT",
      field: "approvedBudget",
      message: "approvedBudget: must not exceed the requested budget (18500.00 baht)",
    });
  });

  it("a CODI repair case cannot be approved above 19,000 baht, even when more was once requested", () => {
    // The cap is checked again at the approval, whatever the request said.
    const old = { programme: P.BAAN_PO_PIANG, requestedBudget: "30000.00" };
    expect(approvedBudget(old, "19000")).toBe("19000.00");
    expect(refusalOf(() => approvedBudget(old, "19000.01")).message).toBe(
      "approvedBudget: must not exceed 19000.00 baht, the cap of บ้านพอเพียงชนบท for one household",
    );
  });

  it("an approval of 0 baht is refused", () => {
    expect(refusalOf(() => approvedBudget(poPiang, "0")).message).toBe("approvedBudget: must be more than 0 baht");
  });
});

describe("who decides", () => {
  const committeeRungs = [S.DISTRICT_SCREENING, S.PROVINCE_SCREENING];

  it("a housing officer records the village's and the tambon's decisions", () => {
    for (const stage of [S.VILLAGE_SCREENING, S.TAMBON_SCREENING])
      expect(() => checkDecider(as("housing-officer"), { stage })).not.toThrow();
  });

  it("a housing officer cannot record the district committee's or the province's decision: FORBIDDEN, naming the scope", () => {
    for (const stage of committeeRungs) {
      expect(refusalOf(() => checkDecider(as("housing-officer"), { stage }))).toEqual({
        code: "FORBIDDEN",
        field: "stage",
        message: `stage: a decision at ${stage} is the committee's, it needs the scope housing:screen`,
      });
    }
  });

  it("the district screening committee decides at the district and province rungs", () => {
    for (const stage of committeeRungs) expect(() => checkDecider(as("district-screening-committee"), { stage })).not.toThrow();
  });

  it("exact-count or audit rights give no say in a committee's decision", () => {
    for (const role of ["provincial-analyst", "data-protection-officer", "social-worker", "public"])
      expect(refusalOf(() => checkDecider(as(role), { stage: S.PROVINCE_SCREENING })).code).toBe("FORBIDDEN");
  });
});

describe("dates in order", () => {
  const at = { stage: S.TAMBON_SCREENING, stageOn: "2025-03-10" };

  it("a decision may be dated the same day as the previous step, or later", () => {
    expect(() => checkStep(at, S.DISTRICT_SCREENING, "2025-03-10")).not.toThrow();
    expect(() => checkStep(at, S.DISTRICT_SCREENING, "2026-01-01")).not.toThrow();
  });

  it("a decision dated the day before the previous step is refused, naming that step's date", () => {
    expect(refusalOf(() => checkStep(at, S.DISTRICT_SCREENING, "2025-03-09"))).toEqual({
      code: "BAD_USER_INPUT",
      field: "date",
      message: "date: must not be before the case's previous step (2025-03-10)",
    });
  });

  it("an illegal step is a CONFLICT with the case's stage, reported before its date", () => {
    expect(refusalOf(() => checkStep(at, S.APPROVED, "2025-01-01"))).toEqual({
      code: "CONFLICT",
      field: "stage",
      message:
        "stage: the case is at TAMBON_SCREENING: its next step is DISTRICT_SCREENING or REJECTED (a rung of the ladder cannot be skipped)",
    });
  });
});

describe("what the works spent", () => {
  const approved = { approvedBudget: "19000.00", spentAmount: null };

  it("spending may reach the approved budget exactly, not a satang more", () => {
    expect(spentSoFar(approved, S.WORKS_STARTED, "19000.00")).toBe("19000.00");
    expect(refusalOf(() => spentSoFar(approved, S.WORKS_STARTED, "19000.01"))).toEqual({
      code: "BAD_USER_INPUT",
      field: "spentAmount",
      message: "spentAmount: must not exceed the approved budget (19000.00 baht)",
    });
  });

  it("what was spent is a running total: it may stay the same or grow, never shrink", () => {
    const started = { approvedBudget: "19000.00", spentAmount: "8000.00" };
    expect(spentSoFar(started, S.WORKS_COMPLETED, "8000.00")).toBe("8000.00");
    expect(spentSoFar(started, S.WORKS_COMPLETED, "18999.99")).toBe("18999.99");
    expect(refusalOf(() => spentSoFar(started, S.WORKS_COMPLETED, "7999.99")).message).toBe(
      "spentAmount: is a running total: it must not be less than the 8000.00 baht already recorded",
    );
  });

  it("a step that gives no amount keeps what was recorded before", () => {
    expect(spentSoFar({ approvedBudget: "19000.00", spentAmount: "8000.00" }, S.HANDED_OVER, null)).toBe("8000.00");
    expect(spentSoFar(approved, S.WORKS_STARTED, null)).toBeNull();
  });

  it("works cannot be completed without saying what they cost, unless it was recorded already", () => {
    expect(refusalOf(() => spentSoFar(approved, S.WORKS_COMPLETED, null))).toEqual({
      code: "BAD_USER_INPUT",
      field: "spentAmount",
      message: "spentAmount: is required when the works are completed",
    });
    expect(spentSoFar({ approvedBudget: "19000.00", spentAmount: "100.00" }, S.WORKS_COMPLETED, null)).toBe("100.00");
  });
});

describe("case ids", () => {
  it("a case id is a positive whole number of at most 18 digits", () => {
    expect(caseIdOf("1")).toBe("1");
    expect(caseIdOf("999999999999999999")).toBe("999999999999999999");
  });

  it.each(["0", "007", "-1", "1.5", "", " 1", "1e3", "1234567890123456789", "abc"])("a case id %j is refused as not a case id", (id) => {
    expect(refusalOf(() => caseIdOf(id))).toEqual({ code: "BAD_USER_INPUT", field: "caseId", message: "caseId: is not a case id" });
  });
});
