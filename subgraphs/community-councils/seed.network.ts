import type { EntityManager } from "typeorm";
import type { DemoPerson } from "../kit/demo/population";
import { isoDaysBefore, type Rng } from "../kit/demo/random";
import { geography } from "../kit/geography";
import { CouncilMember, CouncilRole, type TambonCouncil } from "./council.entity";
import { CodiGrant, CodiGrantProgramme, CommunityEnterprise } from "./economy.entity";
import { fiscalYearEnd, fiscalYearStart } from "../kit/calendar";
import { ChangeLeader, LeaderTraining, LeaderTrainingModule } from "./leader.entity";
import { ageAt, dayBetween } from "./seed.fund";

/** An adult of a tambon who may sit on its council or lead change there. */
export interface Candidate {
  person: DemoPerson;
  houseCode: string;
}

export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const SEAT_ROLES = [CouncilRole.CHAIR, CouncilRole.VICE_CHAIR, CouncilRole.VICE_CHAIR, CouncilRole.SECRETARY, CouncilRole.TREASURER];
const fourYearsOn = (start: string): string => isoDaysBefore(`${Number(start.slice(0, 4)) + 4}${start.slice(4)}`, 1);

/** 15-27 seats a council for the current term (started 2023-2024), with part of the previous term's. */
export function councilSeats(rng: Rng, council: TambonCouncil, pool: Candidate[]): Partial<CouncilMember>[] {
  const n = Math.min(pool.length, rng.int(15, 27));
  const termStart = dayBetween(rng, "2023-01-01", "2024-12-31");
  const previousEnd = isoDaysBefore(termStart, 1);
  const previousStart = [isoDaysBefore(previousEnd, 4 * 365 - 1), council.notifiedOn].sort()[1];
  const seat = (c: Candidate, role: CouncilRole, start: string, end: string): Partial<CouncilMember> => ({
    councilId: council.id,
    personId: c.person.linkageId,
    role,
    termStart: start,
    termEnd: end,
  });
  const seats: Partial<CouncilMember>[] = [];
  for (let i = 0; i < n; i++) {
    seats.push(seat(pool[i], SEAT_ROLES[i] ?? CouncilRole.MEMBER, termStart, fourYearsOn(termStart)));
    if (i > 0 && rng.chance(0.4)) seats.push(seat(pool[i], CouncilRole.MEMBER, previousStart, previousEnd));
  }
  // The previous chair stood down (or, in a small tambon, was re-elected).
  if (n > 0) seats.push(seat(pool[n] ?? pool[0], CouncilRole.CHAIR, previousStart, previousEnd));
  return seats;
}

const MODULES = Object.values(LeaderTrainingModule);

/** 6-16 change leaders of a tambon, each with 1-4 trainings since the 2021 MOU; most completed. */
export function changeLeaders(rng: Rng, tambonCode: string, pool: Candidate[]) {
  const picked = shuffled(
    rng,
    pool.filter((c) => ageAt(c.person.birthDate) <= 65),
  ).slice(0, rng.int(6, 16));
  const leaders: Partial<ChangeLeader>[] = [];
  const trainings: Partial<LeaderTraining>[] = [];
  picked.forEach((c, i) => {
    const personId = c.person.linkageId;
    leaders.push({ personId, tambonCode });
    shuffled(rng, MODULES)
      .slice(0, rng.int(1, 4))
      .forEach((module, j) => {
        const completed = (i === 0 && j === 0) || rng.chance(0.85);
        trainings.push({ personId, module, trainedOn: dayBetween(rng, "2021-03-01", "2025-12-15"), completed });
      });
  });
  return { leaders, trainings };
}

