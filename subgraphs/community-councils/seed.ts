import type { DataSource } from "typeorm";
import { withSummariesDeferred } from "../kit/summary";
import { KEPT_FIGURES } from "./summaries";
import { seedTracker } from "../kit/seed-progress";
import { demoHouseholds } from "../kit/demo/population";
import { Rng } from "../kit/demo/random";
import { geography } from "../kit/geography";
import type { SeedOptions } from "../kit/subgraph";
import { CouncilMember, TambonCouncil } from "./council.entity";
import { CodiGrant, CommunityEnterprise } from "./economy.entity";
import { ContributionPeriod, WelfareFund } from "./fund.entity";
import { ChangeLeader, LeaderTraining } from "./leader.entity";
import { FundMember, FundPayout } from "./ledger.entity";
import { ageAt, dayBetween, fillLedger, payoutsOf } from "./seed.fund";
import { changeLeaders, councilSeats, enterprises, grants, insertInBatches, shuffled, type Candidate } from "./seed.network";

/** This agency's own stream of the shared demo seed. */
const SALT = 49_005;
/** Adults kept per tambon (a reservoir sample) to fill council seats and change-leader places. */
const POOL = 60;

const RULES = [
  { contributionPeriod: ContributionPeriod.DAY, contributionAmount: "1.00", contributionRule: "วันละ 1 บาท (365 บาทต่อปี)" },
  { contributionPeriod: ContributionPeriod.MONTH, contributionAmount: "30.00", contributionRule: "เดือนละ 30 บาท (360 บาทต่อปี)" },
  { contributionPeriod: ContributionPeriod.YEAR, contributionAmount: "365.00", contributionRule: "ปีละ 365 บาท" },
];

/**
 * Synthetic council network over the shared demo population: councils in 48 of the 53 tambons,
 * trained change leaders in 44 of those (as in the 2021 MOU), welfare funds in 45, whose members
 * are the population's own people (same linkage ids and house codes), with a year of ledger.
 */
export async function seedCouncils(ds: DataSource, options: SeedOptions): Promise<void> {
  const rng = new Rng(options.seed + SALT);
  const tambons = geography().tambons;
  const councilCodes = shuffled(
    rng,
    tambons.map((t) => t.code),
  )
    .slice(0, 48)
    .sort();
  const leaderCodes = new Set(shuffled(rng, councilCodes).slice(0, 44));
  const fundCodes = new Set(shuffled(rng, councilCodes).slice(0, 45));
  const nameOf = new Map(tambons.map((t) => [t.code, t.nameTh]));

  await ds.transaction((m) =>
    withSummariesDeferred(m, KEPT_FIGURES, async () => {
      const track = seedTracker(m, options.progress);
      await m.insert(
        TambonCouncil,
        councilCodes.map((code) => ({
          tambonCode: code,
          name: `สภาองค์กรชุมชนตำบล${nameOf.get(code)}`,
          notifiedOn: dayBetween(rng, "2008-06-01", "2016-12-31"),
          synthetic: true,
        })),
      );
      await m.insert(
        WelfareFund,
        [...fundCodes].sort().map((code) => ({
          tambonCode: code,
          name: `กองทุนสวัสดิการชุมชนตำบล${nameOf.get(code)}`,
          foundedOn: dayBetween(rng, "2008-01-01", "2019-12-31"),
          ...RULES[rng.chance(0.8) ? 0 : rng.chance(0.75) ? 1 : 2],
          synthetic: true,
        })),
      );
      const councils = await m.find(TambonCouncil, { order: { tambonCode: "ASC" } });
      const funds = new Map((await m.find(WelfareFund)).map((f) => [f.tambonCode, f]));

      const pools = new Map<string, { seen: number; sample: Candidate[] }>();
      let members: Partial<FundMember>[] = [];
      const payouts: Partial<FundPayout>[] = [];
      for (const household of track.households(demoHouseholds(options.seed, options.households))) {
        const tambonCode = household.villageCode.slice(0, 6);
        const pool = pools.get(tambonCode) ?? pools.set(tambonCode, { seen: 0, sample: [] }).get(tambonCode)!;
        const fund = funds.get(tambonCode);
        for (const person of household.members) {
          const age = ageAt(person.birthDate);
          if (age >= 25 && age <= 70) {
            const slot = pool.seen++ < POOL ? pool.sample.length : rng.int(0, pool.seen - 1);
            if (slot < POOL) pool.sample[slot] = { person, houseCode: household.houseCode };
          }
          if (!fund || person.birthDate > "2025-06-30" || !rng.chance(0.14 + 0.08 * household.wellbeing)) continue;
          const personId = person.linkageId;
          const joinedOn = dayBetween(rng, [fund.foundedOn, person.birthDate].sort()[1], "2025-10-31");
          members.push({ personId, fundId: fund.id, houseCode: household.houseCode, joinedOn });
          payouts.push(...payoutsOf(rng, person, household, fund.id, personId, joinedOn));
          if (members.length >= 1000) {
            await m.insert(FundMember, members);
            members = [];
            await track.written();
          }
        }
      }
      await insertInBatches(m, FundMember, members);
      await insertInBatches(m, FundPayout, payouts);

      const seats: Partial<CouncilMember>[] = [];
      const leaders: Partial<ChangeLeader>[] = [];
      const trainings: Partial<LeaderTraining>[] = [];
      const grantRows: Partial<CodiGrant>[] = [];
      for (const council of councils) {
        const pool = pools.get(council.tambonCode)?.sample ?? [];
        seats.push(...councilSeats(rng, council, pool));
        if (leaderCodes.has(council.tambonCode)) {
          const picked = changeLeaders(rng, council.tambonCode, pool);
          leaders.push(...picked.leaders);
          trainings.push(...picked.trainings);
        }
        grantRows.push(...grants(rng, council.tambonCode, leaderCodes.has(council.tambonCode), funds.has(council.tambonCode)));
      }
      await insertInBatches(m, CouncilMember, seats);
      await insertInBatches(m, ChangeLeader, leaders);
      await insertInBatches(m, LeaderTraining, trainings);
      await insertInBatches(m, CodiGrant, grantRows);
      await insertInBatches(m, CommunityEnterprise, enterprises(rng));
      await fillLedger(m);
    }),
  );
  // Fresh planner statistics: before autovacuum gets round to it, per-member sums were planned 25x slower.
  await ds.query("ANALYZE");
}

export const isCouncilsEmpty = async (ds: DataSource): Promise<boolean> => (await ds.getRepository(TambonCouncil).count()) === 0;
