import { Directive, Field, ID, ObjectType } from "type-graphql";
import { HouseholdMove } from "../kit/outcomes";

/** Other owners' entities, by key only; this subgraph adds the council network's fields to each. */

/** `area`'s Tambon. */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class Tambon {
  @Field(() => ID) code: string;
}

/** `area`'s District. */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class District {
  @Field(() => ID) code: string;

  /** Owned by social-development; the gateway fetches it and hands it here for Q5 (`@requires`, kit/outcomes.ts). */
  @Directive("@external")
  @Field(() => [HouseholdMove], { nullable: true })
  householdMoves?: HouseholdMove[] | null;
}

/** `area`'s Province (code 49). */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class Province {
  @Field(() => String) code: string;
}

/** `social-development`'s Household. */
@Directive(`@key(fields: "houseCode")`)
@ObjectType()
export class Household {
  @Field(() => ID) houseCode: string;
}

/** `social-development`'s Person, by pseudonymous linkage id. */
@Directive(`@key(fields: "id")`)
@ObjectType()
export class Person {
  @Field(() => ID) id: string;
}
