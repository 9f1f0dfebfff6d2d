import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { type DataSource, In } from "typeorm";
import { ForbiddenError } from "../kit/errors";
import { groupedLoader, keyedLoader } from "../kit/loaders";
import { agencyOfSubgraph, CaseAgency, parseReferralId } from "../kit/referral";
import type { SubgraphContext } from "../kit/subgraph";
import * as check from "../kit/validate";
import { PII, REFER } from "./access";
import { CaseNeed, CaseworkEvent, Referral } from "./casework.entity";
import { Household } from "./household.entity";
import type { RegistryLoaders } from "./loaders";

export function createCaseworkLoaders(ds: DataSource) {
  const order = { id: "ASC" } as const;
  return {
    casePlan: groupedLoader(
      (codes: string[]) => ds.getRepository(CaseNeed).find({ where: { houseCode: In(codes) }, order }),
      (n) => n.houseCode,
    ),
    caseNeed: keyedLoader(
      (ids: string[]) => ds.getRepository(CaseNeed).findBy({ id: In(ids) }),
      (n) => n.id,
    ),
    referralsOf: groupedLoader(
      (codes: string[]) => ds.getRepository(Referral).find({ where: { houseCode: In(codes) }, order: { serial: "ASC" } }),
      (r) => r.houseCode,
    ),
    referral: keyedLoader(
      (serials: string[]) => ds.getRepository(Referral).findBy({ serial: In(serials) }),
      (r) => r.serial,
    ),
    caseworkHistory: groupedLoader(
      (codes: string[]) => ds.getRepository(CaseworkEvent).find({ where: { houseCode: In(codes) }, order }),
      (e) => e.houseCode,
    ),
  };
}
export type CaseworkLoaders = ReturnType<typeof createCaseworkLoaders>;
type Context = SubgraphContext<CaseworkLoaders & RegistryLoaders>;

/** A referral by id, or null when no referral has it (a wrong addressee in the id is no referral). */
export async function referralById(id: string, ctx: SubgraphContext<CaseworkLoaders>): Promise<Referral | null> {
  const { serial } = parseReferralId("id", id);
  const found = await ctx.loaders.referral.load(serial);
  return found && found.id === id ? found : null;
}

/**
 * Case plans and referrals are personal data: every field below needs the registry's `pii` scope
 * (its staff, the case conference, the district committee) or `refer` (the agencies that refer and
 * answer), and each read is written to the registry's audit log with the households read.
 */
@Resolver(() => Household)
export class HouseholdCaseworkResolver {
  @Authorized(PII, REFER)
  @FieldResolver(() => [CaseNeed], { nullable: true, description: "Its case plan: one need per capital, oldest first." })
  casePlan(@Root() household: Household, @Ctx() ctx: Context): Promise<CaseNeed[]> {
    return ctx.loaders.casePlan.load(household.houseCode);
  }

  @Authorized(PII, REFER)
  @FieldResolver(() => [Referral], { nullable: true, description: "Its referrals, oldest first, each with the receiving agency's answer." })
  referrals(@Root() household: Household, @Ctx() ctx: Context): Promise<Referral[]> {
    return ctx.loaders.referralsOf.load(household.houseCode);
  }

  @Authorized(PII, REFER)
  @FieldResolver(() => [CaseworkEvent], {
    nullable: true,
    description: "Every change of its case plan and referrals, oldest first (append-only).",
  })
  caseworkHistory(@Root() household: Household, @Ctx() ctx: Context): Promise<CaseworkEvent[]> {
    return ctx.loaders.caseworkHistory.load(household.houseCode);
  }
}

@Resolver(() => Referral)
export class ReferralResolver {
  @Authorized(PII, REFER)
  @Query(() => Referral, { nullable: true, description: "One referral by id (e.g. HOUSING-17)." })
  referral(@Arg("id", () => String) id: string, @Ctx() ctx: Context): Promise<Referral | null> {
    return referralById(id, ctx);
  }

  @Authorized(PII, REFER)
  @Query(() => [Referral], {
    nullable: true,
    description:
      "The referrals addressed to an agency, oldest first: its staff see their own agency's queue, the registry and the case conference every queue.",
  })
  async referralQueue(
    @Arg("agency", () => CaseAgency) agency: CaseAgency,
    @Arg("open", () => Boolean, { defaultValue: true, description: "Only those not closed yet." }) open: boolean,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Referral[]> {
    const own = agencyOfSubgraph(ctx.identity.agency);
    if (own && own !== CaseAgency.SOCIAL_DEVELOPMENT && own !== agency) {
      throw new ForbiddenError(`referralQueue: ${own} staff see the queue of ${own} only`, "agency");
    }
    const limit = check.intInRange("first", first, 1, ctx.config.maxPageSize);
    const query = ctx.ds.getRepository(Referral).createQueryBuilder("r").where("r.to_agency = :agency", { agency });
    if (open) query.andWhere("r.closed_on IS NULL");
    return query.orderBy("r.sent_on").addOrderBy("r.id").limit(limit).getMany();
  }

  @Authorized(PII, REFER)
  @FieldResolver(() => Household, { nullable: true })
  household(@Root() referral: Referral, @Ctx() ctx: Context): Promise<Household | null> {
    return ctx.loaders.household.load(referral.houseCode);
  }

  @Authorized(PII, REFER)
  @FieldResolver(() => CaseNeed, { nullable: true, description: "The need of the case plan it refers." })
  need(@Root() referral: Referral, @Ctx() ctx: Context): Promise<CaseNeed | null> {
    return ctx.loaders.caseNeed.load(referral.needId);
  }
}
