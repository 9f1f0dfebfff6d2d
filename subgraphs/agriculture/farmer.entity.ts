import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { yearBE } from "../kit/calendar";

@Directive(`@key(fields: "farmBookNumber")`)
@ObjectType({ description: "A farming household's registration (ทะเบียนเกษตรกร, DOAE farm book), held by one person." })
@Entity({ name: "farmer" })
export class Farmer {
  @Field(() => ID, { description: "เลขทะเบียนเกษตรกร: 12 digits, one per farming household." })
  @PrimaryColumn({ type: "char", length: 12, name: "farm_book_no" })
  farmBookNumber: string;

  @Column({ type: "char", length: 32, name: "person_id" })
  personId: string;

  @Column({ type: "char", length: 11, name: "house_code" })
  houseCode: string;

  @Column({ type: "char", length: 8, name: "village_code" })
  villageCode: string;

  @Column({ type: "char", length: 6, name: "tambon_code", insert: false, update: false })
  tambonCode: string;

  /** Kept for the young-farmer rule only; the registry owns people's birth dates, so it is not served. */
  @Column({ type: "date", name: "birth_date" })
  birthDate: string;

  @Field(() => String, { description: "ISO date (Gregorian) the farm book was registered." })
  @Column({ type: "date", name: "registered_on" })
  registeredOn: string;

  @Field(() => Boolean, { description: "Registered in DOAE's Young Smart Farmer programme." })
  @Column({ type: "boolean", name: "young_smart_farmer" })
  youngSmartFarmer: boolean;

  @Field(() => Boolean, { description: "A young farmer: under 45 on the registration date, or a Young Smart Farmer." })
  @Column({ type: "boolean", name: "young_farmer", insert: false, update: false })
  youngFarmer: boolean;

  @Field(() => Boolean, { description: "True for demo data: invented, describes nobody." })
  @Column({ type: "boolean", default: false })
  synthetic: boolean;

  @Field(() => Int, { description: "The registration year in the Buddhist Era (CE + 543)." })
  get registeredYearBE(): number {
    return yearBE(this.registeredOn);
  }
}
