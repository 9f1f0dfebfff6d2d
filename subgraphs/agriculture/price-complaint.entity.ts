import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { toBahtString, toSatang } from "../kit/money";
import { Crop, CROP_LABELS } from "./crop";
import { yearBE } from "../kit/calendar";

export enum ComplaintStatus {
  OPEN = "OPEN",
  UNDER_REVIEW = "UNDER_REVIEW",
  RESOLVED = "RESOLVED",
  DISMISSED = "DISMISSED",
}
registerEnumType(ComplaintStatus, { name: "PriceComplaintStatus" });

export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  OPEN: "รับเรื่อง (open)",
  UNDER_REVIEW: "อยู่ระหว่างตรวจสอบ (under review)",
  RESOLVED: "แก้ไขแล้ว (resolved)",
  DISMISSED: "ยุติเรื่อง (dismissed)",
};

@ObjectType({ description: "A farmer's complaint that a buyer offered less than the reference price (ราคาไม่เป็นธรรม)." })
@Entity({ name: "price_complaint" })
export class PriceComplaint {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "char", length: 12, name: "farm_book_no" }) farmBookNumber: string;
  @Field(() => Crop) @Column({ type: "text" }) crop: Crop;
  @Field(() => String, { description: "Baht per kg the buyer offered." })
  @Column({ type: "numeric", precision: 10, scale: 2, name: "offered_price_per_kg" })
  offeredPricePerKg: string;
  @Field(() => String, { description: "Baht per kg of the reference price at the time of the complaint." })
  @Column({ type: "numeric", precision: 10, scale: 2, name: "reference_price_per_kg" })
  referencePricePerKg: string;
  @Field(() => Int, { nullable: true }) @Column({ type: "integer", name: "quantity_kg", nullable: true }) quantityKg: number | null;
  @Field(() => String) @Column({ type: "text" }) buyer: string;
  @Field(() => String, { nullable: true }) @Column({ type: "text", nullable: true }) details: string | null;
  @Field(() => String, { description: "ISO date." }) @Column({ type: "date", name: "filed_on" }) filedOn: string;
  @Field(() => ComplaintStatus) @Column({ type: "text" }) status: ComplaintStatus;
  @Field(() => String, { nullable: true, description: "What the council decided or found." })
  @Column({ type: "text", name: "status_note", nullable: true })
  statusNote: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: "date", name: "status_changed_on", nullable: true }) statusChangedOn:
    | string
    | null;

  @Field(() => String) get cropLabel(): string {
    return CROP_LABELS[this.crop];
  }

  @Field(() => String) get statusLabel(): string {
    return STATUS_LABELS[this.status];
  }

  @Field(() => String, { description: "Baht per kg below the reference price (reference − offered), exact." })
  get shortfallPerKg(): string {
    return toBahtString(toSatang(this.referencePricePerKg) - toSatang(this.offeredPricePerKg));
  }

  @Field(() => Int, { description: "The year filed in the Buddhist Era." })
  get filedYearBE(): number {
    return yearBE(this.filedOn);
  }
}

/** A published reference (farm-gate) price for a crop, from a date on. */
@Entity({ name: "reference_price" })
export class ReferencePrice {
  @PrimaryColumn({ type: "text" }) crop: Crop;
  @PrimaryColumn({ type: "date", name: "effective_on" }) effectiveOn: string;
  @Column({ type: "numeric", precision: 10, scale: 2, name: "price_per_kg" }) pricePerKg: string;
  @Column({ type: "text" }) source: string;
}
