import { Field, InputType } from "type-graphql";

@InputType({ description: "A training held in a tambon and the registered farmers who attended." })
export class RecordTrainingInput {
  @Field(() => String) title: string;
  @Field(() => String, { description: "ISO date, not in the future." }) heldOn: string;
  @Field(() => String, { description: "Where it was held (6 digits)." }) tambonCode: string;
  @Field(() => String, { nullable: true }) organizer?: string | null;
  @Field(() => [String], { description: "Farm book numbers of the attendees; each must be registered." }) attendees: string[];
}
