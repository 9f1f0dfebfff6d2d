import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { knownTambon } from "../kit/validate";
import type { SubgraphContext } from "../kit/subgraph";
import { READ } from "./access";
import { Person, Tambon } from "./area.stubs";
import { CouncilMember, CouncilRole, TambonCouncil } from "./council.entity";
import { WelfareFund } from "./fund.entity";
import type { CouncilLoaders } from "./loaders";

type Context = SubgraphContext<CouncilLoaders>;

@Resolver(() => TambonCouncil)
export class CouncilResolver {
  @Query(() => TambonCouncil, { nullable: true, description: "The council of a tambon (6-digit code), if one is recorded." })
  tambonCouncil(@Arg("tambonCode", () => String) code: string, @Ctx() ctx: Context): Promise<TambonCouncil | null> {
    return ctx.loaders.councilByTambon.load(knownTambon("tambonCode", code));
  }

  @Query(() => [TambonCouncil], { nullable: true, description: "Every recorded council, by tambon code." })
  tambonCouncils(@Ctx() ctx: Context): Promise<TambonCouncil[]> {
    return ctx.ds.getRepository(TambonCouncil).find({ order: { tambonCode: "ASC" } });
  }

  @FieldResolver(() => Tambon)
  tambon(@Root() council: TambonCouncil): Tambon {
    return { code: council.tambonCode };
  }

  @Authorized(READ)
  @FieldResolver(() => [CouncilMember], {
    nullable: true,
    description: "Its seats, officers first: those of the current term unless includePast.",
  })
  async members(
    @Root() council: TambonCouncil,
    @Arg("includePast", () => Boolean, { defaultValue: false }) includePast: boolean,
    @Ctx() ctx: Context,
  ): Promise<CouncilMember[]> {
    const seats = await ctx.loaders.councilMembers.load(council.id);
    return includePast ? seats : seats.filter((s) => s.current);
  }

  @FieldResolver(() => Int, { description: "Seats held today." })
  async memberCount(@Root() council: TambonCouncil, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.councilMemberCounts.load(council.id))?.current ?? 0;
  }

  @Authorized(READ)
  @FieldResolver(() => CouncilMember, { nullable: true, description: "Today's chair." })
  async chair(@Root() council: TambonCouncil, @Ctx() ctx: Context): Promise<CouncilMember | null> {
    const seats = await ctx.loaders.councilMembers.load(council.id);
    return seats.find((s) => s.role === CouncilRole.CHAIR && s.current) ?? null;
  }

  @FieldResolver(() => WelfareFund, { nullable: true, description: "Its community welfare fund, if it has one." })
  welfareFund(@Root() council: TambonCouncil, @Ctx() ctx: Context): Promise<WelfareFund | null> {
    return ctx.loaders.fundByTambon.load(council.tambonCode);
  }
}

@Resolver(() => CouncilMember)
export class CouncilMemberResolver {
  @FieldResolver(() => Person)
  person(@Root() seat: CouncilMember): Person {
    return { id: seat.personId };
  }

  @FieldResolver(() => TambonCouncil)
  async council(@Root() seat: CouncilMember, @Ctx() ctx: Context): Promise<TambonCouncil> {
    return (await ctx.loaders.councilById.load(seat.councilId))!;
  }
}
