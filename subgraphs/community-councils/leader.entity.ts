import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { yearBE } from "../kit/calendar";

export enum LeaderTrainingModule {
  DATA_FOR_DEVELOPMENT = "DATA_FOR_DEVELOPMENT",
  COMMUNITY_WELFARE = "COMMUNITY_WELFARE",
  COMMUNITY_ECONOMY = "COMMUNITY_ECONOMY",
  LAND_AND_HOUSING = "LAND_AND_HOUSING",
  ENVIRONMENT = "ENVIRONMENT",
  ORGANIC_FARMING = "ORGANIC_FARMING",
}
registerEnumType(LeaderTrainingModule, { name: "LeaderTrainingModule", description: "What a change-leader training was about." });

export const MODULE_LABELS: Record<LeaderTrainingModule, string> = {
  DATA_FOR_DEVELOPMENT: "ข้อมูลเพื่อการพัฒนา (data for development)",
  COMMUNITY_WELFARE: "สวัสดิการชุมชน (community welfare)",
  COMMUNITY_ECONOMY: "เศรษฐกิจชุมชน (community economy)",
  LAND_AND_HOUSING: "ที่ดินและที่อยู่อาศัย (land and housing)",
  ENVIRONMENT: "ทรัพยากรธรรมชาติและสิ่งแวดล้อม (environment)",
  ORGANIC_FARMING: "เกษตรอินทรีย์ (organic farming)",
};

@ObjectType({ description: "A change leader (ผู้นำการเปลี่ยนแปลง) of a tambon, trained by the council network." })
@Entity({ name: "change_leader" })
export class ChangeLeader {
  @PrimaryColumn({ type: "char", length: 32, name: "person_id" }) personId: string;
  @Column({ type: "char", length: 6, name: "tambon_code" }) tambonCode: string;
}

@ObjectType({ description: "One training a change leader attended." })
@Entity({ name: "leader_training" })
export class LeaderTraining {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "char", length: 32, name: "person_id" }) personId: string;
  @Field(() => LeaderTrainingModule) @Column({ type: "text" }) module: LeaderTrainingModule;
  @Field(() => String, { description: "ISO date." }) @Column({ type: "date", name: "trained_on" }) trainedOn: string;
  @Field(() => Boolean, { description: "False when the leader attended but did not complete it." })
  @Column({ type: "boolean" })
  completed: boolean;

  @Field(() => String, { description: "The module's Thai name with an English gloss." })
  get moduleLabel(): string {
    return MODULE_LABELS[this.module];
  }

  @Field(() => Int, { description: "The training year in the Buddhist Era (CE + 543)." })
  get yearBE(): number {
    return yearBE(this.trainedOn);
  }
}
