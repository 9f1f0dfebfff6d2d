/** Years as people in Thailand read them: the Buddhist Era is the Common Era + 543. */
export const toBE = (yearCE: number): number => yearCE + 543;

/**
 * The Thai fiscal year runs 1 October – 30 September and is named by the year it ends in:
 * fiscal year 2026 (ปีงบประมาณ 2569) is 2025-10-01 … 2026-09-30.
 */
export function fiscalYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return isoDate.slice(5) >= "10-01" ? year + 1 : year;
}

export const fiscalYearStart = (fiscalYear: number): string => `${fiscalYear - 1}-10-01`;
export const fiscalYearEnd = (fiscalYear: number): string => `${fiscalYear}-09-30`;

/** The Buddhist-Era year of an ISO date ("2025-06-01" → 2568). */
export const yearBE = (isoDate: string): number => toBE(Number(isoDate.slice(0, 4)));

/**
 * Whole years from an ISO birth date to the ISO date `on` (kit/clock.ts's `today()` for "now"):
 * a year is complete on the birthday; someone born on 29 February completes it on 1 March.
 */
export function ageOn(birthDate: string, on: string): number {
  const age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? age - 1 : age;
}
