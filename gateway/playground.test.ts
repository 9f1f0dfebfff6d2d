import { describe, it, expect, beforeAll, afterAll } from "vitest";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { browserAvailable, foreignRequests, launchBrowser, openPlayground } from "../test/browser";
import { renderPlayground } from "./playground";
import type { PlaygroundOptions } from "./playground";

const TIMEOUT: number = 30_000;

const options: PlaygroundOptions = {
  endpoint: "/graphql",
  intro: "Demo <b>tokens</b> & friends",
  tabs: [
    { name: "Ping", query: "query Ping {\n  __typename\n}" },
    // A hostile query: if it were inlined unescaped it would end the script early.
    { name: "Escaping", query: "# </script><script>window.pwned = true</script>\nquery Escaping { __typename }" },
  ],
};

// Mutable so a test can play "the server was redeployed with new examples".
let served: PlaygroundOptions = options;
let server: http.Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  server = http.createServer((req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method === "GET" && req.url === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(renderPlayground(served));
    } else if (req.method === "POST" && req.url === "/graphql") {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"data":{"__typename":"Query"}}');
      });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
}, TIMEOUT);

describe.skipIf(!browserAvailable)("GraphiQL playground", () => {
  it(
    "the playground opens with the example query and runs it without contacting any other host",
    async () => {
      const { page, recorded } = await openPlayground(browser, origin);
      const editor = page.locator(".graphiql-query-editor .CodeMirror");
      await expect.poll(() => editor.innerText()).toContain("query Ping");
      await expect.poll(() => page.locator(".graphiql-tab").count()).toBe(2);

      await page.locator(".graphiql-execute-button").click();
      await expect.poll(() => page.locator(".graphiql-response").innerText(), { timeout: TIMEOUT }).toContain("__typename");

      if (process.env.PLAYGROUND_SCREENSHOT) await page.screenshot({ path: process.env.PLAYGROUND_SCREENSHOT });
      await page.close();
      expect(recorded.urls.some((u: string) => u === `${origin}/graphql`)).toBe(true);
      expect(foreignRequests(recorded.urls)).toEqual([]);
      expect(recorded.loadErrors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "markup in the intro and a </script> inside a query are shown as text, not run",
    async () => {
      const { page, recorded } = await openPlayground(browser, origin);
      expect(await page.locator("#intro").innerText()).toBe(options.intro);
      expect(await page.evaluate(() => (globalThis as { pwned?: boolean }).pwned)).toBeUndefined();

      await page.locator(".graphiql-tab", { hasText: "Escaping" }).click();
      await expect
        .poll(() => page.locator(".graphiql-query-editor .CodeMirror").innerText())
        .toContain("</script><script>window.pwned = true</script>");
      await page.close();
      expect(recorded.loadErrors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "a returning visitor keeps their open tabs, but sees the new examples once they change",
    async () => {
      const context = await browser.newContext();
      try {
        const { page } = await openPlayground(browser, origin, await context.newPage());
        const editor = page.locator(".graphiql-query-editor .CodeMirror");
        await page.locator(".graphiql-tab", { hasText: "Escaping" }).click();
        // GraphiQL writes its tab state to localStorage after a 500 ms debounce.
        await expect.poll(() => page.evaluate<string>("JSON.stringify(localStorage)")).toContain('"activeTabIndex\\":1');

        await openPlayground(browser, origin, page); // a later visit
        await expect.poll(() => editor.innerText()).toContain("query Escaping");

        served = { ...options, tabs: [{ name: "Districts", query: "query Districts { __typename }" }] };
        await openPlayground(browser, origin, page);
        await expect.poll(() => editor.innerText()).toContain("query Districts");
        expect(await page.locator(".graphiql-tab").count()).toBe(1);
      } finally {
        served = options;
        await context.close();
      }
    },
    TIMEOUT,
  );
});
