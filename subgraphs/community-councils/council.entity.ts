import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { yearBE } from "../kit/calendar";
import { today } from "../kit/clock";

export enum CouncilRole {
  CHAIR = "CHAIR",
  VICE_CHAIR = "VICE_CHAIR",
  SECRETARY = "SECRETARY",
  TREASURER = "TREASURER",
  MEMBER = "MEMBER",
}
registerEnumType(CouncilRole, { name: "CouncilRole", description: "A seat on a tambon community organization council." });

export const COUNCIL_ROLE_LABELS: Record<CouncilRole, string> = {
  CHAIR: "ประธาน (chair)",
  VICE_CHAIR: "รองประธาน (vice-chair)",
  SECRETARY: "เลขานุการ (secretary)",
  TREASURER: "เหรัญญิก (treasurer)",
  MEMBER: "สมาชิก (member)",
};

/** Seats a council holds once at a time; vice-chairs and members may be many. */
export const SINGLE_SEATS: ReadonlySet<CouncilRole> = new Set([CouncilRole.CHAIR, CouncilRole.SECRETARY, CouncilRole.TREASURER]);

/** Listing order: the officers first, then members. */
export const roleRankSql = (column: string): string =>
  `array_position(ARRAY['CHAIR','VICE_CHAIR','SECRETARY','TREASURER','MEMBER'], ${column})`;

@ObjectType({ description: "A tambon community organization council (สภาองค์กรชุมชนตำบล), one per tambon." })
@Entity({ name: "council" })
export class TambonCouncil {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "char", length: 6, name: "tambon_code" }) tambonCode: string;
  @Field(() => String) @Column({ type: "text" }) name: string;

  @Field(() => String, { description: "วันที่จดแจ้ง: the date the council was notified (registered), ISO date." })
  @Column({ type: "date", name: "notified_on" })
  notifiedOn: string;

  @Field(() => Boolean, { description: "True for demo data: invented, describes nobody." })
  @Column({ type: "boolean", default: false })
  synthetic: boolean;

  @Field(() => Int, { description: "The notification year in the Buddhist Era (CE + 543)." })
  get notifiedYearBE(): number {
    return yearBE(this.notifiedOn);
  }
}

@ObjectType({ description: "A person's seat on a council for one term." })
@Entity({ name: "council_member" })
export class CouncilMember {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "bigint", name: "council_id" }) councilId: string;
  @Column({ type: "char", length: 32, name: "person_id" }) personId: string;
  @Field(() => CouncilRole) @Column({ type: "text" }) role: CouncilRole;
  @Field(() => String, { description: "ISO date." }) @Column({ type: "date", name: "term_start" }) termStart: string;
  @Field(() => String, { description: "ISO date." }) @Column({ type: "date", name: "term_end" }) termEnd: string;

  @Field(() => String, { description: "The seat's Thai name with an English gloss." })
  get roleLabel(): string {
    return COUNCIL_ROLE_LABELS[this.role];
  }

  @Field(() => Boolean, { description: "True while today falls within the term." })
  get current(): boolean {
    const on = today();
    return this.termStart <= on && on <= this.termEnd;
  }

  @Field(() => Int, { description: "The year the term started, in the Buddhist Era." })
  get termStartYearBE(): number {
    return yearBE(this.termStart);
  }
}
