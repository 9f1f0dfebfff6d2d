import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { PII, SCREEN } from "./access";
import { yearBE } from "../kit/calendar";

export enum Condition {
  GOOD = "GOOD",
  WORN = "WORN",
  UNSAFE = "UNSAFE",
}
registerEnumType(Condition, {
  name: "BuildingCondition",
  valuesConfig: {
    GOOD: { description: "ดี: sound." },
    WORN: { description: "ชำรุด: worn, needs repair." },
    UNSAFE: { description: "ไม่ปลอดภัย: unsafe to live with." },
  },
});

export enum BuildingElement {
  ROOF = "ROOF",
  WALLS = "WALLS",
  FLOOR = "FLOOR",
  POSTS = "POSTS",
  TOILET = "TOILET",
}
registerEnumType(BuildingElement, { name: "BuildingElement", description: "หลังคา, ฝา, พื้น, เสา, ห้องส้วม." });

export enum LandTenure {
  OWN = "OWN",
  RELATIVE = "RELATIVE",
  RENTED = "RENTED",
  PUBLIC_LAND = "PUBLIC_LAND",
  ENCROACHED = "ENCROACHED",
}
registerEnumType(LandTenure, {
  name: "LandTenure",
  description: "The household's right to the land its house stands on.",
  valuesConfig: {
    OWN: { description: "ที่ดินของตนเอง: its own land." },
    RELATIVE: { description: "อาศัยที่ดินญาติ: a relative's land, with permission (secure)." },
    RENTED: { description: "เช่า: rented (secure)." },
    PUBLIC_LAND: { description: "ที่สาธารณะ: public land, without a right to it (insecure)." },
    ENCROACHED: { description: "บุกรุก: encroached land (insecure)." },
  },
});

/**
 * One housing survey of a household, kept with its date (a household may be surveyed again).
 * The condition score, the overall condition and tenure security are derived by the database
 * (generated columns, see the migration): stored once, never out of step with the elements.
 */
@ObjectType({ description: "A housing condition survey (สำรวจสภาพที่อยู่อาศัย) by the อบจ." })
@Entity({ name: "housing_survey" })
export class HousingSurvey {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Field(() => String, { description: "The household's house code." })
  @Column({ type: "char", length: 11, name: "house_code" })
  houseCode: string;
  @Column({ type: "char", length: 8, name: "village_code" }) villageCode: string;
  @Column({ type: "char", length: 6, name: "tambon_code", insert: false, update: false }) tambonCode: string;
  @Column({ type: "char", length: 4, name: "district_code" }) districtCode: string;
  @Field(() => String, { description: "ISO date (Gregorian)." }) @Column({ type: "date", name: "surveyed_on" }) surveyedOn: string;
  @Field(() => Condition) @Column({ type: "text", name: "roof_condition" }) roof: Condition;
  @Field(() => Condition) @Column({ type: "text", name: "wall_condition" }) walls: Condition;
  @Field(() => Condition) @Column({ type: "text", name: "floor_condition" }) floor: Condition;
  @Field(() => Condition) @Column({ type: "text", name: "post_condition" }) posts: Condition;
  @Field(() => Condition) @Column({ type: "text", name: "toilet_condition" }) toilet: Condition;
  @Field(() => LandTenure) @Column({ type: "text", name: "land_tenure" }) tenure: LandTenure;

  @Field(() => Int, {
    description: "0 (everything unsafe) … 100 (everything sound): roof 24, posts 24, walls 20, floor 16, toilet 16; worn counts half.",
  })
  @Column({ type: "smallint", name: "condition_score", insert: false, update: false })
  conditionScore: number;

  @Field(() => Condition, { description: "UNSAFE when any element is unsafe, else WORN when any is worn, else GOOD." })
  @Column({ type: "text", name: "overall_condition", insert: false, update: false })
  condition: Condition;

  @Field(() => Boolean, { description: "False on public or encroached land." })
  @Column({ type: "boolean", name: "tenure_secure", insert: false, update: false })
  tenureSecure: boolean;

  @Field(() => String, { nullable: true, description: "Who surveyed (officer or volunteer)." })
  @Column({ type: "text", name: "surveyed_by", nullable: true })
  surveyedBy: string | null;

  @Authorized(PII, SCREEN)
  @Field(() => String, { nullable: true, description: "Free text: may describe the household (personal data)." })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @Field(() => Int, { description: "The year surveyed in the Buddhist Era (CE + 543)." })
  get yearBE(): number {
    return yearBE(this.surveyedOn);
  }

  @Field(() => [BuildingElement], { description: "The elements found unsafe." })
  get unsafeElements(): BuildingElement[] {
    const elements: [BuildingElement, Condition][] = [
      [BuildingElement.ROOF, this.roof],
      [BuildingElement.WALLS, this.walls],
      [BuildingElement.FLOOR, this.floor],
      [BuildingElement.POSTS, this.posts],
      [BuildingElement.TOILET, this.toilet],
    ];
    return elements.filter(([, c]) => c === Condition.UNSAFE).map(([e]) => e);
  }
}
