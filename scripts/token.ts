import { parseArgs } from "node:util";
import { demoToken } from "../gateway/demo-token";
import { loadConfig } from "../subgraphs/kit/config";
import { ROLES } from "../subgraphs/kit/identity";

const USAGE = "npm run -s token -- --role <role> [--subject NAME] [--expires 12h]   (--list: the roles)";

/**
 * `npm run -s token -- --role X`: a demo token on stdout and nothing else, so that
 * `TOKEN=$(npm run -s token -- --role X)` works; everything else goes to stderr.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { role: { type: "string" }, subject: { type: "string" }, expires: { type: "string" }, list: { type: "boolean" } },
  });
  if (values.list || !values.role) {
    console.error(`${USAGE}\n\nroles:`);
    for (const [name, spec] of Object.entries(ROLES)) console.error(`  ${name.padEnd(30)} ${spec.description}`);
    if (!values.list) process.exitCode = 1;
    return;
  }
  const config = loadConfig();
  if (config.auth.jwksFile || config.auth.jwksUrl)
    throw new Error("the gateway verifies tokens with JWKS keys here: demo tokens do not apply");
  process.stdout.write(`${await demoToken(config.auth, values.role, { subject: values.subject, expiresIn: values.expires })}\n`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
