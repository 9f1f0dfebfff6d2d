import { BadUserInputError } from "../kit/errors";
import { geography } from "../kit/geography";
import { baht, toSatang } from "../kit/money";
import * as check from "../kit/validate";

/** Argument checks of this agency, on top of kit/validate.ts; each names the field at fault. */

export const tambonName = (code: string): string => geography().tambons.find((t) => t.code === code)!.nameTh;

/** A date that may lie ahead (a term's end), at most `years` after `from`. */
export function dateWithin(field: string, value: string, from: string, years: number): string {
  const max = `${Number(from.slice(0, 4)) + years}${from.slice(4)}`;
  check.isoDate(field, value, { min: "1900-01-01", max: "2999-12-31" });
  if (value <= from) throw new BadUserInputError(field, `must be after ${from}`);
  if (value > max) throw new BadUserInputError(field, `must not be more than ${years} years after ${from}`);
  return value;
}

/** A positive amount in baht, exact, at most `max`. */
export function positiveBaht(field: string, value: string, max: string): string {
  const amount = baht(field, value, { max });
  if (toSatang(amount) <= 0n) throw new BadUserInputError(field, "must be more than 0 baht");
  return amount;
}
