import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answered, refusedUnchanged } from "./expect";
import { startHub, type TestHub } from "./hub";
import { today } from "../subgraphs/kit/clock";

let hub: TestHub;
const officer = { role: "farmers-council-officer" };
/** A registry household without a farm book, its village and its head's linkage id. */
let HOUSE: string;
let VILLAGE: string;
let PERSON: string;
beforeAll(async () => {
  hub = await startHub();
  const farming = (await hub.subgraphs.agriculture.ds.query(`SELECT house_code FROM farmer`)).map(
    (r: { house_code: string }) => r.house_code,
  );
  [{ house_code: HOUSE, village_code: VILLAGE, id: PERSON }] = await hub.subgraphs["social-development"].ds.query(
    `SELECT h.house_code, h.village_code, p.id FROM household h JOIN person p ON p.house_code = h.house_code AND p.relation = 'HEAD'
     WHERE NOT (h.house_code = ANY($1)) ORDER BY h.house_code LIMIT 1`,
    [farming],
  );
});
afterAll(() => hub?.stop());

const REGISTER = `mutation($input: RegisterFarmerInput!) { registerFarmer(input: $input) {
  farmBookNumber youngFarmer youngSmartFarmer registeredOn registeredYearBE tambon { code nameTh }
  plots { plotNumber landDocument waterSource area { rai ngan squareWa decimalRai } } } }`;
const ADD_PLOT = `mutation($input: AddPlotInput!) { addPlot(input: $input) { id plotNumber area { decimalRai } } }`;
const CYCLE = `mutation($input: RecordCropCycleInput!) { recordCropCycle(input: $input) {
  id crop plantedArea { rai ngan squareWa } harvestedOn yieldKg pricePerKg income yieldPerRai season { cropYear cropYearBE } } }`;
const COMPLAIN = `mutation($input: FilePriceComplaintInput!) { filePriceComplaint(input: $input) {
  id status offeredPricePerKg referencePricePerKg shortfallPerKg farmer { farmBookNumber } } }`;
const REVIEW = `mutation($input: ReviewPriceComplaintInput!) { reviewPriceComplaint(input: $input) { id status statusLabel statusNote } }`;
const TRAIN = `mutation($input: RecordTrainingInput!) { recordTraining(input: $input) { id title heldYearBE attendeeCount attendees { farmBookNumber } } }`;

/** The last completed crop year as of today in Bangkok, computed here: the household's season income counts its harvests. */
const [thisYear, thisMonth] = today().split("-").map(Number);
const started = thisMonth >= 4 ? thisYear : thisYear - 1;
const SEASON = started - 1;

const farmer = (overrides: Record<string, unknown> = {}) => ({
  farmBookNumber: "490201019001",
  personId: PERSON,
  houseCode: HOUSE,
  villageCode: VILLAGE,
  birthDate: "1992-03-15",
  registeredOn: "2024-05-01",
  plots: [
    { landDocument: "CHANOT", area: { rai: 12, ngan: 2, squareWa: 30 }, waterSource: "RAIN_FED" },
    { landDocument: "SPK_401", area: { rai: 3 }, waterSource: "POND" },
  ],
  ...overrides,
});
const cycle = (overrides: Record<string, unknown> = {}) => ({
  farmBookNumber: "490201019001",
  plotNumber: 1,
  crop: "RICE_GLUTINOUS",
  variety: "กข6",
  plantedArea: { rai: 12 },
  plantedOn: `${SEASON}-06-20`,
  harvestedOn: `${SEASON}-11-25`,
  yieldKg: 5034,
  pricePerKg: "11.35",
  buyer: "โรงสีข้าวชุมชน",
  ...overrides,
});

const TABLES = ["farmer", "plot", "crop_cycle", "price_complaint", "training", "training_attendee"];
const counts = async () =>
  (await hub.subgraphs.agriculture.ds.query(`SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(", ")}`))[0];

