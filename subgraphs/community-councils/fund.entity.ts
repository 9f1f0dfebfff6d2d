import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn, VirtualColumn } from "typeorm";
import { yearBE } from "../kit/calendar";

export enum ContributionPeriod {
  DAY = "DAY",
  MONTH = "MONTH",
  YEAR = "YEAR",
}
registerEnumType(ContributionPeriod, { name: "WelfareContributionPeriod", description: "The period a contribution rule's amount is for." });

const money = { type: "numeric", precision: 14, scale: 2 } as const;

@ObjectType({ description: "A community welfare fund (กองทุนสวัสดิการชุมชน), one per tambon council. Amounts in baht, exact decimal strings." })
@Entity({ name: "welfare_fund" })
export class WelfareFund {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "char", length: 6, name: "tambon_code" }) tambonCode: string;
  @Field(() => String) @Column({ type: "text" }) name: string;
  @Field(() => String, { description: "ISO date." }) @Column({ type: "date", name: "founded_on" }) foundedOn: string;

  @Field(() => String, { description: "The rule as members know it, e.g. วันละ 1 บาท (365 บาทต่อปี)." })
  @Column({ type: "text", name: "contribution_rule" })
  contributionRule: string;

  @Field(() => String, { description: "The rule's amount per period, in baht." })
  @Column({ ...money, name: "contribution_amount" })
  contributionAmount: string;

  @Field(() => ContributionPeriod) @Column({ type: "text", name: "contribution_period" }) contributionPeriod: ContributionPeriod;

  /** Served with its contributors by WelfareFundResolver (disclosure control), like payouts and balance. */
  @Column({ ...money, name: "contributions_total", insert: false, update: false })
  contributionsTotal: string;

  @Field(() => String, { description: "All matching money received (local government, CODI, the state): public money, shown exact." })
  @Column({ ...money, name: "matching_total", insert: false, update: false })
  matchingTotal: string;

  @Column({ ...money, name: "payouts_total", insert: false, update: false })
  payoutsTotal: string;

  @Column({ ...money, insert: false, update: false })
  balance: string;

  /** Who is behind the accounts (kit/disclosure.ts: money over 1-4 people is hidden from the public), read with the fund. */
  @VirtualColumn({ type: "int", query: (f) => `SELECT count(*) FROM fund_member m WHERE m.fund_id = ${f}.id` })
  members: number;

  @VirtualColumn({ type: "int", query: (f) => `SELECT count(DISTINCT x.person_id) FROM fund_contribution x WHERE x.fund_id = ${f}.id` })
  contributors: number;

  @VirtualColumn({ type: "int", query: (f) => `SELECT count(DISTINCT x.person_id) FROM fund_payout x WHERE x.fund_id = ${f}.id` })
  paid: number;

  @Field(() => Boolean, { description: "True for demo data: invented, describes nobody." })
  @Column({ type: "boolean", default: false })
  synthetic: boolean;

  @Field(() => Int, { description: "The founding year in the Buddhist Era (CE + 543)." })
  get foundedYearBE(): number {
    return yearBE(this.foundedOn);
  }
}
