import { Field, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { today } from "../kit/clock";
import { CountTotal, type Measure } from "../kit/disclosure";
import { CountField, MeasureField } from "../kit/disclosure-fields";
import { medianSql } from "../kit/figures";
import { OWNER } from "./access";
import { Crop, CROP_LABELS, CROPS } from "./crop";
import type { CropSeason } from "./season";

@ObjectType({ description: "A crop's reference price against what farmers were paid and offered in a season." })
export class CropPrice {
  @Field(() => Crop) crop: Crop;
  @Field(() => String) cropLabel: string;
  @Field(() => String, { nullable: true, description: "Baht per kg: the latest reference price published by the season's end." })
  referencePricePerKg: string | null;
  @Field(() => String, { nullable: true, description: "ISO date the reference price took effect." }) referencePriceDate: string | null;
  @Field(() => String, { nullable: true }) referenceSource: string | null;
  @MeasureField(
    OWNER,
    () => String,
    String,
    "Median price received (baht per kg, exact) in the season's recorded sales (its contributors: the farmers who sold).",
  )
  medianPriceReceivedPerKg: Measure<string | null>;
  @CountField(OWNER, "Crop cycles sold in the season, province-wide: every tambon's soldCycles added up.", "total")
  sales: CountTotal;
  @MeasureField(
    OWNER,
    () => String,
    String,
    "Median price offered (baht per kg, exact) in the season's price complaints (its contributors: the farmers who complained).",
  )
  medianOfferedPricePerKg: Measure<string | null>;
  @CountField(OWNER, "Price complaints filed in the season.") complaints: number;
  @CountField(OWNER, "Of those, still open: OPEN or UNDER_REVIEW (not RESOLVED or DISMISSED).") openComplaints: number;
}

/** Every crop, in one statement: reference price, sales (by tambon, for the province's total) and complaints of the season. */
export async function cropPrices(ds: DataSource, season: CropSeason): Promise<CropPrice[]> {
  const rows: Record<string, string | string[] | null>[] = await ds.query(
    `WITH ref AS (
       SELECT DISTINCT ON (crop) crop, price_per_kg, effective_on, source FROM reference_price
       WHERE effective_on <= least($2::date, $4::date) ORDER BY crop, effective_on DESC),
     sold AS (
       SELECT c.crop, f.tambon_code, c.farm_book_no, c.price_per_kg FROM crop_cycle c JOIN farmer f ON f.farm_book_no = c.farm_book_no
       WHERE c.harvested_on BETWEEN $1 AND $2 AND c.price_per_kg IS NOT NULL),
     sales AS (
       SELECT crop, count(DISTINCT farm_book_no) AS sellers, ${medianSql("price_per_kg")} AS median,
         (SELECT array_agg(n) FROM (SELECT count(*) AS n FROM sold t WHERE t.crop = s.crop GROUP BY t.tambon_code) x) AS by_tambon
       FROM sold s GROUP BY crop),
     offers AS (
       SELECT crop, count(*) AS n, count(*) FILTER (WHERE status IN ('OPEN', 'UNDER_REVIEW')) AS open,
         count(DISTINCT farm_book_no) AS complainants, ${medianSql("offered_price_per_kg")} AS median
       FROM price_complaint WHERE filed_on BETWEEN $1 AND $2 GROUP BY crop)
     SELECT k.crop, ref.price_per_kg::text AS reference, ref.effective_on::text AS reference_date, ref.source,
       round(sales.median, 2)::text AS received, coalesce(sales.sellers, 0) AS sellers, coalesce(sales.by_tambon, '{}') AS by_tambon,
       round(offers.median, 2)::text AS offered, coalesce(offers.complainants, 0) AS complainants,
       coalesce(offers.n, 0) AS complaints, coalesce(offers.open, 0) AS open
     FROM unnest($3::text[]) WITH ORDINALITY AS k(crop, position)
     LEFT JOIN ref ON ref.crop = k.crop LEFT JOIN sales ON sales.crop = k.crop LEFT JOIN offers ON offers.crop = k.crop
     ORDER BY k.position`,
    [season.startsOn, season.endsOn, CROPS, today()],
  );
  return rows.map((r) =>
    Object.assign(new CropPrice(), {
      crop: r.crop as Crop,
      cropLabel: CROP_LABELS[r.crop as Crop],
      referencePricePerKg: r.reference as string | null,
      referencePriceDate: r.reference_date as string | null,
      referenceSource: r.source as string | null,
      medianPriceReceivedPerKg: { value: r.received as string | null, contributors: Number(r.sellers) },
      sales: new CountTotal((r.by_tambon as string[]).map(Number)),
      medianOfferedPricePerKg: { value: r.offered as string | null, contributors: Number(r.complainants) },
      complaints: Number(r.complaints),
      openComplaints: Number(r.open),
    }),
  );
}