const refused = (query: string, input: Record<string, unknown>, code: string, field?: string, role = officer.role) =>
  refusedUnchanged(hub, query, { input }, { code, field }, counts, { role });

const ok = (query: string, input: Record<string, unknown>) => answered(hub, query, { input }, officer);

describe("registering farmers", () => {
  it("an officer registers a farm book with its plots, without any citizen ID; a holder under 45 is a young farmer", async () => {
    const f = await ok(REGISTER, farmer());
    expect(f).toMatchObject({ farmBookNumber: "490201019001", youngFarmer: true, youngSmartFarmer: false, registeredYearBE: 2567 });
    expect(f.tambon.code).toBe(VILLAGE.slice(0, 6));
    expect(f.tambon.nameTh).toMatch(/[ก-๙]/); // area's Thai name, joined by the gateway
    expect(f.plots[0]).toEqual({
      plotNumber: 1,
      landDocument: "CHANOT",
      waterSource: "RAIN_FED",
      area: { rai: 12, ngan: 2, squareWa: 30, decimalRai: 12.575 },
    });
    expect(f.plots[1].area.decimalRai).toBe(3);

    const older = await ok(
      REGISTER,
      farmer({ farmBookNumber: "490201019002", personId: "1".repeat(32), birthDate: "1960-01-01", plots: [] }),
    );
    expect(older.youngFarmer).toBe(false);
    const smart = await ok(
      REGISTER,
      farmer({ farmBookNumber: "490201019003", personId: "2".repeat(32), birthDate: "1960-01-01", youngSmartFarmer: true, plots: [] }),
    );
    expect(smart.youngFarmer).toBe(true);

    const p = await ok(ADD_PLOT, { farmBookNumber: "490201019002", landDocument: "NS3", area: { rai: 0, ngan: 3 }, waterSource: "WELL" });
    expect(p).toEqual({ id: "490201019002-1", plotNumber: 1, area: { decimalRai: 0.75 } });
    expect(
      (await ok(ADD_PLOT, { farmBookNumber: "490201019002", landDocument: "NONE", area: { rai: 1 }, waterSource: "RIVER" })).plotNumber,
    ).toBe(2);
  });

  it("bad registrations are refused naming the field, and nothing is written", async () => {
    const fresh = { farmBookNumber: "490201019010", personId: "3".repeat(32) };
    await refused(REGISTER, farmer({ ...fresh, farmBookNumber: "49020101901" }), "BAD_USER_INPUT", "farmBookNumber");
    await refused(REGISTER, farmer({ ...fresh, personId: "3100600445635" }), "BAD_USER_INPUT", "personId");
    await refused(REGISTER, farmer({ ...fresh, houseCode: "4902" }), "BAD_USER_INPUT", "houseCode");
    await refused(REGISTER, farmer({ ...fresh, villageCode: "49029999" }), "BAD_USER_INPUT", "villageCode");
    await refused(REGISTER, farmer({ ...fresh, birthDate: "2999-01-01" }), "BAD_USER_INPUT", "birthDate");
    await refused(REGISTER, farmer({ ...fresh, birthDate: "2015-01-01" }), "BAD_USER_INPUT", "birthDate");
    await refused(REGISTER, farmer({ ...fresh, registeredOn: "2025-02-30" }), "BAD_USER_INPUT", "registeredOn");
    const plot = (area: Record<string, number>) => [{ landDocument: "CHANOT", area, waterSource: "RAIN_FED" }];
    await refused(REGISTER, farmer({ ...fresh, plots: plot({ rai: 0 }) }), "BAD_USER_INPUT", "plots[0].area");
    await refused(REGISTER, farmer({ ...fresh, plots: plot({ rai: 1, ngan: 4 }) }), "BAD_USER_INPUT", "plots[0].area.ngan");
    await refused(
      ADD_PLOT,
      { farmBookNumber: "490201019999", landDocument: "NS3", area: { rai: 1 }, waterSource: "WELL" },
      "BAD_USER_INPUT",
      "farmBookNumber",
    );
  });

  it("a farm book number or a holder already registered is a CONFLICT, also when two officers race", async () => {
    await refused(REGISTER, farmer({ personId: "4".repeat(32) }), "CONFLICT", "farmBookNumber");
    await refused(REGISTER, farmer({ farmBookNumber: "490201019011" }), "CONFLICT", "personId");
    const input = farmer({ farmBookNumber: "490201019012", personId: "5".repeat(32), plots: [] });
    const results = await Promise.all([hub.query(REGISTER, { input }, officer), hub.query(REGISTER, { input }, officer)]);
    expect(results.map((r) => r.errors?.[0].extensions?.code ?? "OK").sort()).toEqual(["CONFLICT", "OK"]);
  });

  it("only the council's staff may write: the public and other agencies are FORBIDDEN, and nothing is written", async () => {
    await refused(
      REGISTER,
      farmer({ farmBookNumber: "490201019020", personId: "6".repeat(32) }),
      "FORBIDDEN",
      undefined,
      "housing-officer",
    );
    const before = await counts();
    const anonymous = await hub.query(REGISTER, { input: farmer({ farmBookNumber: "490201019020", personId: "6".repeat(32) }) });
    expect(anonymous.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await counts()).toEqual(before);
  });
});

