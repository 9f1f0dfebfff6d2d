import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import type { GuardContext } from "./guard";

/**
 * The cache hints a subgraph gives the gateway (`Cache-Control` on its answers, which the gateway's
 * data source folds into the request's overall policy, and by which it keeps a fetch's answer:
 * gateway/fetch-cache.ts): an answer to the public role may be shared among public callers for
 * `publicMaxAge` seconds, since the public sees only aggregates under disclosure control (a
 * personal field needs a role); any other caller's answer, and every mutation's, is private and not
 * to be kept, unless `everyRole`: a subgraph of reference data whose answers do not depend on who
 * asks (no field checks a scope or writes an audit row: the area's names and codes) says so to
 * every role, and the gateway then shares them across roles. 0 turns sharing off.
 */
export function cacheHints(publicMaxAge: number, everyRole = false): ApolloServerPlugin<GuardContext>[] {
  return [
    {
      async requestDidStart() {
        return {
          // Before the cache-control plugin writes the header (in willSendResponse).
          async didResolveOperation({ operation, contextValue, overallCachePolicy }) {
            const shared =
              operation?.operation === "query" && contextValue.authenticated && (everyRole || contextValue.identity.role === "public");
            if (!shared) overallCachePolicy.restrict({ maxAge: 0, scope: "PRIVATE" });
          },
        };
      },
    },
    ApolloServerPluginCacheControl({ defaultMaxAge: publicMaxAge }),
  ];
}
