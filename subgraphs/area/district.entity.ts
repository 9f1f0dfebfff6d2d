import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

@Directive(`@key(fields: "code")`)
@ObjectType({ description: "An amphoe (อำเภอ) of Mukdahan." })
@Entity({ name: "district" })
export class District {
  @Field(() => ID, { description: "DOPA geocode, 4 digits (e.g. 4902)." })
  @PrimaryColumn({ type: "char", length: 4 })
  code: string;

  @Field(() => String, { nullable: true, description: "Thai name, e.g. นิคมคำสร้อย." })
  @Column({ type: "text", name: "name_th" })
  nameTh: string;

  @Field(() => String, { nullable: true, description: "English (romanised) name." })
  @Column({ type: "text", name: "name_en" })
  nameEn: string;
}
