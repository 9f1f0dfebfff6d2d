import { expect } from "vitest";
import type { SubgraphName } from "../subgraphs/kit/config";
import type { GraphQLResponse, QueryOptions, TestHub } from "./hub";

/**
 * The assertions the suites share: an operation that answers, one that is refused and wrote
 * nothing, and the SQL statements an answer cost. Each lives here once.
 */

/** Runs `query`, asserts it raised no error, and returns its first top-level field. */
export async function answered(hub: TestHub, query: string, variables: Record<string, unknown>, options: QueryOptions = {}): Promise<any> {
  const { data, errors } = await hub.query(query, variables, options);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return Object.values(data ?? {})[0];
}

export interface Refusal {
  code: string;
  /** The argument field the error must name, in `extensions.field` and in its message. */
  field?: string;
  /** Words the message must contain. */
  because?: string;
}

/**
 * Runs an operation that must be refused: no data, the expected code (and field), and the database
 * exactly as before, judged by `snapshot` (SQL over the tables the operation could write).
 */
export async function refusedUnchanged(
  hub: TestHub,
  query: string,
  variables: Record<string, unknown>,
  refusal: Refusal,
  snapshot: () => Promise<unknown>,
  options: QueryOptions = {},
) {
  const before = await snapshot();
  const { data, errors } = await hub.query(query, variables, options);
  expect(Object.values(data ?? {})[0] ?? null, JSON.stringify(data)).toBeNull();
  expect(errors?.[0].extensions?.code, JSON.stringify(errors)).toBe(refusal.code);
  if (refusal.field) {
    expect(errors?.[0].extensions?.field).toBe(refusal.field);
    expect(errors?.[0].message).toContain(refusal.field);
  }
  if (refusal.because) expect(errors?.[0].message).toContain(refusal.because);
  expect(await snapshot()).toEqual(before); // nothing written
  return errors![0];
}

/** The SQL statements each subgraph sent to answer `query` (which must raise no error), and the answer. */
export async function statementsFor(hub: TestHub, query: string, variables: Record<string, unknown> = {}, options: QueryOptions = {}) {
  let data: any;
  const counts = await hub.countStatements(async () => {
    const response = await hub.query(query, variables, options);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    data = response.data;
  });
  return { counts, data };
}

/** SQL straight on one subgraph's own database (the tests' independent view of what was written). */
export const sqlOn =
  (hub: () => TestHub, subgraph: SubgraphName) =>
  (text: string, params: unknown[] = []): Promise<any[]> =>
    hub().subgraphs[subgraph].ds.query(text, params);

/**
 * The one error a failed subgraph leaves in an answer (gateway/partial-answers.ts, the dashboard's
 * contract): SUBGRAPH_UNAVAILABLE naming it, nothing about where it runs or what it said; returned
 * for more checks.
 */
export function expectOneUnavailable(response: GraphQLResponse, serviceName: string): NonNullable<GraphQLResponse["errors"]> {
  const errors = response.errors ?? [];
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  const [error] = errors;
  expect(error.extensions?.code).toBe("SUBGRAPH_UNAVAILABLE");
  expect(error.extensions?.serviceName).toBe(serviceName);
  expect(["TIMEOUT", "UNREACHABLE", "BAD_RESPONSE", "CIRCUIT_OPEN"]).toContain(error.extensions?.reason);
  expect(Object.keys(error.extensions!).sort()).toEqual(["code", "paths", "reason", "serviceName"]);
  expect(error.message).toMatch(new RegExp(`^${serviceName} is unavailable: `));
  expect(JSON.stringify(error)).not.toMatch(/https?:|127\.0\.0\.1|localhost|\/graphql|response/);
  return errors;
}
