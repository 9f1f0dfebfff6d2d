import { Field, Int, ObjectType } from "type-graphql";
import { CountField } from "../kit/authorization";
import { PlaceSection } from "../kit/sections";
import { OWNER } from "./access";
import type { DataSource } from "typeorm";
import { LeaderTrainingModule, MODULE_LABELS } from "./leader.entity";
import { toBE } from "../kit/calendar";

/** Aggregates per tambon (and district, province), computed in SQL: one statement for any number of places. */

@ObjectType({
  description: "The council network's part of a tambon: its council, change leaders, welfare fund, enterprises and CODI grants.",
})
export class TambonCouncils extends PlaceSection {}

export interface TambonFigures {
  tambonCode: string;
  hasCouncil: boolean;
  hasFund: boolean;
  changeLeaders: number;
  trainedChangeLeaders: number;
  fundMembers: number;
  fundBalance: string | null;
  grantsTotal: string;
  enterprises: number;
}

@ObjectType({ description: "How many of a tambon's change leaders took one training module." })
export class LeaderModuleCount {
  tambonCode: string;
  @Field(() => LeaderTrainingModule) module: LeaderTrainingModule;
  @Field(() => String) moduleLabel: string;
  @CountField(OWNER, "Leaders who completed it.") leadersCompleted: number;
  @CountField(OWNER, "Trainings attended, completed or not.") trainings: number;
}

@ObjectType({ description: "CODI grants of one fiscal year." })
export class CodiGrantYearTotal {
  tambonCode: string;
  @Field(() => Int, { description: "By the CE year it ends in." }) fiscalYear: number;
  @Field(() => Int, { description: "ปีงบประมาณ (BE)." }) fiscalYearBE: number;
  @Field(() => Int) grants: number;
  @Field(() => String, { description: "Baht." }) total: string;
}

/** One row per code in $1, whether or not the tambon has any record here. */
const PER_TAMBON_SQL = `SELECT t.code AS tambon_code,
    EXISTS (SELECT 1 FROM council c WHERE c.tambon_code = t.code) AS has_council,
    EXISTS (SELECT 1 FROM welfare_fund f WHERE f.tambon_code = t.code) AS has_fund,
    (SELECT count(*) FROM change_leader l WHERE l.tambon_code = t.code) AS change_leaders,
    (SELECT count(*) FROM change_leader l WHERE l.tambon_code = t.code
       AND EXISTS (SELECT 1 FROM leader_training x WHERE x.person_id = l.person_id AND x.completed)) AS trained,
    (SELECT count(*) FROM fund_member m JOIN welfare_fund f ON f.id = m.fund_id WHERE f.tambon_code = t.code) AS fund_members,
    (SELECT f.balance FROM welfare_fund f WHERE f.tambon_code = t.code) AS fund_balance,
    (SELECT coalesce(sum(g.amount), 0) FROM codi_grant g WHERE g.tambon_code = t.code) AS grants_total,
    (SELECT count(*) FROM community_enterprise e WHERE e.tambon_code = t.code) AS enterprises
  FROM unnest($1::char(6)[]) AS t(code)`;

export async function tambonFigures(ds: DataSource, tambonCodes: string[]): Promise<TambonFigures[]> {
  const rows: Record<string, string | boolean | null>[] = await ds.query(
    `SELECT tambon_code, has_council, has_fund, change_leaders, trained, fund_members,
       fund_balance::numeric(14,2)::text AS fund_balance, grants_total::numeric(14,2)::text AS grants_total, enterprises
     FROM (${PER_TAMBON_SQL}) f`,
    [tambonCodes],
  );
  return rows.map((r) => ({
    tambonCode: r.tambon_code as string,
    hasCouncil: r.has_council as boolean,
    hasFund: r.has_fund as boolean,
    changeLeaders: Number(r.change_leaders),
    trainedChangeLeaders: Number(r.trained),
    fundMembers: Number(r.fund_members),
    fundBalance: r.fund_balance as string | null,
    grantsTotal: r.grants_total as string,
    enterprises: Number(r.enterprises),
  }));
}

