import { Field, Float, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { raiOf } from "./area";
import { CropSeason } from "./season";

@ObjectType({ description: "What a household's farms earned from the crop cycles harvested in one season." })
export class SeasonCropIncome {
  houseCode: string;
  @Field(() => CropSeason) season: CropSeason;
  @Field(() => String, { description: "Baht, exact: the sum of yield × price over the season's sold cycles." }) income: string;
  @Field(() => Int, { description: "Crop cycles harvested in the season." }) cropCycles: number;
  @Field(() => Int, { description: "Of those, cycles with a recorded sale." }) soldCycles: number;
  @Field(() => Float, { description: "Rai planted in the season's harvested cycles." }) plantedRai: number;
}

/** One row per farming household (none for a household without a farm book), in one statement. */
export async function seasonIncomes(ds: DataSource, season: CropSeason, houseCodes: string[]): Promise<SeasonCropIncome[]> {
  const rows: { house_code: string; income: string; cycles: string; sold: string; planted_sq_wa: string }[] = await ds.query(
    `SELECT f.house_code, coalesce(sum(c.yield_kg * c.price_per_kg), 0)::numeric(14,2)::text AS income,
       count(c.id) AS cycles, count(c.price_per_kg) AS sold, coalesce(sum(c.planted_sq_wa), 0) AS planted_sq_wa
     FROM farmer f LEFT JOIN crop_cycle c ON c.farm_book_no = f.farm_book_no AND c.harvested_on BETWEEN $2 AND $3
     WHERE f.house_code = ANY($1) GROUP BY 1`,
    [houseCodes, season.startsOn, season.endsOn],
  );
  return rows.map((r) => ({
    houseCode: r.house_code,
    season,
    income: r.income,
    cropCycles: +r.cycles,
    soldCycles: +r.sold,
    plantedRai: raiOf(Number(r.planted_sq_wa)),
  }));
}
