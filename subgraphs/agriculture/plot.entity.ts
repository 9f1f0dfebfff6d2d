import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { plotArea, PlotArea } from "./area";
import { LAND_DOCUMENT_LABELS, LandDocument, WATER_SOURCE_LABELS, WaterSource } from "./crop";

/** A plot is numbered within its farm book (แปลงที่ 1, 2, …), as the farm book itself does. */
export const plotKey = (farmBookNumber: string, plotNumber: number): string => `${farmBookNumber}-${plotNumber}`;

@ObjectType({ description: "A plot of land farmed under a farm book." })
@Entity({ name: "plot" })
export class FarmPlot {
  @PrimaryColumn({ type: "char", length: 12, name: "farm_book_no" })
  farmBookNumber: string;

  @Field(() => Int, { description: "The plot's number in its farm book (แปลงที่)." })
  @PrimaryColumn({ type: "smallint", name: "plot_no" })
  plotNumber: number;

  @Field(() => LandDocument) @Column({ type: "text", name: "land_document" }) landDocument: LandDocument;
  @Column({ type: "integer", name: "area_sq_wa" }) areaSquareWa: number;
  @Field(() => WaterSource) @Column({ type: "text", name: "water_source" }) waterSource: WaterSource;

  @Field(() => ID, { description: "<farm book number>-<plot number>." })
  get id(): string {
    return plotKey(this.farmBookNumber, this.plotNumber);
  }

  @Field(() => String) get landDocumentLabel(): string {
    return LAND_DOCUMENT_LABELS[this.landDocument];
  }

  @Field(() => String) get waterSourceLabel(): string {
    return WATER_SOURCE_LABELS[this.waterSource];
  }

  @Field(() => PlotArea) get area(): PlotArea {
    return plotArea(this.areaSquareWa);
  }
}
