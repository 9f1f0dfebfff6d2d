import { Crop, CROPS } from "./crop";

/**
 * Believable numbers for Mukdahan's crops (synthetic, in the ranges the Office of Agricultural
 * Economics reports for the north-east): yields per rai, farm-gate prices per crop year, and
 * when each crop is planted and harvested, in days from the start of its crop year (1 April).
 */
export interface CropProfile {
  yieldPerRai: [number, number];
  /** Reference price (baht/kg) by crop year (CE start year). */
  price: Record<number, number>;
  plantDays: [number, number];
  harvestDays: [number, number];
  varieties: string[];
  buyers: string[];
  /** Share of harvests kept at home, not sold (glutinous rice is the family's own staple). */
  keptShare: number;
}

const MILLS = ["โรงสีข้าวชุมชน", "โรงสีไฟเจริญผล (synthetic)", "สหกรณ์การเกษตร (synthetic)", "พ่อค้าคนกลาง"];
const LOCAL = ["ตลาดชุมชน", "พ่อค้าคนกลาง", "ตลาดนัดสีเขียวอำเภอ"];

export const PROFILES: Record<Crop, CropProfile> = {
  RICE_JASMINE: {
    yieldPerRai: [340, 420],
    price: { 2023: 15.2, 2024: 13.6, 2025: 12.1, 2026: 12.4 },
    plantDays: [61, 121],
    harvestDays: [214, 263],
    varieties: ["ขาวดอกมะลิ 105", "กข15"],
    buyers: MILLS,
    keptShare: 0.05,
  },
  RICE_GLUTINOUS: {
    yieldPerRai: [370, 450],
    price: { 2023: 13.4, 2024: 12.3, 2025: 10.9, 2026: 11.2 },
    plantDays: [61, 121],
    harvestDays: [214, 263],
    varieties: ["กข6", "สันป่าตอง 1", "กข10"],
    buyers: MILLS,
    keptShare: 0.25,
  },
  CASSAVA: {
    yieldPerRai: [3000, 3500],
    price: { 2023: 3.0, 2024: 2.45, 2025: 2.2, 2026: 2.3 },
    plantDays: [14, 75],
    harvestDays: [279, 358],
    varieties: ["เกษตรศาสตร์ 50", "ระยอง 72", "ห้วยบง 60"],
    buyers: ["ลานมันสำปะหลัง (synthetic)", "โรงงานแป้งมัน (synthetic)", "พ่อค้าคนกลาง"],
    keptShare: 0.02,
  },
  SUGARCANE: {
    yieldPerRai: [10000, 12000],
    price: { 2023: 1.2, 2024: 1.08, 2025: 1.0, 2026: 1.02 },
    plantDays: [-59, 29],
    harvestDays: [258, 358],
    varieties: ["ขอนแก่น 3", "LK92-11"],
    buyers: ["โรงงานน้ำตาล (ผ่านหัวหน้าโควตา, synthetic)", "หัวหน้าโควตาอ้อย"],
    keptShare: 0,
  },
  RUBBER: {
    yieldPerRai: [230, 300],
    price: { 2023: 22, 2024: 28, 2025: 25, 2026: 24 },
    plantDays: [30, 40],
    harvestDays: [306, 333],
    varieties: ["RRIM 600"],
    buyers: ["จุดรับซื้อยางก้อนถ้วย", "สหกรณ์กองทุนสวนยาง (synthetic)"],
    keptShare: 0,
  },
  MAIZE: {
    yieldPerRai: [600, 750],
    price: { 2023: 9.6, 2024: 8.6, 2025: 8.1, 2026: 8.3 },
    plantDays: [30, 75],
    harvestDays: [153, 197],
    varieties: ["ข้าวโพดเลี้ยงสัตว์ลูกผสม"],
    buyers: ["พ่อค้าคนกลาง", "ไซโลรับซื้อข้าวโพด (synthetic)"],
    keptShare: 0.02,
  },
  VEGETABLES: {
    yieldPerRai: [1500, 2500],
    price: { 2023: 15, 2024: 16, 2025: 15, 2026: 15.5 },
    plantDays: [214, 243],
    harvestDays: [284, 325],
    varieties: ["ผักกาด", "พริก", "ผักบุ้ง", "หอมแดง"],
    buyers: LOCAL,
    keptShare: 0.08,
  },
  FRUIT: {
    yieldPerRai: [700, 1200],
    price: { 2023: 25, 2024: 26, 2025: 24, 2026: 24.5 },
    plantDays: [-76, -60],
    harvestDays: [30, 105],
    varieties: ["มะม่วง", "ลำไย", "กล้วย"],
    buyers: LOCAL,
    keptShare: 0.05,
  },
  OTHER: {
    yieldPerRai: [250, 400],
    price: { 2023: 30, 2024: 32, 2025: 30, 2026: 31 },
    plantDays: [61, 90],
    harvestDays: [153, 182],
    varieties: ["ถั่วลิสง", "เห็ดฟาง"],
    buyers: LOCAL,
    keptShare: 0.1,
  },
};

/** Crop years of complete demo data, and the day the demo's records stop (later crops are still growing). */
export const DEMO_CROP_YEARS = [2023, 2024, 2025, 2026];
export const DEMO_AS_OF = "2026-10-31";

/** An ISO date `days` after 1 April of crop year `cropYear`. */
export function seasonDay(cropYear: number, days: number): string {
  const date = new Date(Date.UTC(cropYear, 3, 1 + days));
  return date.toISOString().slice(0, 10);
}

/**
 * The reference price of a crop in force on an ISO date: the crop year's price, moving a few
 * per cent month by month. Deterministic, so the table and the sales drawn from it agree.
 */
export function referencePrice(crop: Crop, date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const cropYear = month < 4 ? year - 1 : year;
  const base = PROFILES[crop].price[cropYear] ?? PROFILES[crop].price[2023];
  const wobble = 1 + 0.04 * Math.sin(month * 0.9 + CROPS.indexOf(crop));
  return Math.round(base * wobble * 100) / 100;
}

export const REFERENCE_SOURCE = "สำนักงานเศรษฐกิจการเกษตร: ราคาที่เกษตรกรขายได้ ณ ไร่นา (synthetic demo figures)";

/** Monthly reference prices from the first demo crop year to the demo's last day. */
export function referencePriceRows(): { crop: Crop; effectiveOn: string; pricePerKg: string; source: string }[] {
  const rows = [];
  for (
    let month = new Date(Date.UTC(DEMO_CROP_YEARS[0], 3, 1));
    month.toISOString() <= DEMO_AS_OF;
    month.setUTCMonth(month.getUTCMonth() + 1)
  ) {
    const effectiveOn = month.toISOString().slice(0, 10);
    for (const crop of CROPS)
      rows.push({ crop, effectiveOn, pricePerKg: referencePrice(crop, effectiveOn).toFixed(2), source: REFERENCE_SOURCE });
  }
  return rows;
}
