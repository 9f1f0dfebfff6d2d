import type { DataSource, EntityManager } from "typeorm";
import { linkageId } from "../kit/citizen-id";
import { demoHouseholds, DEMO_REFERENCE_DATE, type DemoHousehold } from "../kit/demo/population";
import { isoDaysBefore, Rng } from "../kit/demo/random";
import type { SeedOptions } from "../kit/subgraph";
import { Assessment } from "./assessment.entity";
import { Household } from "./household.entity";
import { Person, type Relation, type Sex } from "./person.entity";

const BATCH = 1000;

/** A capital score 1-4 around the household's wellbeing. */
const score = (rng: Rng, wellbeing: number): number => Math.min(4, Math.max(1, Math.round(0.5 + rng.around(wellbeing, 0.15) * 4)));

function assessmentsOf(household: DemoHousehold, rng: Rng): Partial<Assessment>[] {
  // Most households were assessed once in 2023; about half again in 2025, a little better off.
  const rounds = rng.chance(0.5) ? [0, 0.06] : [0];
  return rounds.map((gain, i) => {
    const w = Math.min(1, household.wellbeing + gain);
    return {
      houseCode: household.houseCode,
      assessedOn: isoDaysBefore(DEMO_REFERENCE_DATE, (i === 0 ? 1000 : 300) + rng.int(0, 120)),
      human: score(rng, w), physical: score(rng, w), financial: score(rng, w - 0.05), natural: score(rng, w), social: score(rng, w + 0.05),
      tpmapHealth: rng.chance(0.25 - w * 0.2), tpmapLiving: rng.chance(0.35 - w * 0.3), tpmapEducation: rng.chance(0.3 - w * 0.25),
      tpmapIncome: rng.chance(0.5 - w * 0.45), tpmapAccess: rng.chance(0.15 - w * 0.12),
    };
  });
}

async function flush(m: EntityManager, batch: { households: Partial<Household>[]; people: Partial<Person>[]; assessments: Partial<Assessment>[] }) {
  if (batch.households.length) await m.insert(Household, batch.households);
  for (let i = 0; i < batch.people.length; i += BATCH) await m.insert(Person, batch.people.slice(i, i + BATCH));
  if (batch.assessments.length) await m.insert(Assessment, batch.assessments);
  batch.households = [];
  batch.people = [];
  batch.assessments = [];
}

/** Synthetic registry: the shared demo population, with assessments derived from its wellbeing. */
export async function seedRegistry(ds: DataSource, options: SeedOptions): Promise<void> {
  const rng = new Rng(options.seed + 2);
  await ds.transaction(async (m) => {
    const batch = { households: [] as Partial<Household>[], people: [] as Partial<Person>[], assessments: [] as Partial<Assessment>[] };
    for (const household of demoHouseholds(options.seed, options.households)) {
      batch.households.push({ houseCode: household.houseCode, villageCode: household.villageCode, houseNumber: household.houseNumber, synthetic: true });
      for (const p of household.members) {
        const id = linkageId(options.linkageSecret, p.citizenId);
        batch.people.push({ ...p, id, houseCode: household.houseCode, sex: p.sex as Sex, relation: p.relation as Relation });
      }
      batch.assessments.push(...assessmentsOf(household, rng));
      if (batch.households.length >= BATCH) await flush(m, batch);
    }
    await flush(m, batch);
  });
}

export const isRegistryEmpty = async (ds: DataSource): Promise<boolean> => (await ds.getRepository(Household).count()) === 0;
