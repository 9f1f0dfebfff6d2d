import { DEMO_REFERENCE_DATE, type DemoHousehold } from "../kit/demo/population";
import { isoDaysBefore, type Rng } from "../kit/demo/random";
import { AssistanceCase } from "./case.entity";
import { CaseStep } from "./case-step.entity";
import { CaseStage, NEXT } from "./ladder";
import { HousingProgramme, PROGRAMMES, WorkType } from "./programme";
import { Condition, HousingSurvey, LandTenure } from "./survey.entity";

/** Synthetic surveys and cases, derived from a household's latent wellbeing (0 worst … 1 well). */

const daysAfter = (date: string, days: number): string => isoDaysBefore(date, -days);

function element(rng: Rng, wellbeing: number, bias = 0): Condition {
  const r = rng.around(wellbeing + bias, 0.22);
  return r < 0.22 ? Condition.UNSAFE : r < 0.48 ? Condition.WORN : Condition.GOOD;
}

function tenure(rng: Rng, wellbeing: number): LandTenure {
  const r = rng.next();
  const poor = 1 - wellbeing;
  if (r < 0.07 * poor) return LandTenure.ENCROACHED;
  if (r < 0.16 * poor) return LandTenure.PUBLIC_LAND;
  if (r < 0.16 * poor + 0.1) return LandTenure.RELATIVE;
  if (r < 0.16 * poor + 0.14) return LandTenure.RENTED;
  return LandTenure.OWN;
}

/** The poorer a household, the likelier the อบจ. surveyed it (about a third overall); a quarter twice. */
export function demoSurveys(h: DemoHousehold, districtCode: string, rng: Rng): Partial<HousingSurvey>[] {
  if (!rng.chance(0.15 + 0.5 * (1 - h.wellbeing))) return [];
  const land = tenure(rng, h.wellbeing);
  const first = isoDaysBefore(DEMO_REFERENCE_DATE, rng.int(550, 1050));
  const dates = rng.chance(0.25) ? [first, isoDaysBefore(DEMO_REFERENCE_DATE, rng.int(60, 400))] : [first];
  return dates.map((surveyedOn, i) => {
    const w = h.wellbeing - i * 0.03; // houses wear with time
    return {
      houseCode: h.houseCode,
      villageCode: h.villageCode,
      districtCode,
      surveyedOn,
      roof: element(rng, w),
      walls: element(rng, w),
      floor: element(rng, w, 0.05),
      posts: element(rng, w),
      toilet: element(rng, w, 0.1),
      tenure: land,
      surveyedBy: "อาสาสมัครสำรวจ (demo)",
      note: null,
    };
  });
}

function programmeFor(rng: Rng, survey: Partial<HousingSurvey>): HousingProgramme {
  const r = rng.next();
  const insecure = survey.tenure === LandTenure.PUBLIC_LAND || survey.tenure === LandTenure.ENCROACHED;
  if (insecure && r < 0.8) return HousingProgramme.BAAN_MANKONG;
  if (r < 0.35) return HousingProgramme.BAAN_SANG_SUK;
  return r < 0.9 ? HousingProgramme.BAAN_PO_PIANG : HousingProgramme.OTHER;
}

/** Baht, whole hundreds, in [min, max]. */
const amount = (rng: Rng, min: number, max: number): number => Math.round(rng.int(min, max) / 100) * 100;

function requested(rng: Rng, programme: HousingProgramme, work: WorkType): number {
  if (programme === HousingProgramme.BAAN_PO_PIANG) return amount(rng, 12_000, 19_000);
  if (programme === HousingProgramme.BAAN_MANKONG) return work === WorkType.REBUILD ? 25_000 : amount(rng, 15_000, 25_000);
  if (programme === HousingProgramme.BAAN_SANG_SUK)
    return work === WorkType.REBUILD ? amount(rng, 120_000, 180_000) : amount(rng, 30_000, 80_000);
  return amount(rng, 5_000, 40_000);
}

/** Most cases are still in screening; some approved, some in works or handed over, some rejected. */
const TARGETS: [CaseStage, number][] = [
  [CaseStage.VILLAGE_SCREENING, 20],
  [CaseStage.TAMBON_SCREENING, 15],
  [CaseStage.DISTRICT_SCREENING, 14],
  [CaseStage.PROVINCE_SCREENING, 10],
  [CaseStage.REJECTED, 10],
  [CaseStage.APPROVED, 8],
  [CaseStage.WORKS_STARTED, 7],
  [CaseStage.WORKS_COMPLETED, 5],
  [CaseStage.HANDED_OVER, 11],
];

