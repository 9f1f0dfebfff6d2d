import { Ctx, FieldResolver, Int, Resolver, Root, UseMiddleware } from "type-graphql";
import { SmallCount } from "../kit/authorization";
import { sectionResolver } from "../kit/sections";
import { OWNER } from "./access";
import type { SubgraphContext } from "../kit/subgraph";
import { Tambon } from "./area.stubs";
import { PovertyLevelCount, TambonRegistry, VulnerabilityCounts } from "./tambon.figures";
import type { RegistryLoaders } from "./loaders";

type Context = SubgraphContext<RegistryLoaders>;

/** `Tambon.registry`: the registry's figures under one name, null alone when the registry fails. */
export const TambonRegistryField = sectionResolver(OWNER, Tambon, TambonRegistry, {
  description: "The social registry's figures (พมจ.): households, poverty levels, vulnerable people.",
});

/** Each figure through a loader, batched over every tambon asked. */
@Resolver(() => TambonRegistry)
export class TambonRegistryResolver {
  @FieldResolver(() => [PovertyLevelCount], { description: "Households by the level of their latest assessment." })
  householdsByPovertyLevel(@Root() tambon: TambonRegistry, @Ctx() ctx: Context): Promise<PovertyLevelCount[]> {
    return ctx.loaders.povertyLevels.load(tambon.code);
  }

  @UseMiddleware(SmallCount(OWNER))
  @FieldResolver(() => Int, { nullable: true, description: "Registered households." })
  async householdCount(@Root() tambon: TambonRegistry, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.vulnerability.load(tambon.code))?.households ?? 0;
  }

  @FieldResolver(() => VulnerabilityCounts)
  async vulnerablePeople(@Root() tambon: TambonRegistry, @Ctx() ctx: Context): Promise<VulnerabilityCounts> {
    return (
      (await ctx.loaders.vulnerability.load(tambon.code)) ?? {
        tambonCode: tambon.code,
        households: 0,
        people: 0,
        elderly: 0,
        childrenUnder7: 0,
        disabled: 0,
        bedridden: 0,
        singleParents: 0,
        welfareCardHolders: 0,
      }
    );
  }
}
