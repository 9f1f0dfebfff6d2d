import { Field, InputType, Int } from "type-graphql";
import { Relation, Sex } from "./person.entity";

@InputType()
export class RegisterHouseholdInput {
  @Field(() => String, { description: "11 digits." }) houseCode: string;
  @Field(() => String, { description: "The village's 8-digit code; it must exist." }) villageCode: string;
  @Field(() => String, { nullable: true }) houseNumber?: string | null;
}

@InputType()
export class AddMemberInput {
  @Field(() => String) houseCode: string;
  @Field(() => String, { description: "13 digits with a valid check digit; stored, never returned." }) citizenId: string;
  @Field(() => String) firstName: string;
  @Field(() => String) lastName: string;
  @Field(() => Sex) sex: Sex;
  @Field(() => String, { description: "ISO date YYYY-MM-DD (Gregorian), not in the future." }) birthDate: string;
  @Field(() => Relation) relationToHead: Relation;
  @Field(() => Boolean, { defaultValue: false }) disabled: boolean;
  @Field(() => Boolean, { defaultValue: false }) bedridden: boolean;
  @Field(() => Boolean, { defaultValue: false }) singleParent: boolean;
  @Field(() => Boolean, { defaultValue: false }) welfareCardHolder: boolean;
}

@InputType({ description: "TPMAP dimensions in which the household is deprived." })
export class TpmapInput {
  @Field(() => Boolean, { defaultValue: false }) health: boolean;
  @Field(() => Boolean, { defaultValue: false }) livingConditions: boolean;
  @Field(() => Boolean, { defaultValue: false }) education: boolean;
  @Field(() => Boolean, { defaultValue: false }) income: boolean;
  @Field(() => Boolean, { defaultValue: false }) accessToServices: boolean;
}

@InputType({ description: "Five capital scores, each 1 (worst) to 4 (best)." })
export class RecordAssessmentInput {
  @Field(() => String) houseCode: string;
  @Field(() => String, { description: "ISO date YYYY-MM-DD, not in the future." }) assessedOn: string;
  @Field(() => Int) human: number;
  @Field(() => Int) physical: number;
  @Field(() => Int) financial: number;
  @Field(() => Int) natural: number;
  @Field(() => Int) social: number;
  @Field(() => TpmapInput, { nullable: true }) tpmap?: TpmapInput | null;
}
