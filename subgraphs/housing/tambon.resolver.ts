import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { CountTotal, type Measure } from "../kit/disclosure";
import { CountResolver, MeasureResolver } from "../kit/disclosure-fields";
import { toBahtString } from "../kit/money";
import { sectionResolver } from "../kit/sections";
import type { SubgraphContext } from "../kit/subgraph";
import { OWNER } from "./access";
import { ALL_STAGES, OPEN_STAGES } from "./ladder";
import type { HousingLoaders } from "./loaders";
import { Tambon } from "./stubs";
import { CaseStageCount, TambonHousing, type CaseFigures, type SurveyFigures } from "./tambon.figures";

type Context = SubgraphContext<HousingLoaders>;

/** `Tambon.housing`: housing's figures under one name, null alone when housing fails. */
export const TambonHousingField = sectionResolver(OWNER, Tambon, TambonHousing, {
  description: "Housing in the tambon (อบจ. surveys, CODI and อบจ. cases).",
});

const surveys = async (t: TambonHousing, ctx: Context): Promise<Partial<SurveyFigures>> =>
  (await ctx.loaders.surveyFigures.load(t.code)) ?? {};
const stages = async (t: TambonHousing, ctx: Context): Promise<CaseStageCount[]> => {
  const rows = await ctx.loaders.caseFigures.load(t.code);
  return ALL_STAGES.map((stage) => ({ stage, cases: rows.find((row) => row.stage === stage)?.cases ?? 0 }));
};
const NO_MONEY: Measure<bigint> = { value: 0n, contributors: 0 };
const money = async (t: TambonHousing, ctx: Context, pick: (row: CaseFigures) => Measure<bigint>): Promise<Measure<bigint>> => {
  const total = (await ctx.loaders.caseFigures.load(t.code)).find((row) => row.stage === null);
  return total ? pick(total) : NO_MONEY;
};

/** Each figure loads only the statement it needs (surveys or cases), batched over every tambon asked. */
@Resolver(() => TambonHousing)
export class TambonHousingResolver {
  @CountResolver(OWNER, "Households whose latest survey was made in this tambon.")
  async surveyedHouseholds(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<number> {
    return (await surveys(t, ctx)).surveyed ?? 0;
  }

  @CountResolver(OWNER, "Households whose latest survey found the house unsafe.")
  async unsafeHousing(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<number> {
    return (await surveys(t, ctx)).unsafe ?? 0;
  }

  @CountResolver(OWNER, "Households on public or encroached land (latest survey).")
  async insecureTenure(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<number> {
    return (await surveys(t, ctx)).insecure ?? 0;
  }

  @CountResolver(OWNER, "Households with an unsafe house or insecure tenure, or both (latest survey).")
  async unsafeOrInsecure(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<number> {
    return (await surveys(t, ctx)).unsafeOrInsecure ?? 0;
  }

  @FieldResolver(() => [CaseStageCount], { description: "Its cases at each stage: all nine, in ladder order, zeros included." })
  casesByStage(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<CaseStageCount[]> {
    return stages(t, ctx);
  }

  @CountResolver(
    OWNER,
    "Open cases: those at any stage but the closed ones, REJECTED and HANDED_OVER (in screening, approved, in works, " +
      "or works completed and awaiting handover), as `assistanceCases(open: true)` lists them: casesByStage of those seven stages added up.",
    "total",
  )
  async openCases(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<CountTotal> {
    return new CountTotal((await stages(t, ctx)).filter((s) => OPEN_STAGES.includes(s.stage)).map((s) => s.cases));
  }

  @MeasureResolver(OWNER, () => String, toBahtString, "Baht approved for its cases, all years (over their households).")
  budgetApproved(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<Measure<bigint>> {
    return money(t, ctx, (row) => row.approved);
  }

  @MeasureResolver(OWNER, () => String, toBahtString, "Baht spent on its cases, all years (over their households).")
  budgetSpent(@Root() t: TambonHousing, @Ctx() ctx: Context): Promise<Measure<bigint>> {
    return money(t, ctx, (row) => row.spent);
  }
}
