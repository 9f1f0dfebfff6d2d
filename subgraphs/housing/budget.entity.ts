import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { toBahtString, toSatang } from "../kit/money";
import { fiscalYearEnd, fiscalYearStart, toBE } from "../kit/calendar";
import { HousingProgramme, PROGRAMMES } from "./programme";

/** A programme's budget for one fiscal year; progress counts the cases approved in that year. */
@ObjectType({ description: "A housing programme's budget and target for a fiscal year, with its progress." })
@Entity({ name: "programme_budget" })
export class ProgrammeBudget {
  @Field(() => HousingProgramme) @PrimaryColumn({ type: "text" }) programme: HousingProgramme;

  @Field(() => Int, { description: "Fiscal year (CE) it ends in: 2026 = 1 Oct 2025 – 30 Sep 2026." })
  @PrimaryColumn({ type: "smallint", name: "fiscal_year" })
  fiscalYear: number;

  @Field(() => String, { name: "budget", description: "Baht allocated for the year." })
  @Column({ type: "numeric", precision: 14, scale: 2 })
  amount: string;

  @Field(() => Int, { description: "Households the programme means to help this year." })
  @Column({ type: "integer", name: "target_households" })
  targetHouseholds: number;

  @Field(() => Int, { description: "Cases approved in the year." }) casesApproved: number;
  @Field(() => Int, { description: "Of those, handed over by now." }) casesHandedOver: number;
  @Field(() => String, { description: "Baht approved for the year's cases." }) budgetApproved: string;
  @Field(() => String, { description: "Baht spent on the year's cases so far." }) budgetSpent: string;

  @Field(() => String, { description: "Budget not yet approved for a case." })
  get budgetRemaining(): string {
    return toBahtString(toSatang(this.amount) - toSatang(this.budgetApproved));
  }

  @Field(() => String) get programmeName(): string {
    return PROGRAMMES[this.programme].nameTh;
  }

  @Field(() => Int, { description: "ปีงบประมาณ (BE)." }) get fiscalYearBE(): number {
    return toBE(this.fiscalYear);
  }

  @Field(() => String, { description: "ISO date the fiscal year starts (1 October)." }) get startsOn(): string {
    return fiscalYearStart(this.fiscalYear);
  }

  @Field(() => String, { description: "ISO date it ends (30 September)." }) get endsOn(): string {
    return fiscalYearEnd(this.fiscalYear);
  }
}
