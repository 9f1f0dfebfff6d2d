import { createHash } from "node:crypto";
import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from "@apollo/server";
import type { Experimental_DidResolveQueryPlanCallback } from "@apollo/gateway";
import type { GatewayContext } from "./auth";

/**
 * Answers to the public role that the subgraphs hint may be shared (their `Cache-Control`, see
 * subgraphs/kit/cache-hints.ts, folded by the gateway's data source into the request's overall
 * policy: PUBLIC, max-age > 0 only when every subgraph asked said so), kept in memory and served
 * again to the next public caller asking the same thing: a room of officers opening one dashboard
 * costs one set of subgraph calls.
 *
 * Staleness: a mutation through this gateway clears every kept answer that read from a subgraph
 * the mutation reached (whether or not it succeeded), and an answer whose reads began before such a
 * mutation is never kept; so after a write through this gateway has answered, no one is served
 * what it changed. With GATEWAY_WORKERS, a write's clearing reaches every worker before its answer
 * leaves (`channel`, gateway/workers.ts), so the same holds for the whole gateway. A write that
 * reaches an agency another way (another gateway, the agency's own tools) shows after at most the
 * hint's max-age (`HUB_PUBLIC_CACHE_SECONDS`).
 */

/** The subgraphs a query plan calls (its Fetch nodes, wherever they sit). */
function servicesIn(node: unknown, into = new Set<string>()): Set<string> {
  if (!node || typeof node !== "object") return into;
  const n = node as Record<string, unknown>;
  if (n.kind === "Fetch" && typeof n.serviceName === "string") into.add(n.serviceName);
  for (const key of ["node", "nodes", "primary", "rest", "ifClause", "elseClause", "deferred"]) {
    const child = n[key];
    if (Array.isArray(child)) for (const c of child) servicesIn(c, into);
    else servicesIn(child, into);
  }
  return into;
}

/** How a write's clearing reaches the gateway's other processes (gateway/workers.ts); none in one process. */
export interface WriteChannel {
  /** Tells every other process that these subgraphs were written; resolves once each has cleared them. */
  announce(services: string[]): Promise<void>;
  /** From now on, `clear` is called with the subgraphs another process wrote to. */
  listen(clear: (services: string[]) => void): void;
}

/**
 * Each subgraph's write generation: a mutation through this gateway that reached a subgraph moves
 * its generation on once it has answered (the response cache's willSendResponse, below: the one
 * place), and whatever was read from that subgraph under an older generation is no longer served,
 * by the response cache nor by the subgraph-fetch cache (fetch-cache.ts).
 */
export class WriteGenerations {
  private readonly generation = new Map<string, number>();

  of(service: string): number {
    return this.generation.get(service) ?? 0;
  }

  /** Every subgraph's generation now (one not written to yet is absent: 0). */
  snapshot(): Map<string, number> {
    return new Map(this.generation);
  }

  wrote(services: Iterable<string>): void {
    for (const s of services) this.generation.set(s, this.of(s) + 1);
  }

  /** True when no write reached any of these subgraphs since their generations were taken. */
  unchanged(reads: Iterable<[string, number]>): boolean {
    for (const [s, g] of reads) if (this.of(s) !== g) return false;
    return true;
  }
}

interface Entry {
  body: GraphQLResponse["body"];
  expires: number;
  /** Each subgraph read and its write generation when the reads began. */
  reads: Map<string, number>;
}

export function responseCache(options: { maxEntries?: number; channel?: WriteChannel } = {}) {
  const maxEntries = options.maxEntries ?? 1000;
  const writes = new WriteGenerations();
  const entries = new Map<string, Entry>();
  const services = new WeakMap<object, Set<string>>();
  const fresh = (e: Entry) => e.expires > Date.now() && writes.unchanged(e.reads);
  /** A write reached these subgraphs: what was read from them before is no longer kept nor kept later. */
  const written = (reached: Iterable<string>) => {
    writes.wrote(reached);
    for (const [k, e] of entries) if (!fresh(e)) entries.delete(k);
  };
  options.channel?.listen(written);

  /** For the gateway's `experimental_didResolveQueryPlan`: which subgraphs this request calls. */
  const didResolveQueryPlan: Experimental_DidResolveQueryPlanCallback = ({ queryPlan, requestContext }) => {
    // Keyed by the request's context: the gateway sees a copy of the request, the same context.
    services.set(requestContext.context, servicesIn(queryPlan.node));
  };

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      let key: string | undefined;
      let startedAt: Map<string, number> | undefined;
      return {
        async responseForOperation({ operation, contextValue, request, source }) {
          if (operation.operation !== "query" || contextValue.identity.role !== "public") return null;
          key = createHash("sha256")
            .update(JSON.stringify([source, request.operationName ?? null, request.variables ?? {}]))
            .digest("base64url");
          const hit = entries.get(key);
          if (hit && fresh(hit)) {
            entries.delete(key); // most recently used last
            entries.set(key, hit);
            return { http: { status: undefined, headers: new HeaderMap() }, body: hit.body };
          }
          startedAt = writes.snapshot();
          return null;
        },
        async willSendResponse({ operation, contextValue, response, overallCachePolicy }) {
          const reached = services.get(contextValue) ?? new Set<string>();
          if (operation?.operation === "mutation") {
            written(reached);
            // The answer waits until no other worker can serve what this write changed.
            if (reached.size > 0) await options.channel?.announce([...reached]);
            return;
          }
          const policy = overallCachePolicy.policyIfCacheable();
          const body = response.body;
          if (!key || !startedAt || !policy || policy.scope !== "PUBLIC" || body.kind !== "single" || body.singleResult.errors) return;
          const reads = new Map([...reached].map((s) => [s, startedAt!.get(s) ?? 0]));
          if (!writes.unchanged(reads)) return; // a write landed while we read
          entries.set(key, { body, expires: Date.now() + policy.maxAge * 1000, reads });
          if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
        },
      };
    },
  };
  return { plugin, didResolveQueryPlan, writes };
}
