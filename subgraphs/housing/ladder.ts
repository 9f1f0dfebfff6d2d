import { registerEnumType } from "type-graphql";

/** Where a case stands: a screening rung it waits at, a decision, or a stage of the works. */
export enum CaseStage {
  VILLAGE_SCREENING = "VILLAGE_SCREENING",
  TAMBON_SCREENING = "TAMBON_SCREENING",
  DISTRICT_SCREENING = "DISTRICT_SCREENING",
  PROVINCE_SCREENING = "PROVINCE_SCREENING",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  WORKS_STARTED = "WORKS_STARTED",
  WORKS_COMPLETED = "WORKS_COMPLETED",
  HANDED_OVER = "HANDED_OVER",
}
registerEnumType(CaseStage, {
  name: "CaseStage",
  valuesConfig: {
    VILLAGE_SCREENING: { description: "Opened; waits for the village (หมู่บ้าน) to screen it." },
    TAMBON_SCREENING: { description: "Passed by the village; waits for the tambon." },
    DISTRICT_SCREENING: { description: "Passed by the tambon; waits for the district committee." },
    PROVINCE_SCREENING: { description: "Passed by the district committee; waits for the province's decision." },
    APPROVED: { description: "Approved by the province, with an approved budget." },
    REJECTED: { description: "Rejected at one of the rungs (closed)." },
    WORKS_STARTED: { description: "Repair or building works have started." },
    WORKS_COMPLETED: { description: "Works completed." },
    HANDED_OVER: { description: "The house was handed over to the household (closed)." },
  },
});

export enum StepDecision {
  OPENED = "OPENED",
  ENDORSED = "ENDORSED",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  WORKS_STARTED = "WORKS_STARTED",
  WORKS_COMPLETED = "WORKS_COMPLETED",
  HANDED_OVER = "HANDED_OVER",
}
registerEnumType(StepDecision, { name: "CaseStepDecision", description: "What a step decided or recorded." });

const S = CaseStage;
/** The ladder: each stage and the stages its next step may reach. No rung can be skipped. */
export const NEXT: Record<CaseStage, CaseStage[]> = {
  VILLAGE_SCREENING: [S.TAMBON_SCREENING, S.REJECTED],
  TAMBON_SCREENING: [S.DISTRICT_SCREENING, S.REJECTED],
  DISTRICT_SCREENING: [S.PROVINCE_SCREENING, S.REJECTED],
  PROVINCE_SCREENING: [S.APPROVED, S.REJECTED],
  APPROVED: [S.WORKS_STARTED],
  REJECTED: [],
  WORKS_STARTED: [S.WORKS_COMPLETED],
  WORKS_COMPLETED: [S.HANDED_OVER],
  HANDED_OVER: [],
};

/** What `advanceCase` records (screening decisions); `recordWorks` records the rest. */
export const DECISION_STAGES = [S.TAMBON_SCREENING, S.DISTRICT_SCREENING, S.PROVINCE_SCREENING, S.APPROVED, S.REJECTED];
export const WORKS_STAGES = [S.WORKS_STARTED, S.WORKS_COMPLETED, S.HANDED_OVER];
/** Decisions taken at these rungs are the district committee's and the province's (scope housing:screen). */
export const COMMITTEE_STAGES = [S.DISTRICT_SCREENING, S.PROVINCE_SCREENING];
/**
 * A case is closed once rejected or handed over, and open at every other stage (in screening, approved,
 * in works, works completed awaiting handover): the hub's one meaning of "open" (a household's one open
 * case, `assistanceCases(open:)`, `openCases`, the candidates' "no open case").
 */
export const CLOSED_STAGES = [S.REJECTED, S.HANDED_OVER];
export const OPEN_STAGES = Object.values(CaseStage).filter((s) => !CLOSED_STAGES.includes(s));
/** The stages in ladder order (for figures listed by stage). */
export const ALL_STAGES = Object.values(CaseStage);

/** Why `to` cannot follow `from`, in words an officer can act on; null when it can. */
export function illegalStep(from: CaseStage, to: CaseStage): string | null {
  const allowed = NEXT[from];
  if (allowed.includes(to)) return null;
  if (allowed.length === 0) return `the case is ${from} and closed: no further step can be recorded`;
  const skipped = ALL_STAGES.indexOf(to) > ALL_STAGES.indexOf(allowed[0]) && to !== S.REJECTED;
  return `the case is at ${from}: its next step is ${allowed.join(" or ")}${skipped ? " (a rung of the ladder cannot be skipped)" : ""}`;
}

export function decisionOf(from: CaseStage | null, to: CaseStage): StepDecision {
  if (from === null) return StepDecision.OPENED;
  if (to === S.TAMBON_SCREENING || to === S.DISTRICT_SCREENING || to === S.PROVINCE_SCREENING) return StepDecision.ENDORSED;
  return to as unknown as StepDecision;
}
