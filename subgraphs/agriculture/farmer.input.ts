import { Field, InputType, Int } from "type-graphql";
import { AreaInput } from "./area";
import { Crop, LandDocument, WaterSource } from "./crop";

@InputType()
export class PlotInput {
  @Field(() => LandDocument) landDocument: LandDocument;
  @Field(() => AreaInput) area: AreaInput;
  @Field(() => WaterSource) waterSource: WaterSource;
}

@InputType({ description: "A farm book, without any citizen ID: the holder is given by the registry's linkage id." })
export class RegisterFarmerInput {
  @Field(() => String, { description: "12 digits; unique." }) farmBookNumber: string;
  @Field(() => String, { description: "The holder's Person linkage id (32 hex digits)." }) personId: string;
  @Field(() => String, { description: "The farm household's house code (11 digits)." }) houseCode: string;
  @Field(() => String, { description: "The village (8 digits) of the farm household: its figures count in that tambon." })
  villageCode: string;
  @Field(() => String, { description: "The holder's birth date (ISO), for the young-farmer rule only; never served." }) birthDate: string;
  @Field(() => String, { nullable: true, description: "ISO date, not in the future; default today." }) registeredOn?: string | null;
  @Field(() => Boolean, { defaultValue: false }) youngSmartFarmer: boolean;
  @Field(() => [PlotInput], { defaultValue: [], description: "Its plots, numbered 1, 2, … in this order." }) plots: PlotInput[];
}

@InputType()
export class AddPlotInput extends PlotInput {
  @Field(() => String) farmBookNumber: string;
}

@InputType({ description: "A crop cycle on a plot; leave the harvest out while the crop is growing." })
export class RecordCropCycleInput {
  @Field(() => String) farmBookNumber: string;
  @Field(() => Int) plotNumber: number;
  @Field(() => Crop) crop: Crop;
  @Field(() => String, { nullable: true }) variety?: string | null;
  @Field(() => AreaInput, { description: "More than 0 and at most the plot's area." }) plantedArea: AreaInput;
  @Field(() => String, { description: "ISO date, not in the future." }) plantedOn: string;
  @Field(() => String, { nullable: true, description: "ISO date, not before plantedOn nor in the future." }) harvestedOn?: string | null;
  @Field(() => Int, { nullable: true, description: "Whole kg; needs harvestedOn." }) yieldKg?: number | null;
  @Field(() => String, { nullable: true, description: "Baht per kg, ≥ 0, at most 2 decimals; needs yieldKg." }) pricePerKg?: string | null;
  @Field(() => String, { nullable: true }) buyer?: string | null;
}
