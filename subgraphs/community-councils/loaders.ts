import { In, type DataSource } from "typeorm";
import { geography } from "../kit/geography";
import { groupedLoader, keyedLoader } from "../kit/loaders";
import { today } from "../kit/validate";
import { CouncilMember, roleRankSql, TambonCouncil } from "./council.entity";
import { CodiGrant, CommunityEnterprise } from "./economy.entity";
import { matchingBySource, memberTotals, payoutsByBenefit } from "./fund.figures";
import { WelfareFund } from "./fund.entity";
import { ChangeLeader, LeaderTraining } from "./leader.entity";
import { FundMember } from "./ledger.entity";
import { DistrictCouncils, grantYearTotals, leaderModuleCounts, networkFigures, tambonFigures } from "./tambon.figures";

async function councilMemberCounts(ds: DataSource, councilIds: string[]): Promise<{ councilId: string; current: number }[]> {
  const rows: { council_id: string; current: string }[] = await ds.query(
    `SELECT council_id::text, count(*) FILTER (WHERE $2::date BETWEEN term_start AND term_end) AS current
     FROM council_member WHERE council_id = ANY($1::bigint[]) GROUP BY 1`,
    [councilIds, today()],
  );
  return rows.map((r) => ({ councilId: r.council_id, current: +r.current }));
}

/** The tambon codes of some districts, from the reference data every agency shares. */
const tambonsOf = (districtCodes: string[]): string[] =>
  geography()
    .tambons.filter((t) => districtCodes.includes(t.districtCode))
    .map((t) => t.code);
const districtOf = new Map(geography().tambons.map((t) => [t.code, t.districtCode]));

/** Officers first, then by term. */
const membersOf = (ds: DataSource, column: "council_id" | "person_id", keys: string[]) =>
  ds
    .getRepository(CouncilMember)
    .createQueryBuilder("m")
    .where(`m.${column} IN (:...keys)`, { keys })
    .orderBy(roleRankSql("m.role"))
    .addOrderBy("m.term_start", "DESC")
    .addOrderBy("m.id")
    .getMany();

export function createLoaders(ds: DataSource) {
  return {
    councilByTambon: keyedLoader(
      (codes: string[]) => ds.getRepository(TambonCouncil).findBy({ tambonCode: In(codes) }),
      (c) => c.tambonCode,
    ),
    councilMembers: groupedLoader(
      (ids: string[]) => membersOf(ds, "council_id", ids),
      (m) => m.councilId,
    ),
    councilMemberCounts: keyedLoader(
      (ids: string[]) => councilMemberCounts(ds, ids),
      (r) => r.councilId,
    ),
    seatsOfPerson: groupedLoader(
      (ids: string[]) => membersOf(ds, "person_id", ids),
      (m) => m.personId,
    ),
    councilById: keyedLoader(
      (ids: string[]) => ds.getRepository(TambonCouncil).findBy({ id: In(ids) }),
      (c) => c.id,
    ),

    leader: keyedLoader(
      (ids: string[]) => ds.getRepository(ChangeLeader).findBy({ personId: In(ids) }),
      (l) => l.personId,
    ),
    leadersOfTambon: groupedLoader(
      (codes: string[]) => ds.getRepository(ChangeLeader).find({ where: { tambonCode: In(codes) }, order: { personId: "ASC" } }),
      (l) => l.tambonCode,
    ),
    trainings: groupedLoader(
      (ids: string[]) => ds.getRepository(LeaderTraining).find({ where: { personId: In(ids) }, order: { trainedOn: "DESC", id: "DESC" } }),
      (t) => t.personId,
    ),
    leaderModules: groupedLoader(
      (codes: string[]) => leaderModuleCounts(ds, codes),
      (r) => r.tambonCode,
    ),

    fundByTambon: keyedLoader(
      (codes: string[]) => ds.getRepository(WelfareFund).findBy({ tambonCode: In(codes) }),
      (f) => f.tambonCode,
    ),
    fundById: keyedLoader(
      (ids: string[]) => ds.getRepository(WelfareFund).findBy({ id: In(ids) }),
      (f) => f.id,
    ),
    matchingBySource: groupedLoader(
      (ids: string[]) => matchingBySource(ds, ids),
      (r) => r.fundId,
    ),
    payoutsByBenefit: groupedLoader(
      (ids: string[]) => payoutsByBenefit(ds, ids),
      (r) => r.fundId,
    ),
    membership: keyedLoader(
      (ids: string[]) => ds.getRepository(FundMember).findBy({ personId: In(ids) }),
      (m) => m.personId,
    ),
    membershipsOfHousehold: groupedLoader(
      (codes: string[]) =>
        ds.getRepository(FundMember).find({ where: { houseCode: In(codes) }, order: { joinedOn: "ASC", personId: "ASC" } }),
      (m) => m.houseCode,
    ),
    memberTotals: keyedLoader(
      (ids: string[]) => memberTotals(ds, ids),
      (r) => r.personId,
    ),

    enterprisesOfTambon: groupedLoader(
      (codes: string[]) =>
        ds.getRepository(CommunityEnterprise).find({ where: { tambonCode: In(codes) }, order: { registeredOn: "ASC", id: "ASC" } }),
      (e) => e.tambonCode,
    ),
    grantsOfTambon: groupedLoader(
      (codes: string[]) =>
        ds
          .getRepository(CodiGrant)
          .find({ where: { tambonCode: In(codes) }, order: { fiscalYear: "DESC", approvedOn: "DESC", id: "DESC" } }),
      (g) => g.tambonCode,
    ),
    grantYears: groupedLoader(
      (codes: string[]) => grantYearTotals(ds, codes),
      (r) => r.tambonCode,
    ),

    tambonFigures: keyedLoader(
      (codes: string[]) => tambonFigures(ds, codes),
      (r) => r.tambonCode,
    ),
    /** Each district's tambons' figures added up, one statement for every district asked. */
    districtFigures: keyedLoader(
      async (codes: string[]) => {
        const tambons = await tambonFigures(ds, tambonsOf(codes));
        return codes.map((code) => ({
          code,
          section: networkFigures(
            new DistrictCouncils(),
            tambons.filter((t) => districtOf.get(t.tambonCode) === code),
          ),
        }));
      },
      (r) => r.code,
    ),
  };
}

export type CouncilLoaders = ReturnType<typeof createLoaders>;
