import fc from "fast-check";
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  type GraphQLSchema,
  GraphQLUnionType,
  isCompositeType,
  isLeafType,
  type IntrospectionQuery,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/kit/config";
import { geography } from "../subgraphs/kit/geography";
import { startHub, type TestHub } from "./hub";

/**
 * Operations generated from the graph's own schema (every root field, random selections and
 * arguments, valid-shaped and not), with broken documents, wrong variables and bodies mixed in,
 * sent through the real gateway anonymously and as three roles. Every answer: no 5xx, no stack,
 * SQL, path or internal URL; every refused mutation leaves every database as it was; afterwards
 * every server still answers and memory has stayed bounded.
 */
/** `FUZZ_RUNS` runs more (or fewer, while working on this file). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
/** Requests sent at once (the hub runs in this process, its databases beside it: both cores work). */
const BATCH = 4;
const ROLES = [undefined, "social-worker", "housing-officer", "council-network-officer"] as const;
/** What must never reach a client: stack frames, source paths, SQL and database words, internal URLs. */
const LEAKS =
  /\bat [\w.<>]+ \(|\.ts:\d+|node_modules|\/work\/|\/tmp\/|\bSELECT\b.+\bFROM\b|INSERT INTO|DELETE FROM|\bUPDATE \w+ SET\b|duplicate key|violates|syntax error at|relation "|QueryFailedError|postgres(ql)?:\/\/|127\.0\.0\.1:\d+|localhost:\d+/i;

let hub: TestHub;
let schema: GraphQLSchema;
let tables: Record<SubgraphName, string[]>;
const samples = { houseCodes: [] as string[], personIds: [] as string[], citizenIds: [] as string[] };

beforeAll(async () => {
  hub = await startHub();
  schema = buildClientSchema((await hub.query<IntrospectionQuery>(getIntrospectionQuery())).data!);
  tables = Object.fromEntries(
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        const rows = await hub.asOwner(
          name,
          `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
           AND table_name NOT IN ('audit_log', 'migrations') ORDER BY 1`,
        );
        return [name, rows.map((r) => r.t as string)];
      }),
    ),
  ) as Record<SubgraphName, string[]>;
  const people = await hub.asOwner("social-development", "SELECT id, citizen_id, house_code FROM person ORDER BY id LIMIT 8");
  samples.houseCodes = people.map((p) => p.house_code);
  samples.personIds = people.map((p) => p.id);
  samples.citizenIds = people.map((p) => p.citizen_id);
});
afterAll(() => hub?.stop());

/**
 * Every table's row count and newest row version (max xmin: an insert or update changes it, a
 * delete changes the count), per database; the audit log grows by design and is left out.
 */
const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        const parts = tables[name].map((t) => `SELECT '${t}' AS t, count(*)::int AS n, max(xmin::text::bigint) AS x FROM "${t}"`);
        return [name, await hub.asOwner(name, parts.join(" UNION ALL "))];
      }),
    ),
  );

type Draw = <T>(arb: fc.Arbitrary<T>) => T;

/** A string argument: mostly the shapes the hub's arguments take (real and near-miss), some hostile. */
function text(draw: Draw): string {
  const { tambons, villages } = geography();
  return draw(
    fc.oneof(
      fc.constantFrom(...tambons.map((t) => t.code)),
      fc.constantFrom(...villages.slice(0, 40).map((v) => v.code), tambons[0].code.slice(0, 4), "49"),
      fc.constantFrom(...samples.houseCodes, ...samples.personIds, ...samples.citizenIds),
      fc.constantFrom("2025-01-15", "2999-01-01", "1990-02-30", "2026-13-01", "", " ", "0", "-1", "1e5", "12.345", "NaN"),
      fc.constantFrom("' OR 1=1 --", "'); DROP TABLE person; --", "\\x00", "{{7*7}}", "<script>alert(1)</script>", "../../etc/passwd"),
      fc.constantFrom("3100600445635", "3100600445636", "ab".repeat(16), "AB".repeat(16), "๔๙๐๑๐๑"),
      fc.string({ maxLength: 24, unit: "grapheme" }),
      fc.string({ minLength: 300, maxLength: 400 }),
    ),
  );
}

/** A value for an input type; a `sloppy` one sometimes breaks the type (null for non-null, a wrong kind, no such enum value). */
function value(draw: Draw, type: GraphQLInputType, sloppy: boolean, depth = 0): unknown {
  const now = odds(draw, sloppy);
  if (now(12)) return draw(fc.jsonValue({ maxDepth: 1 })); // the wrong kind altogether
  if (type instanceof GraphQLNonNull) return now(12) ? null : filled(draw, type.ofType, sloppy, depth);
  return draw(fc.integer({ min: 0, max: 8 })) === 0 ? null : filled(draw, type, sloppy, depth);
}

