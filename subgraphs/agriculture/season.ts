import { Field, Int, ObjectType } from "type-graphql";
import { intInRange, today } from "../kit/validate";
import { toBE } from "../kit/calendar";

/**
 * A season is a crop year (ปีการผลิต) as the Office of Agricultural Economics counts it:
 * 1 April to 31 March. A crop cycle belongs to the crop year in which it was harvested, so
 * the main-season rice harvested in November and the cassava and sugarcane harvested the next
 * January to March fall in the same season. Cycles not yet harvested belong to no season.
 */
@ObjectType({ description: "A crop year (ปีการผลิต), 1 April to 31 March; a crop cycle counts in the one it was harvested in." })
export class CropSeason {
  @Field(() => Int, { description: "The year (CE) the season starts in: 2025 is 1 April 2025 to 31 March 2026." })
  cropYear: number;
  @Field(() => String, { description: 'As people read it, in the Buddhist Era: 2025 → "2568/69".' })
  cropYearBE: string;
  @Field(() => String) startsOn: string;
  @Field(() => String) endsOn: string;
}

export function cropSeason(cropYear: number): CropSeason {
  const be = toBE(cropYear);
  return {
    cropYear,
    cropYearBE: `${be}/${String((be + 1) % 100).padStart(2, "0")}`,
    startsOn: `${cropYear}-04-01`,
    endsOn: `${cropYear + 1}-03-31`,
  };
}

/** The crop year an ISO date falls in. */
export const cropYearOf = (date: string): number => Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) < 4 ? 1 : 0);

/** "Last season": the latest crop year that has ended by `on` (default today). */
export const lastCompletedCropYear = (on: string = today()): number => cropYearOf(on) - 1;

/** A `cropYear` argument: default the last completed season; the current one may be asked for too. */
export function seasonArg(cropYear: number | null | undefined): CropSeason {
  if (cropYear == null) return cropSeason(lastCompletedCropYear());
  return cropSeason(intInRange("cropYear", cropYear, 2000, cropYearOf(today())));
}
