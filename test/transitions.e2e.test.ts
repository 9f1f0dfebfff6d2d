import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundedCount } from "../subgraphs/kit/disclosure";
import { geography } from "../subgraphs/kit/geography";
import { startHub, type TestHub } from "./hub";

/**
 * The transition matrix of poverty levels between the two most recent assessment rounds, for every
 * tambon, district and the province, checked against SQL written another way (DISTINCT ON per round)
 * on the demo data, its statement count, and what public callers see of it.
 */
let small: TestHub;
let demo: TestHub;
beforeAll(async () => {
  [small, demo] = await Promise.all([startHub(), startHub({ data: "demo" })]);
});
afterAll(() => Promise.all([small?.stop(), demo?.stop()]));

const MATRIX = `levelTransitions { fromYearBE toYearBE cells { fromLevel toLevel households } households movedUp stayed movedDown notReassessed }`;
const ALL = `{
  province { registry { ${MATRIX} } }
  districts { code registry { ${MATRIX} } }
  tambons { code registry { ${MATRIX} } }
}`;
const analyst = { role: "provincial-analyst" };

interface Matrix {
  fromYearBE: number;
  toYearBE: number;
  cells: { fromLevel: number; toLevel: number; households: number | null }[];
  households: number | null;
  movedUp: number | null;
  stayed: number | null;
  movedDown: number | null;
  notReassessed: number | null;
}

