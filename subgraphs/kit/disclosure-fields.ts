import type { GraphQLScalarType } from "graphql";
import { Field, FieldResolver, Int, type MiddlewareFn, UseMiddleware } from "type-graphql";
import { type Count, exactCount, exactMeasure, type Measure, MeasureTotal, publicCount, publicMeasure, seesExact } from "./disclosure";
import type { Identity } from "./identity";

/**
 * The fields through which every agency publishes a figure (kit/disclosure.ts holds the rule): each
 * resolves the exact figure, then shows it to the caller exact or under disclosure control.
 */

interface DisclosureContext {
  identity: Identity;
}

/** Resolves a Count (a cell or a total) for the caller. */
function countFor(owner: string): MiddlewareFn<DisclosureContext> {
  return async ({ context }, next) => {
    const value = (await next()) as Count | null | undefined;
    if (value == null) return null;
    return seesExact(context.identity, owner) ? exactCount(value) : publicCount(value);
  };
}

/** Resolves a Measure or MeasureTotal for the caller, then formats it (satang → baht, square wa → rai). */
function measureFor<V>(owner: string, format: (v: V) => unknown): MiddlewareFn<DisclosureContext> {
  return async ({ context }, next) => {
    const m = (await next()) as Measure<V> | MeasureTotal | null | undefined;
    if (m == null) return null;
    const exact = seesExact(context.identity, owner);
    const value = m instanceof MeasureTotal ? (exact ? exactMeasure(m) : publicMeasure(m)) : exact ? m.value : publicMeasure(m);
    return value === null ? null : format(value as V);
  };
}

/**
 * What the kit's fields add to their descriptions: the schema says which figures are under
 * disclosure control, and disclosure.test.ts fails on a public figure that says neither this nor
 * appears in SHOWN_EXACT, so a new figure cannot skip the rule unnoticed.
 */
export const PUBLIC_COUNT = "Public callers: rounded to 5, 1-4 as null.";
export const PUBLIC_MEASURE = "Public callers: null when it rests on 1-4 contributors.";
export const PUBLIC_TOTAL = "Public callers: the sum of its parts as published (null when that is 0 while a part is null).";
/** A figure of one record group (a cell) or the sum of others (a total): the schema says which rule applies. */
type Kind = "cell" | "total";
const described = (description: string | undefined, kind: Kind, cell: string) => {
  const rule = kind === "total" ? PUBLIC_TOTAL : cell;
  return description ? `${description} ${rule}` : rule;
};

/**
 * The public figures shown exact to everyone, and why: facts about public bodies (councils, funds,
 * enterprises, organisations, trainings) and public money between them, not statistics over households.
 */
