import type { SubgraphDefinition } from "../kit/subgraph";
import { agricultureOutcomes } from "./outcomes";
import { ReferralAnswers1765400000000 } from "../kit/referral-answer";
import { agricultureReferrals } from "./referrals";
import { District, Tambon } from "./area.stubs";
import { CropCycle } from "./crop-cycle.entity";
import { FarmerMutationResolver } from "./farmer.mutation";
import { Farmer } from "./farmer.entity";
import { FarmerResolver } from "./farmer.resolver";
import { HouseholdFarmsResolver, PersonFarmerResolver } from "./household.resolver";
import { createLoaders, type AgricultureLoaders } from "./loaders";
import { Agriculture1764300000000 } from "./migrations/1764300000000-agriculture";
import { AgricultureFigures1765300000000 } from "./migrations/1765300000000-agriculture-figures";
import { FarmerOrganization, OrganizationMember } from "./organization.entity";
import { OrganizationResolver, TrainingResolver } from "./organization.resolver";
import { FarmPlot } from "./plot.entity";
import { CropCycleResolver, PlotResolver } from "./plot.resolver";
import { PriceComplaint, ReferencePrice } from "./price-complaint.entity";
import { PriceMutationResolver } from "./price.mutation";
import { PriceComplaintResolver } from "./price.resolver";
import { Household, Person } from "./registry.stubs";
import { isAgricultureEmpty, seedAgriculture } from "./seed";
import { TambonAgricultureField, TambonAgricultureResolver } from "./tambon.resolver";
import { FarmerTraining, TrainingAttendee } from "./training.entity";
import { TrainingMutationResolver } from "./training.mutation";

/** `agriculture`, owned by the Provincial Farmers Council (สภาเกษตรกรจังหวัด). */
export const agriculture: SubgraphDefinition<AgricultureLoaders> = {
  name: "agriculture",
  resolvers: [
    agricultureOutcomes.resolver,
    ...agricultureReferrals.resolvers,
    FarmerResolver,
    PlotResolver,
    CropCycleResolver,
    PriceComplaintResolver,
    OrganizationResolver,
    TrainingResolver,
    TambonAgricultureField,
    TambonAgricultureResolver,
    HouseholdFarmsResolver,
    PersonFarmerResolver,
    FarmerMutationResolver,
    PriceMutationResolver,
    TrainingMutationResolver,
  ],
  orphanedTypes: [District, ...agricultureReferrals.orphanedTypes],
  entities: [
    agricultureReferrals.entity,
    Farmer,
    FarmPlot,
    CropCycle,
    ReferencePrice,
    PriceComplaint,
    FarmerOrganization,
    OrganizationMember,
    FarmerTraining,
    TrainingAttendee,
  ],
  migrations: [Agriculture1764300000000, AgricultureFigures1765300000000, ReferralAnswers1765400000000],
  loaders: (ds) => ({ ...createLoaders(ds), ...agricultureReferrals.loaders(ds), ...agricultureOutcomes.loaders(ds) }),
  referenceResolvers: {
    District: { __resolveReference: (ref: District): District => ({ code: ref.code, householdMoves: ref.householdMoves }) },
    Referral: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    Farmer: { __resolveReference: (ref: { farmBookNumber: string }, ctx) => ctx.loaders.farmer.load(ref.farmBookNumber) },
    // The fields added to these types need only the key, which the reference carries.
    Tambon: { __resolveReference: (ref: { code: string }): Tambon => ({ code: ref.code }) },
    Household: { __resolveReference: (ref: { houseCode: string }): Household => ({ houseCode: ref.houseCode }) },
    Person: { __resolveReference: (ref: { id: string }): Person => ({ id: ref.id }) },
  },
  // The demo's answers to the registry's demo referrals come from this agency's own seeded records.
  seed: async (ds, options) => {
    await seedAgriculture(ds, options);
    await agricultureReferrals.seed(ds, options);
  },
  isEmpty: isAgricultureEmpty,
};
