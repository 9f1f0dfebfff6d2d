/**
 * Thai by default, English on the toggle: labels, numbers (th-TH groups as 1,234 and says "ล้าน" for
 * millions), dates in the Buddhist Era (th-TH's calendar), fiscal years in BE. A hidden count reads
 * "<5" and hidden money "n<5" (fewer than 5 contributors), never 0 or blank.
 */
export type Lang = "th" | "en";

const STRINGS = {
  title: ["ข้อมูลความยากจนจังหวัดมุกดาหาร", "Mukdahan poverty data"],
  subtitle: ["ข้อมูลจาก 5 หน่วยงานในคำขอเดียว (ข้อมูลสาธิต สังเคราะห์)", "Five agencies in one request (synthetic demo data)"],
  province: ["จังหวัด", "Province"],
  district: ["อำเภอ", "District"],
  tambon: ["ตำบล", "Tambon"],
  tambons: ["ตำบล", "tambons"],
  loading: ["กำลังโหลด…", "Loading…"],
  failed: ["โหลดข้อมูลไม่สำเร็จ", "Could not load the data"],
  retry: ["ลองใหม่", "Retry"],
  noData: ["ไม่มีข้อมูลจาก", "no data from"],
  indicator: ["ตัวชี้วัดบนแผนที่", "Map indicator"],
  hardship: ["สัดส่วนครัวเรือนอยู่ลำบาก", "Households in hardship"],
  unsafeHousing: ["สัดส่วนบ้านไม่มั่นคงปลอดภัย", "Unsafe housing"],
  fundCoverage: ["สมาชิกกองทุนสวัสดิการต่อประชากร", "Welfare-fund members per person"],
  incomePerRai: ["รายได้ข้าวเหนียวต่อไร่ (มัธยฐาน)", "Glutinous rice income per rai (median)"],
  hatched: ["ลายเส้น: ปกปิด (<5) คร่อมหลายช่วง หรือไม่มีข้อมูล", "Hatched: hidden (<5) across classes, or no data"],
  attribution: [
    "ขอบเขตตำบล © กรมแผนที่ทหาร ผ่าน OCHA/HDX COD-AB Thailand, CC BY 3.0 IGO ตัดเฉพาะจังหวัดและทำให้เรียบง่าย",
    "Boundaries © Royal Thai Survey Department, via OCHA/HDX COD-AB Thailand, CC BY 3.0 IGO. Subset and simplified.",
  ],
  registry: ["ทะเบียนครัวเรือนยากจน (พมจ.)", "Poverty registry (PSDHS)"],
  vulnerable: ["กลุ่มเปราะบาง (พมจ.)", "Vulnerable people (PSDHS)"],
  housing: ["ที่อยู่อาศัย (อบจ. / พอช.)", "Housing (PAO / CODI)"],
  budget: ["งบประมาณเทียบเป้าหมาย (ทั้งจังหวัด)", "Budget against target (province)"],
  agriculture: ["เกษตร (สภาเกษตรกร)", "Agriculture (farmers council)"],
  prices: ["ราคาอ้างอิงเทียบเรื่องร้องเรียน", "Reference prices vs complaints"],
  councils: ["สภาองค์กรชุมชน (พอช.)", "Community councils (CODI)"],
  table: ["ตารางรายตำบล", "Tambons"],
  households: ["ครัวเรือน", "Households"],
  householdsList: ["ครัวเรือนในตำบล", "Households of the tambon"],
  notAssessed: ["ยังไม่ประเมิน", "Not assessed"],
  level1: ["อยู่ลำบาก", "Hardship"],
  level2: ["อยู่ยาก", "Difficult"],
  level3: ["อยู่พอได้", "Getting by"],
  level4: ["อยู่ดี", "Well"],
  people: ["สมาชิกครัวเรือน", "People"],
  elderly: ["ผู้สูงอายุ", "Elderly"],
  childrenUnder7: ["เด็กอายุต่ำกว่า 7 ปี", "Children under 7"],
  disabled: ["ผู้พิการ", "Disabled"],
  bedridden: ["ผู้ป่วยติดเตียง", "Bedridden"],
  welfareCardHolders: ["ผู้ถือบัตรสวัสดิการแห่งรัฐ", "Welfare-card holders"],
  surveyed: ["ครัวเรือนที่สำรวจ", "Households surveyed"],
  unsafe: ["บ้านไม่ปลอดภัย", "Unsafe houses"],
  insecure: ["ที่ดินไม่มั่นคง", "Insecure tenure"],
  openCases: ["เรื่องที่ยังเปิด", "Open cases"],
  stages: ["เรื่องช่วยเหลือตามขั้นตอน", "Cases by stage"],
  budgetApproved: ["งบอนุมัติ", "Approved"],
  budgetSpent: ["เบิกจ่าย", "Spent"],
  programme: ["โครงการ", "Programme"],
  casesTarget: ["อนุมัติ / เป้าหมาย (ครัวเรือน)", "Approved / target (households)"],
  handedOver: ["ส่งมอบแล้ว", "Handed over"],
  allocation: ["งบที่ตั้งไว้", "Budget"],
  farmers: ["เกษตรกร", "Farmers"],
  plantedRai: ["พื้นที่ปลูก (ไร่)", "Planted (rai)"],
  crop: ["พืช", "Crop"],
  incomeRai: ["รายได้/ไร่ (มัธยฐาน)", "Income/rai (median)"],
  referencePrice: ["ราคาอ้างอิง/กก.", "Reference/kg"],
  received: ["ราคาที่ได้รับ/กก.", "Received/kg"],
  sales: ["การขาย", "Sales"],
  complaints: ["เรื่องร้องเรียน", "Complaints"],
  openComplaints: ["ยังไม่ยุติ", "Open"],
  councilsCount: ["สภาองค์กรชุมชน", "Councils"],
  leaders: ["ผู้นำการเปลี่ยนแปลงที่ผ่านการอบรม", "Trained change leaders"],
  leadersTarget: ["ตำบลที่มีผู้นำผ่านการอบรม (เป้าหมาย 44 ตำบล)", "Tambons with trained leaders (course target: 44)"],
  funds: ["กองทุนสวัสดิการชุมชน", "Welfare funds"],
  fundMembers: ["สมาชิกกองทุน", "Fund members"],
  fundBalance: ["เงินกองทุนคงเหลือ", "Fund balance"],
  codi: ["เงินอุดหนุน พอช.", "CODI grants"],
  council: ["สภาองค์กรชุมชนตำบล", "Tambon council"],
  members: ["สมาชิก", "members"],
  modules: ["ผู้ผ่านการอบรมรายหลักสูตร", "Leaders trained by module"],
  grantsByYear: ["เงินอุดหนุน พอช. รายปีงบประมาณ", "CODI grants by fiscal year"],
  houseCode: ["รหัสบ้าน", "House code"],
  village: ["หมู่บ้าน", "Village"],
  level: ["ระดับ", "Level"],
  assessedOn: ["ประเมินเมื่อ", "Assessed"],
  cases: ["เรื่องเปิด", "Open cases"],
  firstOf: ["แสดง {n} จาก {total} ครัวเรือนแรก", "The first {n} of {total} households"],
  downloadCsv: ["ดาวน์โหลด CSV", "Download CSV"],
  print: ["พิมพ์", "Print"],
  signIn: ["บทบาท", "Role"],
  publicRole: ["สาธารณะ (ไม่ต้องเข้าสู่ระบบ)", "Public (no sign-in)"],
  token: ["โทเคน", "Token"],
  useToken: ["ใช้โทเคน", "Use token"],
  signOut: ["ออก", "Sign out"],
  activeRole: ["บทบาทปัจจุบัน", "Active role"],
  suppressedNote: [
    "<5 = มี 1–4 ราย ปกปิดเพื่อคุ้มครองข้อมูลส่วนบุคคล; ตัวเลขสาธารณะปัดเป็นพหุคูณของ 5; n<5 = เงิน/พื้นที่/มัธยฐานจากผู้ให้ข้อมูลน้อยกว่า 5 ราย; ≥ = ผลรวมของตัวเลขที่เปิดเผย (ส่วนที่ปกปิดอาจเพิ่มได้ถึง 4 ต่อส่วน)",
    "<5 = 1-4, hidden to protect personal data; public counts are rounded to 5; n<5 = money, area or median over fewer than 5 contributors; ≥ = the sum of published parts (each hidden part may add up to 4)",
  ],
  asOf: ["ข้อมูล ณ", "As of"],
  asOfRegistry: ["การประเมินล่าสุดของแต่ละครัวเรือน", "each household's latest assessment"],
  cropYear: ["ปีการผลิต", "crop year"],
  fiscalYear: ["ปีงบประมาณ", "FY"],
  retrieved: ["ดึงข้อมูล", "retrieved"],
  upTo: ["ถึง", "to"],
  share: ["สัดส่วน", "Share"],
  back: ["ย้อนกลับ", "Back"],
  noMedianAbove: ["มัธยฐานรวมไม่ได้: ดูรายตำบล", "medians do not add up: see each tambon"],
  ofTambons: ["จาก {n} ตำบล", "of {n} tambons"],
  click: ["คลิกเพื่อดูรายละเอียด", "click to drill in"],
  transitions: ["การเปลี่ยนระดับระหว่างรอบการประเมิน (พมจ.)", "Levels moved between assessment rounds (PSDHS)"],
  round: ["รอบการประเมิน", "Rounds"],
  oneRound: ["ยังมีการประเมินไม่ถึงสองรอบ", "Fewer than two assessment rounds yet"],
  outcomes: ["ผลลัพธ์: ครัวเรือนยากลำบากหลุดพ้นหรือไม่", "Outcomes: did households in hardship move up?"],
  outcomesIntro: [
    "ครัวเรือนระดับ 1-2 ในรอบก่อนที่ประเมินซ้ำ: ระดับดีขึ้นกี่ครัวเรือน แยกตามความช่วยเหลือที่ได้รับระหว่างสองรอบ",
    "Households at level 1-2 in the earlier round and assessed again: how many moved up, by the help received in between",
  ],
  outcomesNeedRole: [
    "ต้องใช้บทบาทที่อ่านทะเบียนครัวเรือน (พมจ.) และข้อมูลของหน่วยงานที่ให้ความช่วยเหลือได้ เช่น case-conference",
    "Needs a role that may read the registry's households and the helping agency's records, e.g. case-conference",
  ],
  outcomeHelp: ["ความช่วยเหลือ", "Help"],
  helped: ["ได้รับ", "Helped"],
  notHelped: ["ไม่ได้รับ", "Not helped"],
  movedUpOf: ["{up} จาก {of} ({pct})", "{up} of {of} ({pct})"],
  plan: ["แผนพัฒนาตำบล (สภาองค์กรชุมชน / พอช.)", "Tambon plan (councils / CODI)"],
  noPlan: ["ไม่มีแผนของปีงบประมาณนี้ ({year})", "No plan for this fiscal year ({year})"],
  previousPlan: ["แผนล่าสุด: ปีงบประมาณ {year}", "Latest plan: fiscal year {year}"],
  drafted: ["จัดทำเมื่อ", "drafted"],
  baseline: ["ข้อมูลฐาน (ตอนจัดทำแผน)", "Baseline (when drafted)"],
  project: ["โครงการ", "Project"],
  leadAgency: ["หน่วยงานหลัก", "Lead agency"],
  planBudget: ["งบประมาณ", "Budget"],
  target: ["เป้าหมาย (ครัวเรือน)", "Target (households)"],
  progress: ["ความคืบหน้าล่าสุด", "Latest progress"],
  noProgress: ["ยังไม่มีรายงาน", "no report yet"],
  spentReached: ["ใช้ไป {spent} · ถึง {reached} ครัวเรือน ({on})", "{spent} spent · {reached} households reached ({on})"],
  movedUp: ["ระดับดีขึ้น", "Moved up"],
  stayed: ["ระดับเดิม", "Stayed"],
  movedDown: ["ระดับแย่ลง", "Moved down"],
  notReassessed: ["ยังไม่ประเมินรอบใหม่", "Not reassessed"],
  exactRole: ["ตัวเลขจริง (ไม่ปัด)", "exact figures"],
} satisfies Record<string, [string, string]>;

