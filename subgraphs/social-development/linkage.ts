import { createHmac } from "node:crypto";
import { DEMO_LINKAGE_SECRET, type HubConfig } from "../kit/config";

/**
 * A person's pseudonymous linkage id (DOMAIN.md): HMAC-SHA256 of the citizen ID under
 * LINKAGE_SECRET, 128 bits in hex. The registry is its one holder: whoever has the secret can turn
 * an id back into a citizen ID by trying the (small, structured) space of IDs, so no other agency
 * computes these; they ask for a registered person's id with `linkPerson`, an audited call.
 */
export function linkageId(secret: string, citizenId: string): string {
  return createHmac("sha256", secret).update(citizenId).digest("hex").slice(0, 32);
}

/** The configured secret; in development, when unset, the demo one (production refuses to start without one). */
export const linkageSecret = (config: HubConfig): string => config.linkageSecret ?? DEMO_LINKAGE_SECRET;
