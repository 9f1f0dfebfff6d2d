import { Field, Float, ObjectType, UseMiddleware } from "type-graphql";
import { CountField, SuppressedWhenFew } from "../kit/authorization";
import { PlaceSection } from "../kit/sections";
import { OWNER } from "./access";
import type { DataSource } from "typeorm";
import { SQ_WA_PER_RAI } from "./area";
import { Crop, CROP_LABELS } from "./crop";
import type { CropSeason } from "./season";

/**
 * Aggregates per tambon, computed in SQL (one statement for any number of tambons). Anyone may
 * read them; counts from 1 to 4, and a median income over 1 to 4 sales, are null for callers
 * without exact-count rights.
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
  @Field(() => Float, { description: "Rai planted in the cycles harvested this season." }) plantedRai: number;
  @CountField(OWNER, "Crop cycles harvested this season.") cropCycles: number;
  @CountField(OWNER, "Farm books with at least one such cycle.") farmers: number;
  @CountField(OWNER, "Cycles with a recorded sale (yield and price): the base of the median.") soldCycles: number;
  @UseMiddleware(SuppressedWhenFew(OWNER, (f: TambonCropFigures) => f.soldCycles))
  @Field(() => String, {
    nullable: true,
    description: "Median over sold cycles of income (yield × price) ÷ rai planted, in baht, rounded to the satang (percentile_cont).",
  })
  medianIncomePerRai: string | null;
}

export async function farmerCounts(ds: DataSource, tambonCodes: string[]): Promise<FarmerCounts[]> {
  const rows: { tambon_code: string; farmers: string; young: string }[] = await ds.query(
    `SELECT tambon_code, count(*) AS farmers, count(*) FILTER (WHERE young_farmer) AS young
     FROM farmer WHERE tambon_code = ANY($1) GROUP BY 1`,
    [tambonCodes],
  );
  return rows.map((r) => ({ tambonCode: r.tambon_code, farmers: +r.farmers, youngFarmers: +r.young }));
}

export async function cropFigures(ds: DataSource, season: CropSeason, tambonCodes: string[]): Promise<TambonCropFigures[]> {
  const rows: Record<string, string | null>[] = await ds.query(
    `SELECT f.tambon_code, c.crop, sum(c.planted_sq_wa) AS planted_sq_wa, count(*) AS cycles,
       count(DISTINCT c.farm_book_no) AS farmers, count(c.price_per_kg) AS sold,
       round(percentile_cont(0.5) WITHIN GROUP (
         ORDER BY (c.yield_kg * c.price_per_kg * ${SQ_WA_PER_RAI} / c.planted_sq_wa)::float8)::numeric, 2)::text AS median_income_per_rai
     FROM farmer f JOIN crop_cycle c ON c.farm_book_no = f.farm_book_no
     WHERE f.tambon_code = ANY($1) AND c.harvested_on BETWEEN $2 AND $3
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [tambonCodes, season.startsOn, season.endsOn],
  );
  return rows.map((r) => ({
    tambonCode: r.tambon_code!,
    crop: r.crop as Crop,
    cropLabel: CROP_LABELS[r.crop as Crop],
    plantedRai: Number(r.planted_sq_wa) / SQ_WA_PER_RAI,
    cropCycles: Number(r.cycles),
    farmers: Number(r.farmers),
    soldCycles: Number(r.sold),
    medianIncomePerRai: r.median_income_per_rai,
  }));
}
