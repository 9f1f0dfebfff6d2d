/**
 * Thai citizen IDs: 13 digits, the last a check digit over the first twelve:
 * d13 = (11 − (Σ_{i=1..12} d_i × (14 − i)) mod 11) mod 10. A leading 0 is legal.
 */
export function citizenIdCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

export function isValidCitizenId(id: string): boolean {
  return /^\d{13}$/.test(id) && citizenIdCheckDigit(id.slice(0, 12)) === Number(id[12]);
}

/** What may be shown of a citizen ID: its last three digits, e.g. `x-xxxx-xxxxx-63-5`. */
export function maskCitizenId(id: string): string {
  return `x-xxxx-xxxxx-${id.slice(10, 12)}-${id[12]}`;
}
