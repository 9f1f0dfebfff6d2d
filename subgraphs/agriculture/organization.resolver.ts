import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph";
import { READ } from "./access";
import { knownTambon } from "../kit/validate";
import { Tambon } from "./area.stubs";
import { Farmer } from "./farmer.entity";
import type { AgricultureLoaders } from "./loaders";
import { FarmerOrganization } from "./organization.entity";
import { FarmerTraining } from "./training.entity";

type Context = SubgraphContext<AgricultureLoaders>;

@Resolver(() => FarmerOrganization)
export class OrganizationResolver {
  @Query(() => [FarmerOrganization], { nullable: true, description: "The farmer organizations registered in a tambon." })
  farmerOrganizations(@Arg("tambonCode", () => String) tambonCode: string, @Ctx() ctx: Context): Promise<FarmerOrganization[]> {
    return ctx.ds.getRepository(FarmerOrganization).find({
      where: { tambonCode: knownTambon("tambonCode", tambonCode) },
      order: { registrationNumber: "ASC" },
    });
  }

  @FieldResolver(() => Tambon)
  tambon(@Root() organization: FarmerOrganization): Tambon {
    return { code: organization.tambonCode };
  }

  @Authorized(READ)
  @FieldResolver(() => [Farmer], { nullable: true })
  async members(@Root() organization: FarmerOrganization, @Ctx() ctx: Context): Promise<Farmer[]> {
    return (await ctx.loaders.membersOfOrganization.load(organization.registrationNumber)).map((m) => m.farmer);
  }

  @FieldResolver(() => Int)
  async memberCount(@Root() organization: FarmerOrganization, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.membersOfOrganization.load(organization.registrationNumber)).length;
  }
}

@Resolver(() => FarmerTraining)
export class TrainingResolver {
  @Query(() => [FarmerTraining], { nullable: true, description: "The farmer trainings held in a tambon, latest first." })
  farmerTrainings(@Arg("tambonCode", () => String) tambonCode: string, @Ctx() ctx: Context): Promise<FarmerTraining[]> {
    return ctx.ds.getRepository(FarmerTraining).find({
      where: { tambonCode: knownTambon("tambonCode", tambonCode) },
      order: { heldOn: "DESC", id: "DESC" },
    });
  }

  @FieldResolver(() => Tambon)
  tambon(@Root() training: FarmerTraining): Tambon {
    return { code: training.tambonCode };
  }

  @Authorized(READ)
  @FieldResolver(() => [Farmer], { nullable: true })
  async attendees(@Root() training: FarmerTraining, @Ctx() ctx: Context): Promise<Farmer[]> {
    return (await ctx.loaders.attendeesOfTraining.load(training.id)).map((a) => a.farmer);
  }

  @FieldResolver(() => Int)
  async attendeeCount(@Root() training: FarmerTraining, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.attendeesOfTraining.load(training.id)).length;
  }
}
