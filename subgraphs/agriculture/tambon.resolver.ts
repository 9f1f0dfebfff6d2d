import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from "type-graphql";
import { MeasureTotal } from "../kit/disclosure";
import { CountResolver, MeasureField } from "../kit/disclosure-fields";
import { sectionResolver } from "../kit/sections";
import type { SubgraphContext } from "../kit/subgraph";
import { OWNER } from "./access";
import { Tambon } from "./area.stubs";
import { raiOf } from "./area";
import type { AgricultureLoaders } from "./loaders";
import { CropSeason, seasonArg } from "./season";
import { TambonAgriculture, TambonCropFigures } from "./tambon.figures";

type Context = SubgraphContext<AgricultureLoaders>;

@ObjectType({ description: "What a tambon's farmers harvested in one season, crop by crop." })
export class TambonCrops {
  @Field(() => CropSeason) season: CropSeason;
  @Field(() => [TambonCropFigures], { description: "Every crop, in the order of the Crop enum, zeros included." })
  byCrop: TambonCropFigures[];

  @MeasureField(OWNER, () => Float, raiOf, "The crops' planted rai summed in square wa, exact.", "total")
  get totalPlantedRai(): MeasureTotal {
    return new MeasureTotal(this.byCrop.map((c) => c.plantedRai));
  }

  @MeasureField(OWNER, () => Int, Number, "The same total in square wa.", "total")
  get totalPlantedSquareWa(): MeasureTotal {
    return this.totalPlantedRai;
  }
}

/** `Tambon.agriculture`: the farmers council's figures under one name, null alone when agriculture fails. */
export const TambonAgricultureField = sectionResolver(OWNER, Tambon, TambonAgriculture, {
  description: "The farmers council's figures: farm books and what the tambon's farmers harvested.",
});

/** Each figure through a loader, batched over every tambon asked. */
@Resolver(() => TambonAgriculture)
export class TambonAgricultureResolver {
  @CountResolver(OWNER, "Registered farm books whose household lives in the tambon.")
  async farmerCount(@Root() tambon: TambonAgriculture, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.farmerCounts.load(tambon.code))?.farmers ?? 0;
  }

  @CountResolver(OWNER, "Of those, young farmers (under 45 at registration, or Young Smart Farmers).")
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
