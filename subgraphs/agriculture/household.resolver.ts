import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph";
import { PII, READ } from "./access";
import { Farmer } from "./farmer.entity";
import { SeasonCropIncome } from "./household.figures";
import type { AgricultureLoaders } from "./loaders";
import { Household, Person } from "./registry.stubs";
import { cropSeason, lastCompletedCropYear } from "./season";

type Context = SubgraphContext<AgricultureLoaders>;

/** The farms of a registry household: `social-development`'s Household, by house code. */
@Resolver(() => Household)
export class HouseholdFarmsResolver {
  @Authorized(READ)
  @FieldResolver(() => [Farmer], { nullable: true, description: "Its farm books (usually one), with their plots and crop cycles." })
  farms(@Root() household: Household, @Ctx() ctx: Context): Promise<Farmer[]> {
    return ctx.loaders.farmsOfHousehold.load(household.houseCode);
  }

  @Authorized(PII)
  @FieldResolver(() => SeasonCropIncome, {
    nullable: true,
    description:
      "Crop income of the last completed crop year (1 April–31 March, by harvest date); null when the household holds no farm book.",
  })
  lastSeasonCropIncome(@Root() household: Household, @Ctx() ctx: Context): Promise<SeasonCropIncome | null> {
    return ctx.loaders.seasonIncome(cropSeason(lastCompletedCropYear())).load(household.houseCode);
  }
}

@Resolver(() => Person)
export class PersonFarmerResolver {
  @Authorized(READ)
  @FieldResolver(() => Farmer, { nullable: true, description: "The farm book this person holds, if any." })
  farmer(@Root() person: Person, @Ctx() ctx: Context): Promise<Farmer | null> {
    return ctx.loaders.farmerOfPerson.load(person.id);
  }
}