/** True once in `one` draws, and only for a sloppy operation. */
const odds = (draw: Draw, sloppy: boolean) => (one: number) => sloppy && draw(fc.integer({ min: 1, max: one })) === 1;

function filled(draw: Draw, type: GraphQLInputType, sloppy: boolean, depth: number): unknown {
  const now = odds(draw, sloppy);
  if (type instanceof GraphQLList) {
    return Array.from({ length: draw(fc.integer({ min: 0, max: 3 })) }, () => value(draw, type.ofType, sloppy, depth + 1));
  }
  if (type instanceof GraphQLEnumType) return now(6) ? "NOT_A_VALUE" : draw(fc.constantFrom(...type.getValues().map((v) => v.name)));
  if (type instanceof GraphQLInputObjectType) {
    const fields = Object.values(type.getFields());
    return Object.fromEntries(
      fields
        .filter((f) => f.type instanceof GraphQLNonNull || (depth < 3 && draw(fc.boolean())))
        .map((f) => [f.name, value(draw, f.type, sloppy, depth + 1)]),
    );
  }
  const scalar = (type as GraphQLScalarType).name;
  // Mostly small (pages of a few rows keep 2,000 requests quick), the edges of every range besides.
  if (scalar === "Int")
    return draw(fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom(0, 1, 4, 5, 100, 101, 2 ** 31 - 1, -(2 ** 31))));
  if (scalar === "Float") return draw(fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constant(0)));
  if (scalar === "Boolean") return draw(fc.boolean());
  return text(draw);
}

interface Operation {
  query: string;
  variables: Record<string, unknown>;
  mutation: string | null;
}

/** A random selection of `type`'s fields, arguments as variables, down to `depth` levels. */
type Vars = Map<string, [string, unknown]> & { sloppy?: boolean };

function selection(draw: Draw, type: GraphQLObjectType | GraphQLUnionType, depth: number, vars: Vars): string {
  if (type instanceof GraphQLUnionType) {
    const member = draw(fc.constantFrom(...type.getTypes()));
    return `{ __typename ... on ${member.name} ${selection(draw, member, depth, vars)} }`;
  }
  const fields = Object.values(type.getFields());
  const picked = draw(fc.uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: 3 }));
  return `{ ${picked.map((f) => field(draw, f, depth, vars)).join(" ")} }`;
}

function field(draw: Draw, f: GraphQLField<unknown, unknown>, depth: number, vars: Vars): string {
  const args = f.args
    .filter((a) => a.type instanceof GraphQLNonNull || draw(fc.boolean()))
    .map((a) => {
      const name = `v${vars.size}`;
      vars.set(name, [String(a.type), value(draw, a.type, vars.sloppy === true)]);
      return `${a.name}: $${name}`;
    });
  const named = getNamedType(f.type);
  const head = `${f.name}${args.length ? `(${args.join(", ")})` : ""}`;
  if (isLeafType(named)) return head;
  if (depth <= 0 || !isCompositeType(named)) return `${head} { __typename }`;
  return `${head} ${selection(draw, named as GraphQLObjectType, depth - 1, vars)}`;
}

/** One operation from the schema: a query of a few root fields, or a mutation of one. */
function operation(draw: Draw): Operation {
  const vars: Vars = new Map();
  vars.sloppy = draw(fc.integer({ min: 0, max: 3 })) === 0;
  const isMutation = draw(fc.integer({ min: 0, max: 2 })) === 0;
  const root = (isMutation ? schema.getMutationType() : schema.getQueryType())!;
  let body: string;
  let mutation: string | null = null;
  if (isMutation) {
    const f = draw(fc.constantFrom(...Object.values(root.getFields())));
    mutation = f.name;
    body = `{ ${field(draw, f, 2, vars)} }`;
  } else {
    body = selection(draw, root, 2, vars);
  }
  const defs = [...vars].map(([name, [type]]) => `$${name}: ${type}`).join(", ");
  const query = `${isMutation ? "mutation" : "query"} Fuzz${defs ? `(${defs})` : ""} ${body}`;
  return { query, variables: Object.fromEntries([...vars].map(([name, [, v]]) => [name, v])), mutation };
}

