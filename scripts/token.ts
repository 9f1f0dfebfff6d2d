import { parseArgs } from "node:util";
import { SignJWT } from "jose";
import { loadConfig, type AuthConfig } from "../subgraphs/kit/config";
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

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { role: { type: "string" }, subject: { type: "string" }, expires: { type: "string" }, list: { type: "boolean" } } });
  if (values.list || !values.role) {
    console.log("npm run token -- --role <role> [--subject NAME] [--expires 12h]\n\nroles:");
    for (const [name, spec] of Object.entries(ROLES)) console.log(`  ${name.padEnd(30)} ${spec.description}`);
    return;
  }
  const config = loadConfig();
  if (config.auth.jwksFile || config.auth.jwksUrl) throw new Error("the gateway verifies tokens with JWKS keys here: demo tokens do not apply");
  console.log(await demoToken(config.auth, values.role, { subject: values.subject, expiresIn: values.expires }));
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
