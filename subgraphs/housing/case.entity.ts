import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { CaseStage, CLOSED_STAGES } from "./ladder";
import { fiscalYearOf, toBE } from "../kit/calendar";
import { HousingProgramme, PROGRAMMES, WorkType } from "./programme";

/**
 * An assistance case: one household, one programme. Its history is the append-only step table
 * (case-step.entity.ts); `stage` and `stageOn` repeat the last step so that filters by stage
 * are indexed and so that advancing locks one row (SELECT … FOR UPDATE) before reading them.
 */
@ObjectType({ description: "A request for housing assistance and its way through screening and works." })
@Entity({ name: "assistance_case" })
export class AssistanceCase {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Field(() => String) @Column({ type: "char", length: 11, name: "house_code" }) houseCode: string;
  @Column({ type: "bigint", name: "survey_id" }) surveyId: string;
  @Column({ type: "char", length: 8, name: "village_code" }) villageCode: string;
  @Column({ type: "char", length: 6, name: "tambon_code", insert: false, update: false }) tambonCode: string;
  @Column({ type: "char", length: 4, name: "district_code" }) districtCode: string;
  @Field(() => HousingProgramme) @Column({ type: "text" }) programme: HousingProgramme;
  @Field(() => WorkType) @Column({ type: "text", name: "work_type" }) workType: WorkType;

  @Field(() => String, { description: "Baht, exact (decimal string)." })
  @Column({ type: "numeric", precision: 14, scale: 2, name: "requested_budget" })
  requestedBudget: string;

  @Field(() => String, { nullable: true, description: "Baht, set when the province approves." })
  @Column({ type: "numeric", precision: 14, scale: 2, name: "approved_budget", nullable: true })
  approvedBudget: string | null;

  @Field(() => String, { nullable: true, description: "Baht spent so far, as the works steps recorded it." })
  @Column({ type: "numeric", precision: 14, scale: 2, name: "spent_amount", nullable: true })
  spentAmount: string | null;

  @Field(() => CaseStage) @Column({ type: "text" }) stage: CaseStage;
  @Field(() => String, { description: "ISO date of the last step." }) @Column({ type: "date", name: "stage_on" }) stageOn: string;
  @Field(() => String, { description: "ISO date the case was opened." }) @Column({ type: "date", name: "opened_on" }) openedOn: string;
  @Field(() => String, { nullable: true, description: "ISO date of the approval." })
  @Column({ type: "date", name: "approved_on", nullable: true })
  approvedOn: string | null;

  @Field(() => Boolean, { description: "Neither rejected nor handed over yet." })
  get open(): boolean {
    return !CLOSED_STAGES.includes(this.stage);
  }

  @Field(() => String, { description: "The programme's Thai name." })
  get programmeName(): string {
    return PROGRAMMES[this.programme].nameTh;
  }

  @Field(() => Int, { nullable: true, description: "The fiscal year of the approval (CE: 2026 = 1 Oct 2025 – 30 Sep 2026)." })
  get fiscalYear(): number | null {
    return this.approvedOn ? fiscalYearOf(this.approvedOn) : null;
  }

  @Field(() => Int, { nullable: true, description: "The same fiscal year in the Buddhist Era (ปีงบประมาณ)." })
  get fiscalYearBE(): number | null {
    return this.approvedOn ? toBE(fiscalYearOf(this.approvedOn)) : null;
  }
}
