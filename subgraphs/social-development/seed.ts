import type { DataSource } from "typeorm";
import { seedTracker } from "../kit/seed-progress";
import { withSummariesDeferred } from "../kit/summary";
import { KEPT_FIGURES } from "./summaries";
import { bulkInsert } from "../kit/bulk";
import { demoHouseholds, type DemoHousehold } from "../kit/demo/population";
import { isoDaysBefore, Rng } from "../kit/demo/random";
import type { SeedOptions } from "../kit/subgraph";
import { Household } from "./household.entity";
import { seedCasework } from "./seed.casework";

const BATCH = 5000;
type Row = Record<string, unknown>;

/** A capital score 1-4 around the household's wellbeing. */
const score = (rng: Rng, wellbeing: number): number => Math.min(4, Math.max(1, Math.round(0.5 + rng.around(wellbeing, 0.15) * 4)));

/**
 * The demo's assessment rounds (rounds.ts): the province re-surveys every two years. Most
 * households are assessed in both; some only in the first (not found again), some only in the
 * second (registered since). Between rounds a household's wellbeing drifts a little, mostly up,
 * so the transition matrix shows believable movement both ways.
 */
export const DEMO_ROUNDS = [
  { year_be: 2566, starts_on: "2023-01-01", ends_on: "2023-12-31" },
  { year_be: 2568, starts_on: "2025-01-01", ends_on: "2025-12-31" },
];

function assessmentsOf(household: DemoHousehold, rng: Rng): Row[] {
  const first = rng.chance(0.93);
  const second = !first || rng.chance(0.86);
  const drift = rng.around(0.5, 0.12) - 0.47; // -0.09 … +0.15, about +0.03 on average (around() clamps to 0-1)
  const rounds: { on: string; w: number }[] = [];
  if (first) rounds.push({ on: isoDaysBefore("2023-11-30", rng.int(0, 300)), w: household.wellbeing });
  if (second) rounds.push({ on: isoDaysBefore("2025-10-31", rng.int(0, 280)), w: Math.min(1, household.wellbeing + drift) });
  return rounds.map(({ on, w }) => ({
    house_code: household.houseCode,
    assessed_on: on,
    human_capital: score(rng, w),
    physical_capital: score(rng, w),
    financial_capital: score(rng, w - 0.05),
    natural_capital: score(rng, w),
    social_capital: score(rng, w + 0.05),
    tpmap_health: rng.chance(0.25 - w * 0.2),
    tpmap_living: rng.chance(0.35 - w * 0.3),
    tpmap_education: rng.chance(0.3 - w * 0.25),
    tpmap_income: rng.chance(0.5 - w * 0.45),
    tpmap_access: rng.chance(0.15 - w * 0.12),
  }));
}

/** Synthetic registry: the shared demo population, with assessments derived from its wellbeing. */
export async function seedRegistry(ds: DataSource, options: SeedOptions): Promise<void> {
  const rng = new Rng(options.seed + 2);
  await ds.transaction((m) =>
    withSummariesDeferred(m, KEPT_FIGURES, async () => {
      const track = seedTracker(m, options.progress);
      let households: Row[] = [];
      let people: Row[] = [];
      let assessments: Row[] = [];
      const flush = async () => {
        await bulkInsert(m, "household", households);
        await bulkInsert(m, "person", people);
        await bulkInsert(m, "assessment", assessments);
        [households, people, assessments] = [[], [], []];
        await track.written();
      };
      for (const h of track.households(demoHouseholds(options.seed, options.households))) {
        households.push({ house_code: h.houseCode, village_code: h.villageCode, house_number: h.houseNumber, synthetic: true });
        for (const p of h.members) {
          people.push({
            id: p.linkageId,
            citizen_id: p.citizenId,
            house_code: h.houseCode,
            first_name: p.firstName,
            last_name: p.lastName,
            sex: p.sex,
            birth_date: p.birthDate,
            relation: p.relation,
            disabled: p.disabled,
            bedridden: p.bedridden,
            single_parent: p.singleParent,
            welfare_card: p.welfareCard,
          });
        }
        assessments.push(...assessmentsOf(h, rng));
        if (households.length >= BATCH) await flush();
      }
      await flush();
      await bulkInsert(m, "assessment_round", DEMO_ROUNDS);
      await seedCasework(m, options);
    }),
  );
}

export const isRegistryEmpty = async (ds: DataSource): Promise<boolean> => (await ds.getRepository(Household).count()) === 0;
