import { Field, Float, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { type Measure } from "../kit/disclosure";
import { CountField, MeasureField } from "../kit/disclosure-fields";
import { breakdowns } from "../kit/figures";
import { PlaceSection } from "../kit/sections";
import { OWNER } from "./access";
import { raiOf } from "./area";
import { Crop, CROP_LABELS, CROPS } from "./crop";
import type { CropSeason } from "./season";

/**
 * Aggregates per tambon, computed in SQL (one statement for any number of tambons). Anyone may
 * read them; public callers see them under disclosure control (kit/disclosure.ts): an area or a
 * median resting on 1-4 farmers is hidden like a count of 1-4.
 */

@ObjectType({ description: "The farmers council's figures for a tambon, by the farm household's village." })
export class TambonAgriculture extends PlaceSection {}

export interface FarmerCounts {
  tambonCode: string;
  farmers: number;
  youngFarmers: number;
}

@ObjectType({ description: "One crop in a tambon over a season: crop cycles harvested in that crop year." })
export class TambonCropFigures {
  tambonCode: string;
  @Field(() => Crop) crop: Crop;
  @Field(() => String) cropLabel: string;
  @MeasureField(
    OWNER,
    () => Float,
    raiOf,
    "Rai planted in the cycles harvested this season: exact (at most 4 decimals, 1 square wa = 0.0025 rai).",
  )
  plantedRai: Measure<bigint>;
  @MeasureField(OWNER, () => Int, Number, "The same area in square wa (400 a rai), the unit it is stored and summed in.")
  get plantedSquareWa(): Measure<bigint> {
    return this.plantedRai;
  }
  @CountField(OWNER, "Crop cycles harvested this season.") cropCycles: number;
  @CountField(OWNER, "Farm books with at least one such cycle.") farmers: number;
  @CountField(OWNER, "Cycles with a recorded sale (yield and price): the base of the median.") soldCycles: number;
  @MeasureField(
    OWNER,
    () => String,
    String,
    "Median over sold cycles of income (yield × price) ÷ rai planted, in baht, exact, rounded once to the satang " +
      "(half away from zero); null without a sale (its contributors: the farmers who sold).",
  )
  medianIncomePerRai: Measure<string | null>;
}

export async function farmerCounts(ds: DataSource, tambonCodes: string[]): Promise<FarmerCounts[]> {
  const rows: { tambon_code: string; farmers: string; young: string }[] = await ds.query(
    `SELECT tambon_code, count(*) AS farmers, count(*) FILTER (WHERE young_farmer) AS young
     FROM farmer WHERE tambon_code = ANY($1) GROUP BY 1`,
    [tambonCodes],
  );
  return rows.map((r) => ({ tambonCode: r.tambon_code, farmers: +r.farmers, youngFarmers: +r.young }));
}

/** Every crop of every tambon asked, in the order of the Crop enum, with zeros where none was harvested. */
export async function cropFigures(ds: DataSource, season: CropSeason, tambonCodes: string[]): Promise<TambonCropFigures[]> {
  // Kept by the writes (summaries.ts): a row per tambon, crop and crop year, whatever the cycles.
  const rows: Record<string, string | null>[] = await ds.query(
    `SELECT tambon_code, crop, planted_sq_wa, cycles, farmers, sold, sellers, median_income_per_rai::text
     FROM tambon_crop_season WHERE tambon_code = ANY($1) AND crop_year = $2 ORDER BY 1, 2`,
    [tambonCodes, season.cropYear],
  );
  return breakdowns(tambonCodes, CROPS, rows, { key: "tambon_code", category: "crop" }, (tambonCode, crop, r) =>
    Object.assign(new TambonCropFigures(), {
      tambonCode,
      crop,
      cropLabel: CROP_LABELS[crop],
      plantedRai: { value: BigInt(r?.planted_sq_wa ?? 0), contributors: Number(r?.farmers ?? 0) },
      cropCycles: Number(r?.cycles ?? 0),
      farmers: Number(r?.farmers ?? 0),
      soldCycles: Number(r?.sold ?? 0),
      medianIncomePerRai: { value: r?.median_income_per_rai ?? null, contributors: Number(r?.sellers ?? 0) },
    }),
  );
}
