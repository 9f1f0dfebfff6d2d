import { Authorized, Ctx, Directive, Field, ID, Int, ObjectType, FieldResolver, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import { geography } from "../kit/geography";
import { groupedLoader } from "../kit/loaders";
import type { SubgraphContext } from "../kit/subgraph";
import { READ } from "./access";

/** `area`'s District: the registry lists the district's households in need (for housing's candidates, Q4). */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class District {
  @Field(() => ID) code: string;
}

@Directive("@shareable")
@ObjectType({ description: "A household in hardship or difficulty (level 1-2 of its latest assessment)." })
export class HouseholdNeed {
  districtCode: string;
  @Field(() => String) houseCode: string;
  @Field(() => Int, { description: "1 hardship, 2 difficult." }) povertyLevel: number;
}

/** Level 1-2 households of any number of districts in one statement (tambons read from the reference data). */
export function createDistrictLoaders(ds: DataSource) {
  return {
    householdsInNeed: groupedLoader(
      async (districtCodes: string[]) => {
        const districtOf = new Map(
          geography()
            .tambons.filter((t) => districtCodes.includes(t.districtCode))
            .map((t) => [t.code, t.districtCode]),
        );
        const rows: { house_code: string; tambon_code: string; level: number }[] = await ds.query(
          `SELECT h.house_code, h.tambon_code, h.latest_level AS level FROM household h
         WHERE h.tambon_code = ANY($1) AND h.latest_level <= 2 ORDER BY h.house_code`,
          [[...districtOf.keys()]],
        );
        return rows.map((r) => ({ districtCode: districtOf.get(r.tambon_code)!, houseCode: r.house_code, povertyLevel: r.level }));
      },
      (need) => need.districtCode,
    ),
  };
}

export type DistrictLoaders = ReturnType<typeof createDistrictLoaders>;

/**
 * On District itself, not under a `registry` section (the one exception to the README's rule 1):
 * housing's `District.housingCandidates` names it in `@requires`, and federation reads required
 * fields from the entity the requiring field sits on. Nullable, like every field added to a place.
 */
@Resolver(() => District)
export class DistrictRegistryResolver {
  @Authorized(READ)
  @FieldResolver(() => [HouseholdNeed], {
    nullable: true,
    description: "Households at poverty level 1-2 (latest assessment), by house code.",
  })
  householdsInNeed(@Root() district: District, @Ctx() ctx: SubgraphContext<DistrictLoaders>): Promise<HouseholdNeed[]> {
    return ctx.loaders.householdsInNeed.load(district.code);
  }
}
