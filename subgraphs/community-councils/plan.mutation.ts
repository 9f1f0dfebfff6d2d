import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { fiscalYearOf } from "../kit/calendar";
import { BadUserInputError, ConflictError } from "../kit/errors";
import { baht, toSatang } from "../kit/money";
import type { SubgraphContext } from "../kit/subgraph";
import { inTransaction } from "../kit/transaction";
import * as check from "../kit/validate";
import { WRITE } from "./access";
import { PlanBaseline, PlanProject, ProjectProgress, TambonPlan } from "./plan.entity";
import { AddPlanProjectInput, DraftTambonPlanInput, ReportProgressInput } from "./plan.input";

const TEXT = 300;
const id = (field: string, value: string): string => {
  if (!/^[1-9][0-9]{0,17}$/.test(value)) throw new BadUserInputError(field, "must be an id: digits, e.g. 12");
  return value;
};

/** A tambon plan's writes (the council network's officers): every argument checked first, one transaction each. */
@Authorized(WRITE)
@Resolver()
export class PlanMutationResolver {
  @Mutation(() => TambonPlan, {
    nullable: true,
    description: "Drafts a tambon's plan for a fiscal year, with its baseline (once per tambon and year).",
  })
  draftTambonPlan(@Arg("input", () => DraftTambonPlanInput) input: DraftTambonPlanInput, @Ctx() ctx: SubgraphContext): Promise<TambonPlan> {
    const tambonCode = check.tambonCode("tambonCode", input.tambonCode);
    // A plan may be recorded for a past year (drafted on paper then), or the next one.
    const fiscalYear = check.intInRange("fiscalYear", input.fiscalYear, 2020, fiscalYearOf(check.today()) + 1);
    const title = check.text("title", input.title, TEXT);
    const draftedOn = input.draftedOn == null ? check.today() : check.isoDate("draftedOn", input.draftedOn, { min: "2020-01-01" });
    if (input.baseline.length < 1 || input.baseline.length > 50) throw new BadUserInputError("baseline", "must hold 1 to 50 figures");
    const baseline = input.baseline.map((b, seq) => ({
      seq,
      agency: b.agency,
      indicator: check.text("baseline.indicator", b.indicator, 100),
      value: check.intInRange("baseline.value", b.value, 0, 10_000_000),
    }));
    return inTransaction(
      ctx.ds,
      async (m) => {
        if ((await m.query("SELECT 1 FROM council WHERE tambon_code = $1", [tambonCode])).length === 0) {
          throw new BadUserInputError("tambonCode", "this tambon has no community organization council registered to draft a plan");
        }
        if (await m.existsBy(TambonPlan, { tambonCode, fiscalYear }))
          throw new ConflictError("fiscalYear", "this tambon has a plan for this fiscal year");
        const { identifiers } = await m.insert(TambonPlan, { tambonCode, fiscalYear, title, draftedOn, draftedBy: ctx.identity.subject });
        const planId = identifiers[0].id;
        await m.insert(
          PlanBaseline,
          baseline.map((b) => ({ ...b, planId })),
        );
        return m.findOneByOrFail(TambonPlan, { id: planId });
      },
      { tambon_plan_once: ["fiscalYear", "this tambon has a plan for this fiscal year"] },
    );
  }

  @Mutation(() => PlanProject, { nullable: true, description: "Adds a project to a tambon plan." })
  addPlanProject(@Arg("input", () => AddPlanProjectInput) input: AddPlanProjectInput, @Ctx() ctx: SubgraphContext): Promise<PlanProject> {
    const planId = id("planId", input.planId);
    const targetHouseholds = check.intInRange("targetHouseholds", input.targetHouseholds, 0, 100_000);
    const houseCodes = [...new Set((input.houseCodes ?? []).map((c) => check.digits("houseCodes", c, 11)))];
    if (houseCodes.length > targetHouseholds)
      throw new BadUserInputError("houseCodes", "must not name more households than targetHouseholds");
    const row = {
      planId,
      title: check.text("title", input.title, TEXT),
      leadAgency: input.leadAgency,
      budget: baht("budget", input.budget),
      targetHouseholds,
      indicator: check.text("indicator", input.indicator, TEXT),
      indicatorTarget: check.intInRange("indicatorTarget", input.indicatorTarget, 0, 10_000_000),
      houseCodes,
    };
    return inTransaction(ctx.ds, async (m) => {
      if (!(await m.existsBy(TambonPlan, { id: planId }))) throw new BadUserInputError("planId", "no tambon plan has this id");
      const { identifiers } = await m.insert(PlanProject, row);
      return m.findOneByOrFail(PlanProject, { id: identifiers[0].id });
    });
  }

  @Mutation(() => ProjectProgress, { nullable: true, description: "Reports a project's progress so far (append-only)." })
  reportProjectProgress(
    @Arg("input", () => ReportProgressInput) input: ReportProgressInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProjectProgress> {
    const projectId = id("projectId", input.projectId);
    const reportedOn = input.reportedOn == null ? check.today() : check.isoDate("reportedOn", input.reportedOn, { min: "2020-01-01" });
    const spent = baht("spent", input.spent);
    const householdsReached = check.intInRange("householdsReached", input.householdsReached, 0, 100_000);
    const indicatorValue = check.intInRange("indicatorValue", input.indicatorValue, 0, 10_000_000);
    const note = check.optionalText("note", input.note, TEXT);
    return inTransaction(ctx.ds, async (m) => {
      // Locked: two reports at once are ordered, each checked against the one before.
      const project = await m.findOne(PlanProject, { where: { id: projectId }, lock: { mode: "pessimistic_write" } });
      if (!project) throw new BadUserInputError("projectId", "no plan project has this id");
      const plan = await m.findOneByOrFail(TambonPlan, { id: project.planId });
      if (reportedOn < plan.draftedOn)
        throw new BadUserInputError("reportedOn", `must not be before the plan was drafted (${plan.draftedOn})`);
      const last = await m.findOne(ProjectProgress, { where: { projectId }, order: { reportedOn: "DESC", id: "DESC" } });
      if (last && reportedOn < last.reportedOn)
        throw new BadUserInputError("reportedOn", `must not be before the last report (${last.reportedOn})`);
      if (toSatang(spent) > toSatang(project.budget))
        throw new BadUserInputError("spent", `must not exceed the budget (${project.budget})`);
      if (last && toSatang(spent) < toSatang(last.spent))
        throw new BadUserInputError("spent", `is a running total: not less than last reported (${last.spent})`);
      const { identifiers } = await m.insert(ProjectProgress, {
        projectId,
        reportedOn,
        spent,
        householdsReached,
        indicatorValue,
        note,
        reportedBy: ctx.identity.subject,
      });
      return m.findOneByOrFail(ProjectProgress, { id: identifiers[0].id });
    });
  }
}
