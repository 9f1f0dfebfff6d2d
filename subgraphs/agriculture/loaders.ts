import type DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader } from "../kit/loaders";
import { CropCycle } from "./crop-cycle.entity";
import { Farmer } from "./farmer.entity";
import { seasonIncomes } from "./household.figures";
import { OrganizationMember } from "./organization.entity";
import { FarmPlot, plotKey } from "./plot.entity";
import type { CropSeason } from "./season";
import { cropFigures, farmerCounts } from "./tambon.figures";
import { TrainingAttendee } from "./training.entity";

/** One loader per season asked for in a request (a `cropYear` argument), each batching its keys. */
function perSeason<V>(create: (season: CropSeason) => DataLoader<string, V>): (season: CropSeason) => DataLoader<string, V> {
  const loaders = new Map<number, DataLoader<string, V>>();
  return (season) => {
    const loader = loaders.get(season.cropYear) ?? create(season);
    loaders.set(season.cropYear, loader);
    return loader;
  };
}

/** The farm book numbers among plot keys ("<farm book>-<plot>"). */
const farmBooksOf = (keys: string[]): string[] => [...new Set(keys.map((k) => k.slice(0, 12)))];

export function createLoaders(ds: DataSource) {
  const farmers = ds.getRepository(Farmer);
  const cycles = ds.getRepository(CropCycle);
  const newestFirst = { plantedOn: "DESC", id: "DESC" } as const;
  return {
    farmer: keyedLoader(
      (books: string[]) => farmers.findBy({ farmBookNumber: In(books) }),
      (f) => f.farmBookNumber,
    ),
    farmerOfPerson: keyedLoader(
      (ids: string[]) => farmers.findBy({ personId: In(ids) }),
      (f) => f.personId,
    ),
    farmsOfHousehold: groupedLoader(
      (codes: string[]) => farmers.find({ where: { houseCode: In(codes) }, order: { farmBookNumber: "ASC" } }),
      (f) => f.houseCode,
    ),
    plotsOfFarmer: groupedLoader(
      (books: string[]) => ds.getRepository(FarmPlot).find({ where: { farmBookNumber: In(books) }, order: { plotNumber: "ASC" } }),
      (p) => p.farmBookNumber,
    ),
    // Plots are asked for by key; a farm's other plots may come along and are dropped.
    plot: keyedLoader(
      (keys: string[]) => ds.getRepository(FarmPlot).findBy({ farmBookNumber: In(farmBooksOf(keys)) }),
      (p) => plotKey(p.farmBookNumber, p.plotNumber),
    ),
    cyclesOfPlot: groupedLoader(
      (keys: string[]) => cycles.find({ where: { farmBookNumber: In(farmBooksOf(keys)) }, order: newestFirst }),
      (c) => plotKey(c.farmBookNumber, c.plotNumber),
    ),
    cyclesOfFarmer: groupedLoader(
      (books: string[]) => cycles.find({ where: { farmBookNumber: In(books) }, order: newestFirst }),
      (c) => c.farmBookNumber,
    ),
    organizationsOfFarmer: groupedLoader(
      (books: string[]) =>
        ds.getRepository(OrganizationMember).find({
          where: { farmBookNumber: In(books) },
          relations: { organization: true },
          order: { registrationNumber: "ASC" },
        }),
      (m) => m.farmBookNumber,
    ),
    membersOfOrganization: groupedLoader(
      (numbers: string[]) =>
        ds.getRepository(OrganizationMember).find({
          where: { registrationNumber: In(numbers) },
          relations: { farmer: true },
          order: { farmBookNumber: "ASC" },
        }),
      (m) => m.registrationNumber,
    ),
    trainingsOfFarmer: groupedLoader(
      (books: string[]) =>
        ds.getRepository(TrainingAttendee).find({
          where: { farmBookNumber: In(books) },
          relations: { training: true },
          order: { training: { heldOn: "DESC" } },
        }),
      (a) => a.farmBookNumber,
    ),
    attendeesOfTraining: groupedLoader(
      (ids: string[]) =>
        ds.getRepository(TrainingAttendee).find({
          where: { trainingId: In(ids) },
          relations: { farmer: true },
          order: { farmBookNumber: "ASC" },
        }),
      (a) => a.trainingId,
    ),
    seasonIncome: perSeason((season) =>
      keyedLoader(
        (codes: string[]) => seasonIncomes(ds, season, codes),
        (r) => r.houseCode,
      ),
    ),
    farmerCounts: keyedLoader(
      (codes: string[]) => farmerCounts(ds, codes),
      (r) => r.tambonCode,
    ),
    cropFigures: perSeason((season) =>
      groupedLoader(
        (codes: string[]) => cropFigures(ds, season, codes),
        (r) => r.tambonCode,
      ),
    ),
  };
}

export type AgricultureLoaders = ReturnType<typeof createLoaders>;
