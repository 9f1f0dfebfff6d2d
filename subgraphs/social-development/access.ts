import { scope } from "../kit/identity";

/** The registry's scopes: records need READ, names and addresses PII, health and disability SENSITIVE. */
const OWNER = "social-development";
export const READ = scope.read(OWNER);
export const WRITE = scope.write(OWNER);
export const PII = scope.pii(OWNER);
export const SENSITIVE = scope.sensitive(OWNER);
export { OWNER };
/** May refer a household's need to another agency, read the household's case plan and referrals, and close its own referrals. */
export const REFER = scope.refer;
