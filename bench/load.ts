import autocannon from "autocannon";

/** One HTTP request of a scenario: a GraphQL POST body and its headers (the caller's token). */
export interface BenchRequest {
  body: string;
  headers: Record<string, string>;
}

export interface Round {
  rps: number;
  p50: number;
  p99: number;
  /** Answers received (including those counted as errors). */
  responses: number;
  /** Requests sent: the answers plus those still in flight when the round ended. */
  sent: number;
  /** Mean size of an answer's body, in bytes. */
  bytes: number;
  /** Failed answers by kind: `http 500`, `graphql INTERNAL_SERVER_ERROR`, `socket ECONNRESET`, `timeout`. */
  errors: Record<string, number>;
}

const add = (errors: Record<string, number>, kind: string, n = 1) => {
  if (n > 0) errors[kind] = (errors[kind] ?? 0) + n;
};

/** The distinct `extensions.code`s of a GraphQL answer's errors (none when it has no `errors`). */
export function graphqlErrorCodes(body: string): string[] {
  if (!body.includes('"errors"')) return []; // cheap test first: parsing every answer would load the load generator
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    return [...new Set((parsed.errors ?? []).map((e) => e.extensions?.code ?? "no code"))];
  } catch {
    return ["unparsable answer"];
  }
}

/**
 * Sends `requests` in turn (shared by all connections, so each request takes the next one) to
 * `url` over `connections` keep-alive connections for `seconds`, with autocannon, in this process.
 */
export function measure(url: string, requests: BenchRequest[], options: { connections: number; seconds: number; timeout: number }) {
  let next = 0;
  const errors: Record<string, number> = {};
  return new Promise<Round>((done, failed) => {
    const instance = autocannon(
      {
        url,
        method: "POST",
        connections: options.connections,
        duration: options.seconds,
        timeout: options.timeout,
        requests: [
          {
            setupRequest: (request) => {
              const r = requests[next++ % requests.length];
              return { ...request, body: r.body, headers: { "content-type": "application/json", ...r.headers } };
            },
            onResponse: (status, body) => {
              if (status < 200 || status > 299) add(errors, `http ${status}`);
              else for (const code of graphqlErrorCodes(body)) add(errors, `graphql ${code}`);
            },
          },
        ],
      },
      (error, result) => {
        if (error) return failed(error);
        add(errors, "timeout", result.timeouts);
        done({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          responses: result.requests.total,
          sent: result.requests.sent,
          bytes: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
          errors,
        });
      },
    );
    instance.on("reqError", (error: { code?: string; message?: string }) => {
      // A timeout is reported here too ("request timed out"): it is counted once, as `timeout`, from the result.
      if (!/time(d)? ?out/i.test(`${error.code} ${error.message}`)) add(errors, `socket ${error.code ?? error.message}`);
    });
  });
}
