import { SignJWT } from "jose";
import type { AuthConfig } from "../subgraphs/kit/config";
import { ROLES } from "../subgraphs/kit/identity";

/** A demo user token for `role`, signed with AUTH_HS256_SECRET (what the gateway verifies). */
export function demoToken(auth: AuthConfig, role: string, { subject = `demo-${role}`, expiresIn = "12h" } = {}): Promise<string> {
  const spec = ROLES[role];
  if (!spec) throw new Error(`unknown role "${role}"; roles: ${Object.keys(ROLES).join(", ")}`);
  return new SignJWT({ agency: spec.agency, role, scope: spec.scopes.join(" ") })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(subject)
    .setIssuer(auth.issuer)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(auth.hs256Secret));
}
