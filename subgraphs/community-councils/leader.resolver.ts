import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph";
import { Person, Tambon } from "./area.stubs";
import { ChangeLeader, LeaderTraining } from "./leader.entity";
import type { CouncilLoaders } from "./loaders";

type Context = SubgraphContext<CouncilLoaders>;

@Resolver(() => ChangeLeader)
export class ChangeLeaderResolver {
  @FieldResolver(() => Person)
  person(@Root() leader: ChangeLeader): Person {
    return { id: leader.personId };
  }

  @FieldResolver(() => Tambon, { description: "The tambon whose network the leader works in." })
  tambon(@Root() leader: ChangeLeader): Tambon {
    return { code: leader.tambonCode };
  }

  @FieldResolver(() => [LeaderTraining], { description: "Trainings attended, newest first." })
  trainings(@Root() leader: ChangeLeader, @Ctx() ctx: Context): Promise<LeaderTraining[]> {
    return ctx.loaders.trainings.load(leader.personId);
  }

  @FieldResolver(() => Boolean, { description: "True once the leader has completed at least one training." })
  async trained(@Root() leader: ChangeLeader, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.loaders.trainings.load(leader.personId)).some((t) => t.completed);
  }
}
