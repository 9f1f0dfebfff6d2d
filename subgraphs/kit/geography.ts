import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Rng } from "./demo/random";

/**
 * Mukdahan's geocodes as the hub knows them: districts and tambons from the reference data in
 * data/ (DOPA codes, MIT-licensed source, see data/README.md), villages generated for the demo.
 * Agencies validate the codes they are given against this; `area` serves it.
 */
export interface DistrictRef {
  code: string;
  nameTh: string;
  nameEn: string;
}
export interface TambonRef {
  code: string;
  districtCode: string;
  nameTh: string;
  nameEn: string;
  postcode: string;
  lat: number | null;
  lng: number | null;
  /** True when the point is a rough centroid, not from the source. */
  approximate: boolean;
}
export interface VillageRef {
  code: string;
  tambonCode: string;
  moo: number;
  nameTh: string;
  synthetic: true;
}

export const PROVINCE = { code: "49", nameTh: "มุกดาหาร", nameEn: "Mukdahan" } as const;

const DATA_DIR = resolve(__dirname, "../../data");
const rows = (file: string): string[][] =>
  readFileSync(resolve(DATA_DIR, file), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(","));

// Synthetic village name stems; "บ้าน" (ban, village) is prefixed.
const STEMS = ["โนน", "หนอง", "ดง", "นา", "โคก", "ห้วย", "คำ", "ป่า", "ท่า", "สร้าง", "บึง", "หัวนา"];
const SUFFIXES = ["ใหญ่", "น้อย", "สวรรค์", "ยาง", "แดง", "ทอง", "สะอาด", "บาก", "ม่วง", "ไผ่", "งาม", "ศรี", "เจริญ", "พัฒนา"];

export interface Geography {
  districts: DistrictRef[];
  tambons: TambonRef[];
  villages: VillageRef[];
  villageCodes: Set<string>;
}

let cached: Geography | undefined;

/** Read once per process. Village generation uses its own fixed seed: codes never change. */
export function geography(): Geography {
  if (cached) return cached;
  const districts = new Map<string, DistrictRef>();
  const tambons: TambonRef[] = [];
  const approx = new Map(rows("mukdahan-tambons-approx-coords.csv").map((r) => [r[0], r]));
  for (const [dCode, dTh, dEn, code, nameTh, nameEn, postcode, lat, lng] of rows("mukdahan-tambons.csv")) {
    districts.set(dCode, { code: dCode, nameTh: dTh, nameEn: dEn });
    const rough = approx.get(code);
    const known = lat !== "" && lng !== "";
    tambons.push({
      code,
      districtCode: dCode,
      nameTh,
      nameEn,
      postcode,
      lat: known ? Number(lat) : rough ? Number(rough[1]) : null,
      lng: known ? Number(lng) : rough ? Number(rough[2]) : null,
      approximate: !known && !!rough,
    });
  }
  const rng = new Rng(49);
  const villages: VillageRef[] = [];
  for (const tambon of tambons) {
    const count = Number(approx.get(tambon.code)?.[3] ?? 0) || rng.int(6, 16);
    for (let moo = 1; moo <= count; moo++) {
      villages.push({
        code: `${tambon.code}${String(moo).padStart(2, "0")}`,
        tambonCode: tambon.code,
        moo,
        nameTh: `บ้าน${rng.pick(STEMS)}${rng.pick(SUFFIXES)}`,
        synthetic: true,
      });
    }
  }
  cached = { districts: [...districts.values()], tambons, villages, villageCodes: new Set(villages.map((v) => v.code)) };
  return cached;
}
