import { Field, ID, InputType, Int } from "type-graphql";
import { Crop } from "./crop";
import { ComplaintStatus } from "./price-complaint.entity";

@InputType({ description: "A complaint that a buyer offered less than the reference price." })
export class FilePriceComplaintInput {
  @Field(() => String, { description: "The complaining farmer's farm book." }) farmBookNumber: string;
  @Field(() => Crop) crop: Crop;
  @Field(() => String, { description: "Baht per kg offered; below the reference price." }) offeredPricePerKg: string;
  @Field(() => String, { nullable: true, description: "Baht per kg; default the latest published reference price on or before filedOn." })
  referencePricePerKg?: string | null;
  @Field(() => Int, { nullable: true, description: "Whole kg concerned." }) quantityKg?: number | null;
  @Field(() => String, { description: "Who offered the price (mill, yard, middleman)." }) buyer: string;
  @Field(() => String, { nullable: true }) details?: string | null;
  @Field(() => String, { nullable: true, description: "ISO date, not in the future; default today." }) filedOn?: string | null;
}

@InputType({ description: "Moves a complaint on: OPEN → UNDER_REVIEW → RESOLVED or DISMISSED (a closed one stays closed)." })
export class ReviewPriceComplaintInput {
  @Field(() => ID) id: string;
  @Field(() => ComplaintStatus) status: ComplaintStatus;
  @Field(() => String, { nullable: true, description: "What was found or decided; required to close a complaint." }) note?: string | null;
}
