import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph";
import { READ } from "./access";
import { AssistanceCase } from "./case.entity";
import type { HousingLoaders } from "./loaders";
import { Household } from "./stubs";
import { HousingSurvey } from "./survey.entity";

type Context = SubgraphContext<HousingLoaders>;

/** Housing's fields on social-development's Household, each through a loader; housing staff and committees only. */
@Authorized(READ)
@Resolver(() => Household)
export class HouseholdHousingResolver {
  @FieldResolver(() => [HousingSurvey], { nullable: true, description: "Its housing surveys, newest first." })
  housingSurveys(@Root() household: Household, @Ctx() ctx: Context): Promise<HousingSurvey[]> {
    return ctx.loaders.surveysOfHousehold.load(household.houseCode);
  }

  @FieldResolver(() => HousingSurvey, { nullable: true, description: "Its most recent housing survey." })
  latestHousingSurvey(@Root() household: Household, @Ctx() ctx: Context): Promise<HousingSurvey | null> {
    return ctx.loaders.latestSurvey.load(household.houseCode);
  }

  @FieldResolver(() => [AssistanceCase], { nullable: true, description: "Its housing assistance cases, newest first." })
  housingCases(@Root() household: Household, @Ctx() ctx: Context): Promise<AssistanceCase[]> {
    return ctx.loaders.casesOfHousehold.load(household.houseCode);
  }
}
