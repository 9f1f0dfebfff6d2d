import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { GraphQLError } from "graphql";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
  jwtVerify,
} from "jose";
import type { AuthConfig } from "../subgraphs/kit/config";
import { KNOWN_AGENCIES, KNOWN_SCOPES, PUBLIC_IDENTITY, ROLES, type Identity, UNKNOWN_ROLE } from "../subgraphs/kit/identity";

export interface GatewayContext {
  identity: Identity;
  /** The client's request id (x-request-id), passed to every subgraph the request reaches. */
  requestId: string;
}

const unauthenticated = (message: string) => new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });

function keySource(config: AuthConfig): Uint8Array | JWTVerifyGetKey {
  if (config.jwksFile) return createLocalJWKSet(JSON.parse(readFileSync(config.jwksFile, "utf8")));
  if (config.jwksUrl) return createRemoteJWKSet(new URL(config.jwksUrl));
  return new TextEncoder().encode(config.hs256Secret);
}

/** A `sub` fit for an audit row: a string of printable characters, at most 256. */
const SUBJECT = /^[^\p{Cc}]{1,256}$/u;
/** A token naming more scopes than this is refused rather than carried to every subgraph. */
const MAX_SCOPES = 64;
/** Control characters (newlines, escapes) never reach a log or an audit row. */
const printable = (text: string): string => text.replace(/\p{Cc}/gu, " ");

function scopesOf(payload: JWTPayload): string[] {
  const given = Array.isArray(payload.scopes) ? payload.scopes : typeof payload.scope === "string" ? payload.scope.split(" ") : [];
  if (given.length > MAX_SCOPES) throw unauthenticated(`the token names more than ${MAX_SCOPES} scopes`);
  // Scopes are what authorize: one that no subgraph knows grants nothing, so it is not passed on.
  return [...new Set(given.filter((s): s is string => typeof s === "string" && KNOWN_SCOPES.has(s)))];
}

/**
 * `Authorization: Bearer <JWT>` → the caller's identity (no header: the public role). Refused with
 * 401, saying why: an algorithm not in AUTH_ALGORITHMS, a bad signature, another issuer (or
 * audience), `exp`/`iat`/`sub` missing or mistyped, expired, issued in the future, or living longer
 * than AUTH_MAX_TOKEN_LIFETIME. `role` and `agency` are recorded only as known values; scopes
 * (known ones only) are what authorize.
 */
export function identityFromRequest(config: AuthConfig): (req: IncomingMessage) => Promise<Identity> {
  const key = keySource(config);
  const options: JWTVerifyOptions = {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: config.algorithms,
    requiredClaims: ["sub", "exp", "iat"],
    clockTolerance: config.clockToleranceSeconds,
    maxTokenAge: config.maxTokenLifetimeSeconds,
  };
  return async (req) => {
    const header = req.headers.authorization;
    const purpose = typeof req.headers["x-purpose"] === "string" ? printable(req.headers["x-purpose"].slice(0, 200)) : null;
    if (!header) return { ...PUBLIC_IDENTITY, purpose };
    const token = /^Bearer (\S+)$/i.exec(header)?.[1];
    if (!token) throw unauthenticated("the Authorization header must be `Bearer <token>`");
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, options));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated("the token has expired");
      if (error instanceof errors.JOSEAlgNotAllowed)
        throw unauthenticated(`the token's algorithm is not accepted (${config.algorithms.join(", ")})`);
      if (error instanceof errors.JWSSignatureVerificationFailed) throw unauthenticated("the token's signature does not verify");
      if (error instanceof errors.JWTClaimValidationFailed) throw unauthenticated(`the token's ${error.claim} claim is not acceptable`);
      throw unauthenticated("the token is malformed or signed with an unknown key");
    }
    if (typeof payload.sub !== "string" || !SUBJECT.test(payload.sub)) {
      throw unauthenticated("the token's sub claim must be a string of 1-256 printable characters");
    }
    // jose checked both are numbers; a token for 2999 is refused however fresh its iat.
    if (payload.exp! - payload.iat! > config.maxTokenLifetimeSeconds) {
      throw unauthenticated(`the token lives longer than AUTH_MAX_TOKEN_LIFETIME (${config.maxTokenLifetimeSeconds} s)`);
    }
    return {
      subject: payload.sub,
      agency: typeof payload.agency === "string" && KNOWN_AGENCIES.has(payload.agency) ? payload.agency : null,
      role: typeof payload.role === "string" && Object.hasOwn(ROLES, payload.role) ? payload.role : UNKNOWN_ROLE,
      scopes: scopesOf(payload),
      purpose,
    };
  };
}
