import { Authorized, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { toBahtString, toSatang } from "../kit/money";
import { PII } from "./access";
import { plotArea, PlotArea, SQ_WA_PER_RAI } from "./area";
import { Crop, CROP_LABELS } from "./crop";
import { cropSeason, CropSeason, cropYearOf } from "./season";

@ObjectType({ description: "One planting on a plot, from planting to harvest and sale." })
@Entity({ name: "crop_cycle" })
export class CropCycle {
  @Field(() => ID) @PrimaryGeneratedColumn({ type: "bigint" }) id: string;
  @Column({ type: "char", length: 12, name: "farm_book_no" }) farmBookNumber: string;
  @Column({ type: "smallint", name: "plot_no" }) plotNumber: number;
  @Field(() => Crop) @Column({ type: "text" }) crop: Crop;
  @Field(() => String, { nullable: true, description: "e.g. ขาวดอกมะลิ 105, กข6, เกษตรศาสตร์ 50." })
  @Column({ type: "text", nullable: true })
  variety: string | null;
  @Column({ type: "integer", name: "planted_sq_wa" }) plantedSquareWa: number;
  @Field(() => String, { description: "ISO date. For rubber and fruit, the start of the harvest season." })
  @Column({ type: "date", name: "planted_on" })
  plantedOn: string;
  @Field(() => String, { nullable: true, description: "ISO date; null while the crop is still growing." })
  @Column({ type: "date", name: "harvested_on", nullable: true })
  harvestedOn: string | null;
  @Field(() => Int, { nullable: true, description: "Harvested weight in whole kilograms." })
  @Column({ type: "integer", name: "yield_kg", nullable: true })
  yieldKg: number | null;
  @Field(() => String, { nullable: true, description: "Price received, baht per kg (exact decimal string)." })
  @Column({ type: "numeric", precision: 10, scale: 2, name: "price_per_kg", nullable: true })
  pricePerKg: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: "text", nullable: true }) buyer: string | null;

  @Field(() => String) get cropLabel(): string {
    return CROP_LABELS[this.crop];
  }

  @Field(() => PlotArea) get plantedArea(): PlotArea {
    return plotArea(this.plantedSquareWa);
  }

  @Field(() => CropSeason, { nullable: true, description: "The crop year of the harvest (null while growing)." })
  get season(): CropSeason | null {
    return this.harvestedOn ? cropSeason(cropYearOf(this.harvestedOn)) : null;
  }

  @Field(() => Float, { nullable: true, description: "Kilograms per rai planted." })
  get yieldPerRai(): number | null {
    return this.yieldKg === null ? null : Math.round((this.yieldKg * SQ_WA_PER_RAI * 100) / this.plantedSquareWa) / 100;
  }

  @Authorized(PII)
  @Field(() => String, {
    nullable: true,
    description: "Baht: yield × price, exact; derived, never stored. A household's income: personal data.",
  })
  get income(): string | null {
    if (this.yieldKg === null || this.pricePerKg === null) return null;
    return toBahtString(BigInt(this.yieldKg) * toSatang(this.pricePerKg));
  }
}
