import type { SubgraphDefinition } from "../kit/subgraph";
import { Tambon } from "./area.stubs";
import { Assessment } from "./assessment.entity";
import { createDistrictLoaders, District, DistrictRegistryResolver, type DistrictLoaders } from "./district.resolver";
import { Household } from "./household.entity";
import { HouseholdResolver, PersonResolver } from "./household.resolver";
import { createLoaders, type RegistryLoaders } from "./loaders";
import { Registry1764100000000 } from "./migrations/1764100000000-registry";
import { RegistryFigures1765300000000 } from "./migrations/1765300000000-registry-figures";
import { Person } from "./person.entity";
import { LinkageResolver } from "./linkage.mutation";
import { RegistryMutationResolver } from "./registry.mutation";
import { isRegistryEmpty, seedRegistry } from "./seed";
import { TambonRegistryField, TambonRegistryResolver } from "./tambon.resolver";

/** `social-development`, owned by พมจ.: the social registry of households, people and assessments. */
export const socialDevelopment: SubgraphDefinition<RegistryLoaders & DistrictLoaders> = {
  name: "social-development",
  resolvers: [
    HouseholdResolver,
    PersonResolver,
    TambonRegistryField,
    TambonRegistryResolver,
    RegistryMutationResolver,
    DistrictRegistryResolver,
    LinkageResolver,
  ],
  // District is reached by no query here: only the gateway's references (housing's Q4) lead to it.
  orphanedTypes: [District],
  entities: [Household, Person, Assessment],
  migrations: [Registry1764100000000, RegistryFigures1765300000000],
  loaders: (ds) => ({ ...createLoaders(ds), ...createDistrictLoaders(ds) }),
  referenceResolvers: {
    Household: { __resolveReference: (ref: { houseCode: string }, ctx) => ctx.loaders.household.load(ref.houseCode) },
    Person: { __resolveReference: (ref: { id: string }, ctx) => ctx.loaders.person.load(ref.id) },
    // The registry's Tambon fields need only the code, which the reference carries.
    Tambon: { __resolveReference: (ref: { code: string }): Tambon => ({ code: ref.code }) },
    District: { __resolveReference: (ref: { code: string }): District => ({ code: ref.code }) },
  },
  seed: seedRegistry,
  isEmpty: isRegistryEmpty,
};
