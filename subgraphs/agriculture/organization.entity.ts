import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Farmer } from "./farmer.entity";

export enum OrganizationType {
  COMMUNITY_ENTERPRISE = "COMMUNITY_ENTERPRISE",
  COOPERATIVE = "COOPERATIVE",
  FARMER_GROUP = "FARMER_GROUP",
  YOUNG_FARMER_GROUP = "YOUNG_FARMER_GROUP",
}
registerEnumType(OrganizationType, { name: "FarmerOrganizationType" });

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  COMMUNITY_ENTERPRISE: "วิสาหกิจชุมชน (community enterprise)",
  COOPERATIVE: "สหกรณ์การเกษตร (agricultural cooperative)",
  FARMER_GROUP: "กลุ่มเกษตรกร (farmer group)",
  YOUNG_FARMER_GROUP: "กลุ่มยุวเกษตรกร / Young Smart Farmer (young farmer group)",
};

@ObjectType({ description: "A registered farmer organization and its member farmers." })
@Entity({ name: "farmer_organization" })
export class FarmerOrganization {
  @Field(() => ID, { description: "Its registration number with the registering office." })
  @PrimaryColumn({ type: "text", name: "registration_no" })
  registrationNumber: string;
  @Field(() => String) @Column({ type: "text", name: "name_th" }) nameTh: string;
  @Field(() => OrganizationType) @Column({ type: "text", name: "org_type" }) type: OrganizationType;
  @Column({ type: "char", length: 8, name: "village_code" }) villageCode: string;
  @Column({ type: "char", length: 6, name: "tambon_code", insert: false, update: false }) tambonCode: string;
  @Field(() => String) @Column({ type: "date", name: "registered_on" }) registeredOn: string;

  @Field(() => String) get typeLabel(): string {
    return ORGANIZATION_TYPE_LABELS[this.type];
  }
}

/** Membership; joined to the organization or the farmer so a batch costs one statement. */
@Entity({ name: "farmer_organization_member" })
export class OrganizationMember {
  @PrimaryColumn({ type: "text", name: "registration_no" }) registrationNumber: string;
  @PrimaryColumn({ type: "char", length: 12, name: "farm_book_no" }) farmBookNumber: string;
  @Column({ type: "date", name: "joined_on" }) joinedOn: string;
  @ManyToOne(() => FarmerOrganization) @JoinColumn({ name: "registration_no" }) organization: FarmerOrganization;
  @ManyToOne(() => Farmer) @JoinColumn({ name: "farm_book_no" }) farmer: Farmer;
}