describe("recording crop cycles", () => {
  it("a harvest records yield and price; income is yield × price, exact, and counts in the household's season", async () => {
    const c = await ok(CYCLE, cycle());
    expect(c).toMatchObject({
      crop: "RICE_GLUTINOUS",
      plantedArea: { rai: 12, ngan: 0, squareWa: 0 },
      yieldKg: 5034,
      pricePerKg: "11.35",
      income: "57135.90",
      yieldPerRai: 419.5,
      season: { cropYear: SEASON, cropYearBE: `${SEASON + 543}/${(SEASON + 544) % 100}` },
    });
    const growing = await ok(
      CYCLE,
      cycle({
        plotNumber: 2,
        crop: "CASSAVA",
        plantedArea: { rai: 3 },
        plantedOn: `${SEASON}-05-01`,
        harvestedOn: null,
        yieldKg: null,
        pricePerKg: null,
      }),
    );
    expect(growing).toMatchObject({ harvestedOn: null, income: null, season: null });
    const kept = await ok(
      CYCLE,
      cycle({
        plantedArea: { rai: 2 },
        plantedOn: `${SEASON - 1}-06-01`,
        harvestedOn: `${SEASON - 1}-11-20`,
        yieldKg: 800,
        pricePerKg: null,
      }),
    );
    expect(kept.income).toBeNull();
  });

  it("impossible cycles are refused naming the field, and nothing is written", async () => {
    await refused(CYCLE, cycle({ plantedArea: { rai: 12, ngan: 2, squareWa: 31 } }), "BAD_USER_INPUT", "plantedArea");
    await refused(CYCLE, cycle({ plantedArea: { rai: 0 } }), "BAD_USER_INPUT", "plantedArea");
    await refused(CYCLE, cycle({ plantedArea: { rai: -1 } }), "BAD_USER_INPUT", "plantedArea.rai");
    await refused(CYCLE, cycle({ harvestedOn: `${SEASON}-06-19` }), "BAD_USER_INPUT", "harvestedOn");
    await refused(CYCLE, cycle({ harvestedOn: "2999-11-25" }), "BAD_USER_INPUT", "harvestedOn");
    await refused(
      CYCLE,
      cycle({ plantedOn: "2999-06-20", harvestedOn: null, yieldKg: null, pricePerKg: null }),
      "BAD_USER_INPUT",
      "plantedOn",
    );
    await refused(CYCLE, cycle({ pricePerKg: "-1.00" }), "BAD_USER_INPUT", "pricePerKg");
    await refused(CYCLE, cycle({ pricePerKg: "11.355" }), "BAD_USER_INPUT", "pricePerKg");
    await refused(CYCLE, cycle({ yieldKg: -5 }), "BAD_USER_INPUT", "yieldKg");
    await refused(CYCLE, cycle({ harvestedOn: null }), "BAD_USER_INPUT", "yieldKg");
    await refused(CYCLE, cycle({ yieldKg: null }), "BAD_USER_INPUT", "pricePerKg");
    await refused(CYCLE, cycle({ plotNumber: 9 }), "BAD_USER_INPUT", "plotNumber");
    await refused(CYCLE, cycle({ farmBookNumber: "490201019999" }), "BAD_USER_INPUT", "farmBookNumber");
  });

  it("the household's profile and its tambon's figures include the recorded harvest", async () => {
    const { data, errors } = await hub.query(
      `query($c: String!) { household(houseCode: $c) {
      head { id } farms { farmBookNumber plots { plotNumber cropCycles { income } } }
      lastSeasonCropIncome { season { cropYear } income cropCycles soldCycles plantedRai } } }`,
      { c: HOUSE },
      officer,
    );
    expect(errors).toBeUndefined();
    // Every farm book registered above under this house code: a house registration may hold several farming households.
    expect(data.household.farms.map((f: { farmBookNumber: string }) => f.farmBookNumber)).toEqual([
      "490201019001",
      "490201019002",
      "490201019003",
      "490201019012",
    ]);
    expect(data.household.head.id).toBe(PERSON);
    // The season holds the sold rice harvest only: the cassava still grows, the kept rice was the season before.
    expect(data.household.lastSeasonCropIncome).toEqual({
      season: { cropYear: SEASON },
      income: "57135.90",
      cropCycles: 1,
      soldCycles: 1,
      plantedRai: 12,
    });

    const t = await hub.query(
      `query($t: String!, $y: Int!) { tambon(code: $t) { agriculture { crops(cropYear: $y) { byCrop { crop cropCycles plantedRai } } } } }`,
      { t: VILLAGE.slice(0, 6), y: SEASON },
      { role: "provincial-analyst" },
    );
    expect(t.errors).toBeUndefined();
    const [expected] = await hub.subgraphs.agriculture.ds.query(
      `SELECT count(*)::int AS n, sum(planted_sq_wa)::int AS sq_wa FROM crop_cycle c JOIN farmer f USING (farm_book_no)
      WHERE left(f.village_code, 6) = $3 AND c.crop = 'RICE_GLUTINOUS' AND c.harvested_on BETWEEN $1 AND $2`,
      [`${SEASON}-04-01`, `${SEASON + 1}-03-31`, VILLAGE.slice(0, 6)],
    );
    const rice = t.data.tambon.agriculture.crops.byCrop.find((c: { crop: string }) => c.crop === "RICE_GLUTINOUS");
    expect(rice).toEqual({ crop: "RICE_GLUTINOUS", cropCycles: expected.n, plantedRai: expected.sq_wa / 400 });
  });
});

