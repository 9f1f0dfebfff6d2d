import { Directive, Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

@ObjectType({ description: "A point in WGS84 degrees." })
export class GeoPoint {
  @Field(() => Float) lat: number;
  @Field(() => Float) lng: number;
  @Field(() => Boolean, { description: "True for a rough centroid (not from the official source)." })
  approximate: boolean;
}

@Directive(`@key(fields: "code")`)
@ObjectType({ description: "A tambon (ตำบล, subdistrict): the unit every agency reports its figures by." })
@Entity({ name: "tambon" })
export class Tambon {
  @Field(() => ID, { description: "DOPA geocode, 6 digits (e.g. 490201)." })
  @PrimaryColumn({ type: "char", length: 6 })
  code: string;

  @Column({ type: "char", length: 4, name: "district_code" })
  districtCode: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", name: "name_th" })
  nameTh: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", name: "name_en" })
  nameEn: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "char", length: 5 })
  postcode: string;

  @Column({ type: "double precision", nullable: true })
  lat: number | null;

  @Column({ type: "double precision", nullable: true })
  lng: number | null;

  @Column({ type: "boolean", default: false, name: "point_approximate" })
  pointApproximate: boolean;

  @Field(() => GeoPoint, { nullable: true, description: "Where the tambon is; null when unknown." })
  get point(): GeoPoint | null {
    if (this.lat === null || this.lng === null) return null;
    return { lat: this.lat, lng: this.lng, approximate: this.pointApproximate };
  }
}
