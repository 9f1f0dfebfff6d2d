import { Field, ObjectType } from "type-graphql";
import { CountField } from "../kit/authorization";
import { OWNER } from "./access";
import type { DataSource } from "typeorm";
import { Crop, CROP_LABELS, CROPS } from "./crop";
import type { CropSeason } from "./season";
import { today } from "../kit/clock";

@ObjectType({ description: "A crop's reference price against what farmers were paid and offered in a season." })
export class CropPrice {
  @Field(() => Crop) crop: Crop;
  @Field(() => String) cropLabel: string;
  @Field(() => String, { nullable: true, description: "Baht per kg: the latest reference price published by the season's end." })
  referencePricePerKg: string | null;
  @Field(() => String, { nullable: true, description: "ISO date the reference price took effect." }) referencePriceDate: string | null;
  @Field(() => String, { nullable: true }) referenceSource: string | null;
  @Field(() => String, { nullable: true, description: "Median price received (baht per kg) in the season's recorded sales." })
  medianPriceReceivedPerKg: string | null;
  @CountField(OWNER, "Crop cycles sold in the season.") sales: number;
  @Field(() => String, { nullable: true, description: "Median price offered (baht per kg) in the season's price complaints." })
  medianOfferedPricePerKg: string | null;
  @CountField(OWNER, "Price complaints filed in the season.") complaints: number;
  @CountField(OWNER, "Of those, still open or under review.") openComplaints: number;
}

/** Every crop, in one statement: reference price, sales and complaints of the season. */
export async function cropPrices(ds: DataSource, season: CropSeason): Promise<CropPrice[]> {
  const rows: Record<string, string | null>[] = await ds.query(
    `WITH ref AS (
       SELECT DISTINCT ON (crop) crop, price_per_kg, effective_on, source FROM reference_price
       WHERE effective_on <= least($2::date, $4::date) ORDER BY crop, effective_on DESC),
     sales AS (
       SELECT crop, count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY price_per_kg::float8) AS median
       FROM crop_cycle WHERE harvested_on BETWEEN $1 AND $2 AND price_per_kg IS NOT NULL GROUP BY crop),
     offers AS (
       SELECT crop, count(*) AS n, count(*) FILTER (WHERE status IN ('OPEN', 'UNDER_REVIEW')) AS open,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY offered_price_per_kg::float8) AS median
       FROM price_complaint WHERE filed_on BETWEEN $1 AND $2 GROUP BY crop)
     SELECT k.crop, ref.price_per_kg::text AS reference, ref.effective_on::text AS reference_date, ref.source,
       round(sales.median::numeric, 2)::text AS received, coalesce(sales.n, 0) AS sales,
       round(offers.median::numeric, 2)::text AS offered, coalesce(offers.n, 0) AS complaints, coalesce(offers.open, 0) AS open
     FROM unnest($3::text[]) WITH ORDINALITY AS k(crop, position)
     LEFT JOIN ref ON ref.crop = k.crop LEFT JOIN sales ON sales.crop = k.crop LEFT JOIN offers ON offers.crop = k.crop
     ORDER BY k.position`,
    [season.startsOn, season.endsOn, CROPS, today()],
  );
  return rows.map((r) => ({
    crop: r.crop as Crop,
    cropLabel: CROP_LABELS[r.crop as Crop],
    referencePricePerKg: r.reference,
    referencePriceDate: r.reference_date,
    referenceSource: r.source,
    medianPriceReceivedPerKg: r.received,
    sales: Number(r.sales),
    medianOfferedPricePerKg: r.offered,
    complaints: Number(r.complaints),
    openComplaints: Number(r.open),
  }));
}
