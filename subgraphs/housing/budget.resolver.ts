import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph";
import { intInRange } from "../kit/validate";
import { ProgrammeBudget } from "./budget.entity";
import type { HousingLoaders } from "./loaders";
import { HousingProgramme, PROGRAMMES, WorkType } from "./programme";
import type { MoneyFigures } from "./tambon.figures";

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

/** Budgets with the number of cases approved in their fiscal year (their money: tambon.figures.ts, MONEY_SQL). */
const BUDGETS_SQL = `
  SELECT b.programme, b.fiscal_year AS "fiscalYear", b.amount::text AS amount, b.target_households AS "targetHouseholds",
    count(c.id)::int AS "casesApproved", (count(c.id) FILTER (WHERE c.stage = 'HANDED_OVER'))::int AS "casesHandedOver"
  FROM programme_budget b
  LEFT JOIN assistance_case c ON c.programme = b.programme
    AND c.approved_on BETWEEN make_date(b.fiscal_year - 1, 10, 1) AND make_date(b.fiscal_year, 9, 30)
  WHERE ($1::smallint IS NULL OR b.fiscal_year = $1) AND ($2::text IS NULL OR b.programme = $2)
  GROUP BY b.programme, b.fiscal_year ORDER BY b.fiscal_year, b.programme`;

const NONE = { value: 0n, contributors: 0 };

@Resolver()
export class BudgetResolver {
  @Query(() => [ProgrammeBudget], { nullable: true, description: "Programme budgets per fiscal year with their targets and progress." })
  async programmeBudgets(
    @Arg("fiscalYear", () => Int, { nullable: true, description: "Fiscal year in CE (2026 = ปีงบประมาณ 2569)." }) fiscalYear: number | null,
    @Arg("programme", () => HousingProgramme, { nullable: true }) programme: HousingProgramme | null,
    @Ctx() ctx: SubgraphContext<HousingLoaders>,
  ): Promise<ProgrammeBudget[]> {
    if (fiscalYear != null) intInRange("fiscalYear", fiscalYear, 2000, 2200);
    const [rows, money]: [Partial<ProgrammeBudget>[], MoneyFigures] = await Promise.all([
      ctx.ds.query(BUDGETS_SQL, [fiscalYear ?? null, programme ?? null]),
      ctx.loaders.money(),
    ]);
    return rows.map((row) => {
      const cases = money.budgets.get(`${row.programme} ${row.fiscalYear}`);
      return Object.assign(new ProgrammeBudget(), row, { budgetApproved: cases?.approved ?? NONE, budgetSpent: cases?.spent ?? NONE });
    });
  }

  @Query(() => [HousingProgrammeInfo], { nullable: true, description: "The housing programmes, their caps and the works they fund." })
  housingProgrammes(): HousingProgrammeInfo[] {
    return Object.values(HousingProgramme).map((programme) => ({ programme, ...PROGRAMMES[programme] }));
  }
}
