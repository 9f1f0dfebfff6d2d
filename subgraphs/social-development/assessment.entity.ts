import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { yearBE } from "../kit/calendar";

/** The precise-poverty levels (sustainable-livelihood framework), 1 worst off … 4 well. */
export const POVERTY_LEVELS: Record<number, string> = {
  1: "อยู่ลำบาก (hardship)",
  2: "อยู่ยาก (difficult)",
  3: "อยู่พอได้ (getting by)",
  4: "อยู่ดี (well)",
};

@ObjectType({ description: "TPMAP dimensions in which the household is deprived (from the basic-needs survey)." })
export class TpmapDeprivation {
  @Field(() => Boolean) health: boolean;
  @Field(() => Boolean) livingConditions: boolean;
  @Field(() => Boolean) education: boolean;
  @Field(() => Boolean) income: boolean;
  @Field(() => Boolean) accessToServices: boolean;
}

@ObjectType({ description: "One assessment of a household; every assessment is kept with its date." })
@Entity({ name: "assessment" })
export class Assessment {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "char", length: 11, name: "house_code" }) houseCode: string;
  @Field(() => String, { description: "ISO date (Gregorian)." }) @Column({ type: "date", name: "assessed_on" }) assessedOn: string;
  @Field(() => Int, { description: "Human capital score, 1-4." }) @Column({ type: "smallint", name: "human_capital" }) human: number;
  @Field(() => Int, { description: "Physical capital score, 1-4." })
  @Column({ type: "smallint", name: "physical_capital" })
  physical: number;
  @Field(() => Int, { description: "Financial capital score, 1-4." })
  @Column({ type: "smallint", name: "financial_capital" })
  financial: number;
  @Field(() => Int, { description: "Natural capital score, 1-4." }) @Column({ type: "smallint", name: "natural_capital" }) natural: number;
  @Field(() => Int, { description: "Social capital score, 1-4." }) @Column({ type: "smallint", name: "social_capital" }) social: number;

  @Field(() => Int, {
    description: "1 hardship, 2 difficult, 3 getting by, 4 well: from the sum of the five scores (5-8, 9-12, 13-16, 17-20).",
  })
  @Column({ type: "smallint", name: "poverty_level", insert: false, update: false })
  povertyLevel: number;

  @Column({ type: "boolean", name: "tpmap_health" }) tpmapHealth: boolean;
  @Column({ type: "boolean", name: "tpmap_living" }) tpmapLiving: boolean;
  @Column({ type: "boolean", name: "tpmap_education" }) tpmapEducation: boolean;
  @Column({ type: "boolean", name: "tpmap_income" }) tpmapIncome: boolean;
  @Column({ type: "boolean", name: "tpmap_access" }) tpmapAccess: boolean;

  @Field(() => String, { description: "The level's Thai name with an English gloss." })
  get povertyLevelLabel(): string {
    return POVERTY_LEVELS[this.povertyLevel];
  }

  @Field(() => Int, { description: "The year assessed in the Buddhist Era (CE + 543), as people read it." })
  get yearBE(): number {
    return yearBE(this.assessedOn);
  }

  @Field(() => TpmapDeprivation)
  get tpmap(): TpmapDeprivation {
    return {
      health: this.tpmapHealth,
      livingConditions: this.tpmapLiving,
      education: this.tpmapEducation,
      income: this.tpmapIncome,
      accessToServices: this.tpmapAccess,
    };
  }
}
