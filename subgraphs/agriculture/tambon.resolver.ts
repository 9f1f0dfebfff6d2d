import { Arg, Ctx, Field, Float, FieldResolver, Int, ObjectType, Resolver, Root, UseMiddleware } from "type-graphql";
import { SmallCount } from "../kit/authorization";
import { sectionResolver } from "../kit/sections";
import type { SubgraphContext } from "../kit/subgraph";
import { OWNER } from "./access";
import { Tambon } from "./area.stubs";
import type { AgricultureLoaders } from "./loaders";
import { CropSeason, seasonArg } from "./season";
import { TambonAgriculture, TambonCropFigures } from "./tambon.figures";

type Context = SubgraphContext<AgricultureLoaders>;

@ObjectType({ description: "What a tambon's farmers harvested in one season, crop by crop." })
export class TambonCrops {
  @Field(() => CropSeason) season: CropSeason;
  @Field(() => [TambonCropFigures], { description: "Crops with at least one cycle harvested in the season." }) byCrop: TambonCropFigures[];
  @Field(() => Float) get totalPlantedRai(): number {
    return this.byCrop.reduce((sum, c) => sum + c.plantedRai, 0);
  }
}

/** `Tambon.agriculture`: the farmers council's figures under one name, null alone when agriculture fails. */
export const TambonAgricultureField = sectionResolver(OWNER, Tambon, TambonAgriculture, {
  description: "The farmers council's figures: farm books and what the tambon's farmers harvested.",
});

/** Each figure through a loader, batched over every tambon asked. */
@Resolver(() => TambonAgriculture)
export class TambonAgricultureResolver {
  @UseMiddleware(SmallCount(OWNER))
  @FieldResolver(() => Int, { nullable: true, description: "Registered farm books whose household lives in the tambon." })
  async farmerCount(@Root() tambon: TambonAgriculture, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.farmerCounts.load(tambon.code))?.farmers ?? 0;
  }

  @UseMiddleware(SmallCount(OWNER))
  @FieldResolver(() => Int, { nullable: true, description: "Of those, young farmers (under 45 at registration, or Young Smart Farmers)." })
  async youngFarmerCount(@Root() tambon: TambonAgriculture, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.farmerCounts.load(tambon.code))?.youngFarmers ?? 0;
  }

  @FieldResolver(() => TambonCrops, {
    description: "Planted rai and median income per rai by crop, for a season (default: the last completed).",
  })
  async crops(
    @Root() tambon: TambonAgriculture,
    @Arg("cropYear", () => Int, { nullable: true, description: "CE year the crop year starts (2025 = 2568/69)." }) cropYear: number | null,
    @Ctx() ctx: Context,
  ): Promise<TambonCrops> {
    const season = seasonArg(cropYear);
    return Object.assign(new TambonCrops(), { season, byCrop: await ctx.loaders.cropFigures(season).load(tambon.code) });
  }
}
