import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { HouseholdMove } from "../kit/outcomes";

/** Other owners' entities, referenced by key; housing adds its fields to some of them. */

/** `area`'s Village: referenced only, housing adds nothing to it. */
@Directive(`@key(fields: "code", resolvable: false)`)
@ObjectType()
export class Village {
  @Field(() => ID) code: string;
}

/** `area`'s Tambon: housing adds its figures (tambon.resolver.ts). */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class Tambon {
  @Field(() => ID) code: string;
}

/**
 * A household at poverty level 1-2, as social-development lists it for a district. Declared here
 * only to type the `@external` field housing requires; social-development resolves it.
 */
@Directive("@shareable")
@ObjectType({ description: "A household in hardship or difficulty (level 1-2 of its latest assessment)." })
export class HouseholdNeed {
  @Field(() => String) houseCode: string;
  @Field(() => Int, { description: "1 hardship, 2 difficult." }) povertyLevel: number;
}

/** `area`'s District: housing adds its housing candidates (district.resolver.ts). */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class District {
  @Field(() => ID) code: string;

  /** Owned by social-development; the gateway fetches it and hands it to housing (`@requires`). */
  @Directive("@external")
  @Field(() => [HouseholdNeed], { nullable: true })
  householdsInNeed?: HouseholdNeed[] | null;

  /** Owned by social-development; the gateway fetches it and hands it here for Q5 (`@requires`, kit/outcomes.ts). */
  @Directive("@external")
  @Field(() => [HouseholdMove], { nullable: true })
  householdMoves?: HouseholdMove[] | null;
}

/** social-development's Household: housing adds its surveys and cases (household.resolver.ts). */
@Directive(`@key(fields: "houseCode")`)
@ObjectType()
export class Household {
  @Field(() => ID) houseCode: string;
}
