import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type GatewayKeys, generateGatewayKeys } from "./internal-token";

/**
 * The gateway's key pair for its calls to the subgraphs, kept in the data folder when not
 * configured (`GATEWAY_PRIVATE_KEY` / `GATEWAY_PUBLIC_KEY`): made once, the private half readable by
 * its owner only (0600). A subgraph restarted alone, or started beside a running hub, then finds
 * the same public key, and a restarted gateway signs with the same private key.
 */
const dir = (dataDir: string) => join(dataDir, "keys");
const PRIVATE = "gateway-private.pem";
const PUBLIC = "gateway-public.pem";

/** The pair in the data folder, created when missing (by `npm start`). */
export function ensureGatewayKeys(dataDir: string): GatewayKeys {
  const found = readGatewayKeys(dataDir);
  if (found.privateKeyPem && found.publicKeyPem) return found as GatewayKeys;
  const keys = generateGatewayKeys();
  mkdirSync(dir(dataDir), { recursive: true, mode: 0o700 });
  writeFileSync(join(dir(dataDir), PRIVATE), keys.privateKeyPem, { mode: 0o600 });
  chmodSync(join(dir(dataDir), PRIVATE), 0o600); // mode applies only when the file is new
  writeFileSync(join(dir(dataDir), PUBLIC), keys.publicKeyPem, { mode: 0o644 });
  return keys;
}

/** Whatever halves the data folder holds (a subgraph needs only the public one). */
export function readGatewayKeys(dataDir: string): Partial<GatewayKeys> {
  const read = (name: string) => (existsSync(join(dir(dataDir), name)) ? readFileSync(join(dir(dataDir), name), "utf8") : undefined);
  return { privateKeyPem: read(PRIVATE), publicKeyPem: read(PUBLIC) };
}
