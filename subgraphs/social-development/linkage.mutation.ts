import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from "type-graphql";
import { HubError } from "../kit/errors";
import { scope } from "../kit/identity";
import type { SubgraphContext } from "../kit/subgraph";
import * as check from "../kit/validate";
import { Person } from "./person.entity";

/**
 * How another agency learns a person's linkage id: it gives the citizen ID it collected, the
 * registry answers with its registered Person (whose `id` the agency stores), and the call is
 * written to the registry's audit log (who, why, which person), found or not, so the
 * data-protection officer can see anyone trying IDs one after another. Only registered people
 * have one: the registry is not an oracle for arbitrary numbers. And it answers each caller at
 * most LOOKUPS_PER_MINUTE times a minute: enough for an officer at work, far too few to invert a
 * linkage id by trying the ID space (thousands of tries for one person even in a narrow range).
 */
export const LOOKUPS_PER_MINUTE = 30;

/** Each running registry's recent lookups by caller (keyed by its database, so one per subgraph). */
const lookups = new WeakMap<object, Map<string, number[]>>();

function withinRate(ds: object, subject: string, now = Date.now()): boolean {
  const bySubject = lookups.get(ds) ?? lookups.set(ds, new Map()).get(ds)!;
  const recent = (bySubject.get(subject) ?? []).filter((at) => now - at < 60_000);
  const allowed = recent.length < LOOKUPS_PER_MINUTE;
  if (allowed) recent.push(now);
  if (recent.length > 0) bySubject.set(subject, recent);
  else bySubject.delete(subject);
  return allowed;
}
@Resolver()
export class LinkageResolver {
  @Authorized(scope.link)
  @Mutation(() => Person, {
    nullable: true,
    description: "The registered person with this citizen ID, for their linkage id (Person.id). Audited; needs social-development:link.",
  })
  async linkPerson(
    @Arg("citizenId", () => String, { description: "13 digits with a valid check digit; never stored outside the registry." })
    citizenId: string,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person> {
    ctx.audit.record(info, undefined);
    if (!withinRate(ctx.ds, ctx.identity.subject)) {
      throw new HubError("RATE_LIMITED", `at most ${LOOKUPS_PER_MINUTE} linkPerson lookups a minute per caller: try again in a minute`);
    }
    const person = await ctx.ds.getRepository(Person).findOneBy({ citizenId: check.citizenId("citizenId", citizenId) });
    if (!person)
      throw new HubError("NOT_FOUND", "no person with this citizen ID is registered with the social registry", { field: "citizenId" });
    ctx.audit.record(info, person, "Person");
    return person;
  }
}
