import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

@Directive(`@key(fields: "code")`)
@ObjectType({ description: "A village (หมู่บ้าน, moo) of a tambon." })
@Entity({ name: "village" })
export class Village {
  @Field(() => ID, { description: "8 digits: the tambon code and the moo number." })
  @PrimaryColumn({ type: "char", length: 8 })
  code: string;

  @Column({ type: "char", length: 6, name: "tambon_code" })
  tambonCode: string;

  @Field(() => Int, { nullable: true, description: "The village number (หมู่ที่) within its tambon." })
  @Column({ type: "smallint" })
  moo: number;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", name: "name_th" })
  nameTh: string;

  @Field(() => Boolean, { nullable: true, description: "True for a village generated for the demo, not official." })
  @Column({ type: "boolean", default: false })
  synthetic: boolean;
}
