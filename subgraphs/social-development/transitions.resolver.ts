import { Ctx, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import { geography } from "../kit/geography";
import { keyedLoader } from "../kit/loaders";
import { PlaceSection, sectionResolver } from "../kit/sections";
import type { SubgraphContext } from "../kit/subgraph";
import { OWNER } from "./access";
import { Province } from "./area.stubs";
import { District } from "./district.resolver";
import { TambonRegistry } from "./tambon.figures";
import { LevelTransitions, levelTransitions, type TambonTransitions, transitionFigures } from "./transitions.figures";

export function createTransitionLoaders(ds: DataSource) {
  return {
    transitions: keyedLoader(
      (codes: string[]) => transitionFigures(ds, codes),
      (row) => row.tambonCode,
    ),
  };
}
export type TransitionLoaders = ReturnType<typeof createTransitionLoaders>;
type Context = SubgraphContext<TransitionLoaders>;

@ObjectType({ description: "The social registry's figures for a district (its tambons' added up)." })
export class DistrictRegistry extends PlaceSection {}

@ObjectType({ description: "The social registry's figures for the province (its 53 tambons' added up)." })
export class ProvinceRegistry extends PlaceSection {}

/** `District.registry` and `Province.registry`: null alone when the registry fails, like `Tambon.registry`. */
export const DistrictRegistryField = sectionResolver(OWNER, District, DistrictRegistry, {
  description: "The social registry's figures (พมจ.) summed over the district's tambons.",
});
export const ProvinceRegistryField = sectionResolver(OWNER, Province, ProvinceRegistry, {
  description: "The social registry's figures (พมจ.) summed over the province's 53 tambons.",
});

const tambonsOf = (districtCode: string | null) =>
  geography()
    .tambons.filter((t) => districtCode === null || t.districtCode === districtCode)
    .map((t) => t.code);

/** Every place's matrix from the same tambon loader: a request asking tambons, districts and the province costs one statement. */
const matrixOf = async (tambonCodes: string[], ctx: Context): Promise<LevelTransitions> =>
  levelTransitions((await ctx.loaders.transitions.loadMany(tambonCodes)) as TambonTransitions[]);

const DESCRIPTION = "Poverty levels between the two most recent assessment rounds: from level → to level, household counts.";

@Resolver(() => TambonRegistry)
export class TambonTransitionsResolver {
  @FieldResolver(() => LevelTransitions, { description: DESCRIPTION })
  levelTransitions(@Root() tambon: TambonRegistry, @Ctx() ctx: Context): Promise<LevelTransitions> {
    return matrixOf([tambon.code], ctx);
  }
}

@Resolver(() => DistrictRegistry)
export class DistrictTransitionsResolver {
  @FieldResolver(() => LevelTransitions, { description: `${DESCRIPTION} Each cell is the sum of the district's tambons' cells.` })
  levelTransitions(@Root() district: DistrictRegistry, @Ctx() ctx: Context): Promise<LevelTransitions> {
    return matrixOf(tambonsOf(district.code), ctx);
  }
}

@Resolver(() => ProvinceRegistry)
export class ProvinceTransitionsResolver {
  @FieldResolver(() => LevelTransitions, { description: `${DESCRIPTION} Each cell is the sum of the 53 tambons' cells.` })
  levelTransitions(@Root() _province: ProvinceRegistry, @Ctx() ctx: Context): Promise<LevelTransitions> {
    return matrixOf(tambonsOf(null), ctx);
  }
}
