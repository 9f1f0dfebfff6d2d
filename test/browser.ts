import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium, or CHROMIUM_PATH (Playwright's own browser download is not reachable here). */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * Whether the browser tests can run here. Without a Chromium they are skipped (global setup says so
 * once); with REQUIRE_BROWSER=1 (CI) a missing Chromium fails the run instead.
 */
export const browserAvailable = existsSync(CHROMIUM);

export const NO_BROWSER_MESSAGE = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;

/** Headless, and with Chromium's own background traffic (updates, sync) switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export interface Recorded {
  urls: string[];
  loadErrors: string[];
}

/** Opens the playground at `origin` and records every request and load failure it causes. */
export async function openPlayground(browser: Browser, origin: string, page?: Page): Promise<{ page: Page; recorded: Recorded }> {
  page ??= await browser.newPage();
  const recorded: Recorded = { urls: [], loadErrors: [] };
  page.on("request", (r) => recorded.urls.push(r.url()));
  page.on("requestfailed", (r) => recorded.loadErrors.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on("pageerror", (e: Error) => recorded.loadErrors.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && /failed to load|net::ERR_|refused to (load|connect)/i.test(m.text())) {
      recorded.loadErrors.push(`${m.text()} (${m.location().url})`);
    }
  });
  await page.goto(`${origin}/`);
  await page.locator(".graphiql-container .graphiql-query-editor .CodeMirror").waitFor({ state: "visible" });
  return { page, recorded };
}

/** Requests to any host but this machine. */
export function foreignRequests(urls: string[]): string[] {
  return urls.filter((u) => {
    const url = new URL(u);
    if (url.protocol === "data:" || url.protocol === "blob:") return false;
    return !(url.protocol === "http:" && (url.hostname === "127.0.0.1" || url.hostname === "localhost"));
  });
}
