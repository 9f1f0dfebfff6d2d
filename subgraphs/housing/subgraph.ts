import type { SubgraphDefinition } from "../kit/subgraph";
import { housingOutcomes } from "./outcomes";
import { ReferralAnswers1765400000000 } from "../kit/referral-answer";
import { housingReferrals } from "./referrals";
import { ProgrammeBudget } from "./budget.entity";
import { BudgetResolver, HousingProgrammeInfo } from "./budget.resolver";
import { AssistanceCase } from "./case.entity";
import { CaseMutationResolver } from "./case.mutation";
import { CaseResolver } from "./case.resolver";
import { CaseStep } from "./case-step.entity";
import { DistrictHousingResolver } from "./district.resolver";
import { HouseholdHousingResolver } from "./household.resolver";
import { createLoaders, type HousingLoaders } from "./loaders";
import { Housing1764300000000 } from "./migrations/1764300000000-housing";
import { HousingFigures1765300000000 } from "./migrations/1765300000000-housing-figures";
import { isHousingEmpty, seedHousing } from "./seed";
import type { District, Household, Tambon } from "./stubs";
import { SurveyMutationResolver } from "./survey.mutation";
import { SurveyResolver } from "./survey.resolver";
import { HousingSurvey } from "./survey.entity";
import { TambonHousingField, TambonHousingResolver } from "./tambon.resolver";

/** `housing`, owned by the อบจ. with CODI's programmes: housing surveys, assistance cases, programme budgets. */
export const housing: SubgraphDefinition<HousingLoaders> = {
  name: "housing",
  resolvers: [
    housingOutcomes.resolver,
    ...housingReferrals.resolvers,
    SurveyResolver,
    CaseResolver,
    HouseholdHousingResolver,
    TambonHousingField,
    TambonHousingResolver,
    DistrictHousingResolver,
    BudgetResolver,
    SurveyMutationResolver,
    CaseMutationResolver,
  ],
  orphanedTypes: [HousingProgrammeInfo, ...housingReferrals.orphanedTypes],
  entities: [housingReferrals.entity, HousingSurvey, AssistanceCase, CaseStep, ProgrammeBudget],
  migrations: [Housing1764300000000, HousingFigures1765300000000, ReferralAnswers1765400000000],
  loaders: (ds, config) => ({ ...createLoaders(ds, config), ...housingReferrals.loaders(ds), ...housingOutcomes.loaders(ds) }),
  // Housing's fields on these types need only the key (and, for District, the required list),
  // which the reference carries: nothing to load.
  referenceResolvers: {
    Referral: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    Household: { __resolveReference: (ref: Household): Household => ({ houseCode: ref.houseCode }) },
    Tambon: { __resolveReference: (ref: Tambon): Tambon => ({ code: ref.code }) },
    District: {
      __resolveReference: (ref: District): District => ({
        code: ref.code,
        householdsInNeed: ref.householdsInNeed,
        householdMoves: ref.householdMoves,
      }),
    },
  },
  // The demo's answers to the registry's demo referrals come from this agency's own seeded records.
  seed: async (ds, options) => {
    await seedHousing(ds, options);
    await housingReferrals.seed(ds, options);
  },
  isEmpty: isHousingEmpty,
};
