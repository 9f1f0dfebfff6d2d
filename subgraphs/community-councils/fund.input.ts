import { Field, InputType } from "type-graphql";
import { PersonInput } from "./council.input";
import { ContributionPeriod } from "./fund.entity";
import { MatchingSource, WelfareBenefit } from "./ledger.entity";

@InputType()
export class EstablishWelfareFundInput {
  @Field(() => String, { description: "The tambon whose council runs the fund (6 digits)." }) tambonCode: string;
  @Field(() => String, { nullable: true, description: "Defaults to กองทุนสวัสดิการชุมชนตำบล + the tambon's Thai name." }) name?: string | null;
  @Field(() => String, { description: "ISO date." }) foundedOn: string;
  @Field(() => String, { description: "The rule as members know it, e.g. วันละ 1 บาท (365 บาทต่อปี)." }) contributionRule: string;
  @Field(() => String, { description: 'Baht per period, e.g. "1".' }) contributionAmount: string;
  @Field(() => ContributionPeriod) contributionPeriod: ContributionPeriod;
}

@InputType()
export class JoinWelfareFundInput extends PersonInput {
  @Field(() => String, { description: "The fund's tambon (6 digits)." }) tambonCode: string;
  @Field(() => String, { description: "The member's house code (11 digits), kept so the household can show its memberships." })
  houseCode: string;
  @Field(() => String, { description: "ISO date, not before the fund was founded." }) joinedOn: string;
}

@InputType()
export class RecordContributionInput extends PersonInput {
  @Field(() => String, { description: 'Baht, e.g. "30" or "365.00".' }) amount: string;
  @Field(() => String, { description: "ISO date, not before the member joined." }) paidOn: string;
}

@InputType()
export class RecordPayoutInput extends PersonInput {
  @Field(() => WelfareBenefit) benefit: WelfareBenefit;
  @Field(() => String, { description: "Baht; refused when more than the fund's balance." }) amount: string;
  @Field(() => String, { description: "ISO date, not before the member joined." }) paidOn: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class RecordMatchingInput {
  @Field(() => String, { description: "The fund's tambon (6 digits)." }) tambonCode: string;
  @Field(() => MatchingSource) source: MatchingSource;
  @Field(() => String, { description: "Baht." }) amount: string;
  @Field(() => String, { description: "ISO date, not before the fund was founded." }) receivedOn: string;
}
