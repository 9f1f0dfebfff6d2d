import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph";
import { intInRange } from "../kit/validate";
import { ProgrammeBudget } from "./budget.entity";
import type { HousingLoaders } from "./loaders";
import { HousingProgramme, PROGRAMMES, WorkType } from "./programme";

@ObjectType({ description: "A housing programme and its rules." })
export class HousingProgrammeInfo {
  @Field(() => HousingProgramme) programme: HousingProgramme;
  @Field(() => String) nameTh: string;
  @Field(() => String) nameEn: string;
  @Field(() => String, { description: "Who runs it." }) owner: string;
  @Field(() => String, { nullable: true, description: "Most a household may get, in baht; null when the programme sets none." }) capBaht:
    | string
    | null;
  @Field(() => [WorkType]) workTypes: WorkType[];
}

@Resolver()
export class BudgetResolver {
  @Query(() => [ProgrammeBudget], { nullable: true, description: "Programme budgets per fiscal year with their targets and progress." })
  async programmeBudgets(
    @Arg("fiscalYear", () => Int, { nullable: true, description: "Fiscal year in CE (2026 = ปีงบประมาณ 2569)." }) fiscalYear: number | null,
    @Arg("programme", () => HousingProgramme, { nullable: true }) programme: HousingProgramme | null,
    @Ctx() ctx: SubgraphContext<HousingLoaders>,
  ): Promise<ProgrammeBudget[]> {
    if (fiscalYear != null) intInRange("fiscalYear", fiscalYear, 2000, 2200);
    // Served from the statement that protects the same money by tambon (tambon.figures.ts, MONEY_SQL).
    const { budgets } = await ctx.loaders.money();
    return budgets
      .filter((b) => (fiscalYear == null || b.fiscalYear === fiscalYear) && (programme == null || b.programme === programme))
      .map((b) => Object.assign(new ProgrammeBudget(), b));
  }

  @Query(() => [HousingProgrammeInfo], { nullable: true, description: "The housing programmes, their caps and the works they fund." })
  housingProgrammes(): HousingProgrammeInfo[] {
    return Object.values(HousingProgramme).map((programme) => ({ programme, ...PROGRAMMES[programme] }));
  }
}
