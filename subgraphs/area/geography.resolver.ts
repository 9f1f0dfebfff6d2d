import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph";
import { District } from "./district.entity";
import { Tambon } from "./tambon.entity";
import { Village } from "./village.entity";
import type { AreaLoaders } from "./loaders";

type Context = SubgraphContext<AreaLoaders>;

/**
 * Links between districts, tambons and villages, each through a per-request loader. Every non-key
 * field of these entities is nullable (the README's rule 3): reached from another agency's answer,
 * it is fetched from here in a step of its own, and when that step fails only it goes null.
 */
@Resolver(() => District)
export class DistrictResolver {
  @FieldResolver(() => [Tambon], { nullable: true })
  tambons(@Root() district: District, @Ctx() ctx: Context): Promise<Tambon[]> {
    return ctx.loaders.tambonsOfDistrict.load(district.code);
  }
}

@Resolver(() => Tambon)
export class TambonResolver {
  @FieldResolver(() => District, { nullable: true })
  async district(@Root() tambon: Tambon, @Ctx() ctx: Context): Promise<District> {
    return (await ctx.loaders.district.load(tambon.districtCode))!;
  }

  @FieldResolver(() => [Village], { nullable: true, description: "Its villages (synthetic in the demo)." })
  villages(@Root() tambon: Tambon, @Ctx() ctx: Context): Promise<Village[]> {
    return ctx.loaders.villagesOfTambon.load(tambon.code);
  }
}

@Resolver(() => Village)
export class VillageResolver {
  @FieldResolver(() => Tambon, { nullable: true })
  async tambon(@Root() village: Village, @Ctx() ctx: Context): Promise<Tambon> {
    return (await ctx.loaders.tambon.load(village.tambonCode))!;
  }
}
