import { Field, InputType, Int } from "type-graphql";
import { CodiGrantProgramme } from "./economy.entity";

@InputType()
export class RegisterEnterpriseInput {
  @Field(() => String, { description: "6 digits." }) tambonCode: string;
  @Field(() => String, { description: "As issued, e.g. 4-49-02-01/1-0012." }) registrationNumber: string;
  @Field(() => String) name: string;
  @Field(() => String, { description: "What it makes or sells." }) product: string;
  @Field(() => Int, { description: "At least 7: the least a community enterprise may have." }) membersCount: number;
  @Field(() => String, { description: "ISO date, not before 2005 (the Community Enterprise Promotion Act)." }) registeredOn: string;
}

@InputType()
export class RecordGrantInput {
  @Field(() => String, { description: "The tambon whose council received it (6 digits)." }) tambonCode: string;
  @Field(() => CodiGrantProgramme) programme: CodiGrantProgramme;
  @Field(() => Int, { description: "By the CE year it ends in: FY 2025 (ปีงบ 2568) = 1 Oct 2024 – 30 Sep 2025." }) fiscalYear: number;
  @Field(() => String, { description: 'Baht, exact, e.g. "190000".' }) amount: string;
  @Field(() => String, { description: "ISO date within the fiscal year, not in the future." }) approvedOn: string;
  @Field(() => String, { nullable: true }) purpose?: string | null;
}
