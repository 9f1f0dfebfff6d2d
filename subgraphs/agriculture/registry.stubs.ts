import { Directive, Field, ID, ObjectType } from "type-graphql";

/** `social-development`'s Household: this subgraph adds its farms and crop income. */
@Directive(`@key(fields: "houseCode")`)
@ObjectType()
export class Household {
  @Field(() => ID) houseCode: string;
}

/** `social-development`'s Person, by pseudonymous linkage id: this subgraph adds their farmer record. */
@Directive(`@key(fields: "id")`)
@ObjectType()
export class Person {
  @Field(() => ID) id: string;
}
