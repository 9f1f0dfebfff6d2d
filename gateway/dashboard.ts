import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { DEMO_TOKEN_SECRET, type HubConfig } from "../subgraphs/kit/config";
import { ROLES } from "../subgraphs/kit/identity";
import type { Route } from "../subgraphs/kit/http";
import { demoToken } from "./demo-token";
import { THAI_FONT_CSS, THAI_FONT_URLS } from "./fonts";

/**
 * The cross-agency dashboard at /dashboard (dashboard/, built by Vite into dashboard/dist at
 * `npm start` and in the browser test). Every place the dashboard shows is a path of its own
 * (/dashboard/district/4902), so each path under /dashboard answers the same page and the page reads
 * the place from the URL. The page asks only this host: a Content-Security-Policy says so to the browser.
 */
export const DASHBOARD_DIST = resolve(__dirname, "../dashboard/dist");
const BASE = "/dashboard";
const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};
const CSP = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** Demo tokens from the page's role picker: only in development, and only while tokens are signed with the public demo secret. */
export const demoRolesEnabled = (config: HubConfig): boolean =>
  !config.production && !config.auth.jwksFile && !config.auth.jwksUrl && config.auth.hs256Secret === DEMO_TOKEN_SECRET;

function page(html: string, config: HubConfig): string {
  const settings = { demoRoles: demoRolesEnabled(config) ? Object.keys(ROLES).filter((r) => r !== "public") : [] };
  // JSON in a non-script type is data, not code (CSP allows it); `<` escaped so it cannot close the element.
  const json = JSON.stringify(settings).replace(/</g, "\\u003c");
  return html.replace(
    "</head>",
    `${THAI_FONT_URLS.map((url) => `<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin>`).join("\n")}\n<style>${THAI_FONT_CSS}</style>\n<script type="application/json" id="hub-settings">${json}</script>\n</head>`,
  );
}

export function dashboardRoute(config: HubConfig, dist = DASHBOARD_DIST): Route {
  let html: { text: string; mtime: number } | undefined;
  const files = new Map<string, Buffer>();
  return async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== BASE && !path.startsWith(`${BASE}/`)) return false;
    if (req.method === "POST" && path === `${BASE}/demo-token`) return demoTokenAnswer(config, req, res);
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (path.startsWith(`${BASE}/assets/`)) {
      const name = path.slice(`${BASE}/assets/`.length);
      // Vite's output names: letters, digits, `-_.`; nothing that climbs out of the folder.
      if (!/^[\w.-]+$/.test(name) || !TYPES[extname(name)] || !existsSync(join(dist, "assets", name))) return notFound(res);
      if (!files.has(name)) files.set(name, readFileSync(join(dist, "assets", name)));
      // Vite puts a content hash in every asset's name: a changed file is a new URL.
      res.writeHead(200, { "content-type": TYPES[extname(name)], "cache-control": "public, max-age=31536000, immutable" });
      res.end(req.method === "HEAD" ? undefined : files.get(name));
      return true;
    }
    if (!/^\/dashboard(\/(district\/\d{4}|tambon\/\d{6}))?\/?$/.test(path)) return notFound(res);
    const index = join(dist, "index.html");
    if (!existsSync(index)) {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
      res.end("The dashboard is not built: run `npm run build:dashboard` (npm start does it).\n");
      return true;
    }
    // Read again when a rebuild (`npm run build:dashboard` beside a running hub) replaced it.
    const mtime = statSync(index).mtimeMs;
    if (html?.mtime !== mtime) html = { text: page(readFileSync(index, "utf8"), config), mtime };
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", "content-security-policy": CSP });
    res.end(req.method === "HEAD" ? undefined : html.text);
    return true;
  };
}

function notFound(res: import("node:http").ServerResponse): true {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
  res.end("Not found\n");
  return true;
}

async function demoTokenAnswer(config: HubConfig, req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 1000) break;
  }
  const role = (() => {
    try {
      return String(JSON.parse(body).role);
    } catch {
      return "";
    }
  })();
  const json = (status: number, value: unknown) => {
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(value));
    return true;
  };
  if (!demoRolesEnabled(config)) return json(404, { error: "demo roles are off: this hub does not sign tokens with the demo secret" });
  // A JSON body only: a cross-site form cannot send one without a CORS preflight, which this route never answers.
  if (!/^application\/json\b/.test(req.headers["content-type"] ?? "")) return json(415, { error: 'send JSON: {"role": "…"}' });
  if (role === "public" || !ROLES[role]) return json(400, { error: `unknown role; roles: ${Object.keys(ROLES).join(", ")}` });
  return json(200, { role, token: await demoToken(config.auth, role, { expiresIn: "8h" }) });
}
