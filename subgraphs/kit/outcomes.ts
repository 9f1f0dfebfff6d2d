import DataLoader from "dataloader";
import { Authorized, type ClassType, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import { ForbiddenError } from "./errors";

/**
 * Q5, outcomes by the help received: "of last round's households in need in this district, how
 * many moved up, by the help they received between the two rounds".
 *
 * The levels live in the registry and the help in three other agencies, and the gateway cannot
 * join across subgraphs; so, as for Q4 (housing/candidates.ts), the join runs where the help lives,
 * fed with the registry's list: social-development adds `District.householdMoves` (every household
 * of the district at level 1-2 in the earlier round and assessed again, with both levels and dates:
 * one statement), and each agency adds `District.<agency>Outcomes @requires(fields: MOVES)`, which
 * splits that list by its own help in ONE statement (the list goes in as arrays) and counts in
 * memory. The list is bounded by a district's level 1-2 households (a few thousand at province
 * scale); households at level 3-4 are left out on purpose: they are not whom the help targets.
 * The receiving agency sees house codes and levels of households in need, as housing already does
 * for Q4, under the registry's read grant; nothing is stored.
 */
export const MOVES = "householdMoves { houseCode fromLevel toLevel fromOn toOn }";

@Directive("@shareable")
@ObjectType({ description: "A household assessed in both of the two most recent rounds, at level 1-2 in the earlier." })
export class HouseholdMove {
  @Field(() => String) houseCode: string;
  @Field(() => Int) fromLevel: number;
  @Field(() => Int) toLevel: number;
  @Field(() => String, { description: "ISO date of its assessment in the earlier round." }) fromOn: string;
  @Field(() => String, { description: "ISO date of its assessment in the later round." }) toOn: string;
}

@Directive("@shareable")
@ObjectType({ description: "Households that went from one level to another, with and without the help." })
export class HelpTransition {
  @Field(() => Int) fromLevel: number;
  @Field(() => Int) toLevel: number;
  @Field(() => Int, { description: "Households that received the help between their two assessments." }) helped: number;
  @Field(() => Int) notHelped: number;
}

@Directive("@shareable")
@ObjectType({ description: "How households moved between the two rounds, split by one kind of help." })
export class HelpOutcome {
  @Field(() => String, { description: "The help, e.g. HOUSING_HANDED_OVER." }) help: string;
  @Field(() => String) label: string;
  @Field(() => Int) helped: number;
  @Field(() => Int, { description: "Helped households at a better level in the later round." }) helpedMovedUp: number;
  @Field(() => Int) notHelped: number;
  @Field(() => Int) notHelpedMovedUp: number;
  @Field(() => [HelpTransition], { description: "From level 1-2 to level 1-4: 8 cells." }) cells: HelpTransition[];
}

/** One kind of help: `exists` is an SQL condition on `n.house_code`, `n.from_on`, `n.to_on` (exclusive, inclusive). */
export interface Help {
  help: string;
  label: string;
  exists: string;
}

/** The households of `moves` that received each help: `help|houseCode`, in one statement whatever their number. */
async function helpedHouseholds(ds: DataSource, moves: HouseholdMove[], helps: Help[]): Promise<Set<string>> {
  if (moves.length === 0) return new Set();
  const rows: { house_code: string; help: string }[] = await ds.query(
    `SELECT n.house_code, h.help
     FROM unnest($1::bpchar[], $2::date[], $3::date[]) AS n(house_code, from_on, to_on)
     CROSS JOIN LATERAL (VALUES ${helps.map((h, i) => `($${i + 4}, ${h.exists})`).join(", ")}) AS h(help, yes)
     WHERE h.yes`,
    [moves.map((m) => m.houseCode), moves.map((m) => m.fromOn), moves.map((m) => m.toOn), ...helps.map((h) => h.help)],
  );
  return new Set(rows.map((r) => `${r.help}|${r.house_code.trim()}`));
}

function splitByHelp(moves: HouseholdMove[], helps: Help[], helped: Set<string>): HelpOutcome[] {
  return helps.map(({ help, label }) => {
    const cells = [1, 2].flatMap((fromLevel) => [1, 2, 3, 4].map((toLevel) => ({ fromLevel, toLevel, helped: 0, notHelped: 0 })));
    for (const m of moves) {
      const cell = cells[(m.fromLevel - 1) * 4 + (m.toLevel - 1)];
      if (helped.has(`${help}|${m.houseCode}`)) cell.helped++;
      else cell.notHelped++;
    }
    const sum = (key: "helped" | "notHelped", up: boolean) =>
      cells.filter((c) => !up || c.toLevel > c.fromLevel).reduce((n, c) => n + c[key], 0);
    return {
      help,
      label,
      helped: sum("helped", false),
      helpedMovedUp: sum("helped", true),
      notHelped: sum("notHelped", false),
      notHelpedMovedUp: sum("notHelped", true),
      cells,
    };
  });
}

interface DistrictWithMoves {
  code: string;
  householdMoves?: HouseholdMove[] | null;
}

export interface OutcomeOptions {
  /** The agency's stub of `area`'s District, with `householdMoves` declared `@external`. */
  district: ClassType<DistrictWithMoves>;
  /** `housingOutcomes`: on District itself, as the `@requires` needs (README, rule 1's exception). */
  field: string;
  readScope: string;
  helps: Help[];
}

/** `District.<agency>Outcomes`: every district asked, one statement (a loader over the request's districts). */
export function outcomesResolver(options: OutcomeOptions) {
  const loaders = (ds: DataSource) => ({
    [options.field]: new DataLoader<DistrictWithMoves, HelpOutcome[], string>(
      async (districts) => {
        const moves = districts.flatMap((d) => d.householdMoves ?? []);
        const helped = await helpedHouseholds(ds, moves, options.helps);
        return districts.map((d) => splitByHelp(d.householdMoves ?? [], options.helps, helped));
      },
      { cacheKeyFn: (d) => d.code },
    ),
  });

  @Resolver(() => options.district)
  class OutcomesResolver {
    @Authorized(options.readScope)
    @Directive(`@requires(fields: "${MOVES}")`)
    @FieldResolver(() => [HelpOutcome], {
      name: options.field,
      nullable: true,
      description:
        "Households at level 1-2 in the earlier round, how they moved by the help this agency gave between their two assessments.",
    })
    outcomes(
      @Root() district: DistrictWithMoves,
      @Ctx() ctx: { loaders: Record<string, DataLoader<DistrictWithMoves, HelpOutcome[], string>> },
    ) {
      // Null when the registry refused the caller its list: say so rather than answer "nobody moved".
      if (!district.householdMoves) {
        throw new ForbiddenError(
          `District.${options.field} needs the registry's household moves: a social-development:read grant`,
          options.field,
        );
      }
      return ctx.loaders[options.field].load(district);
    }
  }
  return { resolver: OutcomesResolver, loaders };
}