function targetStage(rng: Rng): CaseStage {
  let r = rng.int(1, 100);
  for (const [stage, weight] of TARGETS) {
    r -= weight;
    if (r <= 0) return stage;
  }
  return CaseStage.VILLAGE_SCREENING;
}

/** The stages from the opening to `target` (a rejection falls at a random rung). */
function pathTo(rng: Rng, target: CaseStage): CaseStage[] {
  const path = [CaseStage.VILLAGE_SCREENING];
  const rejectAt = rng.int(0, 3);
  while (path[path.length - 1] !== target) {
    const here = path[path.length - 1];
    path.push(target === CaseStage.REJECTED && path.length - 1 === rejectAt ? CaseStage.REJECTED : NEXT[here][0]);
  }
  return path;
}

export interface DemoCase {
  row: Partial<AssistanceCase>;
  steps: Partial<CaseStep>[];
}

/**
 * A case on an unsafe house, its steps dated one after another and before the demo's reference
 * date. `approve` says whether the programme's budget for the approval's fiscal year still has room;
 * without it the case waits at the province.
 */
export function demoCase(
  rng: Rng,
  survey: Partial<HousingSurvey>,
  unsafe: number,
  approve: (p: HousingProgramme, amount: number, on: string) => boolean,
): DemoCase {
  const programme = programmeFor(rng, survey);
  const work = unsafe >= 3 && PROGRAMMES[programme].workTypes.includes(WorkType.REBUILD) ? WorkType.REBUILD : WorkType.REPAIR;
  const ask = requested(rng, programme, work);
  const path = pathTo(rng, targetStage(rng));
  const gaps = path.map((_, i) => (i === 0 ? 0 : rng.int(7, 45)));
  const span = gaps.reduce((a, b) => a + b, 0);
  const latestStart = isoDaysBefore(DEMO_REFERENCE_DATE, span + 1);
  const earliest = daysAfter(survey.surveyedOn!, 7);
  const openedOn =
    earliest >= latestStart ? latestStart : isoDaysBefore(latestStart, rng.int(0, Math.min(400, daysBetween(earliest, latestStart))));
  const row: Partial<AssistanceCase> = {
    houseCode: survey.houseCode,
    surveyId: survey.id,
    villageCode: survey.villageCode,
    districtCode: survey.districtCode,
    programme,
    workType: work,
    requestedBudget: `${ask}.00`,
    openedOn,
    approvedBudget: null,
    approvedOn: null,
    spentAmount: null,
  };
  const steps: Partial<CaseStep>[] = [];
  let date = openedOn;
  for (const [i, stage] of path.entries()) {
    date = daysAfter(date, gaps[i]);
    let stepAmount: number | null = i === 0 ? ask : null;
    if (stage === CaseStage.APPROVED) {
      stepAmount = Math.min(ask, Math.round((ask * (0.85 + rng.next() * 0.15)) / 100) * 100);
      if (!approve(programme, stepAmount, date)) break;
      Object.assign(row, { approvedBudget: `${stepAmount}.00`, approvedOn: date });
    }
    if (stage === CaseStage.WORKS_STARTED || stage === CaseStage.WORKS_COMPLETED) {
      const approved = Number.parseFloat(row.approvedBudget!);
      stepAmount = Math.round(approved * (stage === CaseStage.WORKS_STARTED ? 0.3 + rng.next() * 0.3 : 0.9 + rng.next() * 0.1));
      row.spentAmount = `${stepAmount}.00`;
    }
    steps.push({
      seq: i + 1,
      fromStage: i === 0 ? null : path[i - 1],
      stage,
      date,
      amount: stepAmount === null ? null : `${stepAmount}.00`,
      decidedBy: i === 0 ? "ผู้ใหญ่บ้าน (demo)" : (DECIDERS[path[i - 1]] ?? "ช่างอบจ. (demo)"),
      reason: stage === CaseStage.REJECTED ? rng.pick(REJECTIONS) : null,
    });
    Object.assign(row, { stage, stageOn: date });
  }
  return { row, steps };
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

const DECIDERS: Partial<Record<CaseStage, string>> = {
  VILLAGE_SCREENING: "ประชาคมหมู่บ้าน (demo)",
  TAMBON_SCREENING: "คณะทำงานระดับตำบล (demo)",
  DISTRICT_SCREENING: "คณะกรรมการกลั่นกรองระดับอำเภอ (demo)",
  PROVINCE_SCREENING: "คณะกรรมการระดับจังหวัด (demo)",
};
const REJECTIONS = ["ได้รับความช่วยเหลือจากแหล่งอื่นแล้ว", "ไม่มีสิทธิในที่ดิน ต้องแก้ปัญหาที่ดินก่อน", "สภาพบ้านยังไม่เข้าเกณฑ์", "ครัวเรือนย้ายออกจากพื้นที่"];
