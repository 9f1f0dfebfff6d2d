import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHub, type TestHub } from "./hub";

/**
 * The farmers council's subgraph through the gateway, on the shared demo population. Expected
 * figures are computed here by SQL of our own on the agriculture database, not by its resolvers.
 */
let hub: TestHub;
let large: TestHub;
const officer = { role: "farmers-council-officer" };
const analyst = { role: "provincial-analyst" };

beforeAll(async () => {
  [hub, large] = await Promise.all([startHub({ households: 300 }), startHub({ households: 3000 })]);
});
afterAll(async () => {
  await Promise.all([hub?.stop(), large?.stop()]);
});

const sql = (h: TestHub, text: string, params: unknown[] = []) => h.subgraphs.agriculture.ds.query(text, params);

/** The last completed crop year (1 April–31 March), computed here independently of the subgraph. */
function lastSeason(now = new Date()): { from: string; to: string; year: number } {
  const started = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const year = started - 1;
  return { from: `${year}-04-01`, to: `${year + 1}-03-31`, year };
}

const TAMBON_FIGURES = `{ tambons { code farmerCount youngFarmerCount
  crops { season { cropYear cropYearBE startsOn endsOn } totalPlantedRai byCrop { crop plantedRai cropCycles farmers soldCycles medianIncomePerRai } } } }`;

describe("the farmers council's figures for a tambon", () => {
  it("every tambon shows its farmers, young farmers, and planted rai and median income per rai by crop, as the records say", async () => {
    const { data, errors } = await hub.query(TAMBON_FIGURES, {}, analyst);
    expect(errors).toBeUndefined();
    expect(data.tambons).toHaveLength(53);
    const season = lastSeason();

    const counts: { tambon: string; farmers: number; young: number }[] = await sql(hub,
      `SELECT left(village_code, 6) AS tambon, count(*)::int AS farmers,
         count(*) FILTER (WHERE young_smart_farmer OR age(registered_on, birth_date) < interval '45 years')::int AS young
       FROM farmer GROUP BY 1`);
    const crops: { tambon: string; crop: string; sq_wa: number; cycles: number; farmers: number; sold: number; median: number | null }[] = await sql(hub,
      `SELECT left(f.village_code, 6) AS tambon, c.crop, sum(c.planted_sq_wa)::int AS sq_wa, count(*)::int AS cycles,
         count(DISTINCT f.farm_book_no)::int AS farmers, count(*) FILTER (WHERE c.price_per_kg IS NOT NULL)::int AS sold,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY c.yield_kg * c.price_per_kg / (c.planted_sq_wa / 400.0)) AS median
       FROM crop_cycle c JOIN farmer f USING (farm_book_no)
       WHERE c.harvested_on >= $1 AND c.harvested_on <= $2 GROUP BY 1, 2`, [season.from, season.to]);

    let farmersSeen = 0;
    for (const t of data.tambons) {
      const expected = counts.find((c) => c.tambon === t.code);
      expect(t.farmerCount, t.code).toBe(expected?.farmers ?? 0);
      expect(t.youngFarmerCount, t.code).toBe(expected?.young ?? 0);
      farmersSeen += t.farmerCount;
      expect(t.crops.season).toEqual({
        cropYear: season.year, cropYearBE: `${season.year + 543}/${String((season.year + 544) % 100).padStart(2, "0")}`,
        startsOn: season.from, endsOn: season.to,
      });
      const mine = crops.filter((c) => c.tambon === t.code);
      expect(t.crops.byCrop.map((c: { crop: string }) => c.crop).sort()).toEqual(mine.map((c) => c.crop).sort());
      for (const c of t.crops.byCrop) {
        const e = mine.find((m) => m.crop === c.crop)!;
        expect(c, `${t.code} ${c.crop}`).toEqual({
          crop: e.crop, plantedRai: e.sq_wa / 400, cropCycles: e.cycles, farmers: e.farmers, soldCycles: e.sold,
          medianIncomePerRai: e.median === null ? null : e.median.toFixed(2),
        });
      }
    }
    expect(farmersSeen).toBe((await sql(hub, `SELECT count(*)::int AS n FROM farmer`))[0].n);
  });

  it("a public dashboard sees the same figures, with counts of 1-4 and medians of 1-4 sales suppressed", async () => {
    const exact = (await hub.query(TAMBON_FIGURES, {}, analyst)).data.tambons;
    const { data, errors } = await hub.query(TAMBON_FIGURES);
    expect(errors).toBeUndefined();
    let suppressed = 0;
    data.tambons.forEach((t: any, i: number) => {
      const e = exact[i];
      const shown = (n: number) => (n >= 1 && n <= 4 ? null : n);
      expect(t.farmerCount).toBe(shown(e.farmerCount));
      if (t.farmerCount === null) suppressed++;
      t.crops.byCrop.forEach((c: any, j: number) => {
        const ec = e.crops.byCrop[j];
        expect(c.plantedRai).toBe(ec.plantedRai);
        expect(c.cropCycles).toBe(shown(ec.cropCycles));
        expect(c.medianIncomePerRai).toBe(ec.soldCycles >= 1 && ec.soldCycles <= 4 ? null : ec.medianIncomePerRai);
      });
    });
    expect(suppressed).toBeGreaterThan(0); // 300 households over 53 tambons: some tambons have few farmers
  });

  it("an earlier season can be asked for, and a season not yet begun is refused naming cropYear", async () => {
    const { data, errors } = await hub.query(`{ tambon(code: "490201") { crops(cropYear: 2023) { season { cropYearBE } totalPlantedRai } } }`, {}, analyst);
    expect(errors).toBeUndefined();
    expect(data.tambon.crops.season.cropYearBE).toBe("2566/67");
    expect(data.tambon.crops.totalPlantedRai).toBeGreaterThan(0);
    const future = await hub.query(`{ tambon(code: "490201") { crops(cropYear: 2999) { totalPlantedRai } } }`, {}, analyst);
    expect(future.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(future.errors?.[0].extensions?.field).toBe("cropYear");
  });
});
