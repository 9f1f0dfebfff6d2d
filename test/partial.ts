import { expect } from "vitest";
import { loadOperations } from "../gateway/operations";
import { SECTION_FIELDS, type SectionAgency } from "../subgraphs/kit/sections";
import { expectOneUnavailable } from "./expect";
import type { GraphQLResponse, TestHub } from "./hub";

/** What the tests of partial answers (degrade, faults) share: the named operations and what a partial answer must be. */

/** Runs a named example operation (schema/operations/) as the role it names. */
export const run = (hub: Pick<TestHub, "query">, name: string): Promise<GraphQLResponse> => {
  const op = loadOperations().find((o) => o.name === name)!;
  return hub.query(op.query, op.variableValues, { role: op.role });
};

/** A tambon's answer without the stopped agency's section. */
function othersThan(agency: SectionAgency, tambon: Record<string, unknown>) {
  const { [SECTION_FIELDS[agency]]: _stopped, ...others } = tambon;
  return others;
}

/** The tambon answers of TambonProfile or DistrictRollup. */
export const tambonsOf = (response: GraphQLResponse): Record<string, unknown>[] => response.data?.tambons ?? [response.data?.tambon];

/** Every tambon answered as when the hub was whole, but for the stopped agency's section: null, with an error. */
export function expectOnlyStoppedSectionNull(agency: SectionAgency, whole: GraphQLResponse, degraded: GraphQLResponse) {
  const section = SECTION_FIELDS[agency];
  expect(whole.errors, JSON.stringify(whole.errors)).toBeUndefined();
  expect(tambonsOf(whole).every((t) => t[section] !== null)).toBe(true);
  const [error] = expectOneUnavailable(degraded, agency);
  const tambons = tambonsOf(degraded);
  // The error points at every section the agency left null, and at nothing else.
  const at = "tambons" in degraded.data ? (i: number) => ["tambons", i, section] : () => ["tambon", section];
  expect(error.extensions!.paths).toEqual(tambons.map((_, i) => at(i)));
  expect(error.path).toEqual(at(0));
  expect(tambons).toHaveLength(tambonsOf(whole).length);
  for (const [i, tambon] of tambons.entries()) {
    expect(tambon[section]).toBeNull();
    expect(othersThan(agency, tambon)).toEqual(othersThan(agency, tambonsOf(whole)[i]));
    for (const other of Object.values(SECTION_FIELDS).filter((s) => s !== section)) expect(tambon[other], other).not.toBeNull();
  }
}

/**
 * The named operation's whole answer (no error), asked until it comes (for 30 s at most; in a hook,
 * where expect.poll may not run): on a loaded machine a cold process's first answers may miss a
 * short deadline.
 */
export async function wholeAnswer(hub: Pick<TestHub, "query">, name: string): Promise<GraphQLResponse> {
  const until = Date.now() + 30_000;
  for (;;) {
    const answer = await run(hub, name);
    if (answer.errors === undefined || Date.now() > until) {
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      return answer;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * How long `name` may take with one subgraph failing: the deadline + 1 s (issue 9), plus what the
 * whole answer takes on this machine right now (asked here), which a loaded CI machine stretches.
 */
export async function allowedTime(hub: Pick<TestHub, "query">, name: string, deadlineMs: number): Promise<number> {
  const started = performance.now();
  const answer = await run(hub, name);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return deadlineMs + 1000 + (performance.now() - started);
}
