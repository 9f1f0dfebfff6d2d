import { medianSql } from "../kit/figures";
import type { Groups } from "../kit/summary";
import { SQ_WA_PER_RAI } from "./area";

/**
 * The farmers council's figures kept by its own writes (kit/summary.ts says why by triggers), made
 * by migrations/1765300000000-agriculture-figures.ts and read by tambon.figures.ts.
 */

/** The crop year (1 April - 31 March) a harvest date falls in, as season.ts counts it. */
const cropYear = (date: string) => `(extract(year FROM ${date})::int - (extract(month FROM ${date}) < 4)::int)`;
const PER_RAI = `(c.yield_kg * c.price_per_kg * ${SQ_WA_PER_RAI} / c.planted_sq_wa)`;

/**
 * A crop in a tambon over a crop year: a median and distinct farmers are no sums, so a write
 * recomputes its group from the group's own cycles (the tambon's farm books, one index range each).
 * A farm book's village is fixed once it is registered (no write moves it).
 */
export const CROP_SEASONS: Groups = {
  table: "tambon_crop_season",
  source: "crop_cycle",
  columns: {
    tambon_code: "char(6) NOT NULL",
    crop: "text NOT NULL",
    crop_year: "int NOT NULL",
    planted_sq_wa: "bigint NOT NULL",
    cycles: "bigint NOT NULL",
    farmers: "bigint NOT NULL",
    sold: "bigint NOT NULL",
    sellers: "bigint NOT NULL",
    median_income_per_rai: "numeric",
  },
  keys: ["tambon_code", "crop", "crop_year"],
  groupsOf: (rows) => `SELECT DISTINCT f.tambon_code, r.crop, ${cropYear("r.harvested_on")} AS crop_year
    FROM ${rows} r JOIN farmer f ON f.farm_book_no = r.farm_book_no WHERE r.harvested_on IS NOT NULL`,
  compute: `SELECT g.tambon_code, g.crop, g.crop_year, sum(c.planted_sq_wa), count(*), count(DISTINCT c.farm_book_no),
      count(${PER_RAI}), count(DISTINCT c.farm_book_no) FILTER (WHERE ${PER_RAI} IS NOT NULL), round(${medianSql(PER_RAI)}, 2)
    FROM touched g JOIN farmer f ON f.tambon_code = g.tambon_code
    JOIN crop_cycle c ON c.farm_book_no = f.farm_book_no AND c.crop = g.crop
      AND c.harvested_on BETWEEN make_date(g.crop_year, 4, 1) AND make_date(g.crop_year + 1, 3, 31)
    GROUP BY 1, 2, 3`,
};

/** All of them (the demo seed recomputes them so). */
export const KEPT_FIGURES = [CROP_SEASONS];
