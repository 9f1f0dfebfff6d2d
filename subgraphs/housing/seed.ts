import type { DataSource, EntityManager } from "typeorm";
import { seedTracker } from "../kit/seed-progress";
import { withSummariesDeferred } from "../kit/summary";
import { KEPT_FIGURES } from "./summaries";
import { demoHouseholds } from "../kit/demo/population";
import { Rng } from "../kit/demo/random";
import type { SeedOptions } from "../kit/subgraph";
import { ProgrammeBudget } from "./budget.entity";
import { AssistanceCase } from "./case.entity";
import { CaseStep } from "./case-step.entity";
import { demoCase, demoSurveys, type DemoCase } from "./demo";
import { districtOfVillage } from "./place";
import { fiscalYearOf } from "../kit/calendar";
import { HousingProgramme } from "./programme";
import { Condition, HousingSurvey } from "./survey.entity";

const BATCH = 1000;

/** Fiscal years 2567-2569 BE (2024-2026 CE): บ้านสร้างสุข aims at about 50 households a year. */
const BUDGETS: Pick<ProgrammeBudget, "programme" | "fiscalYear" | "amount" | "targetHouseholds">[] = [2024, 2025, 2026].flatMap(
  (fiscalYear, i) => [
    { programme: HousingProgramme.BAAN_SANG_SUK, fiscalYear, amount: `${3_000_000 + i * 250_000}.00`, targetHouseholds: 50 },
    { programme: HousingProgramme.BAAN_PO_PIANG, fiscalYear, amount: `${2_850_000 + i * 190_000}.00`, targetHouseholds: 150 + i * 10 },
    { programme: HousingProgramme.BAAN_MANKONG, fiscalYear, amount: `${2_000_000}.00`, targetHouseholds: 80 },
  ],
);

const unsafeCount = (s: Partial<HousingSurvey>): number =>
  [s.roof, s.walls, s.floor, s.posts, s.toilet].filter((c) => c === Condition.UNSAFE).length;

async function insertCases(m: EntityManager, cases: DemoCase[]): Promise<void> {
  for (let i = 0; i < cases.length; i += BATCH) {
    const batch = cases.slice(i, i + BATCH);
    const { identifiers } = await m.insert(
      AssistanceCase,
      batch.map((c) => c.row),
    );
    const steps = batch.flatMap((c, j) => c.steps.map((s) => ({ ...s, caseId: String(identifiers[j].id) })));
    for (let k = 0; k < steps.length; k += BATCH) await m.insert(CaseStep, steps.slice(k, k + BATCH));
  }
}

/**
 * Synthetic housing data over the shared demo population: surveys for about a third of the
 * households (the poorer, the likelier, and in worse repair), and cases on some unsafe houses,
 * each approval within its programme's budget for the year.
 */
export async function seedHousing(ds: DataSource, options: SeedOptions): Promise<void> {
  const rng = new Rng(options.seed + 4003);
  // About one unsafe house in three has a case: a few dozen for 3,000 households.
  const caseChance = 0.3;
  await ds.transaction((m) =>
    withSummariesDeferred(m, KEPT_FIGURES, async () => {
      const track = seedTracker(m, options.progress);
      await m.insert(ProgrammeBudget, BUDGETS);
      const left = new Map(BUDGETS.map((b) => [`${b.programme}:${b.fiscalYear}`, Number.parseFloat(b.amount)]));
      const approve = (programme: HousingProgramme, amount: number, on: string): boolean => {
        const key = `${programme}:${fiscalYearOf(on)}`;
        const room = left.get(key);
        if (room === undefined) return true;
        if (amount > room) return false;
        left.set(key, room - amount);
        return true;
      };
      let surveys: Partial<HousingSurvey>[] = [];
      let cases: DemoCase[] = [];
      const flush = async () => {
        if (surveys.length === 0) return;
        const { identifiers } = await m.insert(HousingSurvey, surveys);
        for (const [i, s] of surveys.entries()) s.id = String(identifiers[i].id);
        const latest = new Map(surveys.map((s) => [s.houseCode!, s])); // surveys come oldest first per household
        for (const survey of latest.values()) {
          const unsafe = unsafeCount(survey);
          if (unsafe > 0 && rng.chance(caseChance)) cases.push(demoCase(rng, survey, unsafe, approve));
        }
        surveys = [];
        await track.written();
        if (cases.length >= BATCH) {
          await insertCases(m, cases);
          cases = [];
        }
      };
      for (const household of track.households(demoHouseholds(options.seed, options.households))) {
        surveys.push(...demoSurveys(household, districtOfVillage(household.villageCode)!, rng));
        if (surveys.length >= BATCH) await flush();
      }
      await flush();
      await insertCases(m, cases);
    }),
  );
}

export const isHousingEmpty = async (ds: DataSource): Promise<boolean> => (await ds.getRepository(ProgrammeBudget).count()) === 0;
