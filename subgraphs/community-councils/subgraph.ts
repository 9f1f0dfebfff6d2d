import type { SubgraphDefinition } from "../kit/subgraph";
import { seedPlans } from "./seed.plans";
import { Plans1765500000000 } from "./migrations/1765500000000-plans";
import { PlanBaseline, PlanProject, ProjectProgress, TambonPlan } from "./plan.entity";
import { PlanMutationResolver } from "./plan.mutation";
import { createPlanLoaders, PlanProjectResolver, PlanResolver } from "./plan.resolver";
import { councilOutcomes } from "./outcomes";
import { ReferralAnswers1765400000000 } from "../kit/referral-answer";
import { councilReferrals } from "./referrals";
import { District, type Household, type Person, Province, type Tambon } from "./area.stubs";
import { CouncilMember, TambonCouncil } from "./council.entity";
import { CouncilMutationResolver } from "./council.mutation";
import { CouncilMemberResolver, CouncilResolver } from "./council.resolver";
import { CodiGrant, CommunityEnterprise } from "./economy.entity";
import { EnterpriseResolver, GrantResolver } from "./economy.resolver";
import { WelfareFund } from "./fund.entity";
import { FundMutationResolver } from "./fund.mutation";
import { PayoutsByBenefitResolver, WelfareFundResolver } from "./fund.resolver";
import { ChangeLeader, LeaderTraining } from "./leader.entity";
import { ChangeLeaderResolver } from "./leader.resolver";
import { FundContribution, FundMatching, FundMember, FundPayout } from "./ledger.entity";
import { FundContributionResolver, FundMatchingResolver, FundMemberResolver, FundPayoutResolver } from "./ledger.resolver";
import { createLoaders, type CouncilLoaders } from "./loaders";
import { Councils1764300000000 } from "./migrations/1764300000000-councils";
import { CouncilsFigures1765500000001 } from "./migrations/1765500000001-councils-figures";
import { HouseholdCouncilResolver, PersonCouncilResolver } from "./person.resolver";
import { isCouncilsEmpty, seedCouncils } from "./seed";
import { DistrictCouncilsField, ProvinceCouncilsField } from "./district.resolver";
import { TambonCouncilsField, TambonCouncilsResolver } from "./tambon.resolver";

/**
 * `community-councils`, owned by the network of tambon community organization councils with CODI:
 * councils and their members, change leaders and their training, community welfare funds,
 * community enterprises and CODI grants.
 */
export const communityCouncils: SubgraphDefinition<CouncilLoaders> = {
  name: "community-councils",
  resolvers: [
    PlanResolver,
    PlanProjectResolver,
    PlanMutationResolver,
    councilOutcomes.resolver,
    ...councilReferrals.resolvers,
    CouncilResolver,
    CouncilMemberResolver,
    CouncilMutationResolver,
    ChangeLeaderResolver,
    WelfareFundResolver,
    PayoutsByBenefitResolver,
    FundMemberResolver,
    FundContributionResolver,
    FundPayoutResolver,
    FundMatchingResolver,
    FundMutationResolver,
    EnterpriseResolver,
    GrantResolver,
    TambonCouncilsField,
    TambonCouncilsResolver,
    DistrictCouncilsField,
    ProvinceCouncilsField,
    PersonCouncilResolver,
    HouseholdCouncilResolver,
  ],
  // District and Province are reached only through their keys (no field here returns one), so they are listed to be kept.
  orphanedTypes: [District, Province, ...councilReferrals.orphanedTypes],
  entities: [
    TambonPlan,
    PlanBaseline,
    PlanProject,
    ProjectProgress,
    councilReferrals.entity,
    TambonCouncil,
    CouncilMember,
    ChangeLeader,
    LeaderTraining,
    WelfareFund,
    FundMember,
    FundContribution,
    FundMatching,
    FundPayout,
    CommunityEnterprise,
    CodiGrant,
  ],
  migrations: [Councils1764300000000, ReferralAnswers1765400000000, Plans1765500000000, CouncilsFigures1765500000001],
  loaders: (ds) => ({ ...createLoaders(ds), ...councilReferrals.loaders(ds), ...councilOutcomes.loaders(ds), ...createPlanLoaders(ds) }),
  // Every field this subgraph adds to another owner's entity needs only the key the reference carries.
  referenceResolvers: {
    Referral: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    Tambon: { __resolveReference: (ref: { code: string }): Tambon => ({ code: ref.code }) },
    District: { __resolveReference: (ref: District): District => ({ code: ref.code, householdMoves: ref.householdMoves }) },
    Province: { __resolveReference: (ref: { code: string }): Province => ({ code: ref.code }) },
    Household: { __resolveReference: (ref: { houseCode: string }): Household => ({ houseCode: ref.houseCode }) },
    Person: { __resolveReference: (ref: { id: string }): Person => ({ id: ref.id }) },
  },
  // The demo's answers to the registry's demo referrals come from this agency's own seeded records.
  seed: async (ds, options) => {
    await seedCouncils(ds, options);
    await councilReferrals.seed(ds, options);
    await seedPlans(ds, options);
  },
  isEmpty: isCouncilsEmpty,
};
