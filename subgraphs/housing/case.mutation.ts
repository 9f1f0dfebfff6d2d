import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { In, Not } from "typeorm";
import { BadUserInputError, ConflictError } from "../kit/errors";
import { baht } from "../kit/money";
import type { SubgraphContext } from "../kit/subgraph";
import { inTransaction } from "../kit/transaction";
import * as check from "../kit/validate";
import { SCREEN, WRITE } from "./access";
import { AssistanceCase } from "./case.entity";
import { CaseStep } from "./case-step.entity";
import { AdvanceCaseInput, OpenAssistanceCaseInput, RecordWorksInput } from "./case.input";
import {
  amountWithinCap,
  appendStep,
  approvedBudget,
  caseIdOf,
  checkBudgetLeft,
  checkDecider,
  checkStep,
  checkWorkType,
  lockedCase,
  spentSoFar,
  UNIQUES,
} from "./case.rules";
import { CaseStage, CLOSED_STAGES, DECISION_STAGES, WORKS_STAGES } from "./ladder";
import { HousingSurvey } from "./survey.entity";

/** The cases' writes: arguments checked first, then one transaction that locks the case row. */
@Resolver()
export class CaseMutationResolver {
  @Authorized(WRITE)
  @Mutation(() => AssistanceCase, {
    nullable: true,
    description: "Opens a case at village screening, on the household's latest housing survey.",
  })
  openAssistanceCase(
    @Arg("input", () => OpenAssistanceCaseInput) input: OpenAssistanceCaseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AssistanceCase> {
    const houseCode = check.digits("houseCode", input.houseCode, 11);
    checkWorkType(input.programme, input.workType);
    const requestedBudget = amountWithinCap("requestedBudget", input.requestedBudget, input.programme);
    const openedOn = check.isoDate("openedOn", input.openedOn, { min: "2000-01-01" });
    const openedBy = check.text("openedBy", input.openedBy);
    const reason = check.optionalText("reason", input.reason, 2000);
    return inTransaction(
      ctx.ds,
      async (m) => {
        const survey = await m.findOne(HousingSurvey, { where: { houseCode }, order: { surveyedOn: "DESC", id: "DESC" } });
        if (!survey) throw new BadUserInputError("houseCode", "the house has no housing survey: survey it before opening a case");
        if (await m.existsBy(AssistanceCase, { houseCode, stage: Not(In(CLOSED_STAGES)) }))
          throw new ConflictError(...UNIQUES.assistance_case_one_open);
        const stage = CaseStage.VILLAGE_SCREENING;
        const { identifiers } = await m.insert(AssistanceCase, {
          houseCode,
          surveyId: survey.id,
          villageCode: survey.villageCode,
          districtCode: survey.districtCode,
          programme: input.programme,
          workType: input.workType,
          requestedBudget,
          stage,
          stageOn: openedOn,
          openedOn,
        });
        const id = String(identifiers[0].id);
        await m.insert(CaseStep, {
          caseId: id,
          seq: 1,
          fromStage: null,
          stage,
          date: openedOn,
          decidedBy: openedBy,
          reason,
          amount: requestedBudget,
        });
        return m.findOneByOrFail(AssistanceCase, { id });
      },
      UNIQUES,
    );
  }

  @Authorized(WRITE, SCREEN)
  @Mutation(() => AssistanceCase, {
    nullable: true,
    description:
      "Records a screening decision: endorse to the next rung, approve (province) or reject. " +
      "Housing staff record the village's and the tambon's; the district committee's and the province's need housing:screen.",
  })
  advanceCase(@Arg("input", () => AdvanceCaseInput) input: AdvanceCaseInput, @Ctx() ctx: SubgraphContext): Promise<AssistanceCase> {
    const id = caseIdOf(input.caseId);
    const { stage } = input;
    if (!DECISION_STAGES.includes(stage)) {
      throw new BadUserInputError("stage", `advanceCase records ${DECISION_STAGES.join(", ")}; the works go through recordWorks`);
    }
    const date = check.isoDate("date", input.date, { min: "2000-01-01" });
    const by = check.text("decidedBy", input.decidedBy);
    const reason = check.optionalText("reason", input.reason, 2000);
    if (stage === CaseStage.REJECTED && !reason) throw new BadUserInputError("reason", "a rejection must say why");
    if (stage !== CaseStage.APPROVED && input.approvedBudget != null)
      throw new BadUserInputError("approvedBudget", "only an approval sets the budget");
    if (stage === CaseStage.APPROVED && input.approvedBudget == null)
      throw new BadUserInputError("approvedBudget", "is required to approve a case");
    // The cap depends on the case's programme, checked once the case is read.
    const asked = input.approvedBudget == null ? null : baht("approvedBudget", input.approvedBudget);
    return inTransaction(
      ctx.ds,
      async (m) => {
        const c = await lockedCase(m, id);
        checkDecider(ctx.identity, c);
        checkStep(c, stage, date);
        if (stage !== CaseStage.APPROVED) return appendStep(m, c, { stage, date, by, reason, amount: null });
        const approved = approvedBudget(c, asked!);
        await checkBudgetLeft(m, c, approved, date);
        return appendStep(m, c, { stage, date, by, reason, amount: approved }, { approvedBudget: approved, approvedOn: date });
      },
      UNIQUES,
    );
  }

  @Authorized(WRITE)
  @Mutation(() => AssistanceCase, {
    nullable: true,
    description: "Records the works of an approved case: started, completed, handed over.",
  })
  recordWorks(@Arg("input", () => RecordWorksInput) input: RecordWorksInput, @Ctx() ctx: SubgraphContext): Promise<AssistanceCase> {
    const id = caseIdOf(input.caseId);
    const { stage } = input;
    if (!WORKS_STAGES.includes(stage))
      throw new BadUserInputError("stage", `recordWorks records ${WORKS_STAGES.join(", ")}; decisions go through advanceCase`);
    const date = check.isoDate("date", input.date, { min: "2000-01-01" });
    const by = check.text("recordedBy", input.recordedBy);
    const note = check.optionalText("note", input.note, 2000);
    const spent = input.spentAmount == null ? null : baht("spentAmount", input.spentAmount);
    return inTransaction(
      ctx.ds,
      async (m) => {
        const c = await lockedCase(m, id);
        checkStep(c, stage, date);
        const spentAmount = spentSoFar(c, stage, spent);
        return appendStep(m, c, { stage, date, by, reason: note, amount: spent }, { spentAmount });
      },
      UNIQUES,
    );
  }
}