/** The figures both sections below carry (type-graphql emits only the two subclasses). */
@ObjectType({ description: "The council network's figures summed over a district or the province." })
export class CouncilNetworkFigures {
  key: string;
  @Field(() => Int, { description: "Tambons counted." }) tambons: number;
  @Field(() => Int, { description: "Tambons with a council." }) councils: number;
  @Field(() => Int, { description: "Tambons with at least one trained change leader." }) tambonsWithTrainedLeaders: number;
  @CountField(OWNER, "Change leaders with at least one completed training.") trainedChangeLeaders: number;
  @Field(() => Int) welfareFunds: number;
  @CountField(OWNER) welfareFundMembers: number;
  @Field(() => String, { description: "The funds' balances summed, in baht." }) welfareFundBalance: string;
  @Field(() => String, { description: "CODI grants summed, in baht." }) codiGrantsTotal: string;
  @Field(() => Int) communityEnterprises: number;
}

@ObjectType({ description: "The council network's figures summed over a district's tambons." })
export class DistrictCouncils extends CouncilNetworkFigures {}

@ObjectType({ description: "The council network's figures summed over the province's 53 tambons." })
export class ProvinceCouncils extends CouncilNetworkFigures {}

/** The per-tambon figures summed by district, or over all the codes given (the province, key "49"). */
export async function networkFigures(ds: DataSource, tambonCodes: string[], byDistrict: boolean): Promise<CouncilNetworkFigures[]> {
  const key = byDistrict ? "left(tambon_code, 4)" : "'49'";
  const rows: Record<string, string>[] = await ds.query(
    `SELECT ${key} AS key, count(*) AS tambons, count(*) FILTER (WHERE has_council) AS councils,
       count(*) FILTER (WHERE trained > 0) AS with_trained, coalesce(sum(trained), 0) AS trained,
       count(*) FILTER (WHERE has_fund) AS funds, coalesce(sum(fund_members), 0) AS fund_members,
       coalesce(sum(fund_balance), 0)::numeric(14,2)::text AS balance, coalesce(sum(grants_total), 0)::numeric(14,2)::text AS grants,
       coalesce(sum(enterprises), 0) AS enterprises
     FROM (${PER_TAMBON_SQL}) f GROUP BY 1`,
    [tambonCodes],
  );
  return rows.map((r) => ({
    key: r.key,
    tambons: +r.tambons,
    councils: +r.councils,
    tambonsWithTrainedLeaders: +r.with_trained,
    trainedChangeLeaders: +r.trained,
    welfareFunds: +r.funds,
    welfareFundMembers: +r.fund_members,
    welfareFundBalance: r.balance,
    codiGrantsTotal: r.grants,
    communityEnterprises: +r.enterprises,
  }));
}

export async function leaderModuleCounts(ds: DataSource, tambonCodes: string[]): Promise<LeaderModuleCount[]> {
  const rows: Record<string, string>[] = await ds.query(
    `SELECT l.tambon_code, x.module, count(DISTINCT l.person_id) FILTER (WHERE x.completed) AS leaders, count(*) AS trainings
     FROM change_leader l JOIN leader_training x ON x.person_id = l.person_id
     WHERE l.tambon_code = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2`,
    [tambonCodes],
  );
  return rows.map((r) => ({
    tambonCode: r.tambon_code,
    module: r.module as LeaderTrainingModule,
    moduleLabel: MODULE_LABELS[r.module as LeaderTrainingModule],
    leadersCompleted: +r.leaders,
    trainings: +r.trainings,
  }));
}

export async function grantYearTotals(ds: DataSource, tambonCodes: string[]): Promise<CodiGrantYearTotal[]> {
  const rows: Record<string, string>[] = await ds.query(
    `SELECT tambon_code, fiscal_year, count(*) AS grants, sum(amount)::text AS total
     FROM codi_grant WHERE tambon_code = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2 DESC`,
    [tambonCodes],
  );
  return rows.map((r) => ({
    tambonCode: r.tambon_code,
    fiscalYear: +r.fiscal_year,
    fiscalYearBE: toBE(+r.fiscal_year),
    grants: +r.grants,
    total: r.total,
  }));
}
