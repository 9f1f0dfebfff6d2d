import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Capital, CaseAgency, referralId } from "../kit/referral";

/** A household's case plan, one need per capital (migrations/1765400000000-casework.ts). */

@ObjectType({ description: "One need of a household's case plan: what is lacking in one capital, the goal, who acts and when to review." })
@Entity({ name: "case_need" })
export class CaseNeed {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "char", length: 11, name: "house_code" }) houseCode: string;
  @Field(() => Capital) @Column({ type: "text" }) capital: Capital;
  @Field(() => String, { description: "What the household lacks, e.g. an unsafe roof." }) @Column({ type: "text" }) need: string;
  @Field(() => String, { description: "What the plan aims at, e.g. a safe home by the review." }) @Column({ type: "text" }) goal: string;
  @Field(() => CaseAgency) @Column({ type: "text", name: "responsible_agency" }) responsibleAgency: CaseAgency;
  @Field(() => String, { description: "ISO date the need was planned." }) @Column({ type: "date", name: "planned_on" }) plannedOn: string;
  @Field(() => String, { description: "ISO date of the next review." }) @Column({ type: "date", name: "review_on" }) reviewOn: string;
}

export enum ReferralOutcome {
  MET = "MET",
  PARTLY_MET = "PARTLY_MET",
  NOT_MET = "NOT_MET",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(ReferralOutcome, { name: "ReferralOutcome", description: "How the need stood when the sender closed the referral." });

/**
 * A need referred to another agency. The registry keeps the referral's life on its side (sent,
 * closed with an outcome); the receiving agency adds its answer to this entity from its own
 * subgraph (`Referral.housing`, `Referral.agriculture`, `Referral.councils`: kit/referral-answer.ts).
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A household's need referred by one agency to another." })
@Entity({ name: "referral" })
export class Referral {
  @PrimaryGeneratedColumn({ type: "bigint", name: "id" }) serial: string;
  @Column({ type: "char", length: 11, name: "house_code" }) houseCode: string;
  @Column({ type: "bigint", name: "need_id" }) needId: string;
  @Field(() => CaseAgency, { nullable: true }) @Column({ type: "text", name: "from_agency" }) fromAgency: CaseAgency;
  @Field(() => CaseAgency, { nullable: true }) @Column({ type: "text", name: "to_agency" }) toAgency: CaseAgency;
  @Field(() => String, { nullable: true, description: "Why the sender refers the need." }) @Column({ type: "text" }) reason: string;
  @Field(() => String, { nullable: true, description: "ISO date sent." }) @Column({ type: "date", name: "sent_on" }) sentOn: string;
  @Field(() => String, { nullable: true, description: "ISO date the sender closed it (null while open)." })
  @Column({ type: "date", name: "closed_on", nullable: true })
  closedOn: string | null;
  @Field(() => ReferralOutcome, { nullable: true, description: "Set when closed." })
  @Column({ type: "text", nullable: true })
  outcome: ReferralOutcome | null;
  @Field(() => String, { nullable: true }) @Column({ type: "text", name: "outcome_note", nullable: true }) outcomeNote: string | null;

  @Field(() => ID, { description: "The addressee and a serial, e.g. HOUSING-17." })
  get id(): string {
    return referralId(this.toAgency, this.serial);
  }
}

@ObjectType({ description: "One change in a household's casework, as it happened: append-only." })
@Entity({ name: "casework_event" })
export class CaseworkEvent {
  @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "char", length: 11, name: "house_code" }) houseCode: string;
  @Column({ type: "bigint", name: "need_id", nullable: true }) needId: string | null;
  @Column({ type: "bigint", name: "referral_id", nullable: true }) referralSerial: string | null;
  @Field(() => String, { description: "NEED_PLANNED, REFERRED or CLOSED." }) @Column({ type: "text" }) event: string;
  @Field(() => String, { nullable: true }) @Column({ type: "text", nullable: true }) note: string | null;
  @Field(() => String, { description: "Who (the token's subject)." }) @Column({ type: "text", name: "by_subject" }) bySubject: string;
  @Field(() => String, { nullable: true }) @Column({ type: "text", name: "by_agency", nullable: true }) byAgency: string | null;
  @Field(() => String) @Column({ type: "text", name: "by_role" }) byRole: string;
  @Field(() => String, { description: "When (ISO timestamp)." })
  @Column({ type: "timestamptz", transformer: { from: (d: Date) => d.toISOString(), to: (v: unknown) => v } })
  at: string;
}
