import { Directive, Field, ID, ObjectType } from "type-graphql";

/** `area`'s Village, referenced by key only. */
@Directive(`@key(fields: "code", resolvable: false)`)
@ObjectType()
export class Village {
  @Field(() => ID) code: string;
}

/** `area`'s Tambon: this subgraph adds the registry's figures for it (tambon.resolver.ts). */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class Tambon {
  @Field(() => ID) code: string;
}

/** `area`'s Province (code 49): the registry adds its province-wide figures (transitions.resolver.ts). */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class Province {
  @Field(() => String) code: string;
}
