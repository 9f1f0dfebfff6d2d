import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph";
import { District } from "./district.entity";
import { Tambon } from "./tambon.entity";
import { Village } from "./village.entity";
import type { AreaLoaders } from "./loaders";

type Context = SubgraphContext<AreaLoaders>;

/** Links between districts, tambons and villages, each through a per-request loader. */
@Resolver(() => District)
export class DistrictResolver {
  @FieldResolver(() => [Tambon])
  tambons(@Root() district: District, @Ctx() ctx: Context): Promise<Tambon[]> {
    return ctx.loaders.tambonsOfDistrict.load(district.code);
  }
}

@Resolver(() => Tambon)
export class TambonResolver {
  @FieldResolver(() => District)
  async district(@Root() tambon: Tambon, @Ctx() ctx: Context): Promise<District> {
    return (await ctx.loaders.district.load(tambon.districtCode))!;
  }

  @FieldResolver(() => [Village], { description: "Its villages (synthetic in the demo)." })
  villages(@Root() tambon: Tambon, @Ctx() ctx: Context): Promise<Village[]> {
    return ctx.loaders.villagesOfTambon.load(tambon.code);
  }
}

@Resolver(() => Village)
export class VillageResolver {
  @FieldResolver(() => Tambon)
  async tambon(@Root() village: Village, @Ctx() ctx: Context): Promise<Tambon> {
    return (await ctx.loaders.tambon.load(village.tambonCode))!;
  }
}