export const SHOWN_EXACT: Record<string, string> = {
  "TambonCouncil.memberCount": "a council's seats today: a public body's composition",
  "CommunityEnterprise.membersCount": "an enterprise's registered members, as registered",
  "FarmerOrganization.memberCount": "a registered farmer organisation's members",
  "FarmerTraining.attendeeCount": "a training's attendance, an event of the farmers council",
  "MatchingBySource.transfers": "transfers of public money from a government body to a fund",
  "MatchingBySource.total": "public money from a government body to a fund",
  "WelfareFund.matchingTotal": "public money from government bodies to a fund",
  "WelfareFund.contributionAmount": "the fund's rule, e.g. 1 baht a day",
  "TambonCouncils.codiGrantsTotal": "CODI's grants to a council: public money to a public body",
  "CodiGrant.amount": "a CODI grant to a council",
  "CodiGrantYearTotal.grants": "CODI's grants to a council in a year",
  "CodiGrantYearTotal.total": "CODI's grants to a council in a year",
  "DistrictCouncils.codiGrantsTotal": "CODI's grants to councils",
  "ProvinceCouncils.codiGrantsTotal": "CODI's grants to councils",
  "ProgrammeBudget.budget": "a programme's allocated budget",
  "ProgrammeBudget.targetHouseholds": "a programme's plan",
  "HousingProgrammeInfo.capBaht": "a programme's rule",
  "CropPrice.referencePricePerKg": "a published reference price",
  "GeoPoint.lat": "reference geography",
  "GeoPoint.lng": "reference geography",
  "Village.moo": "a village's number (หมู่) in its tambon",
  "PlanProject.budget": "a public plan's budget",
  "PlanProject.targetHouseholds": "a public plan's target",
  "PlanProject.indicatorTarget": "a public plan's target",
  "ProjectProgress.spent": "public money spent on a public plan's project, as the council reports it",
  "ProjectProgress.indicatorValue": "a council's published progress on its plan's indicator",
  "ProvincePlans.tambonsWithPlan": "how many tambons have a plan: facts about public bodies",
  "ProvincePlans.projects": "how many projects the public plans hold",
  "ProvincePlans.budget": "the public plans' budgets",
  "ProvincePlans.spent": "public money spent on the plans' projects",
  "ProvincePlans.targetHouseholds": "the public plans' targets",
  "LeadAgencyTotal.projects": "how many projects of the public plans an agency leads",
  "LeadAgencyTotal.budget": "the public plans' budgets",
  "LeadAgencyTotal.spent": "public money spent on the plans' projects",
  "LevelTransition.fromLevel": "a category of the matrix (a poverty level, 1-4), not a count",
  "LevelTransition.toLevel": "a category of the matrix (a poverty level, 1-4), not a count",
  ...Object.fromEntries(
    ["DistrictCouncils", "ProvinceCouncils"].flatMap((t) =>
      ["tambons", "councils", "tambonsWithTrainedLeaders", "welfareFunds", "communityEnterprises"].map((f) => [
        `${t}.${f}`,
        "how many tambons, councils, funds or enterprises there are",
      ]),
    ),
  ),
};

type Decorator = PropertyDecorator & MethodDecorator;
type AnyDecorator = (target: object, key: string | symbol, descriptor?: any) => unknown;
const both =
  (...decorators: AnyDecorator[]): Decorator =>
  (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor);
  };

type Scalar = () => GraphQLScalarType | StringConstructor | NumberConstructor;
/** A property (`Field`) or a resolver method (`FieldResolver`): the same figure either way. */
type Declare = (type: Scalar, options: { nullable: boolean; description: string }) => AnyDecorator;
const figure = (middleware: MiddlewareFn<DisclosureContext>, declare: unknown, type: Scalar, description: string): Decorator =>
  both(UseMiddleware(middleware), (declare as Declare)(type, { nullable: true, description }));

/** A count anyone may read (`Int`, null when hidden): the property holds a Count (a CountTotal for a total). */
export const CountField = (owner: string, description?: string, kind: Kind = "cell"): Decorator =>
  figure(countFor(owner), Field, () => Int, described(description, kind, PUBLIC_COUNT));

/** The same as a field resolver, which returns a Count. */
export const CountResolver = (owner: string, description?: string, kind: Kind = "cell"): Decorator =>
  figure(countFor(owner), FieldResolver, () => Int, described(description, kind, PUBLIC_COUNT));

/** A magnitude anyone may read (null when hidden): the property holds a Measure (a MeasureTotal for a total). */
export const MeasureField = <V>(owner: string, type: Scalar, format: (v: V) => unknown, description?: string, kind: Kind = "cell") =>
  figure(measureFor(owner, format), Field, type, described(description, kind, PUBLIC_MEASURE));

/** The same as a field resolver, which returns a Measure or MeasureTotal. */
export const MeasureResolver = <V>(owner: string, type: Scalar, format: (v: V) => unknown, description?: string, kind: Kind = "cell") =>
  figure(measureFor(owner, format), FieldResolver, type, described(description, kind, PUBLIC_MEASURE));
