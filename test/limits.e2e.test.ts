import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHub, type TestHub } from "./hub";

let hub: TestHub;
let locked: TestHub;
beforeAll(async () => {
  [hub, locked] = await Promise.all([
    startHub({ env: { MAX_DEPTH: "6", MAX_ALIASES: "5", MAX_COST: "2000", MAX_BODY_BYTES: "5000" } }),
    startHub({ env: { INTROSPECTION: "false", PLAYGROUND: "false" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([hub?.stop(), locked?.stop()]);
});

/** Runs `query` and returns its first error and how many SQL statements the subgraphs sent. */
async function refusal(query: string) {
  let error: { message: string; extensions?: Record<string, any> } | undefined;
  const counts = await hub.countStatements(async () => {
    error = (await hub.query(query, {}, { role: "social-worker" })).errors?.[0];
  });
  return { error, statements: Object.values(counts).reduce((a, b) => a + b, 0) };
}

describe("operation limits at the gateway", () => {
  it.each([
    ["too deep", `{ province { districts { tambons { villages { tambon { district { tambons { code } } } } } } } }`, "depth"],
    [
      "too many aliases",
      `{ a: province { code } b: province { code } c: province { code } d: province { code } e: province { code } f: province { code } }`,
      "aliases",
    ],
    ["too costly", `{ households(first: 100) { nodes { members { id firstName lastName age sex } } } }`, "cost"],
    ["a page too large", `{ households(first: 500) { totalCount } }`, "page size"],
  ])("an operation %s is refused with a clear error before any subgraph is called", async (_name, query, limit) => {
    const { error, statements } = await refusal(query);
    expect(error?.extensions?.code).toBe("OPERATION_LIMIT_EXCEEDED");
    expect(error?.extensions?.limit).toBe(limit);
    expect(error?.message).toMatch(new RegExp(`${limit} \\d+ exceeds the limit of \\d+`));
    expect(statements).toBe(0);
  });

  it("a request body over the size limit is refused with 413", async () => {
    const response = await fetch(hub.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ province { code } }`, variables: { padding: "x".repeat(6000) } }),
    });
    expect(response.status).toBe(413);
  });

  it("an operation within every limit runs", async () => {
    const { data, errors } = await hub.query(`{ province { districts { nameEn } } }`);
    expect(errors).toBeUndefined();
    expect(data.province.districts).toHaveLength(7);
  });

  it("a cross-site GET without a preflight header is refused (CSRF prevention)", async () => {
    const response = await fetch(`${hub.gatewayUrl}?query=${encodeURIComponent("{ province { code } }")}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("CSRF");
  });
});

describe("production switches", () => {
  it("with INTROSPECTION=false the schema cannot be introspected", async () => {
    const { errors } = await locked.query(`{ __schema { types { name } } }`);
    expect(errors?.[0].message).toMatch(/introspection/i);
  });

  it("with PLAYGROUND=false the gateway serves no playground", async () => {
    const response = await fetch(locked.gatewayUrl.replace(/graphql$/, ""));
    expect(response.status).toBe(404);
  });
});
