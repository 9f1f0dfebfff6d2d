import { scope } from "../kit/identity";

/**
 * The farmers council's scopes: its records need READ, incomes (a household's money) PII,
 * writes WRITE. Tambon figures and crop prices are public aggregates.
 */
export const OWNER = "agriculture";
export const READ = scope.read(OWNER);
export const WRITE = scope.write(OWNER);
export const PII = scope.pii(OWNER);
