import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph";
import { intInRange } from "../kit/validate";
import { ProgrammeBudget } from "./budget.entity";
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

/** Budgets with the progress of the cases approved in their fiscal year, one statement. */
const BUDGETS_SQL = `
  SELECT b.programme, b.fiscal_year AS "fiscalYear", b.amount::text AS amount, b.target_households AS "targetHouseholds",
    count(c.id)::int AS "casesApproved",
    (count(c.id) FILTER (WHERE c.stage = 'HANDED_OVER'))::int AS "casesHandedOver",
    coalesce(sum(c.approved_budget), 0)::numeric(14,2)::text AS "budgetApproved",
    coalesce(sum(c.spent_amount), 0)::numeric(14,2)::text AS "budgetSpent"
  FROM programme_budget b
  LEFT JOIN assistance_case c ON c.programme = b.programme
    AND c.approved_on BETWEEN make_date(b.fiscal_year - 1, 10, 1) AND make_date(b.fiscal_year, 9, 30)
  WHERE ($1::smallint IS NULL OR b.fiscal_year = $1) AND ($2::text IS NULL OR b.programme = $2)
  GROUP BY b.programme, b.fiscal_year ORDER BY b.fiscal_year, b.programme`;

@Resolver()
export class BudgetResolver {
  @Query(() => [ProgrammeBudget], { nullable: true, description: "Programme budgets per fiscal year with their targets and progress." })
  async programmeBudgets(
    @Arg("fiscalYear", () => Int, { nullable: true, description: "Fiscal year in CE (2026 = ปีงบประมาณ 2569)." }) fiscalYear: number | null,
    @Arg("programme", () => HousingProgramme, { nullable: true }) programme: HousingProgramme | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProgrammeBudget[]> {
    if (fiscalYear != null) intInRange("fiscalYear", fiscalYear, 2000, 2200);
    const rows: Partial<ProgrammeBudget>[] = await ctx.ds.query(BUDGETS_SQL, [fiscalYear ?? null, programme ?? null]);
    return rows.map((row) => Object.assign(new ProgrammeBudget(), row));
  }

  @Query(() => [HousingProgrammeInfo], { nullable: true, description: "The housing programmes, their caps and the works they fund." })
  housingProgrammes(): HousingProgrammeInfo[] {
    return Object.values(HousingProgramme).map((programme) => ({ programme, ...PROGRAMMES[programme] }));
  }
}
