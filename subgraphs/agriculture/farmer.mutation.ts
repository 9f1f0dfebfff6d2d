import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { WRITE } from "./access";
import type { EntityManager } from "typeorm";
import { BadUserInputError, ConflictError } from "../kit/errors";
import { baht } from "../kit/money";
import type { SubgraphContext } from "../kit/subgraph";
import { inTransaction } from "../kit/transaction";
import * as check from "../kit/validate";
import { areaText, squareWaOf } from "./area";
import { CropCycle } from "./crop-cycle.entity";
import { Farmer } from "./farmer.entity";
import { AddPlotInput, PlotInput, RecordCropCycleInput, RegisterFarmerInput } from "./farmer.input";
import { FarmPlot } from "./plot.entity";

const UNIQUES = {
  farmer_pkey: ["farmBookNumber", "a farmer is already registered with this farm book number"],
  farmer_person_key: ["personId", "this person already holds a farm book"],
} as const satisfies Record<string, [string, string]>;

/** The farmer of a farm book, locked so concurrent writes to its plots take turns. */
export async function existingFarmer(m: EntityManager, farmBookNumber: string): Promise<Farmer> {
  const farmer = await m
    .createQueryBuilder(Farmer, "f")
    .setLock("pessimistic_write")
    .where("f.farm_book_no = :fb", { fb: check.digits("farmBookNumber", farmBookNumber, 12) })
    .getOne();
  if (!farmer) throw new BadUserInputError("farmBookNumber", "no farmer is registered with this farm book number");
  return farmer;
}

const plotRow = (areaField: string, p: PlotInput) => ({
  landDocument: p.landDocument,
  waterSource: p.waterSource,
  areaSquareWa: squareWaOf(areaField, p.area),
});

/** The farm book's writes: every argument checked first, one transaction each. */
@Authorized(WRITE)
@Resolver()
export class FarmerMutationResolver {
  @Mutation(() => Farmer, { nullable: true })
  registerFarmer(@Arg("input", () => RegisterFarmerInput) input: RegisterFarmerInput, @Ctx() ctx: SubgraphContext): Promise<Farmer> {
    const farmBookNumber = check.digits("farmBookNumber", input.farmBookNumber, 12);
    const personId = check.linkageId("personId", input.personId);
    const houseCode = check.digits("houseCode", input.houseCode, 11);
    const village = check.villageCode("villageCode", input.villageCode);
    const registeredOn =
      input.registeredOn == null ? check.today() : check.isoDate("registeredOn", input.registeredOn, { min: "1990-01-01" });
    const birthDate = check.isoDate("birthDate", input.birthDate);
    const fifteenth = `${Number(birthDate.slice(0, 4)) + 15}${birthDate.slice(4)}`;
    if (fifteenth > registeredOn) throw new BadUserInputError("birthDate", "the holder must be at least 15 years old on registeredOn");
    if (input.plots.length > 50) throw new BadUserInputError("plots", "at most 50 plots at a time");
    const plots = input.plots.map((p, i) => plotRow(`plots[${i}].area`, p));
    return inTransaction(
      ctx.ds,
      async (m) => {
        if (await m.existsBy(Farmer, { farmBookNumber })) throw new ConflictError(...UNIQUES.farmer_pkey);
        if (await m.existsBy(Farmer, { personId })) throw new ConflictError(...UNIQUES.farmer_person_key);
        await m.insert(Farmer, {
          farmBookNumber,
          personId,
          houseCode,
          villageCode: village,
          birthDate,
          registeredOn,
          youngSmartFarmer: input.youngSmartFarmer,
          synthetic: false,
        });
        if (plots.length)
          await m.insert(
            FarmPlot,
            plots.map((p, i) => ({ ...p, farmBookNumber, plotNumber: i + 1 })),
          );
        return m.findOneByOrFail(Farmer, { farmBookNumber });
      },
      UNIQUES,
    );
  }

  @Mutation(() => FarmPlot, { nullable: true, description: "Adds a plot to a farm book, numbered after its last." })
  addPlot(@Arg("input", () => AddPlotInput) input: AddPlotInput, @Ctx() ctx: SubgraphContext): Promise<FarmPlot> {
    const farmBookNumber = check.digits("farmBookNumber", input.farmBookNumber, 12);
    const row = plotRow("area", input);
    return inTransaction(ctx.ds, async (m) => {
      await existingFarmer(m, farmBookNumber);
      const { last } = (await m
        .createQueryBuilder(FarmPlot, "p")
        .select("max(p.plot_no)", "last")
        .where("p.farm_book_no = :fb", { fb: farmBookNumber })
        .getRawOne()) as { last: number | null };
      const plotNumber = (last ?? 0) + 1;
      await m.insert(FarmPlot, { ...row, farmBookNumber, plotNumber });
      return m.findOneByOrFail(FarmPlot, { farmBookNumber, plotNumber });
    });
  }

  @Mutation(() => CropCycle, { nullable: true })
  recordCropCycle(@Arg("input", () => RecordCropCycleInput) input: RecordCropCycleInput, @Ctx() ctx: SubgraphContext): Promise<CropCycle> {
    const farmBookNumber = check.digits("farmBookNumber", input.farmBookNumber, 12);
    const plotNumber = check.intInRange("plotNumber", input.plotNumber, 1, 32767);
    const plantedSquareWa = squareWaOf("plantedArea", input.plantedArea);
    const plantedOn = check.isoDate("plantedOn", input.plantedOn, { min: "2000-01-01" });
    const harvestedOn = input.harvestedOn == null ? null : check.isoDate("harvestedOn", input.harvestedOn, { min: "2000-01-01" });
    if (harvestedOn !== null && harvestedOn < plantedOn) throw new BadUserInputError("harvestedOn", "must not be before plantedOn");
    const yieldKg = input.yieldKg == null ? null : check.intInRange("yieldKg", input.yieldKg, 0, 1_000_000_000);
    if (yieldKg !== null && harvestedOn === null)
      throw new BadUserInputError("yieldKg", "needs harvestedOn: a yield is known only after the harvest");
    const pricePerKg = input.pricePerKg == null ? null : baht("pricePerKg", input.pricePerKg, { max: "99999999.99" });
    if (pricePerKg !== null && yieldKg === null)
      throw new BadUserInputError("pricePerKg", "needs yieldKg: a price is for a harvested weight");
    const row = {
      farmBookNumber,
      plotNumber,
      crop: input.crop,
      variety: check.optionalText("variety", input.variety, 100),
      plantedSquareWa,
      plantedOn,
      harvestedOn,
      yieldKg,
      pricePerKg,
      buyer: check.optionalText("buyer", input.buyer, 200),
    };
    return inTransaction(ctx.ds, async (m) => {
      await existingFarmer(m, farmBookNumber);
      const plot = await m.findOneBy(FarmPlot, { farmBookNumber, plotNumber });
      if (!plot) throw new BadUserInputError("plotNumber", "this farm book has no plot with this number");
      if (plantedSquareWa > plot.areaSquareWa) {
        throw new BadUserInputError("plantedArea", `must not exceed the plot's area, ${areaText(plot.areaSquareWa)}`);
      }
      const { identifiers } = await m.insert(CropCycle, row);
      return m.findOneByOrFail(CropCycle, { id: identifiers[0].id });
    });
  }
}
