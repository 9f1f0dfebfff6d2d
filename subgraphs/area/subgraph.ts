import { PROVINCE } from "../kit/geography";
import type { SubgraphDefinition } from "../kit/subgraph";
import { AreaResolver, Province, ProvinceResolver } from "./area.resolver";
import { District } from "./district.entity";
import { DistrictResolver, TambonResolver, VillageResolver } from "./geography.resolver";
import { createLoaders, type AreaLoaders } from "./loaders";
import { Geography1764100000000 } from "./migrations/1764100000000-geography";
import { isAreaEmpty, seedArea } from "./seed";
import { Tambon } from "./tambon.entity";
import { Village } from "./village.entity";

/** `area`, owned by the provincial office: the province, its districts, tambons and villages. */
export const area: SubgraphDefinition<AreaLoaders> = {
  name: "area",
  resolvers: [AreaResolver, ProvinceResolver, DistrictResolver, TambonResolver, VillageResolver],
  orphanedTypes: [Province],
  entities: [District, Tambon, Village],
  migrations: [Geography1764100000000],
  loaders: createLoaders,
  referenceResolvers: {
    District: { __resolveReference: (ref: { code: string }, ctx) => ctx.loaders.district.load(ref.code) },
    Tambon: { __resolveReference: (ref: { code: string }, ctx) => ctx.loaders.tambon.load(ref.code) },
    Village: { __resolveReference: (ref: { code: string }, ctx) => ctx.loaders.village.load(ref.code) },
    Province: { __resolveReference: (ref: { code: string }) => (ref.code === PROVINCE.code ? { ...PROVINCE } : null) },
  },
  seed: seedArea,
  isEmpty: isAreaEmpty,
  // Geocodes and place names are public reference data: nothing to guard or audit.
  holdsPersonalData: false,
  // No resolver here looks at the caller: the same names and codes for every role.
  sameForEveryRole: true,
};
