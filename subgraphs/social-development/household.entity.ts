import { Authorized, Directive, Field, ID, ObjectType } from "type-graphql";
import { PII } from "./access";
import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * Other agencies reference households by house code, so every other field is nullable (the README's
 * rule 3): a query that starts in housing fetches these from the registry in a step of its own.
 */
@Directive(`@key(fields: "houseCode")`)
@ObjectType({ description: "A household of the social registry (ทะเบียนบ้าน), by its house code." })
@Entity({ name: "household" })
export class Household {
  @Field(() => ID, { description: "รหัสประจำบ้าน: 11 digits, the first 4 the registry office." })
  @PrimaryColumn({ type: "char", length: 11, name: "house_code" })
  houseCode: string;

  @Column({ type: "char", length: 8, name: "village_code" })
  villageCode: string;

  @Column({ type: "char", length: 6, name: "tambon_code", insert: false, update: false })
  tambonCode: string;

  @Authorized(PII)
  @Field(() => String, { nullable: true, description: "House number (บ้านเลขที่) in its village: part of the exact address." })
  @Column({ type: "text", name: "house_number", nullable: true })
  houseNumber: string | null;

  @Field(() => Boolean, { nullable: true, description: "True for demo data: invented, describes nobody." })
  @Column({ type: "boolean", default: false })
  synthetic: boolean;
}
