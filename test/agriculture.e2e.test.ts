import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementsFor } from "./expect";
import { startHub, type TestHub } from "./hub";
import { today } from "../subgraphs/kit/clock";
import { CROPS } from "../subgraphs/agriculture/crop";

/**
 * The farmers council's subgraph through the gateway, on the shared demo population. Expected
 * figures are computed here by SQL of our own on the agriculture database, not by its resolvers.
 */
let hub: TestHub;
let large: TestHub;
const officer = { role: "farmers-council-officer" };
const analyst = { role: "provincial-analyst" };

beforeAll(async () => {
  [hub, large] = await Promise.all([startHub(), startHub({ data: "demo" })]);
});
afterAll(async () => {
  await Promise.all([hub?.stop(), large?.stop()]);
});

const sql = (h: TestHub, text: string, params: unknown[] = []) => h.subgraphs.agriculture.ds.query(text, params);

/** The last completed crop year (1 April–31 March) as of today in Bangkok, computed here independently of the subgraph. */
function lastSeason(on = today()): { from: string; to: string; year: number } {
  const [y, m] = on.split("-").map(Number);
  const started = m >= 4 ? y : y - 1;
  const year = started - 1;
  return { from: `${year}-04-01`, to: `${year + 1}-03-31`, year };
}

const TAMBON_FIGURES = `{ tambons { code agriculture { farmerCount youngFarmerCount
  crops { season { cropYear cropYearBE startsOn endsOn } totalPlantedRai byCrop { crop plantedRai cropCycles farmers soldCycles medianIncomePerRai } } } } }`;

/** Each tambon's code with the figures of its `agriculture` section. */
const figuresOf = (data: any): any[] => data.tambons.map((t: any) => ({ code: t.code, ...t.agriculture }));

