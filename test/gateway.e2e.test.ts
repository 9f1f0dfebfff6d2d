import { createHash } from "node:crypto";
import { Agent, request } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOperations } from "../gateway/operations";
import type { Readiness } from "../gateway/readiness";
import { readSupergraph } from "../gateway/server";
import { CLIENT_IDLE_MS } from "../gateway/subgraph-client";
import { browserAvailable, foreignRequests, launchBrowser, openPlayground } from "./browser";
import { artefact } from "./artefacts";
import { startHub, type TestHub } from "./hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

const origin = () => hub.gatewayUrl.replace(/\/graphql$/, "");

describe.skipIf(!browserAvailable)("the gateway's playground in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("the playground opens with every example operation and runs the first (with its variables) against the real graph, contacting no other host", async () => {
    const { page, recorded } = await openPlayground(browser, origin());
    const examples = loadOperations();
    await expect.poll(() => page.locator(".graphiql-tab").count()).toBe(examples.length);
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(() => page.locator(".graphiql-response").innerText(), { timeout: 30_000 }).toMatch(/"data"|"errors"/);
    expect(await page.locator(".graphiql-response").innerText()).not.toContain('"errors"');
    // The answer's Thai names are drawn in the Sarabun font the gateway serves, not in a system font.
    await expect.poll(() => page.locator(".graphiql-response").innerText()).toMatch(/[\u0E01-\u0E5B]/);
    await page.evaluate(() => (globalThis as any).document.fonts.ready); // runs in the page
    expect(await page.evaluate(() => (globalThis as any).document.fonts.check('16px "Sarabun"', "มุกดาหาร"))).toBe(true);
    expect(recorded.urls.some((u) => u.endsWith("/assets/fonts/sarabun-thai-400-normal.woff2"))).toBe(true);
    await page.screenshot({ path: artefact("playground.png") });
    await page.close();
    expect(recorded.urls.filter((u) => u.endsWith("/graphql")).length).toBeGreaterThanOrEqual(2);
    expect(foreignRequests(recorded.urls)).toEqual([]);
    expect(recorded.loadErrors).toEqual([]);
  });
});

describe("the gateway", () => {
  it("/health says the gateway is alive, /ready that every subgraph is up, with the supergraph in use", async () => {
    const health = await fetch(`${origin()}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", service: "gateway" });
    const ready = await fetch(`${origin()}/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as Readiness;
    expect(body.status).toBe("ready");
    expect(body.supergraph.sha256).toBe(createHash("sha256").update(readSupergraph()).digest("hex"));
    expect(Object.keys(body.subgraphs).sort()).toEqual(Object.keys(hub.subgraphs).sort());
    expect(Object.values(body.subgraphs).map((s) => s.state)).toEqual(Object.keys(hub.subgraphs).map(() => "up"));
  });

  it("a body that is not JSON gets a 400 with a plain message, no stack trace", async () => {
    const response = await fetch(hub.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain("not valid JSON");
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it("a query for a field that does not exist is refused with a validation code and no stack trace", async () => {
    const { errors } = await hub.query(`{ tambon(code: "490201") { salary } }`);
    expect(errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(errors)).not.toContain("stacktrace");
  });

  it("client mistakes the planner cannot run get a 400 saying what to change: several unnamed operations, a subscription", async () => {
    for (const [query, code, words] of [
      ["query A { __typename } query B { __typename }", "OPERATION_RESOLUTION_FAILURE", "operationName"],
      ["subscription { __typename }", "BAD_REQUEST", "no subscriptions"],
    ]) {
      const response = await fetch(hub.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      expect(response.status, query).toBe(400);
      const { errors } = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(errors[0].extensions.code).toBe(code);
      expect(errors[0].message).toContain(words);
    }
  });

  it("after a body too large (413) the connection is closed, so the client's next request on it is answered at once", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: string) =>
      new Promise<{ status: number; connection?: string }>((done, fail) => {
        const req = request(hub.gatewayUrl, { method: "POST", agent, headers: { "content-type": "application/json" } }, (res) => {
          res.resume();
          res.on("end", () => done({ status: res.statusCode!, connection: res.headers.connection }));
        });
        req.on("error", fail);
        req.end(body);
      });
    const big = await post(JSON.stringify({ query: "{ __typename }", padding: "x".repeat(hub.config.limits.maxBodyBytes + 1) }));
    expect(big).toEqual({ status: 413, connection: "close" });
    const next = await post(JSON.stringify({ query: "{ __typename }" }));
    expect(next.status).toBe(200);
    agent.destroy();
  });

  it("a subgraph keeps an idle keep-alive connection past the gateway's 4 s, so no call meets a socket it just closed", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; reused: boolean; keepAlive?: string }>((done, fail) => {
        const req = request(new URL("/health", hub.subgraphs.housing.url), { agent }, (res) => {
          res.resume();
          res.on("end", () => done({ status: res.statusCode!, reused: req.reusedSocket, keepAlive: String(res.headers["keep-alive"]) }));
        });
        req.on("error", fail);
        req.end();
      });
    expect(await get()).toEqual({ status: 200, reused: false, keepAlive: "timeout=65" });
    await new Promise((r) => setTimeout(r, CLIENT_IDLE_MS + 2000)); // past Node's default of 5 s
    expect(await get()).toEqual({ status: 200, reused: true, keepAlive: "timeout=65" });
    agent.destroy();
  });

  it("refuses to start without the committed supergraph, saying how to write it", () => {
    expect(() => readSupergraph("/nonexistent/supergraph.graphql")).toThrow("npm run compose");
  });
});
