import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operation } from "./held-figures";
import { startHub, type TestHub } from "./hub";

/**
 * Disclosure control, proven on every public figure of TambonProfile and DistrictRollup over the
 * whole demo province, and on the district and province totals the API publishes: no count of 1-4
 * (and no money, area or median over 1-4 contributors) can be read or worked out by combining them.
 * The exact figures are the provincial analyst's (the cross-check proves them right).
 */
let hub: TestHub;
const BASE = 5;
type Tree = Record<string, any>;

/** How each figure of the two operations is published (a figure not listed here fails the test). */
const KIND: Record<string, "cell" | "total" | "measure" | "register" | "label"> = {
  ...Object.fromEntries(
    ["households", "householdsNotAssessed", "people", "elderly", "childrenUnder7", "disabled", "bedridden", "welfareCardHolders"].map(
      (f) => [f, "cell"],
    ),
  ),
  ...Object.fromEntries(
    ["surveyedHouseholds", "unsafeHousing", "insecureTenure", "cases", "farmerCount", "youngFarmerCount", "farmers"].map((f) => [
      f,
      "cell",
    ]),
  ),
  trainedChangeLeaders: "cell", // a tambon's; a district's and the province's are totals (checked below)
  welfareFundMembers: "cell",
  householdCount: "total",
  openCases: "total",
  totalPlantedRai: "total",
  ...Object.fromEntries(
    ["budgetApproved", "budgetSpent", "plantedRai", "medianIncomePerRai", "welfareFundBalance"].map((f) => [f, "measure"]),
  ),
  // Facts about public bodies, shown exact: a council's seats today, CODI's grants to it.
  council: "register", // null: the tambon has no council
  memberCount: "register",
  codiGrantsTotal: "register",
  ...Object.fromEntries(
    ["code", "nameTh", "nameEn", "name", "level", "label", "stage", "cropLabel", "cropYearBE", "notifiedYearBE"].map((f) => [f, "label"]),
  ),
};
const CLOSED_STAGES = ["REJECTED", "HANDED_OVER"];
const isOpen = (s: Tree) => !CLOSED_STAGES.includes(s.stage);

const rounded = (n: number) => (n === 0 ? 0 : n < BASE ? null : Math.round(n / BASE) * BASE);
/** The documented rule for a total: the sum of its published parts, null when that is 0 and a part is null. */
const sumOfPublished = (parts: (number | null)[]) => {
  const sum = parts.reduce((n: number, p) => n + (p ?? 0), 0);
  return sum === 0 && parts.includes(null) ? null : sum;
};
const satang = (baht: string | null) => (baht === null ? null : Number(BigInt(baht.replace(".", ""))));
const baht = (n: number | null) => (n === null ? null : `${Math.trunc(n / 100)}.${String(n % 100).padStart(2, "0")}`);

interface View {
  /** Each tambon as TambonProfile answers it, and as each DistrictRollup that lists it does. */
  profiles: Map<string, Tree>;
  rollups: Tree[][];
  districts: Tree[];
  province: Tree;
}

let pub: View;
let exact: View;
let contributors: Map<string, Tree>;

async function view(role?: string): Promise<View> {
  const options = { role };
  const profile = operation("TambonProfile");
  const rollup = operation("DistrictRollup");
  const codes: string[] = (await hub.query(`{ tambons { code } }`)).data.tambons.map((t: Tree) => t.code);
  const profiles = new Map<string, Tree>();
  for (const code of codes) {
    const { data, errors } = await hub.query(profile.query, { code }, options);
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    profiles.set(code, data.tambon);
  }
  const rollups: Tree[][] = [];
  for (const districtCode of [...new Set(codes.map((c) => c.slice(0, 4))), null]) {
    const { data, errors } = await hub.query(rollup.query, { districtCode }, options);
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    rollups.push(data.tambons);
  }
  const totals = `{ districts { code councils { trainedChangeLeaders welfareFundMembers welfareFundBalance }
    tambons { code } } province { councils { trainedChangeLeaders welfareFundMembers welfareFundBalance } } }`;
  const { data } = await hub.query(totals, {}, options);
  return { profiles, rollups, districts: data.districts, province: data.province.councils };
}

