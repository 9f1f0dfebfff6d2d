import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOperations } from "../gateway/operations";
import { planYears } from "../dashboard/src/figures";
import { formats } from "../dashboard/src/i18n";
import { artefact } from "./artefacts";
import { browserAvailable, foreignRequests, launchBrowser } from "./browser";
import { startHub, type TestHub } from "./hub";

/**
 * The dashboard at /dashboard in headless Chromium, on one demo hub (what `npm start` seeds) and one
 * browser page that walks province → district → tambon and back, as a person would. Built from the
 * sources first (as `npm start` does), so the test sees the dashboard of this commit.
 */
const DISTRICT = "4902"; // Nikhom Kham Soi: 7 tambons
const th = formats("th");

let hub: TestHub;
let browser: Browser;
let page: Page;
let origin: string;
const urls: string[] = [];
const problems: string[] = [];
/** Polls as expect.poll does, with room for a loaded machine. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });
const graphqlRequests = () => urls.filter((u) => new URL(u).pathname === "/graphql").length;

/** Waits for a view's figures; returns the time from navigation start to then (ms), from the page's own mark. */
async function viewShown(level: "province" | "district" | "tambon"): Promise<number> {
  await page.locator(`main[data-testid="view-${level}"]`).waitFor({ timeout: 30_000 });
  return page.evaluate((name) => performance.getEntriesByName(name).at(-1)?.startTime ?? -1, `dashboard:${level}`);
}

