import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import type { Identity } from "./identity";

/**
 * The gateway vouches for a caller to one subgraph with an Ed25519-signed token that lives 60 s
 * and names that subgraph as its audience: a subgraph holds only the public key, so it can
 * verify but never mint, and a token taken from one subgraph is useless at another.
 */
const ISSUER = "mukdahan-gateway";
const LIFETIME_SECONDS = 60;

export interface GatewayKeys {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** A fresh key pair (npm start makes one per run and hands the public half to the subgraphs). */
export function generateGatewayKeys(): GatewayKeys {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

export const privateKey = (pem: string): KeyObject => createPrivateKey(pem);
export const publicKey = (pem: string): KeyObject => createPublicKey(pem);

export function signInternalToken(key: KeyObject, identity: Identity, audience: string): Promise<string> {
  return new SignJWT({
    agency: identity.agency,
    role: identity.role,
    scopes: identity.scopes,
    purpose: identity.purpose,
    op: identity.operation ?? null,
  })
    .setProtectedHeader({ alg: "EdDSA" })
    .setSubject(identity.subject)
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key);
}

/** The identity in a gateway token meant for `audience`, or null when it does not verify. */
export async function verifyInternalToken(key: KeyObject, token: string, audience: string): Promise<Identity | null> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience, algorithms: ["EdDSA"], maxTokenAge: LIFETIME_SECONDS + 5 });
    return {
      subject: String(payload.sub),
      agency: typeof payload.agency === "string" ? payload.agency : null,
      role: String(payload.role),
      scopes: Array.isArray(payload.scopes) ? payload.scopes.map(String) : [],
      purpose: typeof payload.purpose === "string" ? payload.purpose : null,
      operation: typeof payload.op === "string" ? payload.op : null,
    };
  } catch {
    return null;
  }
}
