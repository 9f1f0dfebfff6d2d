import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayContext } from "./auth";
import type { WriteGenerations } from "./response-cache";

type Answer = Awaited<ReturnType<GraphQLDataSource["process"]>>;

interface Kept {
  answer: Omit<Answer, "http">;
  expires: number;
  generation: number;
}

/** `public` and its `max-age` in seconds from a subgraph's Cache-Control, or 0 when not shareable. */
function publicMaxAge(header: string | null | undefined): number {
  if (!header || !/(^|,)\s*public\s*(,|$)/i.test(header)) return 0;
  const age = /(^|,)\s*max-age=(\d+)\s*(,|$)/i.exec(header)?.[2];
  return age ? Number(age) : 0;
}

/**
 * One subgraph's answers to query fetches that the subgraph itself declared shareable (its
 * `Cache-Control: public, max-age=N`, subgraphs/kit/cache-hints.ts), kept for N seconds and given
 * to the next identical fetch (same query, same variables) without calling the subgraph: the area's
 * names and codes of the places in 200 different households' profiles cost one call per place, not
 * one per profile. Keyed by the query and variables, not by who asks, since the subgraph said the
 * answer is shared (nor by the fetch's operation name); but under two audiences, as the hints mean two things (cache-hints.ts): `public`
 * to the public role is the same answer for every public caller, `public` to any other role (only
 * reference data such as the area's) the same answer for every role.
 *
 * Staleness: a mutation through this gateway that reached the subgraph moves its write generation
 * on (response-cache.ts), and an answer kept under an older one, or whose call began before, is
 * never served; a write that reaches the subgraph another way shows after at most N seconds. A hit
 * still tells the request's cache policy the kept answer's remaining age, so the response cache
 * never keeps it longer than the subgraph allowed.
 *
 * Each caller gets its own copy: the gateway merges later fetches into the objects of an answer.
 */
export class FetchCache {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly service: string,
    private readonly writes: WriteGenerations,
    private readonly maxEntries = 2000,
  ) {}

  /** The key of a query fetch, or undefined for a mutation (never kept). */
  private static keyOf(options: GraphQLDataSourceProcessOptions<GatewayContext>): string | undefined {
    const { query, variables } = options.request;
    if (!query || /^\s*(mutation|subscription)\b/.test(query)) return undefined;
    const audience = (options.context as Partial<GatewayContext>).identity?.role === "public" ? "public" : "every role";
    // Without the name the gateway gives the fetch (`HouseholdProfile__area__3`, from the client's
    // operation): the same fetch from two client operations is the same question.
    return JSON.stringify([audience, query.replace(/^\s*query\s+[_A-Za-z]\w*/, "query"), variables ?? null]);
  }

  /** `call`'s answer, or a copy of the kept answer to the same fetch; keeps the answer when shareable. */
  async run(options: GraphQLDataSourceProcessOptions<GatewayContext>, call: () => Promise<Answer>): Promise<Answer> {
    const key = FetchCache.keyOf(options);
    if (key === undefined) return call();
    const now = Date.now();
    const hit = this.kept.get(key);
    if (hit && hit.expires > now && hit.generation === this.writes.of(this.service)) {
      const policy = "incomingRequestContext" in options ? options.incomingRequestContext.overallCachePolicy : undefined;
      policy?.restrict({ maxAge: Math.floor((hit.expires - now) / 1000), scope: "PUBLIC" });
      return structuredClone(hit.answer);
    }
    if (hit) this.kept.delete(key);
    const generation = this.writes.of(this.service);
    const answer = await call();
    const maxAge = publicMaxAge(answer.http?.headers.get("cache-control"));
    if (maxAge > 0 && !answer.errors && generation === this.writes.of(this.service)) {
      const { http: _, ...body } = answer;
      this.kept.set(key, { answer: structuredClone(body), expires: Date.now() + maxAge * 1000, generation });
      if (this.kept.size > this.maxEntries) this.kept.delete(this.kept.keys().next().value!);
    }
    return answer;
  }
}