beforeAll(async () => {
  if (!browserAvailable) return;
  execFileSync("npm", ["run", "-s", "build:dashboard"], { cwd: resolve(__dirname, ".."), stdio: "inherit" });
  // A generous deadline: on a loaded machine a slow subgraph must not read as a stopped one.
  [hub, browser] = await Promise.all([startHub({ data: "demo", env: { SUBGRAPH_TIMEOUT_MS: "20000" } }), launchBrowser()]);
  origin = new URL(hub.gatewayUrl).origin;
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  page.on("request", (r) => urls.push(r.url()));
  page.on("requestfailed", (r) => problems.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe.skipIf(!browserAvailable)("the dashboard", () => {
  it("the province view shows the 53 tambons on the map and in the table, from one GraphQL request, and nothing from another host", async () => {
    const started = Date.now();
    await page.goto(`${origin}/dashboard`);
    const interactive = await viewShown("province");
    const wall = Date.now() - started;
    // Where the time went: the page's own resources, and the one federated request.
    const resources = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((r) => ({ name: new URL(r.name).pathname, startMs: Math.round(r.startTime), ms: Math.round(r.duration) })),
    );
    const timing = { provinceInteractiveMs: Math.round(interactive), wallMs: wall, resources };
    writeFileSync(artefact("dashboard-timing.json"), `${JSON.stringify(timing, null, 2)}\n`);
    const graphql = resources.find((r) => r.name === "/graphql");
    console.log(
      `dashboard: province view interactive ${timing.provinceInteractiveMs} ms after navigation (GraphQL ${graphql?.ms} ms of it)`,
    );

    await poll(() => page.locator('svg[data-testid="map"] path.tambon').count()).toBe(53);
    expect(await page.locator('[data-testid="tambon-table"] tbody tr').count()).toBe(53);
    // Coloured or hatched, every tambon has a fill: a figure of each one arrived.
    const fills = await page.locator("path.tambon").evaluateAll((paths) => paths.map((p) => p.getAttribute("fill")));
    expect(fills.every((f) => f && f !== "#e5e7eb")).toBe(true);
    expect(await page.locator('[data-testid="place-title"]').innerText()).toContain("มุกดาหาร");
    expect(await page.locator('[data-testid="suppression-note"]').innerText()).toContain("<5");
    expect(await page.locator(".attribution").innerText()).toContain("CC BY 3.0 IGO");
    expect(graphqlRequests()).toBe(1);
    await page.screenshot({ path: artefact("dashboard-province.png"), fullPage: true });
  });

  it("clicking a tambon of Nikhom Kham Soi drills into the district: its 7 tambons, with the figures the API gives", async () => {
    await page.locator('path.tambon[data-code="490201"]').click();
    await viewShown("district");
    expect(new URL(page.url()).pathname).toBe(`/dashboard/district/${DISTRICT}`);
    expect(graphqlRequests()).toBe(2);

    const op = loadOperations().find((o) => o.name === "DashboardDistrict")!;
    const { data, errors } = await hub.query(op.query, { code: DISTRICT });
    expect(errors).toBeUndefined();
    const tambons: any[] = data.district.tambons;
    expect(tambons).toHaveLength(7);
    const rows = page.locator('[data-testid="tambon-table"] tbody tr');
    expect(await rows.count()).toBe(7);
    expect(await page.locator("path.tambon:not(.outside)").count()).toBe(7);
    for (const t of tambons) {
      const cell = (col: string) => page.locator(`tr[data-code="${t.code}"] td[data-col="${col}"]`).innerText();
      expect(await cell("tambon")).toBe(t.nameTh);
      expect(await cell("households")).toBe(th.count(t.registry.householdCount));
      expect(await cell("level1")).toBe(th.count(t.registry.householdsByPovertyLevel[0].households));
      expect(await cell("unsafe")).toBe(th.count(t.housing.unsafeHousing));
      expect(await cell("openCases")).toBe(th.count(t.housing.openCases));
      expect(await cell("farmers")).toBe(th.count(t.agriculture.farmerCount));
      expect(await cell("leaders")).toBe(th.count(t.councils.trainedChangeLeaders));
      expect(await cell("fundMembers")).toBe(th.count(t.councils.welfareFundMembers));
      expect(await cell("fundBalance")).toBe(th.baht(t.councils.welfareFundBalance));
    }
    // How levels moved between the two latest rounds: the registry's district matrix, as the API gives it.
    const moves = data.district.registry.levelTransitions;
    expect(await page.locator('[data-testid="moved-up"] .value').innerText()).toBe(th.count(moves.movedUp));
    const matrix = await page.locator('[data-testid="transitions"] tbody td').allInnerTexts();
    const cell = (from: number, to: number) => moves.cells.find((c: any) => c.fromLevel === from && c.toLevel === to).households;
    expect(matrix).toEqual([1, 2, 3, 4].flatMap((from) => [1, 2, 3, 4].map((to) => th.count(cell(from, to)))));
    // The district's households are its tambons' published ones added up.
    const households = tambons.reduce((s, t) => s + (t.registry.householdCount ?? 0), 0);
    expect(await page.locator('[data-testid="households"] .value').innerText()).toContain(th.count(households));
    await page.screenshot({ path: artefact("dashboard-district.png"), fullPage: true });

    // The table sorts, and its CSV holds the same rows, a hidden count as "<5".
    await page.locator('[data-testid="tambon-table"] th button', { hasText: "ครัวเรือน" }).first().click();
    const sorted = await page.locator('[data-testid="tambon-table"] td[data-col="households"]').allInnerTexts();
    const numbers = sorted.map((s) => (s === "<5" ? 2.5 : Number(s.replace(/,/g, ""))));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="csv"]').click()]);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.trim().split("\r\n")).toHaveLength(8);
    for (const t of tambons) expect(text).toContain(t.code);
  });

  it("a row drills into its tambon; the back button returns to the district and then the province", async () => {
    await page.locator('tr[data-code="490201"]').click();
    await viewShown("tambon");
    expect(new URL(page.url()).pathname).toBe("/dashboard/tambon/490201");
    expect(await page.locator("path.tambon.selected").getAttribute("data-code")).toBe("490201");
    expect(await page.locator('[data-testid="panel-councils"]').innerText()).toContain("สภาองค์กรชุมชนตำบล");
    await page.screenshot({ path: artefact("dashboard-tambon.png"), fullPage: true });
    expect(graphqlRequests()).toBe(3);

    await page.goBack();
    await viewShown("district");
    expect(new URL(page.url()).pathname).toBe(`/dashboard/district/${DISTRICT}`);
    await page.goBack();
    await viewShown("province");
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    // One request per view shown: province, district, tambon, district, province.
    expect(graphqlRequests()).toBe(5);
  });

  it("the language toggle changes the labels and the number formats", async () => {
    const councils = page.locator('[data-testid="panel-councils"]');
    expect(await councils.innerText()).toContain("ล้าน บาท");
    await page.locator('[data-testid="lang"]').click();
    await poll(() => page.locator("h1").innerText()).toBe("Mukdahan poverty data");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    const english = await councils.innerText();
    expect(english).toContain("Community councils");
    expect(english).toMatch(/฿\d+(\.\d+)?M/);
    expect(english).not.toContain("ล้าน");
    await page.locator('[data-testid="lang"]').click();
    await poll(() => page.locator("h1").innerText()).toContain("มุกดาหาร");
    expect(graphqlRequests()).toBe(5); // a language is not a new view
  });

  it("a demo role is shown as active; a role that may see households gets the tambon's households with level and open cases", async () => {
    const shown = () => page.evaluate(() => performance.getEntriesByName("dashboard:province").length);
    const before = await shown();
    await page.locator('[data-testid="demo-role"]').selectOption("housing-officer");
    await poll(() => page.locator('[data-testid="role"]').innerText()).toContain("housing-officer");
    // The view is asked for again with the role's token (and shown once it answers).
    await poll(shown).toBeGreaterThan(before);
    await page.goto(`${origin}/dashboard/tambon/490201`);
    await viewShown("tambon");
    const households = page.locator('[data-testid="household-list"]');
    await households.waitFor();
    const list = await households.innerText();
    expect(await households.locator("tbody tr").count()).toBeGreaterThan(10);
    expect(list).toMatch(/เรื่องเปิด/);
    expect(list).toMatch(/อยู่ลำบาก|อยู่ยาก|อยู่พอได้|อยู่ดี/);
    // Back to the public role: the households are gone.
    await page.locator('[data-testid="demo-role"]').selectOption("");
    await poll(() => page.locator('[data-testid="household-list"]').count()).toBe(0);
    // The provincial analyst sees exact figures: no hidden count on the province's map (the README's picture).
    await page.locator('[data-testid="demo-role"]').selectOption("provincial-analyst");
    await poll(() => page.locator('[data-testid="role"]').innerText()).toContain("provincial-analyst");
    await page.locator(".badge").waitFor(); // the tambon asked for again as the analyst, and shown
    await page.goto(`${origin}/dashboard`);
    await viewShown("province");
    expect(await page.locator(".badge").innerText()).toBe("ตัวเลขจริง (ไม่ปัด)");
    expect(await page.locator('[data-testid="tambon-table"] td[data-col="level1"]').allInnerTexts()).not.toContain("<5");
    await page.screenshot({ path: artefact("dashboard-province-analyst.png"), fullPage: false });
  });

  it("the district's outcomes (for a role that may see them) and a tambon's plan show the API's figures", async () => {
    // A new role asks the view shown again: wait for its answer, so that leaving the page aborts nothing.
    const role = async (name: string, level: "province" | "tambon") => {
      const shown = () => page.evaluate((mark) => performance.getEntriesByName(mark).length, `dashboard:${level}`);
      const before = await shown();
      await page.locator('[data-testid="demo-role"]').selectOption(name);
      await poll(() => page.locator('[data-testid="role"]').innerText()).toContain(name || th.t("publicRole"));
      await poll(shown).toBeGreaterThan(before);
    };
    // The public: no outcome is asked for, and the panel says which role may see them.
    await role("", "province");
    await page.goto(`${origin}/dashboard/district/${DISTRICT}`);
    await viewShown("district");
    expect(await page.locator('[data-testid="outcomes-need-role"]').innerText()).toBe(th.t("outcomesNeedRole"));

    // A tambon of the district with a plan this fiscal year or the one before: the panel shows the API's plan.
    const years = planYears(new Date());
    const rollup = async (y: number) =>
      (await hub.query(`query($y: Int!) { provincePlans(fiscalYear: $y) { plans { tambonCode } } }`, { y })).data.provincePlans.plans;
    const planned = [...(await rollup(years.fiscalYear)), ...(await rollup(years.previousFiscalYear))]
      .map((p: { tambonCode: string }) => p.tambonCode)
      .filter((c: string) => c.startsWith(DISTRICT));
    expect(planned.length).toBeGreaterThan(0);
    const tambon = planned[0];
    const before = graphqlRequests();
    await page.goto(`${origin}/dashboard/tambon/${tambon}`);
    await viewShown("tambon");
    expect(graphqlRequests()).toBe(before + 1); // the plan comes in the view's one request
    const tambonOp = loadOperations().find((o) => o.name === "DashboardTambon")!;
    const answer = await hub.query(tambonOp.query, { code: tambon, ...years });
    expect(answer.errors).toBeUndefined();
    const plan = answer.data.plan ?? answer.data.previousPlan;
    const panel = page.locator('[data-testid="panel-plan"]');
    expect(await panel.locator('[data-testid="no-plan"]').count()).toBe(answer.data.plan ? 0 : 1);
    expect(await panel.locator('[data-testid="plan-title"]').innerText()).toContain(plan.title);
    expect(await panel.locator('[data-testid="plan-baseline"] td.n').allInnerTexts()).toEqual(
      plan.baseline.map((b: { value: number | null }) => th.count(b.value)),
    );
    const projects = panel.locator('[data-testid="plan-projects"] tbody tr');
    expect(await projects.count()).toBe(plan.projects.length);
    for (const [i, p] of plan.projects.entries()) {
      const row = await projects.nth(i).innerText();
      expect(row).toContain(th.baht(p.budget));
      const last = p.progress.at(-1);
      expect(row).toContain(last ? th.count(last.householdsReached) : th.t("noProgress"));
    }

    // The case conference: every agency's split, as the API gives it to that role.
    await role("case-conference", "tambon");
    const asked = graphqlRequests();
    await page.goto(`${origin}/dashboard/district/${DISTRICT}`);
    await viewShown("district");
    await page.locator('[data-testid="outcomes"]').waitFor();
    const districtOp = loadOperations().find((o) => o.name === "DashboardDistrict")!;
    const all = { housingOutcomes: true, agricultureOutcomes: true, councilsOutcomes: true };
    const q5 = await hub.query(districtOp.query, { code: DISTRICT, ...all }, { role: "case-conference" });
    expect(q5.errors).toBeUndefined();
    const outcomes = [...q5.data.district.housingOutcomes, ...q5.data.district.agricultureOutcomes, ...q5.data.district.councilsOutcomes];
    expect(outcomes.length).toBeGreaterThanOrEqual(3);
    expect(graphqlRequests()).toBe(asked + 1); // the outcomes come in the view's one request
    const rows = page.locator('[data-testid="outcomes"] tbody tr');
    expect(await rows.count()).toBe(outcomes.length);
    const shown: Record<string, string> = {};
    for (const o of outcomes) {
      const cell = (col: string) => page.locator(`[data-testid="outcomes"] tr[data-help="${o.help}"] td[data-col="${col}"]`).innerText();
      const pct = (up: number, of: number) => (of ? th.pct(up / of) : "–");
      expect(await cell("helped")).toBe(
        th.t("movedUpOf", { up: th.count(o.helpedMovedUp), of: th.count(o.helped), pct: pct(o.helpedMovedUp, o.helped) }),
      );
      expect(await cell("notHelped")).toBe(
        th.t("movedUpOf", { up: th.count(o.notHelpedMovedUp), of: th.count(o.notHelped), pct: pct(o.notHelpedMovedUp, o.notHelped) }),
      );
      shown[o.help] = `${o.helpedMovedUp}/${o.helped} helped vs ${o.notHelpedMovedUp}/${o.notHelped} not`;
    }
    console.log(`dashboard: district ${DISTRICT} outcomes ${JSON.stringify(shown)}; tambon ${tambon} plan "${plan.title}"`);
    await page.screenshot({ path: artefact("dashboard-district-outcomes.png"), fullPage: true });
  });

  it("with housing's subgraph stopped, the other panels still render and housing's say it sent no data", async () => {
    await hub.subgraphs.housing.stop();
    await page.goto(`${origin}/dashboard/district/${DISTRICT}`);
    await viewShown("district");
    const housing = page.locator('[data-testid="panel-housing"]');
    expect(await housing.innerText()).toContain("ไม่มีข้อมูลจาก");
    expect(await page.locator('[data-testid="panel-budget"]').innerText()).toContain("ไม่มีข้อมูลจาก");
    expect(await page.locator('[data-testid="panel-registry"]').innerText()).not.toContain("ไม่มีข้อมูลจาก");
    expect(await page.locator('[data-testid="households"] .value').innerText()).toMatch(/\d/);
    expect(await page.locator('[data-testid="panel-agriculture"]').innerText()).not.toContain("ไม่มีข้อมูลจาก");
    expect(await page.locator('[data-testid="panel-councils"]').innerText()).not.toContain("ไม่มีข้อมูลจาก");
    expect(await page.locator('[data-testid="tambon-table"] tbody tr').count()).toBe(7);
  });

  it("made no request to any host but the hub's, and logged no error", () => {
    expect(urls.length).toBeGreaterThan(0);
    expect(foreignRequests(urls)).toEqual([]);
    expect(urls.every((u) => new URL(u).origin === origin)).toBe(true);
    expect(problems).toEqual([]);
  });
});
