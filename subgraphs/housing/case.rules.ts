import type { EntityManager } from "typeorm";
import { BadUserInputError, ConflictError, ForbiddenError } from "../kit/errors";
import { hasScope, type Identity } from "../kit/identity";
import { baht, toBahtString, toSatang } from "../kit/money";
import { SCREEN } from "./access";
import { ProgrammeBudget } from "./budget.entity";
import { AssistanceCase } from "./case.entity";
import { CaseStep } from "./case-step.entity";
import { CaseStage, COMMITTEE_STAGES, illegalStep } from "./ladder";
import { fiscalYearEnd, fiscalYearOf, fiscalYearStart, toBE } from "../kit/calendar";
import { PROGRAMMES, type HousingProgramme, type WorkType } from "./programme";

/** The unique constraints a concurrent writer can hit, as the CONFLICT the checks would have given. */
export const UNIQUES = {
  assistance_case_one_open: ["houseCode", "this household already has an open case"],
  case_step_seq: ["caseId", "the case changed meanwhile: read it again and retry"],
} as const satisfies Record<string, [string, string]>;

export function caseIdOf(value: string): string {
  if (!/^[1-9]\d{0,17}$/.test(value)) throw new BadUserInputError("caseId", "is not a case id");
  return value;
}

/** A positive amount in baht within the programme's cap. */
export function amountWithinCap(field: string, value: string, programme: HousingProgramme): string {
  const amount = baht(field, value);
  if (toSatang(amount) <= 0n) throw new BadUserInputError(field, "must be more than 0 baht");
  const { capBaht, nameTh } = PROGRAMMES[programme];
  if (capBaht && toSatang(amount) > toSatang(capBaht)) {
    throw new BadUserInputError(field, `must not exceed ${capBaht} baht, the cap of ${nameTh} for one household`);
  }
  return amount;
}

export function checkWorkType(programme: HousingProgramme, workType: WorkType): void {
  const rules = PROGRAMMES[programme];
  if (!rules.workTypes.includes(workType))
    throw new BadUserInputError("workType", `${rules.nameTh} funds ${rules.workTypes.join(" and ")} only`);
}

/**
 * The case, locked until the transaction ends (SELECT … FOR UPDATE): a second advance of the same
 * case waits here, then sees the stage the first one left and is refused.
 */
export async function lockedCase(m: EntityManager, id: string): Promise<AssistanceCase> {
  const found = await m.findOne(AssistanceCase, { where: { id }, lock: { mode: "pessimistic_write" } });
  if (!found) throw new BadUserInputError("caseId", "no assistance case has this id");
  return found;
}

export function checkStep(c: Pick<AssistanceCase, "stage" | "stageOn">, stage: CaseStage, date: string): void {
  const why = illegalStep(c.stage, stage);
  if (why) throw new ConflictError("stage", why);
  if (date < c.stageOn) throw new BadUserInputError("date", `must not be before the case's previous step (${c.stageOn})`);
}

/** Who decides: housing staff at the village and tambon rungs, the committees (housing:screen) above. */
export function checkDecider(identity: Identity, c: Pick<AssistanceCase, "stage">): void {
  if (COMMITTEE_STAGES.includes(c.stage) && !hasScope(identity, SCREEN)) {
    throw new ForbiddenError(`stage: a decision at ${c.stage} is the committee's, it needs the scope ${SCREEN}`, "stage");
  }
}

/** The budget an approval grants: within the programme's cap, and no more than the case requested. */
export function approvedBudget(c: Pick<AssistanceCase, "programme" | "requestedBudget">, asked: string): string {
  const approved = amountWithinCap("approvedBudget", asked, c.programme);
  if (toSatang(approved) > toSatang(c.requestedBudget)) {
    throw new BadUserInputError("approvedBudget", `must not exceed the requested budget (${c.requestedBudget} baht)`);
  }
  return approved;
}

/** What a works step leaves as spent so far: a running total within the approved budget, known once completed. */
export function spentSoFar(
  c: Pick<AssistanceCase, "approvedBudget" | "spentAmount">,
  stage: CaseStage,
  spent: string | null,
): string | null {
  if (spent !== null && toSatang(spent) > toSatang(c.approvedBudget!)) {
    throw new BadUserInputError("spentAmount", `must not exceed the approved budget (${c.approvedBudget} baht)`);
  }
  if (spent !== null && c.spentAmount !== null && toSatang(spent) < toSatang(c.spentAmount)) {
    throw new BadUserInputError("spentAmount", `is a running total: it must not be less than the ${c.spentAmount} baht already recorded`);
  }
  if (stage === CaseStage.WORKS_COMPLETED && spent === null && c.spentAmount === null) {
    throw new BadUserInputError("spentAmount", "is required when the works are completed");
  }
  return spent ?? c.spentAmount;
}

/** An approval must fit in what is left of the programme's budget for its fiscal year, when one is set. */
export async function checkBudgetLeft(m: EntityManager, c: AssistanceCase, amount: string, date: string): Promise<void> {
  const fiscalYear = fiscalYearOf(date);
  const budget = await m.findOne(ProgrammeBudget, { where: { programme: c.programme, fiscalYear }, lock: { mode: "pessimistic_write" } });
  if (!budget) return;
  const [{ approved }]: { approved: string }[] = await m.query(
    `SELECT coalesce(sum(approved_budget), 0)::text AS approved FROM assistance_case
     WHERE programme = $1 AND approved_on BETWEEN $2 AND $3`,
    [c.programme, fiscalYearStart(fiscalYear), fiscalYearEnd(fiscalYear)],
  );
  const left = toSatang(budget.amount) - toSatang(approved);
  if (toSatang(amount) > left) {
    throw new ConflictError(
      "approvedBudget",
      `only ${toBahtString(left)} baht of ${PROGRAMMES[c.programme].nameTh}'s budget for fiscal year ${toBE(fiscalYear)} is left`,
    );
  }
}

export interface StepInput {
  stage: CaseStage;
  date: string;
  by: string;
  reason: string | null;
  amount: string | null;
}

/** Appends the step and moves the case to it: the step table is the history, the case row its head. */
export async function appendStep(
  m: EntityManager,
  c: AssistanceCase,
  step: StepInput,
  changes: Partial<AssistanceCase> = {},
): Promise<AssistanceCase> {
  const seq = (await m.countBy(CaseStep, { caseId: c.id })) + 1;
  await m.insert(CaseStep, {
    caseId: c.id,
    seq,
    fromStage: c.stage,
    stage: step.stage,
    date: step.date,
    decidedBy: step.by,
    reason: step.reason,
    amount: step.amount,
  });
  await m.update(AssistanceCase, { id: c.id }, { stage: step.stage, stageOn: step.date, ...changes });
  return m.findOneByOrFail(AssistanceCase, { id: c.id });
}
