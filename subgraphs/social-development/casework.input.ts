import { Field, InputType } from "type-graphql";
import { Capital, CaseAgency } from "../kit/referral";
import { ReferralOutcome } from "./casework.entity";

@InputType({ description: "A need of a household's case plan (one per capital)." })
export class PlanNeedInput {
  @Field(() => String) houseCode: string;
  @Field(() => Capital) capital: Capital;
  @Field(() => String, { description: "What is lacking (up to 500 characters)." }) need: string;
  @Field(() => String, { description: "The goal (up to 500 characters)." }) goal: string;
  @Field(() => CaseAgency) responsibleAgency: CaseAgency;
  @Field(() => String, { description: "ISO date, not in the future; default today.", nullable: true }) plannedOn?: string | null;
  @Field(() => String, { description: "ISO date of the next review: not before plannedOn, within 3 years." }) reviewOn: string;
}

@InputType({ description: "Refer a planned need of a household to another agency; the sender is the caller's agency." })
export class CreateReferralInput {
  @Field(() => String) houseCode: string;
  @Field(() => Capital, { description: "The capital of the household's planned need being referred." }) capital: Capital;
  @Field(() => CaseAgency, { description: "The agency asked to act; not the caller's own." }) toAgency: CaseAgency;
  @Field(() => String, { description: "Why (up to 500 characters)." }) reason: string;
  @Field(() => String, { nullable: true, description: "ISO date, not in the future; default today." }) sentOn?: string | null;
}

@InputType({ description: "Close a referral with its outcome: the sending agency only, once." })
export class CloseReferralInput {
  @Field(() => String, { description: "The referral's id, e.g. HOUSING-17." }) referralId: string;
  @Field(() => ReferralOutcome) outcome: ReferralOutcome;
  @Field(() => String, { nullable: true, description: "Up to 500 characters." }) note?: string | null;
  @Field(() => String, { nullable: true, description: "ISO date: not before it was sent, not in the future; default today." })
  closedOn?: string | null;
}
