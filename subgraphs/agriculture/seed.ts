import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { seedTracker } from "../kit/seed-progress";
import { withSummariesDeferred } from "../kit/summary";
import { KEPT_FIGURES } from "./summaries";
import { bulkInsert } from "../kit/bulk";
import { demoHouseholds } from "../kit/demo/population";
import { Rng } from "../kit/demo/random";
import type { SeedOptions } from "../kit/subgraph";
import { CropCycle } from "./crop-cycle.entity";
import { Farmer } from "./farmer.entity";
import { FarmerOrganization, OrganizationMember } from "./organization.entity";
import { FarmPlot } from "./plot.entity";
import { PriceComplaint, ReferencePrice } from "./price-complaint.entity";
import { complaints, organizations, trainings, type FarmSummary } from "./seed.community";
import { cyclesOf, farmerRow, holderOf, plotsOf } from "./seed.farms";
import { referencePriceRows } from "./seed.profiles";
import { FarmerTraining, TrainingAttendee } from "./training.entity";

const BATCH = 5000;
/** This subgraph's own stream of random numbers, apart from the shared population's. */
const SEED_OFFSET = 4004;

/**
 * Demo rows are written with the entities' property names; kit/bulk.ts wants column names, which
 * the entity's metadata knows. Every row of one call has the same keys.
 */
async function insertAll<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const meta = m.connection.getMetadata(entity);
  const names = Object.keys(rows[0]).map((p) => [p, meta.findColumnWithPropertyName(p)!.databaseName] as const);
  for (let i = 0; i < rows.length; i += BATCH) {
    await bulkInsert(
      m,
      meta.tableName,
      rows.slice(i, i + BATCH).map((r) => Object.fromEntries(names.map(([p, c]) => [c, r[p] ?? null]))),
    );
  }
}

/**
 * Synthetic farm books for ~60% of the shared demo households (held by the head or spouse, with
 * the population's linkage ids and house codes, as the registry holds them), their plots and crop cycles over four crop years,
 * and the council's organizations, trainings and price complaints among them.
 */
export async function seedAgriculture(ds: DataSource, options: SeedOptions): Promise<void> {
  const rng = new Rng(options.seed + SEED_OFFSET);
  const farms: FarmSummary[] = [];
  const byTambon = new Map<string, FarmSummary[]>();
  const serial = new Map<string, number>();
  await ds.transaction((m) =>
    withSummariesDeferred(m, KEPT_FIGURES, async () => {
      const track = seedTracker(m, options.progress);
      await insertAll(m, ReferencePrice, referencePriceRows());
      let batch = { farmers: [] as Partial<Farmer>[], plots: [] as Partial<FarmPlot>[], cycles: [] as Partial<CropCycle>[] };
      const flush = async () => {
        await insertAll(m, Farmer, batch.farmers);
        await insertAll(m, FarmPlot, batch.plots);
        await insertAll(m, CropCycle, batch.cycles);
        batch = { farmers: [], plots: [], cycles: [] };
        await track.written();
      };
      for (const household of track.households(demoHouseholds(options.seed, options.households))) {
        if (!rng.chance(0.6)) continue;
        const holder = holderOf(household, rng);
        const n = (serial.get(household.villageCode) ?? 0) + 1;
        serial.set(household.villageCode, n);
        const farmBookNumber = `${household.villageCode}${String(n).padStart(4, "0")}`;
        const farmer = farmerRow(household, holder, farmBookNumber, holder.linkageId, rng);
        const plots = plotsOf(farmBookNumber, household.wellbeing, rng);
        batch.farmers.push(farmer);
        for (const plot of plots) {
          batch.plots.push(plot.plot);
          batch.cycles.push(...cyclesOf(plot, household.wellbeing, rng));
        }
        const summary: FarmSummary = {
          farmBookNumber,
          tambonCode: household.villageCode.slice(0, 6),
          villageCode: household.villageCode,
          mainCrop: plots[0].crop,
          young: farmer.youngSmartFarmer || Number(farmer.registeredOn!.slice(0, 4)) - Number(holder.birthDate.slice(0, 4)) < 45,
        };
        farms.push(summary);
        const neighbours = byTambon.get(summary.tambonCode);
        if (neighbours) neighbours.push(summary);
        else byTambon.set(summary.tambonCode, [summary]);
        if (batch.farmers.length >= BATCH) await flush();
      }
      await flush();
      if (farms.length === 0) return;

      const community = new Rng(options.seed + SEED_OFFSET + 1);
      const { orgs, members } = organizations(farms, byTambon, community);
      await insertAll(m, FarmerOrganization, orgs);
      await insertAll(m, OrganizationMember, members);
      for (const { training, attendees } of trainings(farms, byTambon, community)) {
        const { identifiers } = await m.insert(FarmerTraining, training);
        const trainingId = String(identifiers[0].id);
        await insertAll(
          m,
          TrainingAttendee,
          attendees.map((farmBookNumber) => ({ trainingId, farmBookNumber })),
        );
      }
      await insertAll(m, PriceComplaint, complaints(farms, community));
    }),
  );
}

export const isAgricultureEmpty = async (ds: DataSource): Promise<boolean> => (await ds.getRepository(Farmer).count()) === 0;
