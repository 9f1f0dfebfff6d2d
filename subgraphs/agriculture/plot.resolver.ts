import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph";
import { CropCycle } from "./crop-cycle.entity";
import { Farmer } from "./farmer.entity";
import type { AgricultureLoaders } from "./loaders";
import { FarmPlot, plotKey } from "./plot.entity";

type Context = SubgraphContext<AgricultureLoaders>;

@Resolver(() => FarmPlot)
export class PlotResolver {
  @FieldResolver(() => Farmer)
  async farmer(@Root() plot: FarmPlot, @Ctx() ctx: Context): Promise<Farmer> {
    return (await ctx.loaders.farmer.load(plot.farmBookNumber))!;
  }

  @FieldResolver(() => [CropCycle], { description: "Its crop cycles, latest planting first." })
  cropCycles(@Root() plot: FarmPlot, @Ctx() ctx: Context): Promise<CropCycle[]> {
    return ctx.loaders.cyclesOfPlot.load(plot.id);
  }
}

@Resolver(() => CropCycle)
export class CropCycleResolver {
  @FieldResolver(() => FarmPlot)
  async plot(@Root() cycle: CropCycle, @Ctx() ctx: Context): Promise<FarmPlot> {
    return (await ctx.loaders.plot.load(plotKey(cycle.farmBookNumber, cycle.plotNumber)))!;
  }

  @FieldResolver(() => Farmer)
  async farmer(@Root() cycle: CropCycle, @Ctx() ctx: Context): Promise<Farmer> {
    return (await ctx.loaders.farmer.load(cycle.farmBookNumber))!;
  }
}
