import { Field, InputType, Int } from "type-graphql";
import { CaseAgency } from "../kit/referral";

@InputType({ description: "One figure of the baseline, as read from the graph when drafting (e.g. with TambonProfile)." })
export class BaselineInput {
  @Field(() => CaseAgency) agency: CaseAgency;
  @Field(() => String, { description: "Which figure (up to 100 characters)." }) indicator: string;
  @Field(() => Int, { description: "Its value, 0 or more." }) value: number;
}

@InputType()
export class DraftTambonPlanInput {
  @Field(() => String) tambonCode: string;
  @Field(() => Int, { description: "CE year the fiscal year ends in (FY 2027 = ปีงบ 2570): from 2020 to the next one." }) fiscalYear: number;
  @Field(() => String) title: string;
  @Field(() => [BaselineInput], { description: "1 to 50 figures." }) baseline: BaselineInput[];
  @Field(() => String, { nullable: true, description: "ISO date, not in the future; default today." }) draftedOn?: string | null;
}

@InputType()
export class AddPlanProjectInput {
  @Field(() => String) planId: string;
  @Field(() => String) title: string;
  @Field(() => CaseAgency) leadAgency: CaseAgency;
  @Field(() => String, { description: 'Baht, e.g. "250000".' }) budget: string;
  @Field(() => Int) targetHouseholds: number;
  @Field(() => String) indicator: string;
  @Field(() => Int) indicatorTarget: number;
  @Field(() => [String], { nullable: true, description: "House codes targeted (11 digits each), at most targetHouseholds." })
  houseCodes?: string[] | null;
}

@InputType()
export class ReportProgressInput {
  @Field(() => String) projectId: string;
  @Field(() => String, {
    nullable: true,
    description: "ISO date: not before the plan was drafted or the project's last report, not in the future; default today.",
  })
  reportedOn?: string | null;
  @Field(() => String, { description: "Baht spent so far: not less than last reported, not above the budget." }) spent: string;
  @Field(() => Int) householdsReached: number;
  @Field(() => Int) indicatorValue: number;
  @Field(() => String, { nullable: true }) note?: string | null;
}
