import { BadUserInputError, NotFoundError } from "./errors";
import { isValidCitizenId } from "./citizen-id";
import { geography } from "./geography";
import { today } from "./clock";

/**
 * Argument checks shared by every agency's mutations. Each throws BadUserInputError naming the
 * field and the reason, so a client can point at the input at fault.
 */
export function digits(field: string, value: string, length: number): string {
  if (!new RegExp(`^\\d{${length}}$`).test(value)) {
    throw new BadUserInputError(field, `must be exactly ${length} digits`);
  }
  return value;
}

export function citizenId(field: string, value: string): string {
  digits(field, value, 13);
  if (!isValidCitizenId(value)) throw new BadUserInputError(field, "check digit does not match");
  return value;
}

/** A Person's linkage id as the registry hands it out (`linkPerson`): 32 lowercase hex characters. */
export function linkageId(field: string, value: string): string {
  if (!/^[0-9a-f]{32}$/.test(value)) throw new BadUserInputError(field, "must be a linkage id (32 lowercase hex characters)");
  return value;
}

export function intInRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(field, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function text(field: string, value: string, maxLength = 200): string {
  const trimmed = value.trim();
  if (trimmed === "") throw new BadUserInputError(field, "must not be empty");
  if (trimmed.length > maxLength) throw new BadUserInputError(field, `must be at most ${maxLength} characters`);
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, maxLength = 200): string | null {
  return value == null || value.trim() === "" ? null : text(field, value, maxLength);
}

/** Today in the hub's time zone (kit/clock.ts), the upper bound for dates that cannot be in the future. */
export { today };

/** An ISO calendar date (YYYY-MM-DD, Gregorian) within [min, max] (default up to today). */
export function isoDate(field: string, value: string, { min = "1900-01-01", max = today() } = {}): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new BadUserInputError(field, "must be a calendar date written YYYY-MM-DD (Gregorian)");
  }
  if (value < min) throw new BadUserInputError(field, `must not be before ${min}`);
  if (value > max) throw new BadUserInputError(field, `must not be after ${max}`);
  return value;
}

/** An 8-digit village code the hub's geography knows (kit/geography.ts). */
export function villageCode(field: string, value: string): string {
  if (!geography().villageCodes.has(digits(field, value, 8))) throw new BadUserInputError(field, "no village has this code");
  return value;
}

/** A 6-digit tambon code of Mukdahan. */
export function tambonCode(field: string, value: string): string {
  digits(field, value, 6);
  if (!geography().tambons.some((t) => t.code === value)) throw new BadUserInputError(field, "no tambon of Mukdahan has this code");
  return value;
}

/**
 * The code of a place a query looks up: malformed is BAD_USER_INPUT, well-formed but not in the
 * reference data is NOT_FOUND naming the code, so that "no such place" never reads as "no data".
 */
function known(field: string, value: string, length: number, what: string, exists: (code: string) => boolean): string {
  if (!exists(digits(field, value, length)))
    throw new NotFoundError(field, value, `${field}: no ${what} of Mukdahan has the code ${value}`);
  return value;
}

export const knownDistrict = (field: string, value: string): string =>
  known(field, value, 4, "district", (code) => geography().districts.some((d) => d.code === code));

export const knownTambon = (field: string, value: string): string =>
  known(field, value, 6, "tambon", (code) => geography().tambons.some((t) => t.code === code));

export const knownVillage = (field: string, value: string): string =>
  known(field, value, 8, "village", (code) => geography().villageCodes.has(code));
