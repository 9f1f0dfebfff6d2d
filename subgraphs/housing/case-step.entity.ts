import { Authorized, Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { PII, SCREEN } from "./access";
import { CaseStage, decisionOf, StepDecision } from "./ladder";
import { yearBE } from "../kit/calendar";

/** One step of a case, never changed once written (a trigger refuses UPDATE and DELETE). */
@ObjectType({ description: "A step of a case: a screening decision, the approval, or a stage of the works." })
@Entity({ name: "case_step" })
export class CaseStep {
  @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "bigint", name: "case_id" }) caseId: string;
  @Field(() => Int, { description: "1 for the opening, then one more per step." }) @Column({ type: "smallint" }) seq: number;
  @Field(() => CaseStage, { nullable: true, description: "Where the case stood before (null for the opening)." })
  @Column({ type: "text", name: "from_stage", nullable: true })
  fromStage: CaseStage | null;
  @Field(() => CaseStage, { description: "Where the step took the case." }) @Column({ type: "text" }) stage: CaseStage;
  @Field(() => String, { description: "ISO date of the decision or the event." })
  @Column({ type: "date", name: "decided_on" })
  date: string;
  @Field(() => String, { description: "Who decided or recorded it (a committee, an officer)." })
  @Column({ type: "text", name: "decided_by" })
  decidedBy: string;
  @Authorized(PII, SCREEN)
  @Field(() => String, { nullable: true, description: "Why (free text: may describe the household)." })
  @Column({ type: "text", nullable: true })
  reason: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Baht: requested at the opening, approved at the approval, spent so far at a works step.",
  })
  @Column({ type: "numeric", precision: 14, scale: 2, nullable: true })
  amount: string | null;

  @Field(() => StepDecision)
  get decision(): StepDecision {
    return decisionOf(this.fromStage, this.stage);
  }

  @Field(() => Int, { description: "The year of the step in the Buddhist Era." })
  get yearBE(): number {
    return yearBE(this.date);
  }
}
