import { Ctx, FieldResolver, Int, Resolver, Root, Directive, Field, ID, ObjectType } from "type-graphql";
import type { SubgraphDefinition } from "../kit/subgraph";

// SKELETON, to be replaced by the real subgraph (issue 3).
@Directive(`@key(fields: "code")`)
@ObjectType()
class Tambon {
  @Field(() => ID) code: string;
}

@Resolver(() => Tambon)
class SkeletonResolver {
  @FieldResolver(() => Int, { nullable: true })
  housingSkeleton(@Root() _t: Tambon, @Ctx() _ctx: unknown): number | null {
    return null;
  }
}

export const housing: SubgraphDefinition<Record<string, never>> = {
  name: "housing",
  resolvers: [SkeletonResolver],
  entities: [],
  migrations: [],
  loaders: () => ({}),
  referenceResolvers: { Tambon: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) } },
};
