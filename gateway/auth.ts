import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { KeyObject } from "node:crypto";
import type { AuthConfig } from "../subgraphs/kit/config";
import { PUBLIC_IDENTITY, type Identity } from "../subgraphs/kit/identity";
import { signInternalToken } from "../subgraphs/kit/internal-token";

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

/**
 * `Authorization: Bearer <JWT>` → the caller's identity (no header: the public role). A token that
 * is expired, badly signed or malformed is refused with 401 and says which.
 */
export function identityFromRequest(config: AuthConfig): (req: IncomingMessage) => Promise<Identity> {
  const key = keySource(config);
  return async (req) => {
    const header = req.headers.authorization;
    const purpose = typeof req.headers["x-purpose"] === "string" ? req.headers["x-purpose"].slice(0, 200) : null;
    if (!header) return { ...PUBLIC_IDENTITY, purpose };
    const token = /^Bearer (\S+)$/i.exec(header)?.[1];
    if (!token) throw unauthenticated("the Authorization header must be `Bearer <token>`");
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, { issuer: config.issuer, requiredClaims: ["sub", "exp"] });
      const scopes = Array.isArray(payload.scopes)
        ? payload.scopes.map(String)
        : typeof payload.scope === "string"
          ? payload.scope.split(" ").filter(Boolean)
          : [];
      return {
        subject: String(payload.sub),
        agency: typeof payload.agency === "string" ? payload.agency : null,
        role: typeof payload.role === "string" ? payload.role : "user",
        scopes,
        purpose,
      };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated("the token has expired");
      if (error instanceof errors.JWSSignatureVerificationFailed) throw unauthenticated("the token's signature does not verify");
      if (error instanceof errors.JWTClaimValidationFailed) throw unauthenticated(`the token's ${error.claim} claim is not acceptable`);
      throw unauthenticated("the token is malformed or signed with an unknown key");
    }
  };
}

/** Calls a subgraph with a 60-second token, signed for that subgraph alone, naming the caller. */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly subgraph: string,
    private readonly key: KeyObject,
  ) {
    super({ url });
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request, context } = options;
    // The subgraph sees a generated operation name (`Op__subgraph__0`): pass on the client's own.
    const operation = "incomingRequestContext" in options ? (options.incomingRequestContext.operationName ?? null) : null;
    const identity = { ...((context as Partial<GatewayContext>).identity ?? PUBLIC_IDENTITY), operation };
    request.http?.headers.set("authorization", `Bearer ${await signInternalToken(this.key, identity, this.subgraph)}`);
    const requestId = (context as Partial<GatewayContext>).requestId;
    if (requestId) request.http?.headers.set("x-request-id", requestId);
  }
}
