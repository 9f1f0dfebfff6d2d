import { Authorized, Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { maskCitizenId } from "../kit/citizen-id";
import { ageOn } from "../kit/calendar";
import { today } from "../kit/clock";
import { PII, READ, SENSITIVE } from "./access";

export enum Sex {
  MALE = "MALE",
  FEMALE = "FEMALE",
}
registerEnumType(Sex, { name: "Sex" });

export enum Relation {
  HEAD = "HEAD",
  SPOUSE = "SPOUSE",
  CHILD = "CHILD",
  PARENT = "PARENT",
  GRANDCHILD = "GRANDCHILD",
  SIBLING = "SIBLING",
  RELATIVE = "RELATIVE",
  OTHER = "OTHER",
}
registerEnumType(Relation, { name: "RelationToHead", description: "A member's relation to the head of the household." });

@ObjectType({ description: "Why a person may need help (age-based flags as of today). Health flags are sensitive data." })
export class Vulnerability {
  /** The person the flags belong to (for the audit trail). */
  id: string;
  @Field(() => Boolean, { description: "60 or older." }) elderly: boolean;
  @Field(() => Boolean, { description: "Under 7 (0-6 years)." }) childUnder7: boolean;
  @Authorized(SENSITIVE) @Field(() => Boolean, { nullable: true }) disabled: boolean;
  @Authorized(SENSITIVE) @Field(() => Boolean, { nullable: true }) bedridden: boolean;
  @Field(() => Boolean) singleParent: boolean;
  @Field(() => Boolean, { description: "Holds a state welfare card (บัตรสวัสดิการแห่งรัฐ)." }) welfareCardHolder: boolean;
}

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A member of a household. The raw citizen ID never leaves this subgraph." })
@Entity({ name: "person" })
export class Person {
  @Field(() => ID, {
    description:
      "Pseudonymous linkage id: HMAC of the citizen ID under a secret only the registry holds (other agencies get it from linkPerson).",
  })
  @PrimaryColumn({ type: "char", length: 32 })
  id: string;

  @Column({ type: "char", length: 13, name: "citizen_id" })
  citizenId: string;

  @Column({ type: "char", length: 11, name: "house_code" })
  houseCode: string;

  @Authorized(PII) @Field(() => String, { nullable: true }) @Column({ type: "text", name: "first_name" }) firstName: string;
  @Authorized(PII) @Field(() => String, { nullable: true }) @Column({ type: "text", name: "last_name" }) lastName: string;
  @Authorized(READ) @Field(() => Sex, { nullable: true }) @Column({ type: "text" }) sex: Sex;
  @Authorized(PII)
  @Field(() => String, { nullable: true, description: "ISO date (Gregorian)." })
  @Column({ type: "date", name: "birth_date" })
  birthDate: string;
  @Authorized(READ) @Field(() => Relation, { nullable: true, name: "relationToHead" }) @Column({ type: "text" }) relation: Relation;
  @Column({ type: "boolean" }) disabled: boolean;
  @Column({ type: "boolean" }) bedridden: boolean;
  @Column({ type: "boolean", name: "single_parent" }) singleParent: boolean;
  @Column({ type: "boolean", name: "welfare_card" }) welfareCard: boolean;

  @Authorized(PII)
  @Field(() => String, { nullable: true, description: "The citizen ID with all but its last three digits hidden." })
  get maskedCitizenId(): string {
    return maskCitizenId(this.citizenId);
  }

  @Authorized(READ)
  @Field(() => Int, { nullable: true, description: "Age in whole years today." })
  get age(): number {
    return ageOn(this.birthDate, today());
  }

  @Authorized(READ)
  @Field(() => Vulnerability, { nullable: true })
  get vulnerability(): Vulnerability {
    const age = this.age;
    return {
      id: this.id,
      elderly: age >= 60,
      childUnder7: age < 7,
      disabled: this.disabled,
      bedridden: this.bedridden,
      singleParent: this.singleParent,
      welfareCardHolder: this.welfareCard,
    };
  }
}
