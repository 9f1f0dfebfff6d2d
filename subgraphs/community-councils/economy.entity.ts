import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { toBE } from "../kit/calendar";

export enum CodiGrantProgramme {
  COUNCIL_SUPPORT = "COUNCIL_SUPPORT",
  COMMUNITY_WELFARE = "COMMUNITY_WELFARE",
  RURAL_HOUSING = "RURAL_HOUSING",
  BAAN_MANKONG = "BAAN_MANKONG",
  COMMUNITY_ECONOMY = "COMMUNITY_ECONOMY",
  CHANGE_LEADERS = "CHANGE_LEADERS",
}
registerEnumType(CodiGrantProgramme, { name: "CodiGrantProgramme", description: "The CODI (พอช.) programme a grant came from." });

export const PROGRAMME_LABELS: Record<CodiGrantProgramme, string> = {
  COUNCIL_SUPPORT: "สนับสนุนสภาองค์กรชุมชนตำบล (council support)",
  COMMUNITY_WELFARE: "สวัสดิการชุมชน (community welfare)",
  RURAL_HOUSING: "บ้านพอเพียงชนบท (rural housing repair)",
  BAAN_MANKONG: "บ้านมั่นคง (Baan Mankong secure housing)",
  COMMUNITY_ECONOMY: "เศรษฐกิจและทุนชุมชน (community economy)",
  CHANGE_LEADERS: "พัฒนาผู้นำการเปลี่ยนแปลง (change-leader development)",
};

/** The Thai fiscal year named by the CE year it ends in runs from 1 October of the year before to 30 September. */
@ObjectType({ description: "A community enterprise (วิสาหกิจชุมชน) registered in a tambon." })
@Entity({ name: "community_enterprise" })
export class CommunityEnterprise {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Field(() => String, { description: "Its registration number (รหัสทะเบียน)." })
  @Column({ type: "text", name: "registration_number" })
  registrationNumber: string;
  @Column({ type: "char", length: 6, name: "tambon_code" }) tambonCode: string;
  @Field(() => String) @Column({ type: "text" }) name: string;
  @Field(() => String, { description: "What it makes or sells." }) @Column({ type: "text" }) product: string;
  @Field(() => Int) @Column({ type: "integer", name: "members_count" }) membersCount: number;
  @Field(() => String, { description: "ISO date." }) @Column({ type: "date", name: "registered_on" }) registeredOn: string;
  @Field(() => Boolean, { description: "True for demo data." }) @Column({ type: "boolean", default: false }) synthetic: boolean;
}

@ObjectType({ description: "A CODI grant to a tambon's council network. Amount in baht, an exact decimal string." })
@Entity({ name: "codi_grant" })
export class CodiGrant {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "char", length: 6, name: "tambon_code" }) tambonCode: string;
  @Field(() => CodiGrantProgramme) @Column({ type: "text" }) programme: CodiGrantProgramme;

  @Field(() => Int, { description: "The fiscal year by the CE year it ends in (FY 2025 = 1 Oct 2024 – 30 Sep 2025)." })
  @Column({ type: "smallint", name: "fiscal_year" })
  fiscalYear: number;

  @Field(() => String, { description: "Baht." }) @Column({ type: "numeric", precision: 14, scale: 2 }) amount: string;
  @Field(() => String, { description: "ISO date, within the fiscal year." })
  @Column({ type: "date", name: "approved_on" })
  approvedOn: string;
  @Field(() => String, { nullable: true }) @Column({ type: "text", nullable: true }) purpose: string | null;
  @Field(() => Boolean, { description: "True for demo data." }) @Column({ type: "boolean", default: false }) synthetic: boolean;

  @Field(() => String) get programmeLabel(): string {
    return PROGRAMME_LABELS[this.programme];
  }

  @Field(() => Int, { description: "The fiscal year as Thai officers read it (ปีงบประมาณ, BE), e.g. 2568." })
  get fiscalYearBE(): number {
    return toBE(this.fiscalYear);
  }
}
