import { scope } from "../kit/identity";

/**
 * The council network's scopes. Aggregates per tambon, district and province are public (small
 * counts of people suppressed); who sits, leads or is a fund member needs READ; what a member paid
 * or received needs PII; what a benefit was for (sickness, childbirth, a funeral) is health data: SENSITIVE.
 */
export const OWNER = "community-councils";
export const READ = scope.read(OWNER);
export const WRITE = scope.write(OWNER);
export const PII = scope.pii(OWNER);
export const SENSITIVE = scope.sensitive(OWNER);