export type Key = keyof typeof STRINGS;

export interface Formats {
  lang: Lang;
  t(key: Key, vars?: Record<string, string | number>): string;
  /** A count: "<5" when hidden. */
  count(n: number | null | undefined): string;
  /** A decimal (rai). */
  num(n: number | null | undefined, digits?: number): string;
  /** Baht from the hub's decimal string; compact in ล้าน / M above a million. */
  baht(s: string | null | undefined): string;
  pct(x: number): string;
  date(iso: string): string;
  /** A label the hub gives bilingual, "ข้าวเหนียว (glutinous rice)": the half for this language. */
  label(both: string): string;
}

export const HIDDEN_COUNT = "<5";
export const HIDDEN_MONEY = "n<5";

export function formats(lang: Lang): Formats {
  const locale = lang === "th" ? "th-TH" : "en-US";
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  // Thai's short form is "M" too; its long form says ล้าน.
  const compact = new Intl.NumberFormat(locale, {
    notation: "compact",
    compactDisplay: lang === "th" ? "long" : "short",
    maximumFractionDigits: 2,
  });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  // th-TH's default calendar is the Buddhist one: 2 ธ.ค. 2569.
  const day = new Intl.DateTimeFormat(lang === "th" ? "th-TH" : "en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "Asia/Bangkok",
  });
  const index = lang === "th" ? 0 : 1;
  return {
    lang,
    t: (key, vars = {}) => STRINGS[key][index].replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? "")),
    count: (n) => (n === null || n === undefined ? HIDDEN_COUNT : integer.format(n)),
    num: (n, digits = 1) =>
      n === null || n === undefined ? HIDDEN_MONEY : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n),
    baht: (s) => {
      if (s === null || s === undefined) return HIDDEN_MONEY;
      const n = Number(s);
      const text = Math.abs(n) >= 1_000_000 ? compact.format(n) : integer.format(n);
      return lang === "th" ? `${text} บาท` : `฿${text}`;
    },
    pct: (x) => percent.format(x),
    date: (iso) => day.format(new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso)),
    label: (both) => {
      const m = /^(.*?)\s*\((.*)\)$/.exec(both);
      return m ? m[index + 1] : both;
    },
  };
}
