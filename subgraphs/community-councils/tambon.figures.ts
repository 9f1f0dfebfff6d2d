import { Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { toBE } from "../kit/calendar";
import { type Count, CountTotal, type Measure, MeasureTotal } from "../kit/disclosure";
import { CountField, MeasureField } from "../kit/disclosure-fields";
import { breakdowns } from "../kit/figures";
import { toBahtString, toSatang } from "../kit/money";
import { PlaceSection } from "../kit/sections";
import { OWNER } from "./access";
import { fundBalance } from "./fund.figures";
import { LeaderTrainingModule, MODULE_LABELS } from "./leader.entity";

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
  /** Null without a fund; its contributors decide what the public sees (fund.figures.ts, fundBalance). */
  fundBalance: Measure<bigint> | null;
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

/** One row per code in $1, whether or not the tambon has any record here (contributors and payees: summaries.ts). */
const PER_TAMBON_SQL = `SELECT t.code AS tambon_code,
    EXISTS (SELECT 1 FROM council c WHERE c.tambon_code = t.code) AS has_council,
    EXISTS (SELECT 1 FROM welfare_fund f WHERE f.tambon_code = t.code) AS has_fund,
    (SELECT count(*) FROM change_leader l WHERE l.tambon_code = t.code) AS change_leaders,
    (SELECT count(*) FROM change_leader l WHERE l.tambon_code = t.code
       AND EXISTS (SELECT 1 FROM leader_training x WHERE x.person_id = l.person_id AND x.completed)) AS trained,
    (SELECT count(*) FROM fund_member m JOIN welfare_fund f ON f.id = m.fund_id WHERE f.tambon_code = t.code) AS fund_members,
    (SELECT f.balance FROM welfare_fund f WHERE f.tambon_code = t.code) AS fund_balance,
    (SELECT count(*) FROM fund_contributor x JOIN welfare_fund f ON f.id = x.fund_id WHERE f.tambon_code = t.code AND x.transactions > 0) AS contributors,
    (SELECT count(*) FROM fund_payee x JOIN welfare_fund f ON f.id = x.fund_id WHERE f.tambon_code = t.code AND x.transactions > 0) AS paid,
    (SELECT coalesce(sum(g.amount), 0) FROM codi_grant g WHERE g.tambon_code = t.code) AS grants_total,
    (SELECT count(*) FROM community_enterprise e WHERE e.tambon_code = t.code) AS enterprises
  FROM unnest($1::char(6)[]) AS t(code)`;

export async function tambonFigures(ds: DataSource, tambonCodes: string[]): Promise<TambonFigures[]> {
  const rows: Record<string, string | boolean | null>[] = await ds.query(
    `SELECT tambon_code, has_council, has_fund, change_leaders, trained, fund_members, contributors, paid,
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
    fundBalance:
      r.fund_balance === null
        ? null
        : fundBalance(toSatang(r.fund_balance as string), { members: +r.fund_members!, contributors: +r.contributors!, paid: +r.paid! }),
    grantsTotal: r.grants_total as string,
    enterprises: Number(r.enterprises),
  }));
}

/**
 * The figures both sections below carry (type-graphql emits only the two subclasses): the tambons'
 * figures added up. Counts of people and money are totals of the tambons' own (public: of their
 * published values, kit/disclosure.ts); counts of places and bodies and CODI's grants to councils
 * are public records, shown exact.
 */
@ObjectType({ description: "The council network's figures summed over a district or the province." })
export class CouncilNetworkFigures {
  @Field(() => Int, { description: "Tambons counted." }) tambons: number;
  @Field(() => Int, { description: "Tambons with a council." }) councils: number;
  @Field(() => Int, { description: "Tambons with at least one trained change leader." }) tambonsWithTrainedLeaders: number;
  @CountField(OWNER, "Change leaders with at least one completed training: the tambons' figures added up.", "total")
  trainedChangeLeaders: Count;
  @Field(() => Int) welfareFunds: number;
  @CountField(OWNER, "Members of the tambons' welfare funds: their figures added up.", "total")
  welfareFundMembers: Count;
  @MeasureField(OWNER, () => String, toBahtString, "The tambons' welfare fund balances added up, in baht.", "total")
  welfareFundBalance: MeasureTotal;
  @Field(() => String, { description: "CODI grants summed, in baht." }) codiGrantsTotal: string;
  @Field(() => Int) communityEnterprises: number;
}

@ObjectType({ description: "The council network's figures summed over a district's tambons." })
export class DistrictCouncils extends CouncilNetworkFigures {}

@ObjectType({ description: "The council network's figures summed over the province's 53 tambons." })
export class ProvinceCouncils extends CouncilNetworkFigures {}

/** Adds up tambons' figures (a district's, or the province's) into `section`. */
export function networkFigures<S extends CouncilNetworkFigures>(section: S, tambons: TambonFigures[]): S {
  return Object.assign(section, {
    tambons: tambons.length,
    councils: tambons.filter((t) => t.hasCouncil).length,
    tambonsWithTrainedLeaders: tambons.filter((t) => t.trainedChangeLeaders > 0).length,
    trainedChangeLeaders: new CountTotal(tambons.map((t) => t.trainedChangeLeaders)),
    welfareFunds: tambons.filter((t) => t.hasFund).length,
    welfareFundMembers: new CountTotal(tambons.map((t) => t.fundMembers)),
    welfareFundBalance: new MeasureTotal(tambons.flatMap((t) => (t.fundBalance ? [t.fundBalance] : []))),
    codiGrantsTotal: toBahtString(tambons.reduce((sum, t) => sum + toSatang(t.grantsTotal), 0n)),
    communityEnterprises: tambons.reduce((sum, t) => sum + t.enterprises, 0),
  });
}

/** Every module of every tambon asked, in the order of the enum, zeros included. */
export async function leaderModuleCounts(ds: DataSource, tambonCodes: string[]): Promise<LeaderModuleCount[]> {
  const rows: Record<string, string>[] = await ds.query(
    `SELECT l.tambon_code, x.module, count(DISTINCT l.person_id) FILTER (WHERE x.completed) AS leaders, count(*) AS trainings
     FROM change_leader l JOIN leader_training x ON x.person_id = l.person_id
     WHERE l.tambon_code = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2`,
    [tambonCodes],
  );
  return breakdowns(
    tambonCodes,
    Object.values(LeaderTrainingModule),
    rows,
    { key: "tambon_code", category: "module" },
    (tambonCode, module, r) => ({
      tambonCode,
      module,
      moduleLabel: MODULE_LABELS[module],
      leadersCompleted: Number(r?.leaders ?? 0),
      trainings: Number(r?.trainings ?? 0),
    }),
  );
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
