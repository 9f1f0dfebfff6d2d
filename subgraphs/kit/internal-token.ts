import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomUUID, sign } from "node:crypto";
import { jwtVerify } from "jose";
import type { Identity } from "./identity";

/**
 * The gateway vouches for a caller to one subgraph with an Ed25519-signed token (a subgraph holds
 * only the public key: it can verify but never mint) that cannot be used for anything but the one
 * request it came with:
 * - `aud` names the subgraph: a token taken from one subgraph is useless at another;
 * - `bh` is the SHA-256 of the exact body bytes the gateway sends: the subgraph hashes the body it
 *   received and refuses any other (a token captured from a public read cannot carry a write);
 * - `jti` is random and each subgraph refuses to see one twice while it is valid (ReplayGuard);
 * - it lives LIFETIME_SECONDS: the gateway's calls end within seconds (their deadlines), so the
 *   replay guard needs to remember only that long.
 */
const ISSUER = "mukdahan-gateway";
export const LIFETIME_SECONDS = 15;
/** Clocks of the gateway's and a subgraph's machine may differ this much (keep them on NTP). */
const CLOCK_TOLERANCE_SECONDS = 5;

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

/** The `bh` claim: the body's SHA-256, base64url. */
export const bodyHash = (body: string | Uint8Array): string => createHash("sha256").update(body).digest("base64url");

/** The JWS protected header, base64url: always the same. */
const HEADER = Buffer.from(JSON.stringify({ alg: "EdDSA" })).toString("base64url");

/**
 * A token for one request: `body` is exactly what will be sent to `audience`. The compact JWS that
 * jose's SignJWT made, made with node:crypto directly: measured 2.5× cheaper per token (jose's
 * generic path costs more than the Ed25519 signature itself), one per subgraph call.
 */
export function signInternalToken(key: KeyObject, identity: Identity, audience: string, body: string): Promise<string> {
  if (key.asymmetricKeyType !== "ed25519") throw new Error("the gateway's key must be an Ed25519 private key");
  const iat = Math.floor(Date.now() / 1000);
  const claims = {
    agency: identity.agency,
    role: identity.role,
    scopes: identity.scopes,
    purpose: identity.purpose,
    op: identity.operation ?? null,
    bh: bodyHash(body),
    sub: identity.subject,
    iss: ISSUER,
    aud: audience,
    jti: randomUUID(),
    iat,
    exp: iat + LIFETIME_SECONDS,
  };
  const input = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  return Promise.resolve(`${input}.${sign(null, Buffer.from(input), key).toString("base64url")}`);
}

/**
 * The token ids a subgraph has accepted, each kept until its token expires: memory is bounded by
 * the gateway's request rate × the lifetime. One per subgraph process (several processes of one
 * agency behind a balancer would share this through a store such as Redis).
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /** True the first time `jti` is offered while unexpired; false ever after. */
  admit(jti: string, exp: number, now = Date.now() / 1000): boolean {
    for (const [id, until] of this.seen) {
      if (until + CLOCK_TOLERANCE_SECONDS >= now) break; // in issue order, near enough: the rest are younger
      this.seen.delete(id);
    }
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, exp);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}

export type Verified = { identity: Identity } | { refused: string };

/** The identity in a gateway token meant for `audience` and for exactly `body`, or why it is refused. */
export async function verifyInternalToken(
  key: KeyObject,
  token: string,
  audience: string,
  body: string | Uint8Array,
  replays: ReplayGuard,
): Promise<Verified> {
  let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
  try {
    ({ payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience,
      algorithms: ["EdDSA"],
      requiredClaims: ["jti", "exp", "iat", "sub", "bh"],
      maxTokenAge: LIFETIME_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    return { refused: `the token does not verify (${(error as Error).message})` };
  }
  if (payload.bh !== bodyHash(body)) return { refused: "the token was signed for another request body" };
  if (!replays.admit(String(payload.jti), payload.exp!)) return { refused: "the token was used before (a replay)" };
  return {
    identity: {
      subject: String(payload.sub),
      agency: typeof payload.agency === "string" ? payload.agency : null,
      role: String(payload.role),
      scopes: Array.isArray(payload.scopes) ? payload.scopes.map(String) : [],
      purpose: typeof payload.purpose === "string" ? payload.purpose : null,
      operation: typeof payload.op === "string" ? payload.op : null,
    },
  };
}
