import { describe, expect, it } from "vitest";
import { ALL_STAGES, CaseStage as S, CLOSED_STAGES, DECISION_STAGES, decisionOf, illegalStep, StepDecision, WORKS_STAGES } from "./ladder";

/** The only steps a case may take, written out here independently of the ladder's own table. */
const LEGAL = new Set([
  "VILLAGE_SCREENING→TAMBON_SCREENING",
  "TAMBON_SCREENING→DISTRICT_SCREENING",
  "DISTRICT_SCREENING→PROVINCE_SCREENING",
  "PROVINCE_SCREENING→APPROVED",
  "VILLAGE_SCREENING→REJECTED",
  "TAMBON_SCREENING→REJECTED",
  "DISTRICT_SCREENING→REJECTED",
  "PROVINCE_SCREENING→REJECTED",
  "APPROVED→WORKS_STARTED",
  "WORKS_STARTED→WORKS_COMPLETED",
  "WORKS_COMPLETED→HANDED_OVER",
]);

describe("the screening ladder", () => {
  it("of all 81 pairs of stages, exactly the ladder's 11 steps are allowed; every other one is refused with a reason", () => {
    const allowed = ALL_STAGES.flatMap((from) => ALL_STAGES.filter((to) => illegalStep(from, to) === null).map((to) => `${from}→${to}`));
    expect(new Set(allowed)).toEqual(LEGAL);
    for (const from of ALL_STAGES)
      for (const to of ALL_STAGES)
        if (!LEGAL.has(`${from}→${to}`)) expect(illegalStep(from, to)).toMatch(new RegExp(`^the case is (at )?${from}[: ]`));
  });

  it("a case climbs village → tambon → district committee → province → approved, then works and handover, in that order", () => {
    const path = [S.VILLAGE_SCREENING, S.TAMBON_SCREENING, S.DISTRICT_SCREENING, S.PROVINCE_SCREENING, S.APPROVED];
    const works = [S.WORKS_STARTED, S.WORKS_COMPLETED, S.HANDED_OVER];
    const all = [...path, ...works];
    for (let i = 1; i < all.length; i++) expect(illegalStep(all[i - 1], all[i])).toBeNull();
    expect(ALL_STAGES.filter((s) => s !== S.REJECTED)).toEqual(all);
  });

  it("a case skipping a rung is told its next step and that a rung cannot be skipped", () => {
    expect(illegalStep(S.VILLAGE_SCREENING, S.DISTRICT_SCREENING)).toBe(
      "the case is at VILLAGE_SCREENING: its next step is TAMBON_SCREENING or REJECTED (a rung of the ladder cannot be skipped)",
    );
    expect(illegalStep(S.VILLAGE_SCREENING, S.APPROVED)).toContain("cannot be skipped");
    expect(illegalStep(S.PROVINCE_SCREENING, S.WORKS_STARTED)).toContain("cannot be skipped");
    expect(illegalStep(S.APPROVED, S.HANDED_OVER)).toBe(
      "the case is at APPROVED: its next step is WORKS_STARTED (a rung of the ladder cannot be skipped)",
    );
  });

  it("a case sent back down, or to where it already is, is told its next step without talk of skipping", () => {
    expect(illegalStep(S.DISTRICT_SCREENING, S.TAMBON_SCREENING)).toBe(
      "the case is at DISTRICT_SCREENING: its next step is PROVINCE_SCREENING or REJECTED",
    );
    expect(illegalStep(S.TAMBON_SCREENING, S.TAMBON_SCREENING)).not.toContain("skipped");
  });

  it("an approved case can no longer be rejected: its next step is the works", () => {
    expect(illegalStep(S.APPROVED, S.REJECTED)).toBe("the case is at APPROVED: its next step is WORKS_STARTED");
    expect(illegalStep(S.WORKS_STARTED, S.REJECTED)).toBe("the case is at WORKS_STARTED: its next step is WORKS_COMPLETED");
  });

  it("a rejected or handed-over case is closed: no step of any kind can follow", () => {
    expect(CLOSED_STAGES).toEqual([S.REJECTED, S.HANDED_OVER]);
    for (const closed of CLOSED_STAGES) {
      for (const to of ALL_STAGES)
        expect(illegalStep(closed, to)).toBe(`the case is ${closed} and closed: no further step can be recorded`);
    }
  });

  it("screening decisions and works are recorded by different mutations, and together they cover every reachable stage", () => {
    expect(DECISION_STAGES.filter((s) => WORKS_STAGES.includes(s))).toEqual([]);
    expect([S.VILLAGE_SCREENING, ...DECISION_STAGES, ...WORKS_STAGES].sort()).toEqual([...ALL_STAGES].sort());
  });
});

describe("what each step of a case's history says was decided", () => {
  it("the first step opened the case", () => {
    expect(decisionOf(null, S.VILLAGE_SCREENING)).toBe(StepDecision.OPENED);
  });

  it("passing a case up to the next rung is an endorsement", () => {
    expect(decisionOf(S.VILLAGE_SCREENING, S.TAMBON_SCREENING)).toBe(StepDecision.ENDORSED);
    expect(decisionOf(S.TAMBON_SCREENING, S.DISTRICT_SCREENING)).toBe(StepDecision.ENDORSED);
    expect(decisionOf(S.DISTRICT_SCREENING, S.PROVINCE_SCREENING)).toBe(StepDecision.ENDORSED);
  });

  it("the approval, a rejection and the works steps are named as what they are", () => {
    expect(decisionOf(S.PROVINCE_SCREENING, S.APPROVED)).toBe(StepDecision.APPROVED);
    expect(decisionOf(S.TAMBON_SCREENING, S.REJECTED)).toBe(StepDecision.REJECTED);
    expect(decisionOf(S.APPROVED, S.WORKS_STARTED)).toBe(StepDecision.WORKS_STARTED);
    expect(decisionOf(S.WORKS_STARTED, S.WORKS_COMPLETED)).toBe(StepDecision.WORKS_COMPLETED);
    expect(decisionOf(S.WORKS_COMPLETED, S.HANDED_OVER)).toBe(StepDecision.HANDED_OVER);
  });

  it("every legal step has a decision the schema knows", () => {
    const decisions = Object.values(StepDecision) as string[];
    for (const step of LEGAL) {
      const [from, to] = step.split("→") as [S, S];
      expect(decisions).toContain(decisionOf(from, to));
    }
  });
});
