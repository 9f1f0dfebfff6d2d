import { geography } from "../kit/geography";
import { isoDaysBefore, type Rng } from "../kit/demo/random";
import { Crop } from "./crop";
import { OrganizationType, type FarmerOrganization, type OrganizationMember } from "./organization.entity";
import { ComplaintStatus, type PriceComplaint } from "./price-complaint.entity";
import { weighted } from "./seed.farms";
import { DEMO_AS_OF, DEMO_CROP_YEARS, PROFILES, referencePrice, seasonDay } from "./seed.profiles";

/** What the community part of the seed needs to know of each farmer. */
export interface FarmSummary {
  farmBookNumber: string;
  tambonCode: string;
  villageCode: string;
  mainCrop: Crop;
  young: boolean;
}

const PREFIX: Record<OrganizationType, string> = {
  COMMUNITY_ENTERPRISE: "วช",
  COOPERATIVE: "สก",
  FARMER_GROUP: "กษ",
  YOUNG_FARMER_GROUP: "ยกษ",
};
const NAME: Record<OrganizationType, string> = {
  COMMUNITY_ENTERPRISE: "วิสาหกิจชุมชนแปรรูปผลผลิตการเกษตร",
  COOPERATIVE: "สหกรณ์การเกษตร",
  FARMER_GROUP: "กลุ่มเกษตรกรทำนา",
  YOUNG_FARMER_GROUP: "กลุ่มเกษตรกรรุ่นใหม่ (Young Smart Farmer)",
};

/** `days` after an ISO date, but never after the demo's last day. */
const daysAfter = (date: string, days: number): string => {
  const later = isoDaysBefore(date, -days);
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, not numbers
  return later < DEMO_AS_OF ? later : DEMO_AS_OF;
};

const sample = <T>(rng: Rng, items: T[], n: number): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
};

/** About one organization per 150 farmers, each with 10-40 members from its tambon. */
export function organizations(farms: FarmSummary[], byTambon: Map<string, FarmSummary[]>, rng: Rng) {
  const villageName = new Map(geography().villages.map((v) => [v.code, v.nameTh]));
  const orgs: Partial<FarmerOrganization>[] = [];
  const members: Partial<OrganizationMember>[] = [];
  const count = Math.max(4, Math.round(farms.length / 150));
  for (let n = 1; n <= count; n++) {
    const seedFarm = rng.pick(farms);
    const type = weighted(rng, [
      [OrganizationType.COMMUNITY_ENTERPRISE, 0.4],
      [OrganizationType.COOPERATIVE, 0.12],
      [OrganizationType.FARMER_GROUP, 0.3],
      [OrganizationType.YOUNG_FARMER_GROUP, 0.18],
    ]);
    const registrationNumber = `${PREFIX[type]}-${seedFarm.tambonCode}-${String(n).padStart(4, "0")}`;
    const registeredOn = seasonDay(rng.int(2008, 2024), rng.int(0, 364));
    orgs.push({
      registrationNumber,
      type,
      villageCode: seedFarm.villageCode,
      registeredOn,
      nameTh: `${NAME[type]}${villageName.get(seedFarm.villageCode) ?? ""}`,
    });
    const pool = (byTambon.get(seedFarm.tambonCode) ?? []).filter((f) => type !== OrganizationType.YOUNG_FARMER_GROUP || f.young);
    for (const f of sample(rng, pool, rng.int(10, 40))) {
      members.push({ registrationNumber, farmBookNumber: f.farmBookNumber, joinedOn: daysAfter(registeredOn, rng.int(0, 700)) });
    }
  }
  return { orgs, members };
}

const TITLES = [
  "การผลิตข้าวอินทรีย์ (organic rice production)",
  "การลดต้นทุนการผลิตมันสำปะหลัง (lower-cost cassava)",
  "เกษตรผสมผสานตามแนวทฤษฎีใหม่ โคก หนอง นา (integrated farming)",
  "การใช้โดรนเพื่อการเกษตร (drones for Young Smart Farmers)",
  "การแปรรูปผลผลิตและการตลาดออนไลน์ (processing and online sales)",
  "การรวมกลุ่มต่อรองราคาผลผลิต (collective price bargaining)",
];
const ORGANIZERS = ["สภาเกษตรกรจังหวัดมุกดาหาร", "สำนักงานเกษตรอำเภอ", "วิทยาลัยชุมชนมุกดาหาร"];

/** About one training per 250 farmers, 12-40 attendees each from the tambon where it was held. */
export function trainings(farms: FarmSummary[], byTambon: Map<string, FarmSummary[]>, rng: Rng) {
  const count = Math.max(3, Math.round(farms.length / 250));
  return Array.from({ length: count }, () => {
    const tambonCode = rng.pick(farms).tambonCode;
    const heldOn = seasonDay(rng.int(2023, 2025), rng.int(0, 364));
    const attendees = sample(rng, byTambon.get(tambonCode) ?? [], rng.int(12, 40)).map((f) => f.farmBookNumber);
    return { training: { title: rng.pick(TITLES), heldOn, tambonCode, organizer: rng.pick(ORGANIZERS) }, attendees };
  });
}

const NOTES = {
  RESOLVED: "ประสานผู้รับซื้อแล้ว ปรับราคาตามราคาอ้างอิง (buyer agreed to pay the reference price)",
  DISMISSED: "ตรวจสอบแล้ว ส่วนต่างเกิดจากความชื้นและสิ่งเจือปนตามเกณฑ์ (difference explained by moisture and impurities)",
};

/** About one complaint per 50 farmers, filed in harvest time, offers 8-30% under the reference price. */
export function complaints(farms: FarmSummary[], rng: Rng): Partial<PriceComplaint>[] {
  const count = Math.max(12, Math.round(farms.length / 50));
  const rows: Partial<PriceComplaint>[] = [];
  while (rows.length < count) {
    const farm = rng.pick(farms);
    const crop = rng.chance(0.7) ? farm.mainCrop : rng.pick([Crop.RICE_GLUTINOUS, Crop.RICE_JASMINE, Crop.CASSAVA, Crop.SUGARCANE]);
    const p = PROFILES[crop];
    const filedOn = seasonDay(rng.pick(DEMO_CROP_YEARS), rng.int(p.harvestDays[0], p.harvestDays[1] + 20));
    if (filedOn > DEMO_AS_OF) continue;
    const reference = referencePrice(crop, filedOn);
    const recent = filedOn > "2026-06-30";
    const status = recent
      ? weighted(rng, [
          [ComplaintStatus.OPEN, 0.6],
          [ComplaintStatus.UNDER_REVIEW, 0.4],
        ])
      : weighted(rng, [
          [ComplaintStatus.RESOLVED, 0.5],
          [ComplaintStatus.DISMISSED, 0.25],
          [ComplaintStatus.UNDER_REVIEW, 0.15],
          [ComplaintStatus.OPEN, 0.1],
        ]);
    const closed = status === ComplaintStatus.RESOLVED || status === ComplaintStatus.DISMISSED;
    rows.push({
      farmBookNumber: farm.farmBookNumber,
      crop,
      filedOn,
      status,
      buyer: rng.pick(p.buyers),
      referencePricePerKg: reference.toFixed(2),
      offeredPricePerKg: (reference * (0.7 + 0.22 * rng.next())).toFixed(2),
      quantityKg: Math.round((p.yieldPerRai[0] * rng.int(2, 12)) / 10) * 10,
      details: null,
      statusNote: closed ? NOTES[status] : null,
      statusChangedOn: status === ComplaintStatus.OPEN ? null : daysAfter(filedOn, rng.int(7, 60)),
    });
  }
  return rows;
}