/** What is sent: a schema-made operation, or one broken on purpose (truncated, garbage, wrong body). */
function request(draw: Draw): { body: string; contentType: string; mutation: string | null } {
  const op = operation(draw);
  const json = (o: object) => JSON.stringify(o);
  switch (draw(fc.integer({ min: 0, max: 14 }))) {
    case 0:
      return {
        body: json({ query: op.query.slice(0, draw(fc.nat(op.query.length))), variables: op.variables }),
        contentType: "application/json",
        mutation: null,
      };
    case 1:
      return { body: json({ query: draw(fc.string({ maxLength: 200 })) }), contentType: "application/json", mutation: null };
    case 2:
      return {
        body: json({ query: op.query, variables: draw(fc.jsonValue({ maxDepth: 2 })) }),
        contentType: "application/json",
        mutation: op.mutation,
      };
    case 3:
      return {
        body: draw(fc.constantFrom("{", "[]", "null", '{"query": 1}', "query { x }", "")),
        contentType: draw(fc.constantFrom("application/json", "text/plain")),
        mutation: null,
      };
    default:
      return {
        body: json({ query: op.query, variables: op.variables, operationName: "Fuzz" }),
        contentType: "application/json",
        mutation: op.mutation,
      };
  }
}

describe("fuzzing the gateway", () => {
  it(`${RUNS} generated operations and variable sets, anonymous and as three roles: no 5xx, nothing leaked, refused mutations change nothing, every server still up`, async () => {
    const tokens = Object.fromEntries(await Promise.all(ROLES.filter(Boolean).map(async (r) => [r, await hub.token(r!)])));
    const rssBefore = process.memoryUsage().rss;
    const seen = { statuses: new Map<number, number>(), mutations: 0, refusedMutations: 0, succeeded: 0 };
    let state = await snapshot();
    const started = performance.now();
    /** One request, checked alone; whether it was a mutation and whether it wrote. */
    const send = async (sent: ReturnType<typeof request>, role: (typeof ROLES)[number]) => {
      const headers: Record<string, string> = { "content-type": sent.contentType };
      if (role) headers.authorization = `Bearer ${tokens[role]}`;
      const response = await fetch(hub.gatewayUrl, { method: "POST", headers, body: sent.body });
      const text = await response.text();
      seen.statuses.set(response.status, (seen.statuses.get(response.status) ?? 0) + 1);
      expect(response.status, `${sent.body}\n→ ${text}`).toBeLessThan(500);
      expect(text, sent.body).not.toMatch(LEAKS);
      if (!sent.mutation) return { mutation: false, wrote: false, sent, text };
      let answer: { data?: Record<string, unknown> | null } = {};
      try {
        answer = JSON.parse(text);
      } catch {}
      return { mutation: true, wrote: answer.data?.[sent.mutation] != null, sent, text };
    };
    // Requests go BATCH at a time, as concurrent callers send them; after a batch whose mutations
    // were all refused, every database must be exactly as before it.
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.array(fc.constantFrom(...ROLES), { minLength: BATCH, maxLength: BATCH }), async (g, roles) => {
        const draw: Draw = (arb) => g(() => arb);
        const batch = roles.map((role) => [request(draw), role] as const);
        const answers = await Promise.all(batch.map(([sent, role]) => send(sent, role)));
        const mutations = answers.filter((a) => a.mutation);
        if (mutations.length === 0) return;
        seen.mutations += mutations.length;
        const after = await snapshot();
        if (mutations.some((a) => a.wrote)) {
          seen.succeeded += mutations.filter((a) => a.wrote).length;
          state = after; // a valid write by a role allowed to make it
          return;
        }
        seen.refusedMutations += mutations.length;
        const shown = mutations.map((a) => `${a.sent.body}\n→ ${a.text}`).join("\n");
        expect(after, `a refused mutation changed a database:\n${shown}`).toEqual(state);
      }),
      { numRuns: Math.ceil(RUNS / BATCH), seed: 20210201, endOnFailure: true },
    );
    const seconds = (performance.now() - started) / 1000;
    for (const url of [hub.gatewayUrl, ...SUBGRAPH_NAMES.map((n) => hub.subgraphs[n].url)]) {
      expect((await fetch(new URL("/health", url))).status, url).toBe(200);
    }
    const grownMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
    expect(grownMb).toBeLessThan(400);
    console.log(
      `fuzz: ${Math.ceil(RUNS / BATCH) * BATCH} requests (${BATCH} at a time) in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(seen.statuses))}; ` +
        `${seen.mutations} mutations (${seen.refusedMutations} refused, ${seen.succeeded} written); RSS grew ${grownMb.toFixed(0)} MB`,
    );
    expect(seen.refusedMutations).toBeGreaterThan(RUNS / 10);
  }, 300_000);
});
