import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { toBE } from "../kit/calendar";
import type { Count } from "../kit/disclosure";
import { CountField } from "../kit/disclosure-fields";
import { CaseAgency } from "../kit/referral";
import { OWNER, READ } from "./access";

/** A tambon's area-based plan and its parts (migrations/1765500000000-plans.ts). Plans are public documents. */

const money = { type: "numeric", precision: 14, scale: 2 } as const;

@ObjectType({ description: "A tambon development plan (แผนพัฒนาตำบล) of one Thai fiscal year, drafted by its council with CODI." })
@Entity({ name: "tambon_plan" })
export class TambonPlan {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Field(() => String) @Column({ type: "char", length: 6, name: "tambon_code" }) tambonCode: string;
  @Field(() => Int, { description: "By the CE year it ends in: FY 2026 = 1 Oct 2025 – 30 Sep 2026." })
  @Column({ type: "smallint", name: "fiscal_year" })
  fiscalYear: number;
  @Field(() => String) @Column({ type: "text" }) title: string;
  @Field(() => String, { description: "ISO date drafted: the baseline is the data as it was that day." })
  @Column({ type: "date", name: "drafted_on" })
  draftedOn: string;
  @Column({ type: "text", name: "drafted_by" }) draftedBy: string;

  @Field(() => Int, { description: "The fiscal year in the Buddhist Era (ปีงบประมาณ)." })
  get fiscalYearBE(): number {
    return toBE(this.fiscalYear);
  }
}

@ObjectType({ description: "A problem found in the data when the plan was drafted: one agency's figure for the tambon, kept as it was." })
@Entity({ name: "plan_baseline" })
export class PlanBaseline {
  @PrimaryColumn({ type: "bigint", name: "plan_id" }) planId: string;
  @PrimaryColumn({ type: "smallint" }) seq: number;
  @Field(() => CaseAgency, { description: "Whose figure it is." }) @Column({ type: "text" }) agency: CaseAgency;
  @Field(() => String, { description: "Which figure, e.g. registry.householdsByPovertyLevel[1]." })
  @Column({ type: "text" })
  indicator: string;
  @CountField(OWNER, "The figure as the drafter saw it.") @Column({ type: "integer" }) value: Count;
}

@ObjectType({ description: "A project of a tambon plan." })
@Entity({ name: "plan_project" })
export class PlanProject {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "bigint", name: "plan_id" }) planId: string;
  @Field(() => String) @Column({ type: "text" }) title: string;
  @Field(() => CaseAgency) @Column({ type: "text", name: "lead_agency" }) leadAgency: CaseAgency;
  @Field(() => String, { description: "The project's budget in baht (a public plan's money)." }) @Column({ ...money }) budget: string;
  @Field(() => Int, { description: "How many households the project aims to reach." })
  @Column({ type: "integer", name: "target_households" })
  targetHouseholds: number;
  @Field(() => String, { description: "What the project measures, e.g. households with a safe home." })
  @Column({ type: "text" })
  indicator: string;
  @Field(() => Int, { description: "The indicator's target." })
  @Column({ type: "integer", name: "indicator_target" })
  indicatorTarget: number;

  @Authorized(READ)
  @Field(() => [String], { nullable: true, description: "House codes of the households it targets (the council's records)." })
  @Column({ type: "char", length: 11, array: true, name: "house_codes" })
  houseCodes: string[];
}

@ObjectType({ description: "A progress report on a project: append-only, the latest supersedes the earlier ones." })
@Entity({ name: "project_progress" })
export class ProjectProgress {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "bigint", name: "project_id" }) projectId: string;
  @Field(() => String) @Column({ type: "date", name: "reported_on" }) reportedOn: string;
  @Field(() => String, { description: "Baht spent so far (a running total, within the budget)." }) @Column({ ...money }) spent: string;
  @CountField(OWNER, "Households reached so far.") @Column({ type: "integer", name: "households_reached" }) householdsReached: Count;
  @Field(() => Int, { description: "The indicator's value so far." })
  @Column({ type: "integer", name: "indicator_value" })
  indicatorValue: number;
  @Field(() => String, { nullable: true }) @Column({ type: "text", nullable: true }) note: string | null;
  @Column({ type: "text", name: "reported_by" }) reportedBy: string;
}
