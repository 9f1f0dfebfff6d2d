import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { PII, SENSITIVE } from "./access";
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { yearBE } from "../kit/calendar";

export enum MatchingSource {
  LOCAL_GOVERNMENT = "LOCAL_GOVERNMENT",
  CODI = "CODI",
  STATE = "STATE",
}
registerEnumType(MatchingSource, { name: "WelfareMatchingSource", description: "Who put matching money into a fund." });

export const SOURCE_LABELS: Record<MatchingSource, string> = {
  LOCAL_GOVERNMENT: "องค์กรปกครองส่วนท้องถิ่น (local government)",
  CODI: "สถาบันพัฒนาองค์กรชุมชน (CODI)",
  STATE: "รัฐบาล (the state)",
};

export enum WelfareBenefit {
  CHILDBIRTH = "CHILDBIRTH",
  SICKNESS = "SICKNESS",
  OLD_AGE = "OLD_AGE",
  FUNERAL = "FUNERAL",
  OTHER = "OTHER",
}
registerEnumType(WelfareBenefit, { name: "WelfareBenefit", description: "What a fund paid a benefit for, from birth to death." });

export const BENEFIT_LABELS: Record<WelfareBenefit, string> = {
  CHILDBIRTH: "คลอดบุตร (childbirth)",
  SICKNESS: "เจ็บป่วย (sickness)",
  OLD_AGE: "ผู้สูงอายุ (old age)",
  FUNERAL: "เสียชีวิต (funeral)",
  OTHER: "อื่น ๆ (other)",
};

const money = { type: "numeric", precision: 14, scale: 2 } as const;

@ObjectType("WelfareFundMembership", { description: "A person's membership of a community welfare fund." })
@Entity({ name: "fund_member" })
export class FundMember {
  @PrimaryColumn({ type: "char", length: 32, name: "person_id" }) personId: string;
  @Column({ type: "bigint", name: "fund_id" }) fundId: string;
  @Column({ type: "char", length: 11, name: "house_code" }) houseCode: string;
  @Field(() => String, { description: "ISO date." }) @Column({ type: "date", name: "joined_on" }) joinedOn: string;

  @Field(() => Int, { description: "The year joined, in the Buddhist Era." })
  get joinedYearBE(): number {
    return yearBE(this.joinedOn);
  }

  /** The person's linkage id: the record key the audit trail logs for a membership. */
  get id(): string {
    return this.personId;
  }
}

@ObjectType("WelfareFundContribution", { description: "A member's contribution to their fund." })
@Entity({ name: "fund_contribution" })
export class FundContribution {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "bigint", name: "fund_id" }) fundId: string;
  @Column({ type: "char", length: 32, name: "person_id" }) personId: string;
  @Field(() => String, { description: "ISO date." }) @Column({ type: "date", name: "paid_on" }) paidOn: string;
  @Authorized(PII) @Field(() => String, { nullable: true, description: "Baht." }) @Column({ ...money }) amount: string;
}

@ObjectType("WelfareFundMatching", { description: "Matching money a fund received." })
@Entity({ name: "fund_matching" })
export class FundMatching {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "bigint", name: "fund_id" }) fundId: string;
  @Field(() => MatchingSource) @Column({ type: "text" }) source: MatchingSource;
  @Field(() => String, { description: "ISO date." }) @Column({ type: "date", name: "received_on" }) receivedOn: string;
  @Field(() => String, { description: "Baht." }) @Column({ ...money }) amount: string;

  @Field(() => String) get sourceLabel(): string {
    return SOURCE_LABELS[this.source];
  }
}

@ObjectType("WelfareFundPayout", { description: "A benefit a fund paid to (or for) a member." })
@Entity({ name: "fund_payout" })
export class FundPayout {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "bigint", name: "fund_id" }) fundId: string;
  @Column({ type: "char", length: 32, name: "person_id" }) personId: string;
  @Authorized(SENSITIVE) @Field(() => WelfareBenefit, { nullable: true }) @Column({ type: "text" }) benefit: WelfareBenefit;
  @Field(() => String, { description: "ISO date." }) @Column({ type: "date", name: "paid_on" }) paidOn: string;
  @Authorized(PII) @Field(() => String, { nullable: true, description: "Baht." }) @Column({ ...money }) amount: string;
  @Authorized(SENSITIVE) @Field(() => String, { nullable: true }) @Column({ type: "text", nullable: true }) note: string | null;

  @Authorized(SENSITIVE) @Field(() => String, { nullable: true }) get benefitLabel(): string {
    return BENEFIT_LABELS[this.benefit];
  }
}
