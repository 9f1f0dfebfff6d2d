import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { CountTotal } from "../kit/disclosure";
import { CountResolver } from "../kit/disclosure-fields";
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

const levels = async (tambon: TambonRegistry, ctx: Context) => (await ctx.loaders.povertyLevels.load(tambon.code))!;

/** Each figure through a loader, batched over every tambon asked. */
@Resolver(() => TambonRegistry)
export class TambonRegistryResolver {
  @FieldResolver(() => [PovertyLevelCount], {
    description: "Households by the level of their latest assessment: the four levels in order, 1 to 4, zeros included.",
  })
  async householdsByPovertyLevel(@Root() tambon: TambonRegistry, @Ctx() ctx: Context): Promise<PovertyLevelCount[]> {
    return (await levels(tambon, ctx)).levels;
  }

  @CountResolver(OWNER, "Registered households not assessed yet (no poverty level).")
  async householdsNotAssessed(@Root() tambon: TambonRegistry, @Ctx() ctx: Context): Promise<number> {
    return (await levels(tambon, ctx)).notAssessed;
  }

  @CountResolver(OWNER, "Registered households: the four levels plus those not assessed.", "total")
  async householdCount(@Root() tambon: TambonRegistry, @Ctx() ctx: Context): Promise<CountTotal> {
    const { levels: byLevel, notAssessed } = await levels(tambon, ctx);
    return new CountTotal([...byLevel.map((l) => l.households), notAssessed]);
  }

  @FieldResolver(() => VulnerabilityCounts)
  async vulnerablePeople(@Root() tambon: TambonRegistry, @Ctx() ctx: Context): Promise<VulnerabilityCounts> {
    return (
      (await ctx.loaders.vulnerability.load(tambon.code)) ?? {
        tambonCode: tambon.code,
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
