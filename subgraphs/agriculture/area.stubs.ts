import { Directive, Field, ID, ObjectType } from "type-graphql";
import { HouseholdMove } from "../kit/outcomes";

/** `area`'s Village, referenced by key only. */
@Directive(`@key(fields: "code", resolvable: false)`)
@ObjectType()
export class Village {
  @Field(() => ID) code: string;
}

/** `area`'s Tambon: this subgraph adds the farmers council's figures for it (tambon.resolver.ts). */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class Tambon {
  @Field(() => ID) code: string;
}

/** `area`'s District: the farmers council adds its outcomes (Q5, outcomes.ts). */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class District {
  @Field(() => ID) code: string;

  /** Owned by social-development; the gateway fetches it and hands it here for Q5 (`@requires`, kit/outcomes.ts). */
  @Directive("@external")
  @Field(() => [HouseholdMove], { nullable: true })
  householdMoves?: HouseholdMove[] | null;
}
