import type { DemoHousehold, DemoPerson } from "../kit/demo/population";
import { DEMO_REFERENCE_DATE } from "../kit/demo/population";
import { isoDaysBefore, type Rng } from "../kit/demo/random";
import { SQ_WA_PER_RAI } from "./area";
import { Crop, LandDocument, WaterSource } from "./crop";
import type { CropCycle } from "./crop-cycle.entity";
import type { Farmer } from "./farmer.entity";
import type { FarmPlot } from "./plot.entity";
import { DEMO_AS_OF, DEMO_CROP_YEARS, PROFILES, referencePrice, seasonDay } from "./seed.profiles";

/** Picks a value by weight (the weights need not sum to 1). */
export function weighted<T>(rng: Rng, options: [T, number][]): T {
  let r = rng.next() * options.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of options) {
    r -= w;
    if (r < 0) return value;
  }
  return options[options.length - 1][0];
}

/** The household member who holds the farm book: the head, or the spouse (often when the head is old). */
export function holderOf(household: DemoHousehold, rng: Rng): DemoPerson {
  const head = household.members[0];
  const spouse = household.members.find((m) => m.relation === "SPOUSE");
  const headAge = Number(DEMO_REFERENCE_DATE.slice(0, 4)) - Number(head.birthDate.slice(0, 4));
  return spouse && rng.chance(headAge >= 70 ? 0.6 : 0.15) ? spouse : head;
}

export function farmerRow(
  household: DemoHousehold,
  holder: DemoPerson,
  farmBookNumber: string,
  personId: string,
  rng: Rng,
): Partial<Farmer> {
  const age = Number(DEMO_REFERENCE_DATE.slice(0, 4)) - Number(holder.birthDate.slice(0, 4));
  const yearsBack = rng.int(0, Math.max(0, Math.min(15, age - 21)));
  const registeredOn = isoDaysBefore(DEMO_REFERENCE_DATE, yearsBack * 365 + rng.int(30, 364));
  const ageThen = Number(registeredOn.slice(0, 4)) - Number(holder.birthDate.slice(0, 4));
  return {
    farmBookNumber,
    personId,
    houseCode: household.houseCode,
    villageCode: household.villageCode,
    birthDate: holder.birthDate,
    registeredOn,
    youngSmartFarmer: ageThen < 45 && rng.chance(0.12),
    synthetic: true,
  };
}

/** Rice first, its kind drawn next (glutinous or jasmine). */
type CropChoice = Crop | "RICE";
const FIRST_CROP: [CropChoice, number][] = [
  ["RICE", 0.85],
  [Crop.CASSAVA, 0.09],
  [Crop.SUGARCANE, 0.06],
];
const OTHER_CROP: [CropChoice, number][] = [
  ["RICE", 0.33],
  [Crop.CASSAVA, 0.22],
  [Crop.SUGARCANE, 0.15],
  [Crop.RUBBER, 0.08],
  [Crop.MAIZE, 0.07],
  [Crop.VEGETABLES, 0.06],
  [Crop.FRUIT, 0.06],
  [Crop.OTHER, 0.03],
];
const FIELD_CROPS = [Crop.CASSAVA, Crop.SUGARCANE, Crop.MAIZE];

export interface DemoPlot {
  plot: Partial<FarmPlot>;
  crop: Crop;
}

/** One to four plots, about 5-40 rai in all, larger for households better off. */
export function plotsOf(farmBookNumber: string, wellbeing: number, rng: Rng): DemoPlot[] {
  const count = weighted(rng, [
    [1, 0.45],
    [2, 0.35],
    [3, 0.15],
    [4, 0.05],
  ]);
  const totalSqWa = Math.round((5 + 25 * wellbeing + rng.next() * 10) * SQ_WA_PER_RAI);
  const shares = Array.from({ length: count }, () => 0.5 + rng.next());
  const sum = shares.reduce((a, b) => a + b, 0);
  return shares.map((share, i) => {
    const choice = weighted(rng, i === 0 ? FIRST_CROP : OTHER_CROP);
    // In the north-east glutinous rice is the staple and outweighs jasmine.
    const crop = choice !== "RICE" ? choice : rng.chance(0.62) ? Crop.RICE_GLUTINOUS : Crop.RICE_JASMINE;
    const perennial = crop === Crop.RUBBER || crop === Crop.FRUIT || crop === Crop.VEGETABLES;
    return {
      crop,
      plot: {
        farmBookNumber,
        plotNumber: i + 1,
        areaSquareWa: Math.max(100, Math.round((totalSqWa * share) / sum)),
        landDocument: weighted(rng, [
          [LandDocument.CHANOT, 0.2 + 0.3 * wellbeing],
          [LandDocument.NS3, 0.2],
          [LandDocument.SPK_401, 0.25],
          [LandDocument.PBT5, 0.12],
          [LandDocument.NONE, 0.06],
          [LandDocument.OTHER, 0.03],
        ]),
        waterSource: weighted(rng, [
          [WaterSource.RAIN_FED, perennial ? 0.3 : 0.64],
          [WaterSource.IRRIGATION, 0.1],
          [WaterSource.POND, perennial ? 0.35 : 0.14],
          [WaterSource.WELL, perennial ? 0.15 : 0.05],
          [WaterSource.RIVER, 0.07],
        ]),
      },
    };
  });
}

/** A cycle per crop year; the last year's crops are still growing where their harvest is after the demo's last day. */
export function cyclesOf({ plot, crop: usual }: DemoPlot, wellbeing: number, rng: Rng): Partial<CropCycle>[] {
  const cycles: Partial<CropCycle>[] = [];
  for (const year of DEMO_CROP_YEARS) {
    if (rng.chance(0.05)) continue; // left fallow
    const crop = FIELD_CROPS.includes(usual) && rng.chance(0.1) ? rng.pick(FIELD_CROPS) : usual;
    const p = PROFILES[crop];
    const plantedOn = seasonDay(year, rng.int(...p.plantDays));
    if (plantedOn > DEMO_AS_OF) continue;
    const harvest = seasonDay(year, rng.int(...p.harvestDays));
    const wholePlot = crop.startsWith("RICE") || crop === Crop.RUBBER || crop === Crop.FRUIT;
    const plantedSquareWa = Math.max(1, Math.round(plot.areaSquareWa! * (wholePlot ? 1 : 0.7 + 0.3 * rng.next())));
    const cycle: Partial<CropCycle> = {
      farmBookNumber: plot.farmBookNumber,
      plotNumber: plot.plotNumber,
      crop,
      variety: rng.pick(p.varieties),
      plantedSquareWa,
      plantedOn,
      harvestedOn: null,
      yieldKg: null,
      pricePerKg: null,
      buyer: null,
    };
    cycles.push(cycle);
    if (harvest > DEMO_AS_OF) continue;
    const water = plot.waterSource === WaterSource.RAIN_FED ? 0 : 1;
    const where = Math.min(1, 0.5 * rng.next() + 0.3 * wellbeing + 0.2 * water);
    const perRai = p.yieldPerRai[0] + (p.yieldPerRai[1] - p.yieldPerRai[0]) * where;
    cycle.harvestedOn = harvest;
    cycle.yieldKg = Math.round((perRai * plantedSquareWa) / SQ_WA_PER_RAI);
    if (rng.chance(p.keptShare)) continue; // kept for the family, not sold
    cycle.pricePerKg = (referencePrice(crop, harvest) * (0.9 + 0.14 * rng.next())).toFixed(2);
    cycle.buyer = rng.pick(p.buyers);
  }
  return cycles;
}
