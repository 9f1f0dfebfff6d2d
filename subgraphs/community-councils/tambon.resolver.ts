import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { type Measure } from "../kit/disclosure";
import { CountResolver, MeasureResolver } from "../kit/disclosure-fields";
import { toBahtString } from "../kit/money";
import { sectionResolver } from "../kit/sections";
import type { SubgraphContext } from "../kit/subgraph";
import { OWNER, READ } from "./access";
import { Tambon } from "./area.stubs";
import { TambonCouncil } from "./council.entity";
import { CodiGrant, CommunityEnterprise } from "./economy.entity";
import { WelfareFund } from "./fund.entity";
import { ChangeLeader } from "./leader.entity";
import type { CouncilLoaders } from "./loaders";
import { CodiGrantYearTotal, LeaderModuleCount, TambonCouncils, type TambonFigures } from "./tambon.figures";

type Context = SubgraphContext<CouncilLoaders>;

const figures = async (tambon: TambonCouncils, ctx: Context): Promise<TambonFigures> =>
  (await ctx.loaders.tambonFigures.load(tambon.code))!;

/** `Tambon.councils`: the council network's part under one name, null alone when community-councils fails. */
export const TambonCouncilsField = sectionResolver(OWNER, Tambon, TambonCouncils, {
  description: "The community organization council network (with CODI): council, change leaders, welfare fund, enterprises, grants.",
});

/** Each field through a loader, batched over every tambon asked. */
@Resolver(() => TambonCouncils)
export class TambonCouncilsResolver {
  @FieldResolver(() => TambonCouncil, { nullable: true, description: "Its community organization council, if one is recorded." })
  council(@Root() tambon: TambonCouncils, @Ctx() ctx: Context): Promise<TambonCouncil | null> {
    return ctx.loaders.councilByTambon.load(tambon.code);
  }

  @CountResolver(OWNER, "Change leaders with at least one completed training.")
  async trainedChangeLeaders(@Root() tambon: TambonCouncils, @Ctx() ctx: Context): Promise<number> {
    return (await figures(tambon, ctx)).trainedChangeLeaders;
  }

  @Authorized(READ)
  @FieldResolver(() => [ChangeLeader], { nullable: true, description: "Its change leaders, trained or in training." })
  changeLeaders(@Root() tambon: TambonCouncils, @Ctx() ctx: Context): Promise<ChangeLeader[]> {
    return ctx.loaders.leadersOfTambon.load(tambon.code);
  }

  @FieldResolver(() => [LeaderModuleCount], {
    description: "Its change leaders' trainings by module: every module, in order, zeros included.",
  })
  changeLeaderTraining(@Root() tambon: TambonCouncils, @Ctx() ctx: Context): Promise<LeaderModuleCount[]> {
    return ctx.loaders.leaderModules.load(tambon.code);
  }

  @FieldResolver(() => WelfareFund, { nullable: true, description: "Its community welfare fund, if it has one." })
  welfareFund(@Root() tambon: TambonCouncils, @Ctx() ctx: Context): Promise<WelfareFund | null> {
    return ctx.loaders.fundByTambon.load(tambon.code);
  }

  @CountResolver(OWNER, "Members of its community welfare fund (0 without a fund).")
  async welfareFundMembers(@Root() tambon: TambonCouncils, @Ctx() ctx: Context): Promise<number> {
    return (await figures(tambon, ctx)).fundMembers;
  }

  @MeasureResolver(
    OWNER,
    () => String,
    toBahtString,
    "Its welfare fund's balance in baht; null without a fund (hidden as WelfareFund.balance is).",
  )
  async welfareFundBalance(@Root() tambon: TambonCouncils, @Ctx() ctx: Context): Promise<Measure<bigint> | null> {
    return (await figures(tambon, ctx)).fundBalance;
  }

  @FieldResolver(() => [CommunityEnterprise], { description: "Community enterprises registered in it." })
  communityEnterprises(@Root() tambon: TambonCouncils, @Ctx() ctx: Context): Promise<CommunityEnterprise[]> {
    return ctx.loaders.enterprisesOfTambon.load(tambon.code);
  }

  @FieldResolver(() => [CodiGrant], { description: "CODI grants to its council network, newest fiscal year first." })
  codiGrants(@Root() tambon: TambonCouncils, @Ctx() ctx: Context): Promise<CodiGrant[]> {
    return ctx.loaders.grantsOfTambon.load(tambon.code);
  }

  @FieldResolver(() => String, { description: "CODI grants summed over all years, in baht." })
  async codiGrantsTotal(@Root() tambon: TambonCouncils, @Ctx() ctx: Context): Promise<string> {
    return (await figures(tambon, ctx)).grantsTotal;
  }

  @FieldResolver(() => [CodiGrantYearTotal], { description: "CODI grants summed per fiscal year, newest first." })
  codiGrantsByFiscalYear(@Root() tambon: TambonCouncils, @Ctx() ctx: Context): Promise<CodiGrantYearTotal[]> {
    return ctx.loaders.grantYears.load(tambon.code);
  }
}
