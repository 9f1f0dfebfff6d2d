import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Farmer } from "./farmer.entity";
import { yearBE } from "../kit/calendar";

@ObjectType({ description: "A training the farmers council ran or recorded, with the farmers who attended." })
@Entity({ name: "training" })
export class FarmerTraining {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Field(() => String) @Column({ type: "text" }) title: string;
  @Field(() => String, { description: "ISO date." }) @Column({ type: "date", name: "held_on" }) heldOn: string;
  @Column({ type: "char", length: 6, name: "tambon_code" }) tambonCode: string;
  @Field(() => String, { nullable: true }) @Column({ type: "text", nullable: true }) organizer: string | null;

  @Field(() => Int, { description: "The year held in the Buddhist Era." })
  get heldYearBE(): number {
    return yearBE(this.heldOn);
  }
}

@Entity({ name: "training_attendee" })
export class TrainingAttendee {
  @PrimaryColumn({ type: "bigint", name: "training_id" }) trainingId: string;
  @PrimaryColumn({ type: "char", length: 12, name: "farm_book_no" }) farmBookNumber: string;
  @ManyToOne(() => FarmerTraining) @JoinColumn({ name: "training_id" }) training: FarmerTraining;
  @ManyToOne(() => Farmer) @JoinColumn({ name: "farm_book_no" }) farmer: Farmer;
}
