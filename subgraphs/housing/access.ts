import { scope } from "../kit/identity";

/**
 * Housing's scopes: its records (surveys, cases, steps) need READ; writes WRITE; the decisions of
 * the district committee and the province SCREEN; free text that may describe a household (survey
 * notes, reasons) PII, or SCREEN for the committees that decide on it.
 */
export const OWNER = "housing";
export const READ = scope.read(OWNER);
export const WRITE = scope.write(OWNER);
export const PII = scope.pii(OWNER);
export const SCREEN = scope.screen;
