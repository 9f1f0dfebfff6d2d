import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { READ } from "./access";
import type { SubgraphContext } from "../kit/subgraph";
import { Household, Person } from "./area.stubs";
import { CouncilMember } from "./council.entity";
import { ChangeLeader } from "./leader.entity";
import { FundMember } from "./ledger.entity";
import type { CouncilLoaders } from "./loaders";

type Context = SubgraphContext<CouncilLoaders>;

/** The council network's roles of a person (by linkage id), added to the registry's Person. */
@Resolver(() => Person)
export class PersonCouncilResolver {
  @Authorized(READ)
  @FieldResolver(() => [CouncilMember], { nullable: true, description: "Council seats held, past and present, officers first." })
  councilSeats(@Root() person: Person, @Ctx() ctx: Context): Promise<CouncilMember[]> {
    return ctx.loaders.seatsOfPerson.load(person.id);
  }

  @Authorized(READ)
  @FieldResolver(() => ChangeLeader, { nullable: true, description: "The person as a change leader, with trainings." })
  changeLeader(@Root() person: Person, @Ctx() ctx: Context): Promise<ChangeLeader | null> {
    return ctx.loaders.leader.load(person.id);
  }

  @Authorized(READ)
  @FieldResolver(() => FundMember, { nullable: true, description: "Membership of a community welfare fund." })
  welfareFundMembership(@Root() person: Person, @Ctx() ctx: Context): Promise<FundMember | null> {
    return ctx.loaders.membership.load(person.id);
  }
}

@Resolver(() => Household)
export class HouseholdCouncilResolver {
  @Authorized(READ)
  @FieldResolver(() => [FundMember], {
    nullable: true,
    description: "Its members' welfare fund memberships (by the house code given at joining).",
  })
  welfareFundMemberships(@Root() household: Household, @Ctx() ctx: Context): Promise<FundMember[]> {
    return ctx.loaders.membershipsOfHousehold.load(household.houseCode);
  }
}