const PRODUCTS = [
  ["ทอผ้าไหม", "ผ้าไหมมัดหมี่"],
  ["ผ้าฝ้ายย้อมคราม", "ผ้าฝ้ายย้อมคราม"],
  ["ข้าวอินทรีย์", "ข้าวหอมมะลิอินทรีย์"],
  ["เพาะเห็ด", "เห็ดนางฟ้า"],
  ["แปรรูปปลา", "ปลาร้าบอง"],
  ["จักสาน", "กระติบข้าวไม้ไผ่"],
  ["แม่บ้านเกษตรกร", "น้ำพริกและขนม"],
  ["เลี้ยงโคเนื้อ", "โคเนื้อ"],
  ["แปรรูปมันสำปะหลัง", "แป้งมันและขนมมัน"],
  ["ท่องเที่ยวชุมชน", "โฮมสเตย์และอาหารพื้นถิ่น"],
] as const;

/** 0-4 enterprises a tambon, each of another trade, named after one of its (synthetic) villages. */
export function enterprises(rng: Rng): Partial<CommunityEnterprise>[] {
  const rows: Partial<CommunityEnterprise>[] = [];
  const { tambons, villages } = geography();
  for (const t of tambons) {
    const own = villages.filter((v) => v.tambonCode === t.code);
    shuffled(rng, PRODUCTS)
      .slice(0, rng.int(0, 4))
      .forEach(([kind, product], i) => {
        rows.push({
          registrationNumber: `4-49-${t.code.slice(2, 4)}-${t.code.slice(4, 6)}/1-${String(i + 1).padStart(4, "0")}`,
          tambonCode: t.code,
          name: `วิสาหกิจชุมชนกลุ่ม${kind}${rng.pick(own).nameTh}`,
          product,
          membersCount: rng.int(7, 60),
          registeredOn: dayBetween(rng, "2006-01-01", "2025-06-30"),
          synthetic: true,
        });
      });
  }
  return rows;
}

/** CODI grants of fiscal years 2021-2025 (ปีงบ 2564-2568), amounts by each programme's rule. */
export function grants(rng: Rng, tambonCode: string, hasLeaders: boolean, hasFund: boolean): Partial<CodiGrant>[] {
  const rows: Partial<CodiGrant>[] = [];
  for (let fiscalYear = 2021; fiscalYear <= 2025; fiscalYear++) {
    const span = { from: fiscalYearStart(fiscalYear), to: fiscalYearEnd(fiscalYear) };
    const grant = (programme: CodiGrantProgramme, amount: number, purpose: string | null = null) =>
      rows.push({
        tambonCode,
        programme,
        fiscalYear,
        amount: `${amount}.00`,
        purpose,
        approvedOn: dayBetween(rng, span.from, span.to),
        synthetic: true,
      });
    grant(CodiGrantProgramme.COUNCIL_SUPPORT, rng.int(20, 60) * 1000);
    if (hasLeaders && fiscalYear <= 2022) grant(CodiGrantProgramme.CHANGE_LEADERS, rng.int(30, 80) * 1000);
    if (hasFund && rng.chance(0.5)) grant(CodiGrantProgramme.COMMUNITY_WELFARE, rng.int(2, 10) * 10000);
    if (rng.chance(0.35)) {
      const houses = rng.int(5, 15);
      grant(CodiGrantProgramme.RURAL_HOUSING, houses * 19000, `ซ่อมแซมบ้าน ${houses} หลัง หลังละ 19,000 บาท`);
    }
    if (rng.chance(0.06)) {
      const households = rng.int(10, 40);
      grant(CodiGrantProgramme.BAAN_MANKONG, households * 25000, `บ้านมั่นคง ${households} ครัวเรือน ครัวเรือนละ 25,000 บาท`);
    }
    if (rng.chance(0.25)) grant(CodiGrantProgramme.COMMUNITY_ECONOMY, rng.int(5, 20) * 10000);
  }
  return rows;
}

export async function insertInBatches<T>(m: EntityManager, entity: new () => T, rows: Partial<T>[], size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await m.insert(entity, rows.slice(i, i + size) as never);
}
