import { Arg, Args, Authorized, Ctx, FieldResolver, Int, ObjectType, Query, Resolver, Root, UseMiddleware } from "type-graphql";
import { hidesFew, SmallCount } from "../kit/authorization";
import { BadUserInputError } from "../kit/errors";
import { ConnectionType, PageArgs, pageWindow, toConnection, type Connection } from "../kit/pagination";
import type { SubgraphContext } from "../kit/subgraph";
import { digits } from "../kit/validate";
import { OWNER, READ } from "./access";
import { Tambon } from "./area.stubs";
import { TambonCouncil } from "./council.entity";
import { MatchingBySource, PayoutsByBenefit } from "./fund.figures";
import { WelfareFund } from "./fund.entity";
import { FundMember, FundPayout } from "./ledger.entity";
import type { CouncilLoaders } from "./loaders";

type Context = SubgraphContext<CouncilLoaders>;

@ObjectType()
export class WelfareFundMembershipConnection extends ConnectionType(FundMember) {}

@ObjectType()
export class WelfareFundPayoutConnection extends ConnectionType(FundPayout) {}

const EMPTY = { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } };

@Resolver(() => WelfareFund)
export class WelfareFundResolver {
  @Query(() => WelfareFund, { nullable: true, description: "The community welfare fund of a tambon (6-digit code), if it has one." })
  welfareFund(@Arg("tambonCode", () => String) code: string, @Ctx() ctx: Context): Promise<WelfareFund | null> {
    return ctx.loaders.fundByTambon.load(digits("tambonCode", code, 6));
  }

  @Authorized(READ)
  @Query(() => WelfareFundMembershipConnection, {
    nullable: true,
    description: "A fund's members, by household (house code) then linkage id.",
  })
  async welfareFundMembers(
    @Arg("tambonCode", () => String) code: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<FundMember>> {
    const { limit, afterKey } = pageWindow(page, ctx.config.maxPageSize);
    const fund = await ctx.loaders.fundByTambon.load(digits("tambonCode", code, 6));
    if (!fund) return EMPTY;
    const query = ctx.ds.getRepository(FundMember).createQueryBuilder("m").where("m.fund_id = :fund", { fund: fund.id });
    const totalCount = await query.getCount();
    if (afterKey !== null) {
      if (!/^\d{11}[0-9a-f]{32}$/.test(afterKey)) throw new BadUserInputError("after", "is not a cursor of this list");
      query.andWhere("(m.house_code, m.person_id) > (:house, :person)", { house: afterKey.slice(0, 11), person: afterKey.slice(11) });
    }
    const rows = await query
      .orderBy("m.house_code")
      .addOrderBy("m.person_id")
      .limit(limit + 1)
      .getMany();
    return toConnection(rows, limit, (m) => m.houseCode + m.personId, totalCount);
  }

  @Authorized(READ)
  @Query(() => WelfareFundPayoutConnection, { nullable: true, description: "A fund's payouts, newest first." })
  async welfareFundPayouts(
    @Arg("tambonCode", () => String) code: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<FundPayout>> {
    const { limit, afterKey } = pageWindow(page, ctx.config.maxPageSize);
    const fund = await ctx.loaders.fundByTambon.load(digits("tambonCode", code, 6));
    if (!fund) return EMPTY;
    const query = ctx.ds.getRepository(FundPayout).createQueryBuilder("p").where("p.fund_id = :fund", { fund: fund.id });
    const totalCount = await query.getCount();
    if (afterKey !== null) {
      if (!/^\d{4}-\d{2}-\d{2}\|\d+$/.test(afterKey)) throw new BadUserInputError("after", "is not a cursor of this list");
      const [paidOn, id] = afterKey.split("|");
      query.andWhere("(p.paid_on, p.id) < (:paidOn, :id)", { paidOn, id });
    }
    const rows = await query
      .orderBy("p.paid_on", "DESC")
      .addOrderBy("p.id", "DESC")
      .limit(limit + 1)
      .getMany();
    return toConnection(rows, limit, (p) => `${p.paidOn}|${p.id}`, totalCount);
  }

  @FieldResolver(() => Tambon)
  tambon(@Root() fund: WelfareFund): Tambon {
    return { code: fund.tambonCode };
  }

  @FieldResolver(() => TambonCouncil, { description: "The council the fund belongs to." })
  async council(@Root() fund: WelfareFund, @Ctx() ctx: Context): Promise<TambonCouncil> {
    return (await ctx.loaders.councilByTambon.load(fund.tambonCode))!;
  }

  @UseMiddleware(SmallCount(OWNER))
  @FieldResolver(() => Int, { nullable: true })
  async memberCount(@Root() fund: WelfareFund, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.fundMemberCounts.load(fund.id))?.members ?? 0;
  }

  @FieldResolver(() => [MatchingBySource])
  matchingBySource(@Root() fund: WelfareFund, @Ctx() ctx: Context): Promise<MatchingBySource[]> {
    return ctx.loaders.matchingBySource.load(fund.id);
  }

  @FieldResolver(() => [PayoutsByBenefit])
  payoutsByBenefit(@Root() fund: WelfareFund, @Ctx() ctx: Context): Promise<PayoutsByBenefit[]> {
    return ctx.loaders.payoutsByBenefit.load(fund.id);
  }
}

/** One payout's amount is one person's: the total hides with the count it would reveal. */
@Resolver(() => PayoutsByBenefit)
export class PayoutsByBenefitResolver {
  @FieldResolver(() => String, { nullable: true, description: "Baht; null where the count of payouts is suppressed." })
  total(@Root() row: PayoutsByBenefit, @Ctx() ctx: Context): string | null {
    return hidesFew(ctx.identity, OWNER, row.payouts) ? null : row.total;
  }
}
