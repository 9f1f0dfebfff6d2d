/**
 * What the dashboard computes from the hub's answers: pure functions, unit-tested
 * (figures.test.ts). Public callers get counts rounded to 5 with 1-4 as null, and money over 1-4
 * contributors as null (README, "Aggregates and disclosure control"); a district's or the
 * province's figure is added up here from its tambons' published ones by the hub's own rule: the
 * sum of the published parts, null when that sum is 0 while a part is hidden (0 always means none).
 */

export type Agency = "registry" | "housing" | "agriculture" | "councils";
export const AGENCIES: Agency[] = ["registry", "housing", "agriculture", "councils"];
/** The subgraph behind each section (errors name it in `extensions.serviceName`). */
export const SERVICE: Record<Agency, string> = {
  registry: "social-development",
  housing: "housing",
  agriculture: "agriculture",
  councils: "community-councils",
};
/** Root fields of the dashboard's operations that one agency answers alone. */
const ROOT_FIELDS: Record<string, Agency> = { programmeBudgets: "housing", cropPrices: "agriculture", households: "registry" };

/** The registry's 4 × 4 matrix of levels between the two latest assessment rounds (casework, issue 13). */
export interface LevelTransitions {
  fromYearBE: number | null;
  toYearBE: number | null;
  cells: { fromLevel: number; toLevel: number; households: number | null }[];
  households: number | null;
  movedUp: number | null;
  stayed: number | null;
  movedDown: number | null;
  notReassessed: number | null;
}

export interface CropFigures {
  crop: string;
  cropLabel: string;
  plantedRai: number | null;
  farmers: number | null;
  medianIncomePerRai: string | null;
}
export interface TambonFigures {
  code: string;
  nameTh: string | null;
  nameEn: string | null;
  district: { code: string; nameTh: string | null; nameEn: string | null } | null;
  registry: {
    householdCount: number | null;
    householdsNotAssessed: number | null;
    householdsByPovertyLevel: { level: number; households: number | null }[];
    vulnerablePeople: {
      people: number | null;
      elderly: number | null;
      childrenUnder7: number | null;
      disabled: number | null;
      bedridden: number | null;
      welfareCardHolders?: number | null;
    };
    /** The tambon view's only: the levels' moves between the two latest rounds. */
    levelTransitions?: LevelTransitions;
  } | null;
  housing: {
    surveyedHouseholds: number | null;
    unsafeHousing: number | null;
    insecureTenure: number | null;
    openCases: number | null;
    casesByStage: { stage: string; cases: number | null }[];
    budgetApproved: string | null;
    budgetSpent: string | null;
  } | null;
  agriculture: {
    farmerCount: number | null;
    crops: { season: { cropYearBE: string; endsOn: string }; totalPlantedRai: number | null; byCrop: CropFigures[] };
  } | null;
  councils: {
    council: { name: string; notifiedYearBE?: number; memberCount?: number } | null;
    trainedChangeLeaders: number | null;
    welfareFundMembers: number | null;
    welfareFundBalance: string | null;
    codiGrantsTotal: string;
    changeLeaderTraining?: { module: string; moduleLabel: string; leadersCompleted: number | null }[];
    codiGrantsByFiscalYear?: { fiscalYearBE: number; grants: number; total: string }[];
  } | null;
}

/** A published figure and whether any part behind it was hidden (then it may be short by up to 4 a part). */
export interface Summed {
  value: number | null;
  hidden: boolean;
}

/** The hub's rule for a total: the published parts added up; null when that is 0 and a part is hidden. */
export function publishedSum(parts: (number | null | undefined)[]): Summed {
  let sum = 0;
  let hidden = false;
  for (const part of parts) {
    if (part === null || part === undefined) hidden = true;
    else sum += part;
  }
  return { value: sum === 0 && hidden ? null : sum, hidden };
}

/** Baht strings ("1282756.00") added in satang, so no float error creeps into a total. */
export function bahtSum(parts: (string | null | undefined)[]): { value: string | null; hidden: boolean } {
  let satang = 0n;
  let hidden = false;
  for (const part of parts) {
    if (part === null || part === undefined) hidden = true;
    else satang += BigInt(Math.round(Number(part) * 100));
  }
  if (satang === 0n && hidden) return { value: null, hidden };
  const abs = satang < 0n ? -satang : satang;
  return { value: `${satang < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`, hidden };
}

/** The figures of a place (province, district or tambon) as the panels show them. */
export interface PlaceFigures {
  tambons: number;
  registry: {
    householdCount: Summed;
    notAssessed: Summed;
    levels: Summed[];
    people: Summed;
    elderly: Summed;
    childrenUnder7: Summed;
    disabled: Summed;
    bedridden: Summed;
  } | null;
  housing: {
    surveyed: Summed;
    unsafe: Summed;
    insecure: Summed;
    openCases: Summed;
    stages: { stage: string; cases: Summed }[];
    budgetApproved: { value: string | null; hidden: boolean };
    budgetSpent: { value: string | null; hidden: boolean };
  } | null;
  agriculture: {
    farmers: Summed;
    plantedRai: Summed;
    season: { cropYearBE: string; endsOn: string } | null;
    crops: { crop: string; cropLabel: string; plantedRai: Summed; farmers: Summed; medianIncomePerRai: string | null }[];
  } | null;
  councils: { councils: number; trainedChangeLeaders: Summed; welfareFundMembers: Summed; welfareFundBalance: string | null } | null;
}

