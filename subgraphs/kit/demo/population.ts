import { hash } from "node:crypto";
import { citizenIdCheckDigit } from "../citizen-id";
import { geography } from "../geography";
import { isoDaysBefore, Rng } from "./random";

/**
 * The synthetic province every agency's demo data is drawn from: the same seed gives the same
 * households, house codes and citizen IDs to every agency, so their records link by key exactly
 * as real ones would. Everything here is invented; nothing describes a real person.
 */
export const DEMO_REFERENCE_DATE = "2026-01-01";

export type Sex = "MALE" | "FEMALE";
export type Relation = "HEAD" | "SPOUSE" | "CHILD" | "PARENT" | "GRANDCHILD" | "RELATIVE";

export interface DemoPerson {
  citizenId: string;
  /** The synthetic person's linkage id, the same for every agency's seed: see demoLinkageId. */
  linkageId: string;
  firstName: string;
  lastName: string;
  sex: Sex;
  birthDate: string;
  relation: Relation;
  disabled: boolean;
  bedridden: boolean;
  singleParent: boolean;
  welfareCard: boolean;
}

export interface DemoHousehold {
  houseCode: string;
  villageCode: string;
  houseNumber: string;
  /** 0 (worst off) … 1 (well off): a latent score each agency's demo data is derived from. */
  wellbeing: number;
  members: DemoPerson[];
}

const MALE = [
  "สมชาย",
  "สมศักดิ์",
  "บุญมี",
  "ประสิทธิ์",
  "สุรชัย",
  "วีระ",
  "คำพันธ์",
  "ทองดี",
  "สมพงษ์",
  "อนันต์",
  "ชัยวัฒน์",
  "บุญเลิศ",
  "ไพรวัลย์",
  "สุวิทย์",
  "เกียรติศักดิ์",
  "ธนากร",
];
const FEMALE = [
  "สมหญิง",
  "บุญเรือน",
  "คำปุน",
  "มาลี",
  "สุนีย์",
  "อรุณี",
  "ทองใบ",
  "จันทร์เพ็ญ",
  "พรทิพย์",
  "วันเพ็ญ",
  "บัวไข",
  "นงลักษณ์",
  "ศรีสุดา",
  "กาญจนา",
  "ปราณี",
  "อัมพร",
];
const SURNAMES = [
  "ศรีมุกดา",
  "พรหมวงศ์",
  "ไชยสุข",
  "แก้วมณี",
  "บุญประเสริฐ",
  "สุขสวัสดิ์",
  "ทองคำ",
  "จันทร์แดง",
  "วงศ์ไชย",
  "ภูมิภักดิ์",
  "พิมพ์ทอง",
  "ศรีวิเศษ",
  "คำมุงคุณ",
  "อินทร์แสง",
  "บัวระภา",
  "ไตรยวงค์",
  "พันธ์โยธี",
  "ศรีเมือง",
];

/**
 * Seeds follow the rule that only the registry holds LINKAGE_SECRET: no seed computes an HMAC.
 * Each synthetic person's linkage id is instead drawn from the demo seed and their place in the
 * population (public, like the rest of the synthetic data, and tied to no citizen ID), so the
 * registry's seed stores the ids that the other agencies' seeds, in other processes, also draw.
 * A real person's id is the registry's HMAC (`addMember`), handed out by `linkPerson`.
 */
export const demoLinkageId = (seed: number, serial: number): string =>
  hash("sha256", `mukdahan-demo-person:${seed}:${serial}`, "hex").slice(0, 32);

const birthDateAt = (rng: Rng, age: number): string => isoDaysBefore(DEMO_REFERENCE_DATE, age * 365 + rng.int(0, 364));

/**
 * The population being drawn in this process, shared by every seed that asks for the same one while
 * another still walks it: the seed script seeds the agencies side by side, each used to draw the same
 * 115,000 households again (about 5 s of CPU each). Held weakly: once no walk holds it, it may go.
 * The walks only read what they are given (its households are the same objects for each of them).
 */
let drawing: WeakRef<{ seed: number; count: number; drawn: DemoHousehold[]; source: Iterator<DemoHousehold> }> | undefined;

