import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOperations } from "../gateway/operations";
import { SUBGRAPH_NAMES } from "../subgraphs/kit/config";
import { startHub, type TestHub } from "./hub";

/**
 * The hub busy. A room of officers opening one view at once: identical public queries in flight together reach
 * each subgraph once (gateway/inflight.ts), and each caller still gets the whole answer. Callers
 * with a token each get their own calls (their reads may be audited, their answers differ). An
 * agency whose every pooled connection is taken is busy, not down: its /health still answers.
 */
const CALLERS = 8;
const profile = loadOperations().find((o) => o.name === "TambonProfile")!;

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

const ask = (role?: string) => hub.query(profile.query, profile.variableValues, { role });

describe("identical requests in flight together", () => {
  it(`${CALLERS} public callers asking the same tambon's profile at once cost the subgraphs what one caller costs, and all get the same whole answer`, async () => {
    let alone: Awaited<ReturnType<typeof ask>> | undefined;
    const once = await hub.countStatements(async () => (alone = await ask()));
    expect(alone!.errors).toBeUndefined();
    // The area answers first in the plan: hold its tables until every caller has asked, so that
    // all of them are in flight together however slowly this machine lets them arrive.
    const area = new Client({ connectionString: hub.ownerUrls.area });
    await area.connect();
    await area.query("BEGIN");
    const tables = await area.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    await area.query(`LOCK TABLE ${tables.rows.map((r) => `"${r.tablename}"`).join(", ")} IN ACCESS EXCLUSIVE MODE`);
    const answers: Awaited<ReturnType<typeof ask>>[] = [];
    const together = await hub.countStatements(async () => {
      const asked = Promise.all(Array.from({ length: CALLERS }, () => ask()));
      await new Promise((done) => setTimeout(done, 1000));
      await area.query("COMMIT");
      answers.push(...(await asked));
    });
    await area.end();
    for (const answer of answers) expect(answer).toEqual(alone);
    for (const name of SUBGRAPH_NAMES) expect(together[name], name).toBe(once[name]);
    expect(Object.values(once).reduce((a, b) => a + b)).toBeGreaterThan(0);
  });

  it("callers with a token are not merged: each request reaches the subgraphs itself", async () => {
    const once = await hub.countStatements(() => ask("social-worker"));
    const together = await hub.countStatements(() => Promise.all(Array.from({ length: CALLERS }, () => ask("social-worker"))));
    for (const name of SUBGRAPH_NAMES) expect(together[name], name).toBe(once[name] * CALLERS);
  });
});

describe("an agency whose every connection is busy", () => {
  it("still answers /health at once, so the gateway does not take it for one that is down", async () => {
    const housing = hub.subgraphs.housing;
    const busy = Array.from({ length: hub.config.databasePoolSize }, () => housing.ds.query("SELECT pg_sleep(2)"));
    await new Promise((done) => setTimeout(done, 200)); // every pooled connection is sleeping now
    const started = performance.now();
    const health = await fetch(new URL("/health", housing.url));
    expect(health.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
    await Promise.all(busy);
  });
});
