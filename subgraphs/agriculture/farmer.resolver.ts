import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, PageArgs, pageWindow, toConnection, type Connection } from "../kit/pagination";
import type { SubgraphContext } from "../kit/subgraph";
import { READ } from "./access";
import { digits, knownTambon } from "../kit/validate";
import { plotArea, PlotArea } from "./area";
import { Tambon, Village } from "./area.stubs";
import { CropCycle } from "./crop-cycle.entity";
import { Farmer } from "./farmer.entity";
import type { AgricultureLoaders } from "./loaders";
import { FarmerOrganization } from "./organization.entity";
import { FarmPlot } from "./plot.entity";
import { Household, Person } from "./registry.stubs";
import { FarmerTraining } from "./training.entity";

type Context = SubgraphContext<AgricultureLoaders>;

@ObjectType()
export class FarmerConnection extends ConnectionType(Farmer) {}

@ArgsType()
export class FarmerFilter extends PageArgs {
  @Field(() => String, { description: "The farm households' tambon (6 digits)." }) tambonCode: string;
  @Field(() => Boolean, { defaultValue: false, description: "Only young farmers." }) youngOnly: boolean;
}

@Resolver(() => Farmer)
export class FarmerResolver {
  @Authorized(READ)
  @Query(() => Farmer, { nullable: true, description: "A farmer by farm book number (12 digits)." })
  farmer(@Arg("farmBookNumber", () => String) farmBookNumber: string, @Ctx() ctx: Context): Promise<Farmer | null> {
    return ctx.loaders.farmer.load(digits("farmBookNumber", farmBookNumber, 12));
  }

  @Authorized(READ)
  @Query(() => FarmerConnection, { nullable: true, description: "The farmers of a tambon in farm-book order, a page at a time." })
  async farmers(@Args(() => FarmerFilter) filter: FarmerFilter, @Ctx() ctx: Context): Promise<Connection<Farmer>> {
    const { limit, afterKey } = pageWindow(filter, ctx.config.maxPageSize);
    const query = ctx.ds
      .getRepository(Farmer)
      .createQueryBuilder("f")
      .where("f.tambon_code = :tambon", { tambon: knownTambon("tambonCode", filter.tambonCode) });
    if (filter.youngOnly) query.andWhere("f.young_farmer");
    const totalCount = await query.getCount();
    if (afterKey !== null) query.andWhere("f.farm_book_no > :after", { after: afterKey });
    const rows = await query
      .orderBy("f.farm_book_no")
      .limit(limit + 1)
      .getMany();
    return toConnection(rows, limit, (f) => f.farmBookNumber, totalCount);
  }

  @FieldResolver(() => Person, { description: "The holder, by linkage id (the registry has the details)." })
  person(@Root() farmer: Farmer): Person {
    return { id: farmer.personId };
  }

  @FieldResolver(() => Household)
  household(@Root() farmer: Farmer): Household {
    return { houseCode: farmer.houseCode };
  }

  @FieldResolver(() => Village, { description: "The farm household's village." })
  village(@Root() farmer: Farmer): Village {
    return { code: farmer.villageCode };
  }

  @FieldResolver(() => Tambon)
  tambon(@Root() farmer: Farmer): Tambon {
    return { code: farmer.tambonCode };
  }

  @FieldResolver(() => [FarmPlot])
  plots(@Root() farmer: Farmer, @Ctx() ctx: Context): Promise<FarmPlot[]> {
    return ctx.loaders.plotsOfFarmer.load(farmer.farmBookNumber);
  }

  @FieldResolver(() => PlotArea, { description: "All its plots together." })
  async totalArea(@Root() farmer: Farmer, @Ctx() ctx: Context): Promise<PlotArea> {
    const plots = await ctx.loaders.plotsOfFarmer.load(farmer.farmBookNumber);
    return plotArea(plots.reduce((sum, p) => sum + p.areaSquareWa, 0));
  }

  @FieldResolver(() => [CropCycle], { description: "Every crop cycle on its plots, latest planting first." })
  cropCycles(@Root() farmer: Farmer, @Ctx() ctx: Context): Promise<CropCycle[]> {
    return ctx.loaders.cyclesOfFarmer.load(farmer.farmBookNumber);
  }

  @FieldResolver(() => [FarmerOrganization])
  async organizations(@Root() farmer: Farmer, @Ctx() ctx: Context): Promise<FarmerOrganization[]> {
    return (await ctx.loaders.organizationsOfFarmer.load(farmer.farmBookNumber)).map((m) => m.organization);
  }

  @FieldResolver(() => [FarmerTraining], { description: "Trainings attended, latest first." })
  async trainings(@Root() farmer: Farmer, @Ctx() ctx: Context): Promise<FarmerTraining[]> {
    return (await ctx.loaders.trainingsOfFarmer.load(farmer.farmBookNumber)).map((a) => a.training);
  }
}