beforeAll(async () => {
  hub = await startHub({ data: "demo" });
  [pub, exact] = [await view(), await view("provincial-analyst")];
  // Who is behind each magnitude (not published): SQL on the owning databases.
  const sql = (name: keyof TestHub["subgraphs"], text: string) => hub.subgraphs[name].ds.query(text) as Promise<Tree[]>;
  const [money, sellers, funds] = await Promise.all([
    sql(
      "housing",
      `SELECT tambon_code, count(DISTINCT house_code) FILTER (WHERE approved_budget IS NOT NULL)::int AS approved,
         count(DISTINCT house_code) FILTER (WHERE spent_amount IS NOT NULL)::int AS spent FROM assistance_case GROUP BY 1`,
    ),
    sql(
      "agriculture",
      `SELECT f.tambon_code, c.crop, count(DISTINCT c.farm_book_no)::int AS n FROM crop_cycle c JOIN farmer f USING (farm_book_no)
       WHERE c.price_per_kg IS NOT NULL AND c.harvested_on BETWEEN
         make_date(extract(year FROM current_date)::int - (extract(month FROM current_date) < 4)::int - 1, 4, 1) AND
         make_date(extract(year FROM current_date)::int - (extract(month FROM current_date) < 4)::int, 3, 31) GROUP BY 1, 2`,
    ),
    sql(
      "community-councils",
      `SELECT f.tambon_code, (SELECT count(*) FROM fund_member m WHERE m.fund_id = f.id)::int AS members,
         (SELECT count(DISTINCT person_id) FROM fund_contribution x WHERE x.fund_id = f.id)::int AS contributors,
         (SELECT count(DISTINCT person_id) FROM fund_payout x WHERE x.fund_id = f.id)::int AS paid FROM welfare_fund f`,
    ),
  ]);
  contributors = new Map();
  const of = (code: string) => contributors.get(code) ?? contributors.set(code, { sellers: {} }).get(code)!;
  for (const r of money) Object.assign(of(r.tambon_code), { approved: r.approved, spent: r.spent });
  for (const r of sellers) of(r.tambon_code).sellers[r.crop] = r.n;
  for (const r of funds) of(r.tambon_code).fund = r;
}, 300_000);
afterAll(() => hub?.stop());

/** Every figure (leaf) of a tambon, public and exact side by side, with its field name and path. */
function* figures(p: unknown, e: unknown, path: string, field = ""): Generator<{ path: string; field: string; p: any; e: any }> {
  if (Array.isArray(e)) {
    expect(Array.isArray(p) && p.length === e.length, path).toBe(true);
    for (const [i, x] of e.entries()) yield* figures((p as unknown[])[i], x, `${path}[${i}]`, field);
  } else if (e !== null && typeof e === "object") {
    for (const [k, x] of Object.entries(e)) yield* figures((p as Tree | null)?.[k] ?? null, x, `${path}.${k}`, k);
  } else {
    yield { path, field, p, e };
  }
}

const few = (n: number | undefined) => n !== undefined && n > 0 && n < BASE;

