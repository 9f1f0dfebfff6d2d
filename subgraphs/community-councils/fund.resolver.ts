import { Arg, Args, Authorized, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import { type Measure } from "../kit/disclosure";
import { CountResolver, MeasureResolver } from "../kit/disclosure-fields";
import { toBahtString, toSatang } from "../kit/money";
import { BadUserInputError } from "../kit/errors";
import { ConnectionType, PageArgs, pageWindow, toConnection, type Connection } from "../kit/pagination";
import type { SubgraphContext } from "../kit/subgraph";
import { knownTambon } from "../kit/validate";
import { OWNER, READ } from "./access";
import { Tambon } from "./area.stubs";
import { TambonCouncil } from "./council.entity";
import { type FundPeople, fundBalance, MatchingBySource, PayoutsByBenefit, withheldBenefits } from "./fund.figures";
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
    return ctx.loaders.fundByTambon.load(knownTambon("tambonCode", code));
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
    const fund = await ctx.loaders.fundByTambon.load(knownTambon("tambonCode", code));
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
    const fund = await ctx.loaders.fundByTambon.load(knownTambon("tambonCode", code));
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

  @CountResolver(OWNER)
  memberCount(@Root() fund: WelfareFund): number {
    return people(fund).members;
  }

  @MeasureResolver(OWNER, () => String, toBahtString, "All members' contributions received (its contributors: the members who paid).")
  contributionsTotal(@Root() fund: WelfareFund): Measure<bigint> {
    return { value: toSatang(fund.contributionsTotal), contributors: people(fund).contributors };
  }

  @MeasureResolver(OWNER, () => String, toBahtString, "All benefits paid out (its contributors: the people paid).")
  payoutsTotal(@Root() fund: WelfareFund): Measure<bigint> {
    return { value: toSatang(fund.payoutsTotal), contributors: people(fund).paid };
  }

  @MeasureResolver(
    OWNER,
    () => String,
    toBahtString,
    "contributions + matching − payouts; never below zero (over its members; hidden with the contributions or the payouts it would give away).",
  )
  balance(@Root() fund: WelfareFund): Measure<bigint> {
    return fundBalance(toSatang(fund.balance), people(fund));
  }

  @FieldResolver(() => [MatchingBySource], { description: "Matching money by source: every source, in order, zeros included." })
  matchingBySource(@Root() fund: WelfareFund, @Ctx() ctx: Context): Promise<MatchingBySource[]> {
    return ctx.loaders.matchingBySource.load(fund.id);
  }

  @FieldResolver(() => [PayoutsByBenefit], { description: "Benefits paid by purpose: every benefit, in order, zeros included." })
  async payoutsByBenefit(@Root() fund: WelfareFund, @Ctx() ctx: Context): Promise<PayoutsByBenefit[]> {
    const benefits = await ctx.loaders.payoutsByBenefit.load(fund.id);
    const withheld = withheldBenefits(benefits, people(fund));
    return benefits.map((b, i) => ({ ...b, total: { ...b.total, withheld: withheld[i] } }));
  }
}

/** Read with the fund itself (its virtual columns): disclosure control costs no statement. */
const people = (fund: WelfareFund): FundPeople => ({ members: +fund.members, contributors: +fund.contributors, paid: +fund.paid });

/** One benefit's payouts are a few people's: the total hides as the fund's breakdown requires (withheldBenefits). */
@Resolver(() => PayoutsByBenefit)
export class PayoutsByBenefitResolver {
  @MeasureResolver(
    OWNER,
    () => String,
    toBahtString,
    "Baht (over the people paid; also hidden to protect another benefit of the fund hidden alone).",
  )
  total(@Root() row: PayoutsByBenefit): Measure<bigint> {
    return row.total;
  }
}
