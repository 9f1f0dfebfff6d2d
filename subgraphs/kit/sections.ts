import { Ctx, FieldResolver, Resolver, Root, type ClassType } from "type-graphql";
import type { SubgraphName } from "./config";

/**
 * The hub's rule for adding to a place another agency owns (README, "Adding fields to another
 * agency's type"): an agency's figures and lists about a Tambon, District or Province (all owned
 * by `area`) sit under ONE nullable field named for the agency, of a type the agency owns:
 * `Tambon.agriculture: TambonAgriculture`. When that agency's subgraph fails, the gateway nulls that
 * one field and every other agency's figures still arrive; sections.test.ts checks it on the composed supergraph.
 */

/** The field each agency's section takes on a place (`area` owns the places and adds none). */
export const SECTION_FIELDS = {
  "social-development": "registry",
  housing: "housing",
  agriculture: "agriculture",
  "community-councils": "councils",
} as const satisfies Record<Exclude<SubgraphName, "area">, string>;

export type SectionAgency = keyof typeof SECTION_FIELDS;

/** What a section holds by default: the place's code, which each of its figures' loaders takes. */
export class PlaceSection {
  code: string;
}

export interface SectionOptions<P, S> {
  description: string;
  /** Builds the section from the place; default: a `PlaceSection` holding the place's code. */
  resolve?: (place: P, ctx: any) => S | null | Promise<S | null>;
}

/**
 * A resolver adding `<place>.<agency's field>: <section>` (nullable) to the agency's stub of an
 * area place. The default section is made synchronously from the key, so the loaders of its fields
 * still batch over every place of the request: grouping adds no SQL statement.
 */
export function sectionResolver<P extends { code: string }, S extends object>(
  agency: SectionAgency,
  place: ClassType<P>,
  section: ClassType<S>,
  options: SectionOptions<P, S>,
): Function {
  const resolve = options.resolve ?? ((p: P) => Object.assign(new section(), { code: p.code }));
  @Resolver(() => place)
  class SectionResolver {
    @FieldResolver(() => section, { name: SECTION_FIELDS[agency], nullable: true, description: options.description })
    section(@Root() root: P, @Ctx() ctx: unknown): S | null | Promise<S | null> {
      return resolve(root, ctx);
    }
  }
  return SectionResolver;
}
