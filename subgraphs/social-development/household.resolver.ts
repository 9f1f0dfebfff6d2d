import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph";
import { ConnectionType, PageArgs, pageWindow, toConnection, type Connection } from "../kit/pagination";
import { digits, intInRange, knownTambon, knownVillage } from "../kit/validate";
import { Assessment } from "./assessment.entity";
import { Household } from "./household.entity";
import { Person } from "./person.entity";
import { Tambon, Village } from "./area.stubs";
import { LATEST_LEVEL_SQL } from "./tambon.figures";
import type { RegistryLoaders } from "./loaders";
import { READ } from "./access";

type Context = SubgraphContext<RegistryLoaders>;

@ObjectType()
export class HouseholdConnection extends ConnectionType(Household) {}

@ArgsType()
export class HouseholdFilter extends PageArgs {
  @Field(() => String, { nullable: true, description: "Only households of this tambon (6 digits)." })
  tambonCode?: string | null;
  @Field(() => String, { nullable: true, description: "Only households of this village (8 digits)." })
  villageCode?: string | null;
  @Field(() => Int, { nullable: true, description: "Only households whose latest assessment is at this level (1-4)." })
  povertyLevel?: number | null;
}

/** One page of households in house-code order; the filters and the count run in SQL. */
export async function findHouseholds(ctx: Context, filter: HouseholdFilter): Promise<Connection<Household>> {
  const { limit, afterKey } = pageWindow(filter, ctx.config.maxPageSize);
  const query = ctx.ds.getRepository(Household).createQueryBuilder("h");
  if (filter.tambonCode != null) query.andWhere("h.tambon_code = :tambon", { tambon: knownTambon("tambonCode", filter.tambonCode) });
  if (filter.villageCode != null) query.andWhere("h.village_code = :village", { village: knownVillage("villageCode", filter.villageCode) });
  if (filter.povertyLevel != null) {
    query.andWhere(`${LATEST_LEVEL_SQL} = :level`, { level: intInRange("povertyLevel", filter.povertyLevel, 1, 4) });
  }
  const totalCount = await query.getCount();
  if (afterKey !== null) query.andWhere("h.house_code > :after", { after: afterKey });
  const rows = await query
    .orderBy("h.house_code")
    .limit(limit + 1)
    .getMany();
  return toConnection(rows, limit, (h) => h.houseCode, totalCount);
}

@Resolver(() => Household)
export class HouseholdResolver {
  @Authorized(READ)
  @Query(() => HouseholdConnection, { nullable: true, description: "Households, filtered by tambon, village and poverty level." })
  households(@Args(() => HouseholdFilter) filter: HouseholdFilter, @Ctx() ctx: Context): Promise<Connection<Household>> {
    return findHouseholds(ctx, filter);
  }

  @Authorized(READ)
  @Query(() => Household, { nullable: true })
  household(@Arg("houseCode", () => String) houseCode: string, @Ctx() ctx: Context): Promise<Household | null> {
    return ctx.loaders.household.load(digits("houseCode", houseCode, 11));
  }

  @FieldResolver(() => Village, { nullable: true })
  village(@Root() household: Household): Village {
    return { code: household.villageCode };
  }

  @FieldResolver(() => Tambon, { nullable: true })
  tambon(@Root() household: Household): Tambon {
    return { code: household.tambonCode };
  }

  @Authorized(READ)
  @FieldResolver(() => [Person], { nullable: true, description: "Its members, eldest first." })
  members(@Root() household: Household, @Ctx() ctx: Context): Promise<Person[]> {
    return ctx.loaders.members.load(household.houseCode);
  }

  @Authorized(READ)
  @FieldResolver(() => Person, { nullable: true })
  async head(@Root() household: Household, @Ctx() ctx: Context): Promise<Person | null> {
    return (await ctx.loaders.members.load(household.houseCode)).find((p) => p.relation === "HEAD") ?? null;
  }

  @Authorized(READ)
  @FieldResolver(() => Assessment, { nullable: true, description: "The most recent assessment." })
  latestAssessment(@Root() household: Household, @Ctx() ctx: Context): Promise<Assessment | null> {
    return ctx.loaders.latestAssessment.load(household.houseCode);
  }

  @Authorized(READ)
  @FieldResolver(() => [Assessment], { nullable: true, description: "Every assessment, newest first." })
  assessments(@Root() household: Household, @Ctx() ctx: Context): Promise<Assessment[]> {
    return ctx.loaders.assessments.load(household.houseCode);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @Authorized(READ)
  @Query(() => Person, { nullable: true, description: "A person by linkage id." })
  person(@Arg("id", () => String) id: string, @Ctx() ctx: Context): Promise<Person | null> {
    return /^[0-9a-f]{32}$/.test(id) ? ctx.loaders.person.load(id) : Promise.resolve(null);
  }

  @Authorized(READ)
  @FieldResolver(() => Household, { nullable: true })
  async household(@Root() person: Person, @Ctx() ctx: Context): Promise<Household> {
    return (await ctx.loaders.household.load(person.houseCode))!;
  }
}
