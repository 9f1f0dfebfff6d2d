import type { SubgraphDefinition } from "../kit/subgraph";
import { Tambon } from "./area.stubs";
import { Assessment } from "./assessment.entity";
import { createDistrictLoaders, District, DistrictRegistryResolver, type DistrictLoaders } from "./district.resolver";
import { Household } from "./household.entity";
import { HouseholdResolver, PersonResolver } from "./household.resolver";
import { createLoaders, type RegistryLoaders } from "./loaders";
import { Registry1764100000000 } from "./migrations/1764100000000-registry";
import { RegistryFigures1765300000001 } from "./migrations/1765300000001-registry-figures";
import { Person } from "./person.entity";
import { LinkageResolver } from "./linkage.mutation";
import { RegistryMutationResolver } from "./registry.mutation";
import { isRegistryEmpty, seedRegistry } from "./seed";
import { TambonRegistryField, TambonRegistryResolver } from "./tambon.resolver";
import { createMoveLoaders, DistrictMovesResolver, type MoveLoaders } from "./moves.resolver";
import { Rounds1765300000000 } from "./migrations/1765300000000-rounds";
import { Casework1765400000000 } from "./migrations/1765400000000-casework";
import { CaseNeed, CaseworkEvent, Referral } from "./casework.entity";
import { CaseworkMutationResolver } from "./casework.mutation";
import {
  type CaseworkLoaders,
  createCaseworkLoaders,
  HouseholdCaseworkResolver,
  ReferralResolver,
  referralById,
} from "./casework.resolver";
import { Province } from "./area.stubs";
import {
  createTransitionLoaders,
  DistrictRegistryField,
  DistrictTransitionsResolver,
  ProvinceRegistryField,
  ProvinceTransitionsResolver,
  TambonTransitionsResolver,
  type TransitionLoaders,
} from "./transitions.resolver";

/** `social-development`, owned by พมจ.: the social registry of households, people and assessments. */
export const socialDevelopment: SubgraphDefinition<RegistryLoaders & DistrictLoaders & TransitionLoaders & CaseworkLoaders & MoveLoaders> =
  {
    name: "social-development",
    resolvers: [
      HouseholdResolver,
      PersonResolver,
      TambonRegistryField,
      TambonRegistryResolver,
      RegistryMutationResolver,
      DistrictRegistryResolver,
      LinkageResolver,
      DistrictRegistryField,
      ProvinceRegistryField,
      TambonTransitionsResolver,
      DistrictTransitionsResolver,
      ProvinceTransitionsResolver,
      HouseholdCaseworkResolver,
      ReferralResolver,
      CaseworkMutationResolver,
      DistrictMovesResolver,
    ],
    // District and Province are reached by no query here: only the gateway's references lead to them.
    orphanedTypes: [District, Province],
    entities: [Household, Person, Assessment, CaseNeed, Referral, CaseworkEvent],
    migrations: [Registry1764100000000, Rounds1765300000000, RegistryFigures1765300000001, Casework1765400000000],
    loaders: (ds) => ({
      ...createLoaders(ds),
      ...createDistrictLoaders(ds),
      ...createTransitionLoaders(ds),
      ...createCaseworkLoaders(ds),
      ...createMoveLoaders(ds),
    }),
    referenceResolvers: {
      Household: { __resolveReference: (ref: { houseCode: string }, ctx) => ctx.loaders.household.load(ref.houseCode) },
      Referral: { __resolveReference: (ref: { id: string }, ctx) => referralById(ref.id, ctx) },
      Person: { __resolveReference: (ref: { id: string }, ctx) => ctx.loaders.person.load(ref.id) },
      // The registry's Tambon fields need only the code, which the reference carries.
      Tambon: { __resolveReference: (ref: { code: string }): Tambon => ({ code: ref.code }) },
      District: { __resolveReference: (ref: { code: string }): District => ({ code: ref.code }) },
      Province: { __resolveReference: (ref: { code: string }): Province => ({ code: ref.code }) },
    },
    seed: seedRegistry,
    isEmpty: isRegistryEmpty,
  };
