import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answered, refusedUnchanged, sqlOn, statementsFor } from "./expect";
import { startHub, type TestHub } from "./hub";

/**
 * Area-based tambon plans (issue 13): a council officer drafts a tambon's plan with its baseline,
 * adds projects and reports their progress; anyone reads the plan (households under the disclosure
 * rule); the province rolls the plans up. Bad input is refused with nothing written.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

const OFFICER = { role: "council-network-officer" };
const councils = sqlOn(() => hub, "community-councils");
const M = {
  draft: `mutation($input: DraftTambonPlanInput!) { draftTambonPlan(input: $input) { id fiscalYearBE baseline { agency indicator value } } }`,
  project: `mutation($input: AddPlanProjectInput!) { addPlanProject(input: $input) { id budget targetHouseholds houseCodes } }`,
  report: `mutation($input: ReportProgressInput!) { reportProjectProgress(input: $input) { id spent householdsReached } }`,
};
const PLAN = `query($t: String!, $y: Int!) { tambonPlan(tambonCode: $t, fiscalYear: $y) { title baseline { value }
  projects { title budget progress { spent householdsReached indicatorValue } } } }`;
const ROLLUP = `query($y: Int!) { provincePlans(fiscalYear: $y) { tambonsWithPlan tambonsWithoutPlan projects budget spent targetHouseholds householdsReached
  byLeadAgency { leadAgency projects budget spent } plans { tambonCode } } }`;
const written = () =>
  councils(`SELECT (SELECT count(*) FROM tambon_plan) AS plans, (SELECT count(*) FROM plan_baseline) AS baseline,
    (SELECT count(*) FROM plan_project) AS projects, (SELECT count(*) FROM project_progress) AS reports`);

const draft = {
  tambonCode: "490201",
  fiscalYear: 2025,
  title: "แผนพัฒนาตำบล 2568",
  draftedOn: "2024-10-15",
  baseline: [
    { agency: "SOCIAL_DEVELOPMENT", indicator: "households in hardship", value: 3 },
    { agency: "HOUSING", indicator: "unsafe houses", value: 12 },
  ],
};

describe("a tambon plan with projects and progress", () => {
  let planId: string;
  let projectId: string;

  it("a council officer drafts a plan with its baseline, once per tambon and year", async () => {
    const plan = await answered(hub, M.draft, { input: draft }, OFFICER);
    expect(plan).toMatchObject({
      fiscalYearBE: 2568,
      baseline: [
        { agency: "SOCIAL_DEVELOPMENT", value: 3 },
        { agency: "HOUSING", value: 12 },
      ],
    });
    planId = plan.id;
    await refusedUnchanged(hub, M.draft, { input: draft }, { code: "CONFLICT", field: "fiscalYear" }, written, OFFICER);
  });

  it("adds projects and reports progress as running totals within the budget, in date order", async () => {
    const p = await answered(
      hub,
      M.project,
      {
        input: {
          planId,
          title: "repair 9 homes",
          leadAgency: "HOUSING",
          budget: "171000",
          targetHouseholds: 9,
          indicator: "safe homes",
          indicatorTarget: 9,
          houseCodes: ["49020000207"],
        },
      },
      OFFICER,
    );
    expect(p).toMatchObject({ budget: "171000.00", targetHouseholds: 9, houseCodes: ["49020000207"] });
    projectId = p.id;
    await answered(
      hub,
      M.project,
      {
        input: {
          planId,
          title: "organic rice training",
          leadAgency: "AGRICULTURE",
          budget: "30000.50",
          targetHouseholds: 20,
          indicator: "farmers trained",
          indicatorTarget: 20,
        },
      },
      OFFICER,
    );
    const report = (spent: string, reportedOn: string, householdsReached = 3) => ({
      projectId,
      spent,
      reportedOn,
      householdsReached,
      indicatorValue: householdsReached,
    });
    expect(await answered(hub, M.report, { input: report("57000", "2026-01-31") }, OFFICER)).toMatchObject({
      spent: "57000.00",
      householdsReached: 3,
    });
    expect(await answered(hub, M.report, { input: report("114000", "2026-04-30", 6) }, OFFICER)).toMatchObject({ spent: "114000.00" });

    const refusals: [Record<string, unknown>, string, string][] = [
      [report("120000", "2026-03-01"), "reportedOn", "before the last report"],
      [report("200000", "2026-05-31"), "spent", "must not exceed the budget"],
      [report("100000", "2026-05-31"), "spent", "running total"],
      [report("120000", "2024-10-01"), "reportedOn", "before the plan was drafted"],
      [{ ...report("1", "2026-05-31"), projectId: "999999" }, "projectId", "no plan project"],
      [{ ...report("1", "2026-05-31"), spent: "1.234" }, "spent", "at most 2 decimals"],
    ];
    for (const [input, field, because] of refusals)
      await refusedUnchanged(hub, M.report, { input }, { code: "BAD_USER_INPUT", field, because }, written, OFFICER);
    const badProject = { planId, title: "x", leadAgency: "HOUSING", budget: "1", targetHouseholds: 0, indicator: "x", indicatorTarget: 0 };
    await refusedUnchanged(
      hub,
      M.project,
      { input: { ...badProject, houseCodes: ["49020000207"] } },
      { code: "BAD_USER_INPUT", field: "houseCodes" },
      written,
      OFFICER,
    );
    await refusedUnchanged(
      hub,
      M.project,
      { input: { ...badProject, planId: "424242" } },
      { code: "BAD_USER_INPUT", field: "planId" },
      written,
      OFFICER,
    );
    await refusedUnchanged(
      hub,
      M.draft,
      { input: { ...draft, tambonCode: "490199" } },
      { code: "BAD_USER_INPUT", field: "tambonCode" },
      written,
      OFFICER,
    );
    await refusedUnchanged(
      hub,
      M.draft,
      { input: { ...draft, fiscalYear: 2019 } },
      { code: "BAD_USER_INPUT", field: "fiscalYear" },
      written,
      OFFICER,
    );
    await refusedUnchanged(
      hub,
      M.draft,
      { input: { ...draft, tambonCode: "490202", baseline: [] } },
      { code: "BAD_USER_INPUT", field: "baseline" },
      written,
      OFFICER,
    );
    await refusedUnchanged(hub, M.draft, { input: { ...draft, tambonCode: "490202" } }, { code: "FORBIDDEN" }, written); // the public may not write
    // A report cannot be rewritten, even by the database's owner.
    await expect(hub.asOwner("community-councils", "UPDATE project_progress SET spent = 0")).rejects.toThrow(/append-only/);
  });

  it("anyone reads the plan; a count of 1-4 households is hidden from the public, exact for the network", async () => {
    const vars = { t: "490201", y: 2025 };
    const mine = await answered(hub, PLAN, vars, OFFICER);
    expect(mine.baseline.map((b: { value: number }) => b.value)).toEqual([3, 12]);
    expect(mine.projects[0].progress.map((r: { householdsReached: number }) => r.householdsReached)).toEqual([3, 6]);
    const pub = await answered(hub, PLAN, vars);
    expect(pub.baseline.map((b: { value: number | null }) => b.value)).toEqual([null, 10]);
    expect(pub.projects[0].progress.map((r: { householdsReached: number | null }) => r.householdsReached)).toEqual([null, 5]);
    expect(pub.projects.map((p: { budget: string }) => p.budget)).toEqual(["171000.00", "30000.50"]);
    expect(await answered(hub, PLAN, { t: "490202", y: 2025 })).toBeNull(); // no plan drafted there
  });

  it("the demo's plans of FY 2026 (ปีงบ 2569) roll up with their projects and progress", async () => {
    const r = await answered(hub, ROLLUP, { y: 2026 });
    expect(r.tambonsWithPlan).toBeGreaterThan(20);
    expect(r.tambonsWithPlan + r.tambonsWithoutPlan.length).toBe(53);
    expect(r.projects).toBeGreaterThan(r.tambonsWithPlan);
    expect(Number(r.spent)).toBeLessThanOrEqual(Number(r.budget));
  });

  it("the province rolls the plans up, with the tambons still without one, in a fixed number of statements", async () => {
    const { data, counts } = await statementsFor(hub, ROLLUP, { y: 2025 }, OFFICER);
    const r = data.provincePlans;
    expect(r).toMatchObject({
      tambonsWithPlan: 1,
      projects: 2,
      budget: "201000.50",
      spent: "114000.00",
      targetHouseholds: 29,
      householdsReached: 6,
    });
    expect(r.tambonsWithoutPlan).toHaveLength(52);
    expect(r.byLeadAgency.find((a: { leadAgency: string }) => a.leadAgency === "HOUSING")).toEqual({
      leadAgency: "HOUSING",
      projects: 1,
      budget: "171000.00",
      spent: "114000.00",
    });
    expect(counts["community-councils"]).toBe(3); // plans, their projects, the projects' reports
  });
});
