import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import { geography } from "../kit/geography";
import { groupedLoader } from "../kit/loaders";
import { HouseholdMove } from "../kit/outcomes";
import type { SubgraphContext } from "../kit/subgraph";
import { READ } from "./access";
import { District } from "./district.resolver";

/** A household's latest assessment dated in round `r`: its level and date. */
const inRound = (r: string) => `(SELECT a.poverty_level AS level, a.assessed_on::text AS on
  FROM assessment a WHERE a.house_code = h.house_code AND a.assessed_on BETWEEN ${r}.starts_on AND ${r}.ends_on
  ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1)`;

/** Q5's list (kit/outcomes.ts): any number of districts in one statement. */
export function createMoveLoaders(ds: DataSource) {
  return {
    householdMoves: groupedLoader(
      async (districtCodes: string[]) => {
        const districtOf = new Map(
          geography()
            .tambons.filter((t) => districtCodes.includes(t.districtCode))
            .map((t) => [t.code, t.districtCode]),
        );
        const rows: { house_code: string; tambon_code: string; from_level: number; from_on: string; to_level: number; to_on: string }[] =
          await ds.query(
            `WITH recent AS (SELECT * FROM assessment_round ORDER BY year_be DESC LIMIT 2),
             pair AS (SELECT min(year_be) AS from_year, max(year_be) AS to_year FROM recent HAVING count(*) = 2),
             fr AS (SELECT r.* FROM assessment_round r JOIN pair ON r.year_be = pair.from_year),
             tr AS (SELECT r.* FROM assessment_round r JOIN pair ON r.year_be = pair.to_year)
             SELECT h.house_code, h.tambon_code, f.level AS from_level, f.on AS from_on, t.level AS to_level, t.on AS to_on
             FROM fr CROSS JOIN tr CROSS JOIN household h
             CROSS JOIN LATERAL ${inRound("fr")} f CROSS JOIN LATERAL ${inRound("tr")} t
             WHERE h.tambon_code = ANY($1) AND f.level <= 2 ORDER BY h.house_code`,
            [[...districtOf.keys()]],
          );
        return rows.map((r) => ({
          districtCode: districtOf.get(r.tambon_code)!,
          move: Object.assign(new HouseholdMove(), {
            houseCode: r.house_code,
            fromLevel: r.from_level,
            toLevel: r.to_level,
            fromOn: r.from_on,
            toOn: r.to_on,
          }),
        }));
      },
      (row) => row.districtCode,
    ),
  };
}
export type MoveLoaders = ReturnType<typeof createMoveLoaders>;

/**
 * On District itself, not under `registry` (the README's rule-1 exception, as `householdsInNeed`):
 * the agencies' `District.<agency>Outcomes` require it, and federation hands required fields only to
 * a field of the entity that carries them. Nullable; house codes and levels need the registry's read grant.
 */
@Resolver(() => District)
export class DistrictMovesResolver {
  @Authorized(READ)
  @FieldResolver(() => [HouseholdMove], {
    nullable: true,
    description: "Households at level 1-2 in the earlier of the two most recent rounds and assessed in both, by house code (for Q5).",
  })
  async householdMoves(@Root() district: District, @Ctx() ctx: SubgraphContext<MoveLoaders>): Promise<HouseholdMove[]> {
    return (await ctx.loaders.householdMoves.load(district.code)).map((r) => r.move);
  }
}
