import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PII } from "./access";
import type { SubgraphContext } from "../kit/subgraph";
import { Household, Person } from "./area.stubs";
import { WelfareFund } from "./fund.entity";
import { FundContribution, FundMatching, FundMember, FundPayout } from "./ledger.entity";
import type { CouncilLoaders } from "./loaders";

type Context = SubgraphContext<CouncilLoaders>;

const fundOf = async (row: { fundId: string }, ctx: Context): Promise<WelfareFund> => (await ctx.loaders.fundById.load(row.fundId))!;

@Resolver(() => FundMember)
export class FundMemberResolver {
  @FieldResolver(() => Person)
  person(@Root() member: FundMember): Person {
    return { id: member.personId };
  }

  @FieldResolver(() => Household, { description: "The household the member gave when joining." })
  household(@Root() member: FundMember): Household {
    return { houseCode: member.houseCode };
  }

  @FieldResolver(() => WelfareFund)
  fund(@Root() member: FundMember, @Ctx() ctx: Context): Promise<WelfareFund> {
    return fundOf(member, ctx);
  }

  @Authorized(PII)
  @FieldResolver(() => String, { nullable: true, description: "Everything the member has contributed, in baht." })
  async contributed(@Root() member: FundMember, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.memberTotals.load(member.personId))?.contributed ?? "0.00";
  }

  @Authorized(PII)
  @FieldResolver(() => String, { nullable: true, description: "The date of the latest contribution (ISO)." })
  async lastContributionOn(@Root() member: FundMember, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.loaders.memberTotals.load(member.personId))?.lastContributionOn ?? null;
  }

  @Authorized(PII)
  @FieldResolver(() => String, { nullable: true, description: "Every benefit paid to or for the member, in baht." })
  async benefitsReceived(@Root() member: FundMember, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.memberTotals.load(member.personId))?.benefitsReceived ?? "0.00";
  }
}

@Resolver(() => FundContribution)
export class FundContributionResolver {
  @FieldResolver(() => Person)
  person(@Root() row: FundContribution): Person {
    return { id: row.personId };
  }

  @FieldResolver(() => WelfareFund)
  fund(@Root() row: FundContribution, @Ctx() ctx: Context): Promise<WelfareFund> {
    return fundOf(row, ctx);
  }
}

@Resolver(() => FundPayout)
export class FundPayoutResolver {
  @FieldResolver(() => Person)
  person(@Root() row: FundPayout): Person {
    return { id: row.personId };
  }

  @FieldResolver(() => WelfareFund)
  fund(@Root() row: FundPayout, @Ctx() ctx: Context): Promise<WelfareFund> {
    return fundOf(row, ctx);
  }
}

@Resolver(() => FundMatching)
export class FundMatchingResolver {
  @FieldResolver(() => WelfareFund)
  fund(@Root() row: FundMatching, @Ctx() ctx: Context): Promise<WelfareFund> {
    return fundOf(row, ctx);
  }
}