/**
 * A place's figures from its tambons' (one tambon: its own, as published). A section null in every
 * tambon is null (the agency did not answer). Medians are not additive: above a tambon they are null.
 */
export function placeFigures(tambons: TambonFigures[]): PlaceFigures {
  const single = tambons.length === 1;
  const of = <K extends Agency>(agency: K) => tambons.map((t) => t[agency]).filter((s): s is NonNullable<TambonFigures[K]> => s != null);
  const reg = of("registry");
  const hou = of("housing");
  const agr = of("agriculture");
  const cou = of("councils");
  const sum = <S>(sections: S[], pick: (s: S) => number | null | undefined) => publishedSum(sections.map(pick));
  return {
    tambons: tambons.length,
    registry:
      reg.length === 0
        ? null
        : {
            householdCount: sum(reg, (r) => r.householdCount),
            notAssessed: sum(reg, (r) => r.householdsNotAssessed),
            levels: [1, 2, 3, 4].map((level) => sum(reg, (r) => r.householdsByPovertyLevel.find((l) => l.level === level)?.households)),
            people: sum(reg, (r) => r.vulnerablePeople.people),
            elderly: sum(reg, (r) => r.vulnerablePeople.elderly),
            childrenUnder7: sum(reg, (r) => r.vulnerablePeople.childrenUnder7),
            disabled: sum(reg, (r) => r.vulnerablePeople.disabled),
            bedridden: sum(reg, (r) => r.vulnerablePeople.bedridden),
          },
    housing:
      hou.length === 0
        ? null
        : {
            surveyed: sum(hou, (h) => h.surveyedHouseholds),
            unsafe: sum(hou, (h) => h.unsafeHousing),
            insecure: sum(hou, (h) => h.insecureTenure),
            openCases: sum(hou, (h) => h.openCases),
            stages: hou[0].casesByStage.map(({ stage }) => ({
              stage,
              cases: sum(hou, (h) => h.casesByStage.find((s) => s.stage === stage)?.cases),
            })),
            budgetApproved: bahtSum(hou.map((h) => h.budgetApproved)),
            budgetSpent: bahtSum(hou.map((h) => h.budgetSpent)),
          },
    agriculture:
      agr.length === 0
        ? null
        : {
            farmers: sum(agr, (a) => a.farmerCount),
            plantedRai: sum(agr, (a) => a.crops.totalPlantedRai),
            season: agr[0].crops.season,
            crops: agr[0].crops.byCrop.map(({ crop, cropLabel }) => {
              const of = (a: (typeof agr)[number]) => a.crops.byCrop.find((c) => c.crop === crop);
              return {
                crop,
                cropLabel,
                plantedRai: sum(agr, (a) => of(a)?.plantedRai),
                farmers: sum(agr, (a) => of(a)?.farmers),
                medianIncomePerRai: single ? (of(agr[0])?.medianIncomePerRai ?? null) : null,
              };
            }),
          },
    councils:
      cou.length === 0
        ? null
        : {
            councils: cou.filter((c) => c.council).length,
            trainedChangeLeaders: sum(cou, (c) => c.trainedChangeLeaders),
            welfareFundMembers: sum(cou, (c) => c.welfareFundMembers),
            welfareFundBalance: bahtSum(cou.map((c) => c.welfareFundBalance)).value,
          },
  };
}

/** A share whose numerator may be hidden: the interval it lies in (a hidden count is 1-4). */
export interface Interval {
  lo: number;
  hi: number;
}

function share(part: number | null | undefined, whole: number | null | undefined): Interval | null {
  if (whole === null || whole === undefined || whole === 0) return null;
  if (part === undefined) return null;
  if (part === null) return { lo: 1 / whole, hi: Math.min(1, 4 / whole) };
  return { lo: part / whole, hi: part / whole };
}

export type IndicatorId = "hardship" | "unsafeHousing" | "fundCoverage" | "incomePerRai";
export const INDICATORS: IndicatorId[] = ["hardship", "unsafeHousing", "fundCoverage", "incomePerRai"];
/** The crop whose income per rai the map shows: glutinous rice, grown in nearly every tambon of Mukdahan. */
export const MAP_CROP = "RICE_GLUTINOUS";

/** The agency an indicator comes from (down: the map says so). */
export const INDICATOR_AGENCY: Record<IndicatorId, Agency> = {
  hardship: "registry",
  unsafeHousing: "housing",
  fundCoverage: "councils",
  incomePerRai: "agriculture",
};

