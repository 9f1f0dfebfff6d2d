import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { type DataSource, In } from "typeorm";
import { toBE } from "../kit/calendar";
import { CountTotal } from "../kit/disclosure";
import { CountField } from "../kit/disclosure-fields";
import { geography } from "../kit/geography";
import { groupedLoader } from "../kit/loaders";
import { toBahtString, toSatang } from "../kit/money";
import { CaseAgency } from "../kit/referral";
import type { SubgraphContext } from "../kit/subgraph";
import * as check from "../kit/validate";
import { OWNER } from "./access";
import { PlanBaseline, PlanProject, ProjectProgress, TambonPlan } from "./plan.entity";

export function createPlanLoaders(ds: DataSource) {
  return {
    planBaseline: groupedLoader(
      (ids: string[]) => ds.getRepository(PlanBaseline).find({ where: { planId: In(ids) }, order: { seq: "ASC" } }),
      (b) => b.planId,
    ),
    planProjects: groupedLoader(
      (ids: string[]) => ds.getRepository(PlanProject).find({ where: { planId: In(ids) }, order: { id: "ASC" } }),
      (p) => p.planId,
    ),
    projectProgress: groupedLoader(
      (ids: string[]) => ds.getRepository(ProjectProgress).find({ where: { projectId: In(ids) }, order: { reportedOn: "ASC", id: "ASC" } }),
      (p) => p.projectId,
    ),
  };
}
type Context = SubgraphContext<ReturnType<typeof createPlanLoaders>>;

@ObjectType({ description: "The plans' projects led by one agency, added up." })
class LeadAgencyTotal {
  @Field(() => CaseAgency) leadAgency: CaseAgency;
  @Field(() => Int) projects: number;
  @Field(() => String, { description: "Their budgets in baht." }) budget: string;
  @Field(() => String, { description: "Baht spent so far (each project's latest report)." }) spent: string;
}

@ObjectType({ description: "The province's tambon plans of one fiscal year rolled up: the provincial strategy's view." })
class ProvincePlans {
  @Field(() => Int) fiscalYear: number;
  @Field(() => Int) fiscalYearBE: number;
  @Field(() => Int, { description: "Tambons with a plan, of 53." }) tambonsWithPlan: number;
  @Field(() => [String], { description: "The codes of the tambons without one yet." }) tambonsWithoutPlan: string[];
  @Field(() => Int) projects: number;
  @Field(() => String, { description: "The projects' budgets in baht." }) budget: string;
  @Field(() => String, { description: "Baht spent so far (each project's latest report)." }) spent: string;
  @Field(() => Int, { description: "Households the projects aim to reach." }) targetHouseholds: number;
  @CountField(OWNER, "Households reached so far: each project's latest report.", "total") householdsReached: CountTotal;
  @Field(() => [LeadAgencyTotal]) byLeadAgency: LeadAgencyTotal[];
  @Field(() => [TambonPlan]) plans: TambonPlan[];
}

const fiscalYearArg = (value: number) => check.intInRange("fiscalYear", value, 2000, 2100);

/** Plans are public documents: anyone may read them; target households' codes need the network's read scope. */
@Resolver(() => TambonPlan)
export class PlanResolver {
  @Query(() => TambonPlan, { nullable: true, description: "A tambon's plan for a fiscal year (null: none drafted)." })
  tambonPlan(
    @Arg("tambonCode", () => String) tambonCode: string,
    @Arg("fiscalYear", () => Int) fiscalYear: number,
    @Ctx() ctx: Context,
  ): Promise<TambonPlan | null> {
    return ctx.ds
      .getRepository(TambonPlan)
      .findOneBy({ tambonCode: check.knownTambon("tambonCode", tambonCode), fiscalYear: fiscalYearArg(fiscalYear) });
  }

  @Query(() => ProvincePlans, { nullable: true, description: "The 53 tambons' plans of a fiscal year rolled up." })
  async provincePlans(@Arg("fiscalYear", () => Int) fiscalYear: number, @Ctx() ctx: Context): Promise<ProvincePlans> {
    const plans = await ctx.ds
      .getRepository(TambonPlan)
      .find({ where: { fiscalYear: fiscalYearArg(fiscalYear) }, order: { tambonCode: "ASC" } });
    const projects = (await ctx.loaders.planProjects.loadMany(plans.map((p) => p.id))).flat() as PlanProject[];
    const reports = (await ctx.loaders.projectProgress.loadMany(projects.map((p) => p.id))) as ProjectProgress[][];
    const latest = new Map(projects.map((p, i) => [p.id, reports[i].at(-1)]));
    const satang = (values: string[]) => values.reduce((sum, v) => sum + toSatang(v), 0n);
    const total = (ps: PlanProject[]) => ({
      budget: toBahtString(satang(ps.map((p) => p.budget))),
      spent: toBahtString(satang(ps.map((p) => latest.get(p.id)?.spent ?? "0"))),
    });
    const withPlan = new Set(plans.map((p) => p.tambonCode));
    return Object.assign(new ProvincePlans(), {
      fiscalYear,
      fiscalYearBE: toBE(fiscalYear),
      tambonsWithPlan: withPlan.size,
      tambonsWithoutPlan: geography()
        .tambons.map((t) => t.code)
        .filter((c) => !withPlan.has(c)),
      projects: projects.length,
      ...total(projects),
      targetHouseholds: projects.reduce((n, p) => n + p.targetHouseholds, 0),
      householdsReached: new CountTotal(projects.map((p) => Number(latest.get(p.id)?.householdsReached ?? 0))),
      byLeadAgency: Object.values(CaseAgency).map((leadAgency) => {
        const led = projects.filter((p) => p.leadAgency === leadAgency);
        return { leadAgency, projects: led.length, ...total(led) };
      }),
      plans,
    });
  }

  @FieldResolver(() => [PlanBaseline], { description: "The problems found in the data when drafting." })
  baseline(@Root() plan: TambonPlan, @Ctx() ctx: Context): Promise<PlanBaseline[]> {
    return ctx.loaders.planBaseline.load(plan.id);
  }

  @FieldResolver(() => [PlanProject])
  projects(@Root() plan: TambonPlan, @Ctx() ctx: Context): Promise<PlanProject[]> {
    return ctx.loaders.planProjects.load(plan.id);
  }
}

@Resolver(() => PlanProject)
export class PlanProjectResolver {
  @FieldResolver(() => [ProjectProgress], { description: "Its progress reports, oldest first." })
  progress(@Root() project: PlanProject, @Ctx() ctx: Context): Promise<ProjectProgress[]> {
    return ctx.loaders.projectProgress.load(project.id);
  }
}
