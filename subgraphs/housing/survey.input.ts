import { Field, InputType } from "type-graphql";
import { Condition, LandTenure } from "./survey.entity";

@InputType({ description: "What a surveyor found at one house on one day." })
export class RecordHousingSurveyInput {
  @Field(() => String, { description: "The household's house code (11 digits)." }) houseCode: string;
  @Field(() => String, { description: "The village (8 digits) where the house was surveyed; it must exist." }) villageCode: string;
  @Field(() => String, { description: "ISO date YYYY-MM-DD, not in the future." }) surveyedOn: string;
  @Field(() => Condition) roof: Condition;
  @Field(() => Condition) walls: Condition;
  @Field(() => Condition) floor: Condition;
  @Field(() => Condition) posts: Condition;
  @Field(() => Condition) toilet: Condition;
  @Field(() => LandTenure) tenure: LandTenure;
  @Field(() => String, { nullable: true }) surveyedBy?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}
