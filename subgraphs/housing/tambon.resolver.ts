import { Ctx, FieldResolver, Int, Resolver, Root, UseMiddleware } from "type-graphql";
import { hidesFew, SmallCount } from "../kit/authorization";
import { sectionResolver } from "../kit/sections";
import type { SubgraphContext } from "../kit/subgraph";
import { OWNER } from "./access";
import { ALL_STAGES } from "./ladder";
import type { HousingLoaders } from "./loaders";
import { Tambon } from "./stubs";
import { CaseStageCount, TambonHousing, type CaseFigures, type SurveyFigures } from "./tambon.figures";

type Context = SubgraphContext<HousingLoaders>;

/** `Tambon.housing`: housing's figures under one name, null alone when housing fails. */
export const TambonHousingField = sectionResolver(OWNER, Tambon, TambonHousing, {
  description: "Housing in the tambon (อบจ. surveys, CODI and อบจ. cases).",
});

const surveys = (t: TambonHousing, ctx: Context): Promise<SurveyFigures | null> => ctx.loaders.surveyFigures.load(t.code);
const totals = async (t: TambonHousing, ctx: Context): Promise<CaseFigures | undefined> =>
  (await ctx.loaders.caseFigures.load(t.code)).find((row) => row.stage === null);

/** A money total over 1-4 approved cases tells what a household got: null unless the caller may see exact figures. */
async function moneyTotal(t: TambonHousing, ctx: Context, pick: (row: CaseFigures) => string): Promise<string | null> {
  const row = await totals(t, ctx);
  if (!row) return "0.00";
  return hidesFew(ctx.identity, OWNER, row.approvedCases) ? null : pick(row);
}

/** Each figure loads only the statement it needs (surveys or cases), batched over every tambon asked. */
@Resolver(() => TambonHousing)
export class TambonHousingResolver {
  @UseMiddleware(SmallCount(OWNER))
  @FieldResolver(() => Int, { nullable: true, description: "Households whose latest survey was made in this tambon." })
  async surveyedHouseholds(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<number> {
    return (await surveys(t, ctx))?.surveyed ?? 0;
  }

  @UseMiddleware(SmallCount(OWNER))
  @FieldResolver(() => Int, { nullable: true, description: "Households whose latest survey found the house unsafe." })
  async unsafeHousing(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<number> {
    return (await surveys(t, ctx))?.unsafe ?? 0;
  }

  @UseMiddleware(SmallCount(OWNER))
  @FieldResolver(() => Int, { nullable: true, description: "Households on public or encroached land (latest survey)." })
  async insecureTenure(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<number> {
    return (await surveys(t, ctx))?.insecure ?? 0;
  }

  @UseMiddleware(SmallCount(OWNER))
  @FieldResolver(() => Int, { nullable: true, description: "Households with an unsafe house or insecure tenure, or both (latest survey)." })
  async unsafeOrInsecure(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<number> {
    return (await surveys(t, ctx))?.unsafeOrInsecure ?? 0;
  }

  @FieldResolver(() => [CaseStageCount], { description: "Its cases at each stage, in ladder order (zeros included)." })
  async casesByStage(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<CaseStageCount[]> {
    const rows = await ctx.loaders.caseFigures.load(t.code);
    return ALL_STAGES.map((stage) => ({ stage, cases: rows.find((row) => row.stage === stage)?.cases ?? 0 }));
  }

  @UseMiddleware(SmallCount(OWNER))
  @FieldResolver(() => Int, { nullable: true, description: "Cases in screening or works." })
  async openCases(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<number> {
    return (await totals(t, ctx))?.open ?? 0;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Baht approved for its cases, all years (null when fewer than 5 cases would show).",
  })
  budgetApproved(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<string | null> {
    return moneyTotal(t, ctx, (row) => row.approved);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Baht spent on its cases, all years (null when fewer than 5 cases would show).",
  })
  budgetSpent(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<string | null> {
    return moneyTotal(t, ctx, (row) => row.spent);
  }
}
