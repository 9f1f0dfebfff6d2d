import type { EntityManager } from "typeorm";
import { BadUserInputError, ConflictError } from "../kit/errors";
import { baht, toBahtString, toSatang } from "../kit/money";
import { ProgrammeBudget } from "./budget.entity";
import { AssistanceCase } from "./case.entity";
import { CaseStep } from "./case-step.entity";
import { illegalStep, type CaseStage } from "./ladder";
import { fiscalYearEnd, fiscalYearOf, fiscalYearStart, toBE } from "../kit/calendar";
import { PROGRAMMES, type HousingProgramme } from "./programme";

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

/**
 * The case, locked until the transaction ends (SELECT … FOR UPDATE): a second advance of the same
 * case waits here, then sees the stage the first one left and is refused.
 */
export async function lockedCase(m: EntityManager, id: string): Promise<AssistanceCase> {
  const found = await m.findOne(AssistanceCase, { where: { id }, lock: { mode: "pessimistic_write" } });
  if (!found) throw new BadUserInputError("caseId", "no assistance case has this id");
  return found;
}

export function checkStep(c: AssistanceCase, stage: CaseStage, date: string): void {
  const why = illegalStep(c.stage, stage);
  if (why) throw new ConflictError("stage", why);
  if (date < c.stageOn) throw new BadUserInputError("date", `must not be before the case's previous step (${c.stageOn})`);
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
