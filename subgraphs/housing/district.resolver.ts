import { Arg, Authorized, Ctx, Directive, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { ForbiddenError } from "../kit/errors";
import { intInRange } from "../kit/validate";
import type { SubgraphContext } from "../kit/subgraph";
import { READ } from "./access";
import { HousingCandidate } from "./candidates";
import type { HousingLoaders } from "./loaders";
import { District } from "./stubs";

type Context = SubgraphContext<HousingLoaders>;

/**
 * Q4: the design is explained in candidates.ts. On District itself, not under a `housing` section
 * (the one exception to the README's rule 1): its `@requires` reads the registry's
 * `District.householdsInNeed`, and federation hands required fields only to a field of the entity
 * that carries them. Nullable, like every field added to a place.
 */
@Resolver(() => District)
export class DistrictHousingResolver {
  @Authorized(READ)
  @Directive(`@requires(fields: "householdsInNeed { houseCode povertyLevel }")`)
  @FieldResolver(() => [HousingCandidate], {
    nullable: true,
    description: "Households at poverty level 1-2 whose latest housing survey is unsafe and that have no open case, most in need first.",
  })
  housingCandidates(
    @Root() district: District,
    @Arg("first", () => Int, { defaultValue: 20, description: "How many (capped by MAX_PAGE_SIZE)." }) first: number,
    @Ctx() ctx: Context,
  ): Promise<HousingCandidate[]> {
    intInRange("first", first, 1, ctx.config.maxPageSize);
    // Null when the registry refused the caller its list: say so rather than answer "no candidates".
    if (!district.householdsInNeed) {
      throw new ForbiddenError(
        "District.housingCandidates needs the registry's households in need: a social-development:read grant",
        "District.housingCandidates",
      );
    }
    return ctx.loaders.candidates.load({ districtCode: district.code, needs: district.householdsInNeed, first });
  }
}