/** Each household's level in each round, by tambon, as plain SQL sees it. */
async function heldMatrices(hub: TestHub): Promise<Map<string, { cells: number[]; lost: number }>> {
  const rows: { tambon_code: string; from_level: number; to_level: number | null }[] = await hub.asOwner(
    "social-development",
    `WITH r AS (SELECT year_be, starts_on, ends_on, row_number() OVER (ORDER BY year_be DESC) AS n FROM assessment_round),
     lv AS (SELECT DISTINCT ON (a.house_code, r.n) a.house_code, r.n, a.poverty_level
            FROM assessment a JOIN r ON a.assessed_on >= r.starts_on AND a.assessed_on <= r.ends_on AND r.n <= 2
            ORDER BY a.house_code, r.n, a.assessed_on DESC, a.id DESC)
     SELECT h.tambon_code, f.poverty_level AS from_level, t.poverty_level AS to_level
     FROM household h JOIN lv f ON f.house_code = h.house_code AND f.n = 2
     LEFT JOIN lv t ON t.house_code = h.house_code AND t.n = 1`,
  );
  const held = new Map(geography().tambons.map((t) => [t.code, { cells: new Array(16).fill(0), lost: 0 }]));
  for (const r of rows) {
    const m = held.get(r.tambon_code)!;
    if (r.to_level === null) m.lost++;
    else m.cells[(r.from_level - 1) * 4 + (r.to_level - 1)]++;
  }
  return held;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const addUp = (ms: { cells: number[]; lost: number }[]) => ({
  cells: ms[0].cells.map((_, i) => sum(ms.map((m) => m.cells[i]))),
  lost: sum(ms.map((m) => m.lost)),
});
const expectExact = (got: Matrix, want: { cells: number[]; lost: number }, where: string) => {
  expect(
    got.cells.map((c) => c.households),
    where,
  ).toEqual(want.cells);
  expect(got.notReassessed, where).toBe(want.lost);
  expect(got.households, where).toBe(sum(want.cells));
  const part = (keep: (f: number, t: number) => boolean) => sum(want.cells.filter((_, i) => keep(Math.floor(i / 4), i % 4)));
  expect([got.movedUp, got.stayed, got.movedDown], where).toEqual([part((f, t) => t > f), part((f, t) => t === f), part((f, t) => t < f)]);
};

describe("how households moved between the two most recent assessment rounds", () => {
  it("most demo households are assessed in both rounds (2566 and 2568 BE), and some moved each way", async () => {
    const { data, errors } = await demo.query(`{ province { registry { ${MATRIX} } } }`, {}, analyst);
    expect(errors).toBeUndefined();
    const m: Matrix = data.province.registry.levelTransitions;
    expect([m.fromYearBE, m.toYearBE]).toEqual([2566, 2568]);
    expect(m.cells.map((c) => `${c.fromLevel}>${c.toLevel}`).slice(0, 5)).toEqual(["1>1", "1>2", "1>3", "1>4", "2>1"]);
    expect(m.households).toBeGreaterThan(3000 * 0.7);
    expect(m.movedUp).toBeGreaterThan(m.movedDown!);
    expect(m.movedDown).toBeGreaterThan(0);
    expect(m.stayed).toBeGreaterThan(m.movedUp!);
  });

  it("every tambon's, district's and the province's matrix agrees with SQL on the demo data", async () => {
    const held = await heldMatrices(demo);
    const { data, errors } = await demo.query(ALL, {}, analyst);
    expect(errors).toBeUndefined();
    expect(data.tambons).toHaveLength(53);
    for (const t of data.tambons) expectExact(t.registry.levelTransitions, held.get(t.code)!, t.code);
    expect(data.districts).toHaveLength(7);
    for (const d of data.districts) {
      const tambons = geography().tambons.filter((t) => t.districtCode === d.code);
      expectExact(d.registry.levelTransitions, addUp(tambons.map((t) => held.get(t.code)!)), d.code);
    }
    expectExact(data.province.registry.levelTransitions, addUp([...held.values()]), "49");
  });

  it("each place level costs the registry one SQL statement (one per gateway fetch), at either size", async () => {
    const cost = async (hub: TestHub, query: string) =>
      (
        await hub.countStatements(async () => {
          const { errors } = await hub.query(query, {}, analyst);
          expect(errors).toBeUndefined();
        })
      )["social-development"];
    for (const hub of [small, demo]) {
      expect(await cost(hub, `{ tambons { registry { ${MATRIX} } } }`)).toBe(1);
      expect(await cost(hub, `{ districts { registry { ${MATRIX} } } }`)).toBe(1);
      expect(await cost(hub, `{ province { registry { ${MATRIX} } } }`)).toBe(1);
      // The gateway asks the registry once for each of the three root fields' places.
      expect(await cost(hub, ALL)).toBe(3);
    }
  });

  it("public callers see each tambon's cells rounded to 5 (1-4 hidden), and every total as the sum of published cells", async () => {
    const held = await heldMatrices(demo);
    const { data, errors } = await demo.query(ALL);
    expect(errors).toBeUndefined();
    const published = new Map<string, (number | null)[]>();
    for (const t of data.tambons) {
      const m: Matrix = t.registry.levelTransitions;
      const cells = m.cells.map((c) => c.households);
      expect(cells, t.code).toEqual(held.get(t.code)!.cells.map(roundedCount));
      expect(m.notReassessed).toBe(roundedCount(held.get(t.code)!.lost));
      published.set(t.code, cells);
      const shownSum = (keep: (f: number, to: number) => boolean) => {
        const parts = cells.filter((_, i) => keep(Math.floor(i / 4), i % 4));
        const s = sum(parts.map((c) => c ?? 0));
        return s === 0 && parts.includes(null) ? null : s;
      };
      expect([m.households, m.movedUp, m.stayed, m.movedDown], t.code).toEqual([
        shownSum(() => true),
        shownSum((f, to) => to > f),
        shownSum((f, to) => to === f),
        shownSum((f, to) => to < f),
      ]);
    }
    expect([...published.values()].flat()).toContain(null); // small cells exist, and are hidden
    for (const d of data.districts) {
      const tambons = geography().tambons.filter((t) => t.districtCode === d.code);
      d.registry.levelTransitions.cells.forEach((c: { households: number | null }, i: number) => {
        const parts = tambons.map((t) => published.get(t.code)![i]);
        const s = sum(parts.map((p) => p ?? 0));
        expect(c.households, `${d.code} cell ${i}`).toBe(s === 0 && parts.includes(null) ? null : s);
      });
    }
  });
});
