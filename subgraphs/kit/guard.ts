import type { ApolloServerPlugin } from "@apollo/server";
import type { IncomingMessage } from "node:http";
import { GraphQLError, Kind, type OperationDefinitionNode } from "graphql";
import type { DataSource } from "typeorm";
import type { AuditTrail } from "./audit";
import { PUBLIC_IDENTITY, type Identity } from "./identity";
import { publicKey, ReplayGuard, verifyInternalToken } from "./internal-token";
import { logger } from "./log";

const log = logger("audit");

/** What the guard adds to a subgraph's context. */
export interface GuardContext {
  /** False when the request carried no valid gateway token: it may then ask for `_service` only. */
  authenticated: boolean;
  identity: Identity;
  /** The gateway's id for the client's request, kept in the audit row. */
  requestId: string;
  audit: AuditTrail;
  ds: DataSource;
}

/**
 * A subgraph trusts nobody by default: only a token the gateway signed for this subgraph and for
 * this very request body, seen here for the first time (see internal-token.ts), says who is
 * asking. Without a public key configured, nothing verifies. Why a token is refused goes to the
 * log, not to the caller.
 */
export function requestIdentity(subgraph: string, gatewayPublicKey: string | undefined) {
  const key = gatewayPublicKey ? publicKey(gatewayPublicKey) : null;
  const replays = new ReplayGuard();
  const log = logger(subgraph);
  return async (req: IncomingMessage, body: Buffer, requestId: string): Promise<{ authenticated: boolean; identity: Identity }> => {
    const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (!key || !token) return { authenticated: false, identity: PUBLIC_IDENTITY };
    const verified = await verifyInternalToken(key, token, subgraph, body, replays);
    if ("identity" in verified) return { authenticated: true, identity: verified.identity };
    log.warn({ requestId, reason: verified.refused }, "a gateway token was refused");
    return { authenticated: false, identity: PUBLIC_IDENTITY };
  };
}

/** Only `{ _service { sdl } }` (composition) needs no credentials. */
const onlyServiceSdl = (operation: OperationDefinitionNode): boolean =>
  operation.operation === "query" &&
  operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (s.name.value === "_service" || s.name.value === "__typename"));

export const guardPlugin: ApolloServerPlugin<GuardContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (!contextValue.authenticated && !(operation && onlyServiceSdl(operation))) {
          throw new GraphQLError("this subgraph answers only the gateway: call the hub's gateway", {
            extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
          });
        }
      },
      // PDPA: no personal data leaves without its audit row. If the row cannot be written, the
      // response is withheld.
      async willSendResponse({ contextValue, response, operationName }) {
        try {
          await contextValue.audit.flush(contextValue.ds, contextValue.identity, {
            operationName: contextValue.identity.operation ?? operationName ?? null,
            requestId: contextValue.requestId,
          });
        } catch (error) {
          log.error({ err: error, requestId: contextValue.requestId }, "audit write failed: the response is withheld");
          if (response.body.kind === "single") {
            response.body.singleResult = { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] };
          }
        }
      },
    };
  },
};
