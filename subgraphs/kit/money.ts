import { BadUserInputError } from "./errors";

/**
 * Money is exact: baht amounts travel as decimal strings ("19000.00"), are stored as
 * NUMERIC(14,2), and are compared in whole satang (integers), never as floats.
 */
export function baht(field: string, value: string, { max }: { max?: string } = {}): string {
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(value.trim())) {
    throw new BadUserInputError(field, 'must be an amount in baht with at most 2 decimals, e.g. "19000" or "18500.50"');
  }
  const normalized = toBahtString(toSatang(value.trim()));
  if (max !== undefined && toSatang(normalized) > toSatang(max)) {
    throw new BadUserInputError(field, `must not exceed ${max} baht`);
  }
  return normalized;
}

/** "18500.5" → 1850050n; "-0.50" → -50n (the sign applies to the satang too) */
export function toSatang(amount: string): bigint {
  const negative = amount.startsWith("-");
  const [whole, fraction = ""] = (negative ? amount.slice(1) : amount).split(".");
  const satang = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
  return negative ? -satang : satang;
}

/** 1850050n → "18500.50" */
export function toBahtString(satang: bigint): string {
  const sign = satang < 0n ? "-" : "";
  const abs = satang < 0n ? -satang : satang;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}
