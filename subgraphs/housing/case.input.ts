import { Field, ID, InputType } from "type-graphql";
import { CaseStage } from "./ladder";
import { HousingProgramme, WorkType } from "./programme";

@InputType({ description: "A household's request for help; the house must have been surveyed." })
export class OpenAssistanceCaseInput {
  @Field(() => String, { description: "11 digits." }) houseCode: string;
  @Field(() => HousingProgramme) programme: HousingProgramme;
  @Field(() => WorkType) workType: WorkType;
  @Field(() => String, { description: 'Baht, e.g. "18500" or "18500.50"; within the programme\'s cap.' }) requestedBudget: string;
  @Field(() => String, { description: "ISO date YYYY-MM-DD, not in the future." }) openedOn: string;
  @Field(() => String, { description: "Who opened it (an officer, the village headman)." }) openedBy: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType({
  description: "A screening decision: the current rung endorses the case to the next one, the province approves, or a rung rejects.",
})
export class AdvanceCaseInput {
  @Field(() => ID) caseId: string;
  @Field(() => CaseStage, { description: "Where the decision takes the case: the next rung, APPROVED (province only) or REJECTED." })
  stage: CaseStage;
  @Field(() => String, { description: "ISO date of the decision: not before the previous step, not in the future." }) date: string;
  @Field(() => String, { description: "Who decided (the committee or officer)." }) decidedBy: string;
  @Field(() => String, { nullable: true, description: "Why; required for a rejection." }) reason?: string | null;
  @Field(() => String, { nullable: true, description: "Baht; required to approve, within the programme's cap and the request." })
  approvedBudget?: string | null;
}

@InputType({ description: "A stage of the works: started, completed (with what was spent), handed over." })
export class RecordWorksInput {
  @Field(() => ID) caseId: string;
  @Field(() => CaseStage, { description: "WORKS_STARTED, WORKS_COMPLETED or HANDED_OVER." }) stage: CaseStage;
  @Field(() => String, { description: "ISO date: not before the previous step, not in the future." }) date: string;
  @Field(() => String, { description: "Who recorded it." }) recordedBy: string;
  @Field(() => String, {
    nullable: true,
    description: "Baht spent on the case so far (a running total, never above the approved budget); required at completion.",
  })
  spentAmount?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}
