import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../subgraphs/kit/config";
import { dashboardRoute } from "./dashboard";

/** The dashboard's route on a built folder of its own (no Vite here): what it serves, and what it refuses. */
const dist = mkdtempSync(join(tmpdir(), "dashboard-"));
mkdirSync(join(dist, "assets"));
writeFileSync(join(dist, "index.html"), "<html><head></head><body></body></html>");
writeFileSync(join(dist, "assets", "index-abc.js"), "console.log(1)");
const servers: http.Server[] = [];

async function serve(env: Record<string, string>, folder = dist): Promise<string> {
  const route = dashboardRoute(loadConfig(env), folder);
  const server = http.createServer(async (req, res) => {
    if (!(await route(req, res))) res.writeHead(418).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
let dev: string;
beforeAll(async () => {
  dev = await serve({});
});
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

describe("/dashboard", () => {
  it("answers every place's path with the page, its Thai font and settings added, under a policy that allows only this host", async () => {
    for (const path of ["/dashboard", "/dashboard/", "/dashboard/district/4902", "/dashboard/tambon/490201"]) {
      const response = await fetch(dev + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
      const html = await response.text();
      expect(html).toContain('font-family: "Sarabun"');
      expect(html).toContain('<link rel="preload" href="/assets/fonts/sarabun-thai-400-normal.woff2"');
      expect(html).toMatch(/"demoRoles":\["social-worker",/);
    }
  });

  it("serves the built assets, cached for good, and nothing outside them", async () => {
    const asset = await fetch(`${dev}/dashboard/assets/index-abc.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    for (const path of ["/dashboard/assets/..%2Findex.html", "/dashboard/assets/missing.js", "/dashboard/district/49", "/dashboard/x"]) {
      expect((await fetch(dev + path)).status, path).toBe(404);
    }
    expect((await fetch(`${dev}/elsewhere`)).status).toBe(418); // not the route's
  });

  it("says how to build it when it is not built", async () => {
    const unbuilt = await serve({}, join(dist, "nothing"));
    const response = await fetch(`${unbuilt}/dashboard`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run build:dashboard");
  });

  it("gives demo tokens in development only, for a known role, from a JSON body", async () => {
    const ask = (origin: string, body: string, type = "application/json") =>
      fetch(`${origin}/dashboard/demo-token`, { method: "POST", headers: { "content-type": type }, body });
    const ok = await ask(dev, '{"role":"housing-officer"}');
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { token: string }).token.split(".")).toHaveLength(3);
    expect((await ask(dev, '{"role":"root"}')).status).toBe(400);
    expect((await ask(dev, "role=housing-officer", "application/x-www-form-urlencoded")).status).toBe(415);
    const ownSecret = await serve({ AUTH_HS256_SECRET: "a-secret-of-this-hub-that-is-long-enough-1234" });
    expect((await ask(ownSecret, '{"role":"housing-officer"}')).status).toBe(404);
    expect(await (await fetch(`${ownSecret}/dashboard`)).text()).toContain('"demoRoles":[]');
  });
});