/** `count` households spread over every village (every village gets one before any gets two). */
export function* demoHouseholds(seed: number, count: number): Generator<DemoHousehold> {
  let shared = drawing?.deref();
  if (shared?.seed !== seed || shared.count !== count) {
    shared = { seed, count, drawn: [], source: drawHouseholds(seed, count) };
    drawing = new WeakRef(shared);
  }
  for (let i = 0; i < count; i++) {
    if (i === shared.drawn.length) shared.drawn.push(shared.source.next().value as DemoHousehold);
    yield shared.drawn[i];
  }
}

function* drawHouseholds(seed: number, count: number): Generator<DemoHousehold> {
  const { villages, tambons } = geography();
  const rng = new Rng(seed);
  // Some tambons are poorer than others: a fixed offset per tambon.
  const tambonOffset = new Map(tambons.map((t) => [t.code, rng.around(0, 0.12)]));
  const houseSerial = new Map<string, number>();
  let personSerial = 0;

  for (let i = 0; i < count; i++) {
    const village = i < villages.length ? villages[i] : rng.pick(villages);
    const registry = village.code.slice(0, 4); // registry office of the district (synthetic)
    const serial = (houseSerial.get(registry) ?? 0) + 1;
    houseSerial.set(registry, serial);
    // A poorer fifth and a majority getting by: a mixture gives the skew seen in the field.
    const offset = tambonOffset.get(village.tambonCode) ?? 0;
    const wellbeing = rng.chance(0.2) ? rng.around(0.28 + offset, 0.4) : rng.around(0.62 + offset, 0.35);
    const surname = rng.pick(SURNAMES);
    const person = (relation: Relation, sex: Sex, age: number): DemoPerson => {
      personSerial++;
      const first12 = `${age >= 42 ? 3 : 1}${registry}${String(personSerial).padStart(7, "0")}`;
      return {
        citizenId: `${first12}${citizenIdCheckDigit(first12)}`,
        linkageId: demoLinkageId(seed, personSerial),
        firstName: rng.pick(sex === "MALE" ? MALE : FEMALE),
        lastName: relation === "SPOUSE" && rng.chance(0.3) ? rng.pick(SURNAMES) : surname,
        sex,
        birthDate: birthDateAt(rng, age),
        relation,
        disabled: rng.chance(age >= 60 ? 0.08 : 0.02),
        bedridden: age >= 70 && rng.chance(0.06),
        singleParent: false,
        welfareCard: age >= 18 && rng.chance(0.65 - wellbeing * 0.6),
      };
    };

    const headAge = rng.int(28, 82);
    const headSex: Sex = rng.chance(0.62) ? "MALE" : "FEMALE";
    const members = [person("HEAD", headSex, headAge)];
    const hasSpouse = headAge < 75 ? rng.chance(0.75) : rng.chance(0.4);
    if (hasSpouse) members.push(person("SPOUSE", headSex === "MALE" ? "FEMALE" : "MALE", Math.max(20, headAge + rng.int(-6, 4))));
    const children = headAge < 60 ? rng.int(0, 3) : rng.int(0, 1);
    for (let c = 0; c < children; c++) {
      members.push(person("CHILD", rng.chance(0.5) ? "MALE" : "FEMALE", Math.max(0, headAge - rng.int(20, 38))));
    }
    if (headAge >= 50 && rng.chance(0.3)) members.push(person("GRANDCHILD", rng.chance(0.5) ? "MALE" : "FEMALE", rng.int(0, 14)));
    if (headAge < 55 && rng.chance(0.18)) members.push(person("PARENT", rng.chance(0.6) ? "FEMALE" : "MALE", headAge + rng.int(22, 30)));
    if (!hasSpouse && children > 0) members[0].singleParent = true;

    yield {
      houseCode: `${registry}${String(serial).padStart(7, "0")}`,
      villageCode: village.code,
      houseNumber: `${rng.int(1, 250)}${rng.chance(0.2) ? `/${rng.int(1, 9)}` : ""}`,
      wellbeing,
      members,
    };
  }
}
