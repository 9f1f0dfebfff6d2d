import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Route } from "../subgraphs/kit/http";

/**
 * The Thai font every page of the hub carries: Sarabun (SIL Open Font License 1.1, from the
 * @fontsource/sarabun package), served by the gateway itself. Thai then shows on a machine without
 * Thai fonts (an office laptop, a CI browser), and no page asks a font CDN.
 */
const WEIGHTS = [400, 700] as const;
const PREFIX = "/assets/fonts/";
const file = (weight: number) => `sarabun-thai-${weight}-normal.woff2`;

/** The font files' URLs, for pages that preload them. */
export const THAI_FONT_URLS = WEIGHTS.map((weight) => `${PREFIX}${file(weight)}`);

/** `@font-face` rules for the pages: only Thai code points fall back to Sarabun. */
export const THAI_FONT_CSS = WEIGHTS.map(
  (weight) => `@font-face { font-family: "Sarabun"; font-style: normal; font-weight: ${weight}; font-display: swap;
  src: url(${PREFIX}${file(weight)}) format("woff2"); unicode-range: U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC; }`,
).join("\n");

/** GET /assets/fonts/<file>: the font files above, read once, cached by browsers for a day. */
export function fontRoute(): Route {
  const dir = join(dirname(require.resolve("@fontsource/sarabun/package.json")), "files");
  const files = new Map<string, Buffer>();
  return (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "GET" || !path.startsWith(PREFIX)) return false;
    const name = path.slice(PREFIX.length);
    if (!WEIGHTS.some((w) => file(w) === name)) return false;
    if (!files.has(name)) files.set(name, readFileSync(join(dir, name)));
    res.writeHead(200, { "content-type": "font/woff2", "cache-control": "public, max-age=86400" });
    res.end(files.get(name));
    return true;
  };
}
