import { Field, Int, ObjectType } from "type-graphql";
import { type Measure } from "../kit/disclosure";
import { CountField, MeasureField } from "../kit/disclosure-fields";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { toBahtString, toSatang } from "../kit/money";
import { fiscalYearEnd, fiscalYearStart, toBE } from "../kit/calendar";
import { OWNER } from "./access";
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

  @CountField(OWNER, "Cases approved in the year.") casesApproved: number;
  @CountField(OWNER, "Of those, handed over by now.") casesHandedOver: number;
  @MeasureField(OWNER, () => String, toBahtString, "Baht approved for the year's cases (over their households).")
  budgetApproved: Measure<bigint>;
  @MeasureField(OWNER, () => String, toBahtString, "Baht spent on the year's cases so far (over their households).")
  budgetSpent: Measure<bigint>;

  /** Shown with what was approved: the budget is public, so what is left would tell the approved money. */
  @MeasureField(OWNER, () => String, toBahtString, "Budget not yet approved for a case (hidden with budgetApproved).")
  get budgetRemaining(): Measure<bigint> {
    return { ...this.budgetApproved, value: toSatang(this.amount) - this.budgetApproved.value };
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
