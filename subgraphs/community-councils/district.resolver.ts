import { geography } from "../kit/geography";
import { sectionResolver } from "../kit/sections";
import type { SubgraphContext } from "../kit/subgraph";
import { OWNER } from "./access";
import { District, Province } from "./area.stubs";
import type { CouncilLoaders } from "./loaders";
import { DistrictCouncils, networkFigures, ProvinceCouncils, tambonFigures } from "./tambon.figures";

type Context = SubgraphContext<CouncilLoaders>;

/** `District.councils`: the tambons' figures summed per district, one statement for every district asked. */
export const DistrictCouncilsField = sectionResolver(OWNER, District, DistrictCouncils, {
  description: "The council network's figures summed over the district's tambons.",
  resolve: async (district, ctx: Context) => (await ctx.loaders.districtFigures.load(district.code))!.section,
});

/** `Province.councils`: the same figures over the whole province (one statement). */
export const ProvinceCouncilsField = sectionResolver(OWNER, Province, ProvinceCouncils, {
  description: "The council network's figures summed over the province's 53 tambons.",
  resolve: async (_province, ctx: Context) =>
    networkFigures(
      new ProvinceCouncils(),
      await tambonFigures(
        ctx.ds,
        geography().tambons.map((t) => t.code),
      ),
    ),
});