describe("price complaints and trainings", () => {
  it("a complaint takes the published reference price when none is given, and moves from open to resolved", async () => {
    const [ref] = await hub.subgraphs.agriculture.ds.query(`SELECT price_per_kg::text AS p FROM reference_price
      WHERE crop = 'CASSAVA' AND effective_on <= '2026-02-10' ORDER BY effective_on DESC LIMIT 1`);
    const c = await ok(COMPLAIN, {
      farmBookNumber: "490201019001",
      crop: "CASSAVA",
      offeredPricePerKg: "1.50",
      buyer: "ลานมัน ทดสอบ",
      quantityKg: 12000,
      filedOn: "2026-02-10",
    });
    expect(c).toMatchObject({
      status: "OPEN",
      offeredPricePerKg: "1.50",
      referencePricePerKg: ref.p,
      farmer: { farmBookNumber: "490201019001" },
    });
    const shortfall = (Number(ref.p) * 100 - 150) / 100;
    expect(c.shortfallPerKg).toBe(shortfall.toFixed(2));

    expect((await ok(REVIEW, { id: c.id, status: "UNDER_REVIEW" })).status).toBe("UNDER_REVIEW");
    await refused(REVIEW, { id: c.id, status: "RESOLVED" }, "BAD_USER_INPUT", "note");
    const done = await ok(REVIEW, { id: c.id, status: "RESOLVED", note: "ผู้รับซื้อปรับราคาตามราคาอ้างอิง" });
    expect(done).toMatchObject({ status: "RESOLVED", statusNote: "ผู้รับซื้อปรับราคาตามราคาอ้างอิง" });
    await refused(REVIEW, { id: c.id, status: "OPEN" }, "CONFLICT", "status");
    await refused(REVIEW, { id: "999999999", status: "UNDER_REVIEW" }, "NOT_FOUND", "id");
  });

  it("bad complaints are refused naming the field, and nothing is written", async () => {
    const base = {
      farmBookNumber: "490201019001",
      crop: "SUGARCANE",
      offeredPricePerKg: "0.80",
      referencePricePerKg: "1.05",
      buyer: "โรงงานน้ำตาล ทดสอบ",
    };
    await refused(COMPLAIN, { ...base, offeredPricePerKg: "1.10" }, "BAD_USER_INPUT", "offeredPricePerKg");
    await refused(COMPLAIN, { ...base, offeredPricePerKg: "0.805" }, "BAD_USER_INPUT", "offeredPricePerKg");
    await refused(COMPLAIN, { ...base, referencePricePerKg: "abc" }, "BAD_USER_INPUT", "referencePricePerKg");
    await refused(COMPLAIN, { ...base, buyer: " " }, "BAD_USER_INPUT", "buyer");
    await refused(COMPLAIN, { ...base, filedOn: "2999-01-01" }, "BAD_USER_INPUT", "filedOn");
    await refused(COMPLAIN, { ...base, quantityKg: 0 }, "BAD_USER_INPUT", "quantityKg");
    await refused(COMPLAIN, { ...base, farmBookNumber: "490201019999" }, "BAD_USER_INPUT", "farmBookNumber");
    await refused(COMPLAIN, { ...base, referencePricePerKg: null, filedOn: "2001-01-01" }, "BAD_USER_INPUT", "referencePricePerKg");
  });

  it("a training is recorded with its attendees; an unknown farmer refuses the whole training", async () => {
    const t = await ok(TRAIN, {
      title: "การผลิตข้าวอินทรีย์",
      heldOn: "2025-08-15",
      tambonCode: "490201",
      attendees: ["490201019001", "490201019002", "490201019001"],
    });
    expect(t).toMatchObject({ title: "การผลิตข้าวอินทรีย์", heldYearBE: 2568, attendeeCount: 2 });
    const f = await hub.query(`{ farmer(farmBookNumber: "490201019002") { trainings { id } } }`, {}, officer);
    expect(f.data.farmer.trainings.map((x: { id: string }) => x.id)).toContain(t.id);

    const base = { title: "การลดต้นทุนการผลิต", heldOn: "2025-08-15", tambonCode: "490201", attendees: ["490201019001"] };
    await refused(TRAIN, { ...base, attendees: ["490201019001", "490201019999"] }, "BAD_USER_INPUT", "attendees");
    await refused(TRAIN, { ...base, attendees: ["4902"] }, "BAD_USER_INPUT", "attendees");
    await refused(TRAIN, { ...base, attendees: [] }, "BAD_USER_INPUT", "attendees");
    await refused(TRAIN, { ...base, tambonCode: "499999" }, "BAD_USER_INPUT", "tambonCode");
    await refused(TRAIN, { ...base, title: "" }, "BAD_USER_INPUT", "title");
    await refused(TRAIN, { ...base, heldOn: "2999-01-01" }, "BAD_USER_INPUT", "heldOn");
  });
});