describe("the public sees no count of 1-4, and cannot work one out", () => {
  it("every figure is classified, every count is 0, null or a multiple of 5, and each cell is its exact count rounded", () => {
    let cells = 0;
    let hidden = 0;
    for (const [code, e] of exact.profiles) {
      for (const f of figures(pub.profiles.get(code), e, code)) {
        const kind = KIND[f.field];
        expect(kind, `${f.path}: a figure of the operation this test does not know how it is published`).toBeDefined();
        if (kind === "cell") {
          cells++;
          expect(f.p, f.path).toBe(rounded(f.e));
          if (f.p === null) hidden++;
        }
        if (kind === "cell" || (kind === "total" && f.field !== "totalPlantedRai")) {
          expect(f.p === null || (Number.isInteger(f.p) && f.p % BASE === 0), f.path).toBe(true);
          expect(f.p === 0, `${f.path}: 0 only when there are none`).toBe(f.e === 0);
        }
        if (kind === "register" || kind === "label") expect(f.p, f.path).toEqual(f.e);
      }
    }
    expect(cells).toBeGreaterThan(53 * 30);
    expect(hidden).toBeGreaterThan(100); // the demo has many small counts: the rule is exercised
  });

  it("within a tambon, every total is the sum of its published parts: households of their levels, open cases of their stages", () => {
    let oneLevelHidden = 0;
    for (const [code, t] of pub.profiles) {
      const r = t.registry;
      const parts = [...r.householdsByPovertyLevel.map((l: Tree) => l.households), r.householdsNotAssessed];
      expect(r.householdCount, code).toBe(sumOfPublished(parts));
      const open = t.housing.casesByStage.filter(isOpen).map((s: Tree) => s.cases);
      expect(t.housing.openCases, code).toBe(sumOfPublished(open));
      // The attack of issue 10: the total less the other published levels. It now gives 0, never the hidden count.
      const levels = r.householdsByPovertyLevel.map((l: Tree) => l.households);
      if (levels.filter((n: number | null) => n === null).length === 1) {
        oneLevelHidden++;
        const guess = r.householdCount - levels.reduce((n: number, x: number | null) => n + (x ?? 0), 0) - (r.householdsNotAssessed ?? 0);
        const hiddenLevel = levels.indexOf(null);
        expect(guess, code).not.toBe(exact.profiles.get(code)!.registry.householdsByPovertyLevel[hiddenLevel].households);
      }
    }
    expect(oneLevelHidden).toBeGreaterThan(0);
  });

  it("a district's totals are the sums of its tambons' published figures, the province's of its districts'", () => {
    const tambon = (code: string) => pub.profiles.get(code)!.councils;
    for (const d of pub.districts) {
      const ts = d.tambons.map((t: Tree) => tambon(t.code));
      expect(d.councils.trainedChangeLeaders, d.code).toBe(sumOfPublished(ts.map((t: Tree) => t.trainedChangeLeaders)));
      expect(d.councils.welfareFundMembers, d.code).toBe(sumOfPublished(ts.map((t: Tree) => t.welfareFundMembers)));
      const balances = ts.filter((_: Tree, i: number) => exact.profiles.get(d.tambons[i].code)!.councils.welfareFundBalance !== null);
      expect(satang(d.councils.welfareFundBalance), d.code).toBe(sumOfPublished(balances.map((t: Tree) => satang(t.welfareFundBalance))));
    }
    for (const field of ["trainedChangeLeaders", "welfareFundMembers"]) {
      expect(pub.province[field], field).toBe(sumOfPublished(pub.districts.map((d) => d.councils[field])));
      expect(exact.province[field], field).toBe(exact.districts.reduce((n, d) => n + d.councils[field], 0));
    }
    expect(satang(pub.province.welfareFundBalance)).toBe(sumOfPublished(pub.districts.map((d) => satang(d.councils.welfareFundBalance))));
  });

  it("a hidden count leaves every figure it adds up to unchanged, whichever of 1-4 it is (undetermined by any relation)", () => {
    // The relations the published figures obey: each total over its parts, within a tambon and up to the province.
    let checked = 0;
    for (const [code, e] of exact.profiles) {
      const r = e.registry;
      const parts: number[] = [...r.householdsByPovertyLevel.map((l: Tree) => l.households), r.householdsNotAssessed];
      for (const [i, n] of parts.entries()) {
        if (n < 1 || n > 4) continue;
        for (const v of [1, 2, 3, 4]) {
          const changed = parts.map((x, j) => (j === i ? v : x));
          expect(sumOfPublished(changed.map(rounded)), code).toBe(pub.profiles.get(code)!.registry.householdCount);
          checked++;
        }
      }
      const district = exact.districts.find((d) => d.tambons.some((t: Tree) => t.code === code))!;
      const published = pub.districts.find((d) => d.code === district.code)!.councils.trainedChangeLeaders;
      const others = district.tambons
        .filter((t: Tree) => t.code !== code)
        .map((t: Tree) => rounded(exact.profiles.get(t.code)!.councils.trainedChangeLeaders));
      const n = e.councils.trainedChangeLeaders;
      if (n >= 1 && n <= 4) for (const v of [1, 2, 3, 4]) expect(sumOfPublished([...others, rounded(v)]), code).toBe(published);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("money, areas and medians over 1-4 contributors are hidden, and what is shown is exact", () => {
    let hidden = 0;
    for (const [code, e] of exact.profiles) {
      const p = pub.profiles.get(code)!;
      const c = contributors.get(code) ?? { sellers: {} };
      const shownOrHidden = (pv: unknown, ev: unknown, behind: number | undefined, what: string) => {
        expect(pv === null || pv === ev, `${code} ${what}`).toBe(true);
        if (few(behind)) expect(pv, `${code} ${what} over ${behind}`).toBeNull();
        if (pv === null && ev !== null) hidden++;
      };
      shownOrHidden(p.housing.budgetApproved, e.housing.budgetApproved, c.approved, "budgetApproved");
      shownOrHidden(p.housing.budgetSpent, e.housing.budgetSpent, c.spent, "budgetSpent");
      const f = c.fund;
      const fundFew = f && (few(f.members) || few(f.contributors) || few(f.paid));
      shownOrHidden(p.councils.welfareFundBalance, e.councils.welfareFundBalance, fundFew ? 1 : f?.members, "welfareFundBalance");
      const crops = e.agriculture.crops.byCrop;
      for (const [i, crop] of crops.entries()) {
        const shown = p.agriculture.crops.byCrop[i];
        shownOrHidden(shown.plantedRai, crop.plantedRai, crop.farmers, `plantedRai of ${crop.cropLabel}`);
        const name = ["RICE_JASMINE", "RICE_GLUTINOUS", "CASSAVA", "SUGARCANE", "RUBBER", "MAIZE", "VEGETABLES", "FRUIT", "OTHER"][i];
        shownOrHidden(shown.medianIncomePerRai, crop.medianIncomePerRai, c.sellers[name], `median of ${crop.cropLabel}`);
      }
      const planted = p.agriculture.crops.byCrop.map((x: Tree) => (x.plantedRai === null ? null : Math.round(x.plantedRai * 400)));
      const total = p.agriculture.crops.totalPlantedRai;
      expect(total === null ? null : Math.round(total * 400), code).toBe(sumOfPublished(planted));
    }
    expect(hidden).toBeGreaterThan(0);
  });

  it("a tambon's figures are the same in its profile and in every rollup that lists it: two answers never differ to give one away", () => {
    for (const rollup of pub.rollups) {
      for (const t of rollup) {
        const profile = pub.profiles.get(t.code)!;
        for (const f of figures(t, t, t.code)) {
          const inProfile = f.path
            .split(".")
            .slice(1)
            .reduce((x: any, k) => {
              const m = /^(\w+)\[(\d+)\]$/.exec(k);
              return m ? x?.[m[1]]?.[Number(m[2])] : x?.[k];
            }, profile);
          if (inProfile !== undefined) expect(f.p, f.path).toEqual(inProfile);
        }
      }
    }
  });

  it("exact callers still get every figure exact: the provincial analyst's totals are the true sums", () => {
    for (const [code, e] of exact.profiles) {
      const r = e.registry;
      expect(r.householdCount, code).toBe(
        r.householdsByPovertyLevel.reduce((n: number, l: Tree) => n + l.households, 0) + r.householdsNotAssessed,
      );
      expect(e.housing.openCases, code).toBe(e.housing.casesByStage.filter(isOpen).reduce((n: number, s: Tree) => n + s.cases, 0));
    }
    expect(
      [...exact.profiles.values()].some((t) => t.registry.householdsByPovertyLevel.some((l: Tree) => l.households > 0 && l.households < 5)),
    ).toBe(true);
    expect(baht(satang(exact.province.welfareFundBalance))).toBe(exact.province.welfareFundBalance);
  });
});