/**
 * A tambon's value of an indicator: an interval (a share with a hidden count lies between 1/n and
 * 4/n), or null where there is nothing to show (no households, a hidden denominator, money withheld).
 */
export function indicator(id: IndicatorId, t: TambonFigures): Interval | null {
  switch (id) {
    case "hardship":
      return share(t.registry?.householdsByPovertyLevel.find((l) => l.level === 1)?.households, t.registry?.householdCount);
    case "unsafeHousing":
      return share(t.housing?.unsafeHousing, t.housing?.surveyedHouseholds);
    case "fundCoverage": {
      const s = share(t.councils?.welfareFundMembers, t.registry?.vulnerablePeople.people);
      return s && { lo: Math.min(1, s.lo), hi: Math.min(1, s.hi) };
    }
    case "incomePerRai": {
      const median = t.agriculture?.crops.byCrop.find((c) => c.crop === MAP_CROP)?.medianIncomePerRai;
      return median == null ? null : { lo: Number(median), hi: Number(median) };
    }
  }
}

/** Whether an error of the answer is about one agency's part: its service named, or its path runs into that agency's section or root field. */
export function errorIsAbout(agency: Agency, error: GraphQLErrorLike): boolean {
  const service = error.extensions?.serviceName;
  if (typeof service === "string") return service === SERVICE[agency];
  const path = error.path ?? [];
  return path.includes(agency) || (typeof path[0] === "string" && ROOT_FIELDS[path[0]] === agency);
}

export interface GraphQLErrorLike {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** An error that names neither a service nor a path: today's gateway reports a subgraph it could not reach so. */
const unattributed = (e: GraphQLErrorLike) => typeof e.extensions?.serviceName !== "string" && (e.path ?? []).length === 0;

/**
 * The agencies that did not answer: each one's section is null in every place answered (a section is
 * never null otherwise) and an error is about it (its path runs into it, or it names the agency's
 * service), or names nothing. A FORBIDDEN field nulls only itself, so it never marks an agency down.
 * `roots` are the operation's root fields an agency answers alone (programmeBudgets: housing).
 */
export function agenciesDown(tambons: TambonFigures[], errors: GraphQLErrorLike[] = [], roots: Record<string, unknown> = {}): Set<Agency> {
  const down = new Set<Agency>();
  const failures = errors.filter((e) => e.extensions?.code !== "FORBIDDEN");
  for (const agency of AGENCIES) {
    const about = failures.some((e) => errorIsAbout(agency, e) || unattributed(e));
    const nulled = tambons.length > 0 && tambons.every((t) => t[agency] === null);
    const rootNulled = Object.entries(roots).some(([field, value]) => ROOT_FIELDS[field] === agency && value === null);
    if (about && (nulled || rootNulled)) down.add(agency);
  }
  return down;
}

/** Housing's open stages (README: open is every stage but REJECTED and HANDED_OVER). */
export const CLOSED_STAGES = new Set(["REJECTED", "HANDED_OVER"]);

/** The Thai fiscal year (BE) a moment falls in, in Mukdahan's time: it starts on 1 October. */
export function fiscalYearBE(date: Date): number {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok", year: "numeric", month: "numeric" })
    .formatToParts(date)
    .filter((p) => p.type === "year" || p.type === "month")
    .map((p) => Number(p.value));
  return year + 543 + (month >= 10 ? 1 : 0);
}

/** A table row's cells as CSV (RFC 4180: quotes doubled, every field quoted that needs it). */
export function csv(rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** Q5's split of the earlier round's households in hardship by one agency's help (District.<agency>Outcomes). */
export interface HelpOutcome {
  help: string;
  label: string;
  helped: number | null;
  helpedMovedUp: number | null;
  notHelped: number | null;
  notHelpedMovedUp: number | null;
}
/** The district view's outcome fields, each with the scopes it needs: the registry's list of households, and the agency's own records. */
export const OUTCOMES = {
  housingOutcomes: "housing:read",
  agricultureOutcomes: "agriculture:read",
  councilsOutcomes: "community-councils:read",
} as const;
export type OutcomeField = keyof typeof OUTCOMES;

/** Which outcome fields a role may ask for (the others are left out of the request, not refused). */
export function outcomeVariables(scopes: string[]): Record<OutcomeField, boolean> {
  const registry = scopes.includes("social-development:read");
  return Object.fromEntries(Object.entries(OUTCOMES).map(([field, scope]) => [field, registry && scopes.includes(scope)])) as Record<
    OutcomeField,
    boolean
  >;
}

/** The fiscal years (CE, as tambonPlan takes them) the tambon view asks plans for: the current one and the one before. */
export function planYears(date: Date): { fiscalYear: number; previousFiscalYear: number } {
  const fiscalYear = fiscalYearBE(date) - 543;
  return { fiscalYear, previousFiscalYear: fiscalYear - 1 };
}
