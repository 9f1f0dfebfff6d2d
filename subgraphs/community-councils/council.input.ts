import { Field, InputType } from "type-graphql";
import { CouncilRole } from "./council.entity";
import { LeaderTrainingModule } from "./leader.entity";

/**
 * A person is named by linkage id only: this agency never sees a citizen ID. The registry hands
 * out a registered person's linkage id (`linkPerson`, audited); only it holds the secret.
 */
@InputType()
export abstract class PersonInput {
  @Field(() => String, { description: "The person's linkage id (32 hex characters), from the registry's linkPerson." })
  personId: string;
}

@InputType()
export class RecordCouncilInput {
  @Field(() => String, { description: "The tambon's 6-digit code." }) tambonCode: string;
  @Field(() => String, { nullable: true, description: "Defaults to สภาองค์กรชุมชนตำบล + the tambon's Thai name." }) name?: string | null;
  @Field(() => String, { description: "วันที่จดแจ้ง, ISO date, not before 2008 (the Act of B.E. 2551)." }) notifiedOn: string;
}

@InputType()
export class AddCouncilMemberInput extends PersonInput {
  @Field(() => String, { description: "The council's tambon (6 digits)." }) tambonCode: string;
  @Field(() => CouncilRole) role: CouncilRole;
  @Field(() => String, { description: "ISO date, not in the future, not before the council was notified." }) termStart: string;
  @Field(() => String, { description: "ISO date, after termStart and at most 4 years later." }) termEnd: string;
}

@InputType()
export class RecordLeaderTrainingInput extends PersonInput {
  @Field(() => String, { description: "The tambon the leader works in (6 digits); fixed by their first training." }) tambonCode: string;
  @Field(() => LeaderTrainingModule) module: LeaderTrainingModule;
  @Field(() => String, { description: "ISO date, not in the future." }) trainedOn: string;
  @Field(() => Boolean, { defaultValue: true }) completed: boolean;
}
