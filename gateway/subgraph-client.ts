import type { KeyObject } from "node:crypto";
import { randomUUID } from "node:crypto";
import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { type DocumentNode, type GraphQLError, parse } from "graphql";
import { Agent, fetch } from "undici";
import { type Identity, PUBLIC_IDENTITY } from "../subgraphs/kit/identity";
import { signInternalToken } from "../subgraphs/kit/internal-token";
import type { GatewayContext } from "./auth";
import { type SubgraphCircuit, SubgraphFailure } from "./circuit";
import { FetchCache } from "./fetch-cache";
import { InflightQueries } from "./inflight";
import { SubgraphUnavailableError } from "./partial-answers";
import type { WriteGenerations } from "./response-cache";

/**
 * How long the gateway keeps an idle connection to a subgraph. Below the subgraphs' own
 * keep-alive timeout (kit/http.ts, 65 s) by a wide margin, so the gateway always closes an idle
 * connection first and no request is written to a socket the server has just closed (issue 11's
 * ECONNRESET after idle gaps).
 */
export const CLIENT_IDLE_MS = 4000;

/** One connection pool per subgraph origin, shared by every subgraph client of a gateway. */
export const subgraphAgent = (): Agent => new Agent({ keepAliveTimeout: CLIENT_IDLE_MS, keepAliveMaxTimeout: CLIENT_IDLE_MS });

const safeParse = (query: string | undefined): DocumentNode | undefined => {
  try {
    return query ? parse(query) : undefined;
  } catch {
    return undefined;
  }
};

/** The header that carries a request's caller from willSendRequest to the fetcher, never sent. */
const CALLER = "x-hub-caller";

type Fetcher = RemoteGraphQLDataSource["fetcher"];
type FetchInit = { headers?: Record<string, string>; body?: string; method?: string };

/**
 * A data source that calls a subgraph with a token for that subgraph alone and for that request's
 * body alone (kit/internal-token.ts), and passes the request id on. `send` does the HTTP (default:
 * @apollo/gateway's own client; the bench's stock gateway keeps it).
 */
export class SignedSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly callers = new Map<string, Identity>();

  constructor(url: string, name: string, key: KeyObject, send?: Fetcher) {
    super({ url });
    const inner = send ?? this.fetcher;
    // The token is made where the body's bytes are final: in the fetcher, which receives them.
    this.fetcher = (async (target: string, init: FetchInit = {}) => {
      const headers = { ...init.headers };
      const identity = this.callers.get(headers[CALLER]) ?? PUBLIC_IDENTITY;
      this.forget(headers[CALLER]);
      delete headers[CALLER];
      const body = String(init.body ?? "");
      headers.authorization = `Bearer ${await signInternalToken(key, identity, name, body)}`;
      return inner(target, { ...init, headers, body });
    }) as Fetcher;
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request, context } = options;
    // The subgraph sees a generated operation name (`Op__subgraph__0`): pass on the client's own.
    const operation = "incomingRequestContext" in options ? (options.incomingRequestContext.operationName ?? null) : null;
    const caller = randomUUID();
    this.callers.set(caller, { ...((context as Partial<GatewayContext>).identity ?? PUBLIC_IDENTITY), operation });
    request.http?.headers.set(CALLER, caller);
    const requestId = (context as Partial<GatewayContext>).requestId;
    if (requestId) request.http?.headers.set("x-request-id", requestId);
  }

  /** Drops a caller kept for a call that never reached the fetcher (refused by a breaker). */
  protected forget(caller: string | null | undefined): void {
    if (caller) this.callers.delete(caller);
  }

  protected callerOf(options: GraphQLDataSourceProcessOptions<GatewayContext>): string | null | undefined {
    return options.request.http?.headers.get(CALLER);
  }
}

export interface SubgraphClientOptions {
  name: string;
  url: string;
  /** The gateway's private key: each call carries a token for this subgraph and this body alone. */
  key: KeyObject;
  /** The call's deadline, from sending to the last byte of the answer. */
  timeoutMs: number;
  circuit: SubgraphCircuit;
  agent: Agent;
  /** The gateway's write generations (response-cache.ts): a write clears this subgraph's kept fetches. */
  writes: WriteGenerations;
}

/**
 * The gateway's client for one subgraph: a signed source over undici whose every call has a
 * deadline and goes through the subgraph's circuit breaker, unless the same shareable fetch was
 * answered moments ago (fetch-cache.ts) or is in flight (inflight.ts). Any failure to get an answer
 * (timeout, refused connection, an HTTP error, a body that is not JSON, the breaker open) becomes
 * one SUBGRAPH_UNAVAILABLE error naming the subgraph (partial-answers.ts), never its URL, status
 * text or body. GraphQL errors the subgraph itself answers with pass through as they are.
 */
export class SubgraphClient extends SignedSource {
  constructor(private readonly options: SubgraphClientOptions) {
    super(options.url, options.name, options.key, ((target: string, init: FetchInit) =>
      fetch(target, {
        method: init.method ?? "POST",
        headers: init.headers,
        body: init.body,
        dispatcher: options.agent,
        // Covers reading the body too: a subgraph that stalls mid-answer is cut at the deadline.
        signal: AbortSignal.timeout(options.timeoutMs),
      })) as unknown as Fetcher);
    this.fetches = new FetchCache(options.name, options.writes);
  }

  private readonly inflight = new InflightQueries();
  private readonly fetches: FetchCache;

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await this.fetches.run(options, () =>
        this.inflight.run(InflightQueries.keyOf(options, this.options.writes.of(this.options.name)), () =>
          this.options.circuit.call(() => super.process(options)),
        ),
      );
    } catch (error) {
      const failure = error as SubgraphFailure;
      const incoming = "pathInIncomingRequest" in options ? options : undefined;
      throw new SubgraphUnavailableError(
        this.options.name,
        failure.reason,
        failure.message,
        incoming?.pathInIncomingRequest ?? [],
        // The plan keeps no parsed document (exposeDocumentNodeInFetchNode is off): parsed on failure only.
        incoming?.document ?? safeParse(options.request.query),
      );
    } finally {
      this.forget(this.callerOf(options));
    }
  }

  /** An HTTP error: its status only (the default puts the URL, status text and body into the error). */
  override async errorFromResponse(response: { status: number; body?: unknown }): Promise<GraphQLError> {
    await (response.body as { cancel?: () => Promise<void> } | undefined)?.cancel?.();
    throw new SubgraphFailure("BAD_RESPONSE", `HTTP ${response.status}`);
  }
}
