import type { DataSource } from "typeorm";
import { seedTracker } from "../kit/seed-progress";
import { withSummariesDeferred } from "../kit/summary";
import { KEPT_FIGURES } from "./summaries";
import { bulkInsert } from "../kit/bulk";
import { demoHouseholds, DEMO_REFERENCE_DATE, type DemoHousehold } from "../kit/demo/population";
import { isoDaysBefore, Rng } from "../kit/demo/random";
import type { SeedOptions } from "../kit/subgraph";
import { Household } from "./household.entity";

const BATCH = 5000;
type Row = Record<string, unknown>;

/** A capital score 1-4 around the household's wellbeing. */
const score = (rng: Rng, wellbeing: number): number => Math.min(4, Math.max(1, Math.round(0.5 + rng.around(wellbeing, 0.15) * 4)));

function assessmentsOf(household: DemoHousehold, rng: Rng): Row[] {
  // Most households were assessed once in 2023; about half again in 2025, a little better off.
  const rounds = rng.chance(0.5) ? [0, 0.06] : [0];
  return rounds.map((gain, i) => {
    const w = Math.min(1, household.wellbeing + gain);
    return {
      house_code: household.houseCode,
      assessed_on: isoDaysBefore(DEMO_REFERENCE_DATE, (i === 0 ? 1000 : 300) + rng.int(0, 120)),
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
    };
  });
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
    }),
  );
}

export const isRegistryEmpty = async (ds: DataSource): Promise<boolean> => (await ds.getRepository(Household).count()) === 0;