describe("the farmers council's figures for a tambon", () => {
  it("every tambon shows its farmers, young farmers, and planted rai and median income per rai by crop, as the records say", async () => {
    const { data, errors } = await hub.query(TAMBON_FIGURES, {}, analyst);
    expect(errors).toBeUndefined();
    const tambons = figuresOf(data);
    expect(tambons).toHaveLength(53);
    const season = lastSeason();

    const counts: { tambon: string; farmers: number; young: number }[] = await sql(
      hub,
      `SELECT left(village_code, 6) AS tambon, count(*)::int AS farmers,
         count(*) FILTER (WHERE young_smart_farmer OR age(registered_on, birth_date) < interval '45 years')::int AS young
       FROM farmer GROUP BY 1`,
    );
    const crops: { tambon: string; crop: string; sq_wa: number; cycles: number; farmers: number; sold: number; median: string | null }[] =
      await sql(
        hub,
        `WITH cycles AS (SELECT left(f.village_code, 6) AS tambon, c.* FROM crop_cycle c JOIN farmer f USING (farm_book_no)
           WHERE c.harvested_on >= $1 AND c.harvested_on <= $2)
         SELECT tambon, crop, sum(planted_sq_wa)::int AS sq_wa, count(*)::int AS cycles, count(DISTINCT farm_book_no)::int AS farmers,
           count(*) FILTER (WHERE price_per_kg IS NOT NULL)::int AS sold,
           (SELECT round(avg(v), 2)::text FROM (
              SELECT v, row_number() OVER (ORDER BY v) AS i, count(*) OVER () AS n FROM (
                SELECT x.yield_kg * x.price_per_kg / (x.planted_sq_wa / 400.0) AS v FROM cycles x
                WHERE x.tambon = g.tambon AND x.crop = g.crop AND x.price_per_kg IS NOT NULL) s) r
            WHERE i IN ((n + 1) / 2, (n + 2) / 2)) AS median
         FROM cycles g GROUP BY 1, 2`,
        [season.from, season.to],
      );

    let farmersSeen = 0;
    for (const t of tambons) {
      const expected = counts.find((c) => c.tambon === t.code);
      expect(t.farmerCount, t.code).toBe(expected?.farmers ?? 0);
      expect(t.youngFarmerCount, t.code).toBe(expected?.young ?? 0);
      farmersSeen += t.farmerCount;
      expect(t.crops.season).toEqual({
        cropYear: season.year,
        cropYearBE: `${season.year + 543}/${String((season.year + 544) % 100).padStart(2, "0")}`,
        startsOn: season.from,
        endsOn: season.to,
      });
      const mine = crops.filter((c) => c.tambon === t.code);
      // Every crop, in the order of the Crop enum; a crop not harvested here is a row of zeros.
      expect(t.crops.byCrop.map((c: { crop: string }) => c.crop)).toEqual(CROPS);
      for (const c of t.crops.byCrop) {
        const e = mine.find((m) => m.crop === c.crop);
        expect(c, `${t.code} ${c.crop}`).toEqual({
          crop: c.crop,
          plantedRai: (e?.sq_wa ?? 0) / 400,
          cropCycles: e?.cycles ?? 0,
          farmers: e?.farmers ?? 0,
          soldCycles: e?.sold ?? 0,
          medianIncomePerRai: e?.median ?? null,
        });
      }
      expect(t.crops.totalPlantedRai).toBe(mine.reduce((n, c) => n + c.sq_wa, 0) / 400);
    }
    expect(farmersSeen).toBe((await sql(hub, `SELECT count(*)::int AS n FROM farmer`))[0].n);
  });

  it("a public dashboard sees the counts rounded to 5 (1-4 null), and areas and medians of 1-4 farmers hidden", async () => {
    const exact = figuresOf((await hub.query(TAMBON_FIGURES, {}, analyst)).data);
    const { data, errors } = await hub.query(TAMBON_FIGURES);
    expect(errors).toBeUndefined();
    const season = lastSeason();
    const sellers: { tambon: string; crop: string; n: number }[] = await sql(
      hub,
      `SELECT left(f.village_code, 6) AS tambon, c.crop, count(DISTINCT c.farm_book_no)::int AS n FROM crop_cycle c JOIN farmer f USING (farm_book_no)
       WHERE c.price_per_kg IS NOT NULL AND c.harvested_on BETWEEN $1 AND $2 GROUP BY 1, 2`,
      [season.from, season.to],
    );
    const few = (n: number) => n >= 1 && n <= 4;
    const rounded = (n: number) => (few(n) ? null : Math.round(n / 5) * 5);
    let suppressed = 0;
    figuresOf(data).forEach((t: any, i: number) => {
      const e = exact[i];
      expect(t.farmerCount).toBe(rounded(e.farmerCount));
      if (t.farmerCount === null) suppressed++;
      t.crops.byCrop.forEach((c: any, j: number) => {
        const ec = e.crops.byCrop[j];
        expect(c.plantedRai).toBe(few(ec.farmers) ? null : ec.plantedRai);
        expect(c.cropCycles).toBe(rounded(ec.cropCycles));
        const sold = sellers.find((s) => s.tambon === t.code && s.crop === c.crop)?.n ?? 0;
        expect(c.medianIncomePerRai).toBe(few(sold) ? null : ec.medianIncomePerRai);
      });
      const published = t.crops.byCrop.reduce((n: number, c: any) => n + Math.round((c.plantedRai ?? 0) * 400), 0);
      expect(t.crops.totalPlantedRai === null ? 0 : Math.round(t.crops.totalPlantedRai * 400)).toBe(published);
    });
    expect(suppressed).toBeGreaterThan(0); // 300 households over 53 tambons: some tambons have few farmers
  });

  it("an earlier season can be asked for, and a season not yet begun is refused naming cropYear", async () => {
    const { data, errors } = await hub.query(
      `{ tambon(code: "490201") { agriculture { crops(cropYear: 2023) { season { cropYearBE } totalPlantedRai } } } }`,
      {},
      analyst,
    );
    expect(errors).toBeUndefined();
    expect(data.tambon.agriculture.crops.season.cropYearBE).toBe("2566/67");
    expect(data.tambon.agriculture.crops.totalPlantedRai).toBeGreaterThan(0);
    const future = await hub.query(`{ tambon(code: "490201") { agriculture { crops(cropYear: 2999) { totalPlantedRai } } } }`, {}, analyst);
    expect(future.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(future.errors?.[0].extensions?.field).toBe("cropYear");
  });
});

const satangOf = (baht: string): bigint => {
  const [whole, fraction = ""] = baht.split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
};

describe("a household's farms", () => {
  it("a household's profile shows its farm book, plots, crop cycles and last season's crop income", async () => {
    const season = lastSeason();
    const [{ house_code: houseCode, farm_book_no: farmBook }] = await sql(
      hub,
      `SELECT f.house_code, f.farm_book_no FROM farmer f
       WHERE EXISTS (SELECT 1 FROM crop_cycle c WHERE c.farm_book_no = f.farm_book_no AND c.price_per_kg IS NOT NULL
         AND c.harvested_on BETWEEN $1 AND $2) ORDER BY f.farm_book_no LIMIT 1`,
      [season.from, season.to],
    );
    const { data, errors } = await hub.query(
      `query($c: String!) { household(houseCode: $c) {
      houseCode members { id relationToHead }
      farms { farmBookNumber registeredYearBE youngFarmer tambon { code nameTh } person { id relationToHead }
        totalArea { rai ngan squareWa decimalRai }
        plots { plotNumber landDocument landDocumentLabel waterSource area { rai ngan squareWa totalSquareWa decimalRai }
          cropCycles { crop cropLabel plantedArea { totalSquareWa } harvestedOn yieldKg pricePerKg income season { cropYear } } } }
      lastSeasonCropIncome { season { cropYear } income cropCycles soldCycles plantedRai }
    } }`,
      { c: houseCode },
      officer,
    );
    expect(errors).toBeUndefined();
    const h = data.household;
    expect(h.farms).toHaveLength(1);
    const farm = h.farms[0];
    expect(farm.farmBookNumber).toBe(farmBook);
    // The holder is the head or spouse of this very household in the social registry.
    expect(["HEAD", "SPOUSE"]).toContain(farm.person.relationToHead);
    expect(h.members.map((m: { id: string }) => m.id)).toContain(farm.person.id);
    const [{ village_code: village }] = await hub.subgraphs["social-development"].ds.query(
      `SELECT village_code FROM household WHERE house_code = $1`,
      [houseCode],
    );
    expect(farm.tambon.code).toBe(village.slice(0, 6)); // counted in the tambon where the registry has the household

    let seasonIncome = 0n;
    let plotSqWa = 0;
    for (const plot of farm.plots) {
      const a = plot.area;
      expect(a.rai * 400 + a.ngan * 100 + a.squareWa).toBe(a.totalSquareWa);
      expect(a.ngan).toBeLessThan(4);
      expect(a.squareWa).toBeLessThan(100);
      expect(a.decimalRai).toBe(a.totalSquareWa / 400);
      plotSqWa += a.totalSquareWa;
      for (const c of plot.cropCycles) {
        expect(c.plantedArea.totalSquareWa).toBeLessThanOrEqual(a.totalSquareWa);
        if (c.pricePerKg === null) expect(c.income).toBeNull();
        else expect(satangOf(c.income)).toBe(BigInt(c.yieldKg) * satangOf(c.pricePerKg)); // derived, exact
        if (c.harvestedOn && c.harvestedOn >= season.from && c.harvestedOn <= season.to) {
          expect(c.season.cropYear).toBe(season.year);
          if (c.income !== null) seasonIncome += satangOf(c.income);
        }
      }
    }
    expect(farm.totalArea.decimalRai).toBe(plotSqWa / 400);
    const [{ income }] = await sql(
      hub,
      `SELECT sum(yield_kg * price_per_kg)::text AS income FROM crop_cycle WHERE farm_book_no = $1 AND harvested_on BETWEEN $2 AND $3`,
      [farmBook, season.from, season.to],
    );
    expect(h.lastSeasonCropIncome.season.cropYear).toBe(season.year);
    expect(satangOf(h.lastSeasonCropIncome.income)).toBe(seasonIncome);
    expect(satangOf(h.lastSeasonCropIncome.income)).toBe(satangOf(income));
    expect(h.lastSeasonCropIncome.soldCycles).toBeGreaterThan(0);
  });

  it("a person's record shows the farm book they hold; a household without one shows no farms and no income", async () => {
    const [{ person_id: personId, farm_book_no: farmBook }] = await sql(
      hub,
      `SELECT person_id, farm_book_no FROM farmer ORDER BY farm_book_no DESC LIMIT 1`,
    );
    const { data, errors } = await hub.query(
      `query($id: String!) { person(id: $id) { id farmer { farmBookNumber } } }`,
      { id: personId },
      officer,
    );
    expect(errors).toBeUndefined();
    expect(data.person.farmer.farmBookNumber).toBe(farmBook);

    const farming = new Set((await sql(hub, `SELECT house_code FROM farmer`)).map((r: { house_code: string }) => r.house_code));
    const page = await hub.query(
      `{ households(first: 50) { nodes { houseCode farms { farmBookNumber } lastSeasonCropIncome { income } } } }`,
      {},
      officer,
    );
    expect(page.errors).toBeUndefined();
    const without = page.data.households.nodes.filter((n: { houseCode: string }) => !farming.has(n.houseCode));
    expect(without.length).toBeGreaterThan(0);
    for (const n of without) expect(n).toMatchObject({ farms: [], lastSeasonCropIncome: null });
  });

  it("farm records and incomes need the council's scopes: the public gets FORBIDDEN, and income reads are audited", async () => {
    const [{ farm_book_no: farmBook, house_code: houseCode }] = await sql(
      hub,
      `SELECT farm_book_no, house_code FROM farmer ORDER BY farm_book_no LIMIT 1`,
    );
    const denied = await hub.query(`query($f: String!) { farmer(farmBookNumber: $f) { farmBookNumber } }`, { f: farmBook });
    expect(denied.data?.farmer ?? null).toBeNull();
    expect(denied.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const housing = await hub.query(
      `query($c: String!) { household(houseCode: $c) { farms { farmBookNumber } lastSeasonCropIncome { income } } }`,
      { c: houseCode },
      { role: "housing-officer" },
    );
    expect(housing.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN", "FORBIDDEN"]);

    const before = (await sql(hub, `SELECT count(*)::int AS n FROM audit_log`))[0].n;
    const read = await hub.query(
      `query($c: String!) { household(houseCode: $c) { lastSeasonCropIncome { income } } }`,
      { c: houseCode },
      officer,
    );
    expect(read.errors).toBeUndefined();
    const [entry] = await sql(hub, `SELECT role, fields, records FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect((await sql(hub, `SELECT count(*)::int AS n FROM audit_log`))[0].n).toBe(before + 1);
    expect(entry).toEqual({
      role: "farmers-council-officer",
      fields: ["Household.lastSeasonCropIncome"],
      records: [`Household:${houseCode}`],
    });
  });
});

describe("the demo data", () => {
  it("about 60% of registry households farm, each farm book held by the head or spouse under the registry's linkage id", async () => {
    const registry = (text: string) => hub.subgraphs["social-development"].ds.query(text);
    const households: number = (await registry(`SELECT count(*)::int AS n FROM household`))[0].n;
    const farmers: { person_id: string; house_code: string; village_code: string }[] = await sql(
      hub,
      `SELECT person_id, house_code, village_code FROM farmer`,
    );
    expect(farmers.length / households).toBeGreaterThan(0.5);
    expect(farmers.length / households).toBeLessThan(0.7);
    const people = new Map<string, { house_code: string; relation: string; village_code: string }>(
      (await registry(`SELECT p.id, p.house_code, p.relation, h.village_code FROM person p JOIN household h USING (house_code)`)).map(
        (p: { id: string }) => [p.id, p],
      ),
    );
    for (const f of farmers) {
      const p = people.get(f.person_id);
      expect(p, f.person_id).toBeDefined();
      expect(p).toMatchObject({ house_code: f.house_code, village_code: f.village_code });
      expect(["HEAD", "SPOUSE"]).toContain(p!.relation);
    }
  });

  it("rice is on most farms, glutinous more than jasmine, with believable yields and prices", async () => {
    const byCrop: { crop: string; farms: number; sq_wa: number; min_y: number; max_y: number; min_p: string; max_p: string }[] = await sql(
      large,
      `SELECT crop, count(DISTINCT farm_book_no)::int AS farms, sum(planted_sq_wa)::int AS sq_wa,
         min(yield_kg * 400.0 / planted_sq_wa)::float8 AS min_y, max(yield_kg * 400.0 / planted_sq_wa)::float8 AS max_y,
         min(price_per_kg)::text AS min_p, max(price_per_kg)::text AS max_p
       FROM crop_cycle WHERE yield_kg IS NOT NULL GROUP BY crop`,
    );
    const get = (crop: string) => byCrop.find((c) => c.crop === crop)!;
    const farms = (await sql(large, `SELECT count(*)::int AS n FROM farmer`))[0].n;
    const riceFarms = (await sql(large, `SELECT count(DISTINCT farm_book_no)::int AS n FROM crop_cycle WHERE crop LIKE 'RICE%'`))[0].n;
    expect(riceFarms / farms).toBeGreaterThan(0.8);
    expect(get("RICE_GLUTINOUS").sq_wa).toBeGreaterThan(get("RICE_JASMINE").sq_wa);
    expect(get("CASSAVA").farms).toBeGreaterThan(get("RUBBER").farms);
    expect(get("SUGARCANE").farms).toBeGreaterThan(get("MAIZE").farms);
    const within = (crop: string, [ylo, yhi]: [number, number], [plo, phi]: [number, number]) => {
      const c = get(crop);
      expect(c.min_y, crop).toBeGreaterThanOrEqual(ylo);
      expect(c.max_y, crop).toBeLessThanOrEqual(yhi);
      expect(Number(c.min_p), crop).toBeGreaterThanOrEqual(plo);
      expect(Number(c.max_p), crop).toBeLessThanOrEqual(phi);
    };
    // Rounding to whole kilograms on small plots moves a yield per rai by a little.
    within("RICE_GLUTINOUS", [340, 480], [9, 16]);
    within("RICE_JASMINE", [310, 450], [9, 17]);
    within("CASSAVA", [2900, 3600], [1.7, 3.5]);
    within("SUGARCANE", [9900, 12100], [0.85, 1.35]);
    const complaints = (await sql(hub, `SELECT count(*)::int AS n FROM price_complaint`))[0].n;
    expect(complaints).toBeGreaterThanOrEqual(12);
    expect(complaints).toBeLessThanOrEqual(60);
  });
});

describe("lists an officer works from", () => {
  it("farmers page through a tambon with cursors, without gaps or repeats, young farmers on request", async () => {
    const [{ tambon }] = await sql(hub, `SELECT left(village_code, 6) AS tambon FROM farmer GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const { data, errors }: { data?: any; errors?: unknown } = await hub.query(
        `query($t: String!, $a: String) { farmers(tambonCode: $t, first: 2, after: $a) {
        totalCount pageInfo { hasNextPage endCursor } nodes { farmBookNumber tambon { code } } } }`,
        { t: tambon, a: after },
        officer,
      );
      expect(errors).toBeUndefined();
      total = data.farmers.totalCount;
      for (const n of data.farmers.nodes) expect(n.tambon.code).toBe(tambon);
      seen.push(...data.farmers.nodes.map((n: { farmBookNumber: string }) => n.farmBookNumber));
      after = data.farmers.pageInfo.hasNextPage ? data.farmers.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual(seen);
    const young = await hub.query(
      `query($t: String!) { farmers(tambonCode: $t, youngOnly: true, first: 100) { totalCount nodes { youngFarmer } } }`,
      { t: tambon },
      officer,
    );
    expect(young.data.farmers.nodes.every((n: { youngFarmer: boolean }) => n.youngFarmer)).toBe(true);
    expect(young.data.farmers.totalCount).toBe(
      (
        await sql(
          hub,
          `SELECT count(*)::int AS n FROM farmer WHERE left(village_code, 6) = $1 AND (young_smart_farmer OR age(registered_on, birth_date) < interval '45 years')`,
          [tambon],
        )
      )[0].n,
    );
  });

  it("price complaints list newest first, filter by status, and show how far the offer fell below the reference", async () => {
    const { data, errors } = await hub.query(
      `{ priceComplaints(first: 100, status: OPEN) { totalCount nodes {
      id crop status offeredPricePerKg referencePricePerKg shortfallPerKg filedYearBE farmer { farmBookNumber } } } }`,
      {},
      officer,
    );
    expect(errors).toBeUndefined();
    const open = await sql(hub, `SELECT id::text FROM price_complaint WHERE status = 'OPEN' ORDER BY price_complaint.id DESC`);
    expect(data.priceComplaints.totalCount).toBe(open.length);
    expect(data.priceComplaints.nodes.map((n: { id: string }) => n.id)).toEqual(open.map((r: { id: string }) => r.id));
    for (const n of data.priceComplaints.nodes) {
      expect(n.status).toBe("OPEN");
      expect(satangOf(n.shortfallPerKg)).toBe(satangOf(n.referencePricePerKg) - satangOf(n.offeredPricePerKg));
      expect(satangOf(n.shortfallPerKg) > 0n).toBe(true);
    }
  });

  it("crop prices set each crop's reference price against the prices received and offered in the season", async () => {
    const season = lastSeason();
    const { data, errors } = await hub.query(
      `{ cropPrices { season { cropYear } crops { crop referencePricePerKg referencePriceDate medianPriceReceivedPerKg sales medianOfferedPricePerKg complaints } } }`,
      {},
      analyst,
    );
    expect(errors).toBeUndefined();
    expect(data.cropPrices.season.cropYear).toBe(season.year);
    expect(data.cropPrices.crops).toHaveLength(9);
    const rice = data.cropPrices.crops.find((c: { crop: string }) => c.crop === "RICE_GLUTINOUS");
    const [ref] = await sql(
      hub,
      `SELECT price_per_kg::text AS p, effective_on::text AS d FROM reference_price
      WHERE crop = 'RICE_GLUTINOUS' AND effective_on <= $1 ORDER BY effective_on DESC LIMIT 1`,
      [season.to],
    );
    expect(rice).toMatchObject({ referencePricePerKg: ref.p, referencePriceDate: ref.d });
    const [sales] = await sql(
      hub,
      `SELECT count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY price_per_kg) AS m FROM crop_cycle
      WHERE crop = 'RICE_GLUTINOUS' AND price_per_kg IS NOT NULL AND harvested_on BETWEEN $1 AND $2`,
      [season.from, season.to],
    );
    expect(rice.sales).toBe(sales.n);
    expect(rice.medianPriceReceivedPerKg).toBe(sales.m.toFixed(2));
  });

  it("organizations and trainings of a tambon list their member and attending farmers", async () => {
    const [{ tambon }] = await sql(hub, `SELECT tambon_code AS tambon FROM farmer_organization ORDER BY registration_no LIMIT 1`);
    const { data, errors } = await hub.query(
      `query($t: String!) {
      farmerOrganizations(tambonCode: $t) { registrationNumber nameTh type typeLabel memberCount members { farmBookNumber tambon { code } } }
    }`,
      { t: tambon },
      officer,
    );
    expect(errors).toBeUndefined();
    for (const o of data.farmerOrganizations) {
      expect(o.memberCount).toBe(o.members.length);
      for (const m of o.members) expect(m.tambon.code).toBe(tambon);
    }
    const [{ tambon: where }] = await sql(hub, `SELECT tambon_code AS tambon FROM training ORDER BY id LIMIT 1`);
    const t = await hub.query(
      `query($t: String!) { farmerTrainings(tambonCode: $t) { title heldOn heldYearBE attendeeCount attendees { trainings { title } } } }`,
      { t: where },
      officer,
    );
    expect(t.errors).toBeUndefined();
    expect(t.data.farmerTrainings[0].attendeeCount).toBeGreaterThan(0);
    for (const a of t.data.farmerTrainings[0].attendees) expect(a.trainings.length).toBeGreaterThan(0);
  });
});

/**
 * 100 households with their farms, plots, crop cycles, season income, holders, organizations and
 * trainings: three operations, as the gateway's cost limit (20 items assumed per list) refuses one.
 */
const HOUSEHOLD_FARMS = [
  `{ households(first: 100) { nodes { houseCode lastSeasonCropIncome { income cropCycles } farms { farmBookNumber cropCycles { crop income } } } } }`,
  `{ households(first: 100) { nodes { farms { totalArea { rai } plots { plotNumber } } } } }`,
  `{ households(first: 100) { nodes { farms { person { relationToHead farmer { farmBookNumber } } organizations { nameTh } trainings { title } } } } }`,
];

const statements = async (h: TestHub, query: string, role?: string) => (await statementsFor(h, query, {}, { role })).counts;

describe("batching: the council's fields cost a fixed number of SQL statements", () => {
  it("Tambon figures over all 53 tambons: 2 statements, with 10 times the households too", async () => {
    const a = await statements(hub, TAMBON_FIGURES);
    const b = await statements(large, TAMBON_FIGURES);
    expect(a.agriculture).toBe(2); // farmer counts; the season's crop figures
    expect(b).toEqual(a);
  });

  it("100 households' farms, plots, crop cycles, season income, holders, organizations and trainings: a fixed count, with 10 times the households too", async () => {
    const a = [];
    const b = [];
    for (const q of HOUSEHOLD_FARMS) a.push(await statements(hub, q, officer.role));
    for (const q of HOUSEHOLD_FARMS) b.push(await statements(large, q, officer.role));
    // farms, season income, crop cycles, and the audit row for the incomes read; farms, plots;
    // farms, farmer by person, organizations, trainings
    expect(a.map((c) => c.agriculture)).toEqual([4, 2, 4]);
    expect(b).toEqual(a);
  });
});
