import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayContext } from "./auth";

type Answer = Awaited<ReturnType<GraphQLDataSource["process"]>>;

/**
 * Identical subgraph queries in flight at once share one call: a room of officers opening the same
 * dashboard sends the same requests within milliseconds, and before the response cache holds an
 * answer (response-cache.ts) each would otherwise reach every subgraph. Shared only where it is
 * safe: a query (never a mutation) of the public role, whose answers are the same for every such
 * caller and read no personal field (so no audit row is owed to the callers that waited). The
 * subgraph logs the call under the first caller's request id.
 *
 * Each waiter gets its own copy of the answer: the gateway merges later fetches into the objects
 * of an answer, and two requests' trees must never share one.
 */
export class InflightQueries {
  private readonly pending = new Map<string, Promise<Answer>>();

  /**
   * The key under which a call may be shared, or undefined when it must go alone. It holds the
   * subgraph's write generation (response-cache.ts): a call that began before a write through the
   * gateway is never shared with a caller who asks after that write has answered.
   */
  static keyOf(options: GraphQLDataSourceProcessOptions<GatewayContext>, generation = 0): string | undefined {
    const identity = (options.context as Partial<GatewayContext>).identity;
    const { query, variables } = options.request;
    if (identity?.role !== "public" || !query || /^\s*(mutation|subscription)\b/.test(query)) return undefined;
    return JSON.stringify([query, variables ?? null, identity.purpose ?? null, generation]);
  }

  /** `call`'s answer, or a copy of the answer of the identical call already in flight. */
  async run(key: string | undefined, call: () => Promise<Answer>): Promise<Answer> {
    if (key === undefined) return call();
    const sharing = this.pending.get(key);
    if (sharing) {
      // The HTTP response stays with the first caller: its Cache-Control hint (response-cache.ts)
      // counts once, so a waiter's answer is never kept as if it had been asked for itself.
      const { http: _, ...answer } = await sharing;
      return structuredClone(answer);
    }
    const answer = call().finally(() => this.pending.delete(key));
    this.pending.set(key, answer);
    return answer;
  }
}
