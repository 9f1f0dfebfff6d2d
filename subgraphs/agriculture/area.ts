import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { BadUserInputError } from "../kit/errors";
import { intInRange } from "../kit/validate";

/** 1 rai = 4 ngan = 400 square wa (ตารางวา); land is stored as whole square wa. */
export const SQ_WA_PER_RAI = 400;
const SQ_WA_PER_NGAN = 100;

@ObjectType({ description: "An area of land as Thai land offices write it, and as a decimal rai." })
export class PlotArea {
  @Field(() => Int) rai: number;
  @Field(() => Int, { description: "0-3 (1 ngan = 100 square wa)." }) ngan: number;
  @Field(() => Int, { description: "0-99." }) squareWa: number;
  @Field(() => Int, { description: "The whole area in square wa (400 a rai), as stored." }) totalSquareWa: number;
  @Field(() => Float, { description: "The area in rai with decimals (exact: at most 4 decimals)." }) decimalRai: number;
}

/**
 * Square wa as rai: one division of the exact integer, so the answer is the exact decimal (at most
 * 4 decimals), never the float noise of summing rai (676.5600000000001). Sums stay in square wa.
 */
export const raiOf = (squareWa: number | bigint): number => Number(squareWa) / SQ_WA_PER_RAI;

export function plotArea(totalSquareWa: number): PlotArea {
  return {
    rai: Math.floor(totalSquareWa / SQ_WA_PER_RAI),
    ngan: Math.floor((totalSquareWa % SQ_WA_PER_RAI) / SQ_WA_PER_NGAN),
    squareWa: totalSquareWa % SQ_WA_PER_NGAN,
    totalSquareWa,
    decimalRai: raiOf(totalSquareWa),
  };
}

/** "12-3-45" (rai-ngan-wa), the way a land document writes an area. */
export const areaText = (sqWa: number): string => {
  const a = plotArea(sqWa);
  return `${a.rai}-${a.ngan}-${a.squareWa} (rai-ngan-wa)`;
};

@InputType({ description: "An area in rai, ngan (0-3) and square wa (0-99)." })
export class AreaInput {
  @Field(() => Int) rai: number;
  @Field(() => Int, { defaultValue: 0 }) ngan: number;
  @Field(() => Int, { defaultValue: 0 }) squareWa: number;
}

/** The area in square wa; more than nothing, and at most 100,000 rai. */
export function squareWaOf(field: string, area: AreaInput): number {
  const total =
    intInRange(`${field}.rai`, area.rai, 0, 100_000) * SQ_WA_PER_RAI +
    intInRange(`${field}.ngan`, area.ngan, 0, 3) * SQ_WA_PER_NGAN +
    intInRange(`${field}.squareWa`, area.squareWa, 0, 99);
  if (total === 0) throw new BadUserInputError(field, "must be more than 0");
  return total;
}
