import { registerEnumType } from "type-graphql";
import { BadUserInputError, ForbiddenError } from "./errors";
import type { SubgraphName } from "./config";

/**
 * What every agency needs to know about a referral (casework, issue 13), and nothing more: the
 * agencies that take part, the five capitals a need belongs to, and the form of a referral's id.
 *
 * A referral's id names the agency it is addressed to (`HOUSING-17`): the registry, which owns
 * referrals, makes it, and a receiving agency, which answers in its own subgraph (kit/referral-answer.ts),
 * can then refuse an answer to a referral addressed to someone else before it writes anything,
 * without asking the registry (subgraphs never call each other; only the gateway calls them).
 */
export enum CaseAgency {
  SOCIAL_DEVELOPMENT = "SOCIAL_DEVELOPMENT",
  HOUSING = "HOUSING",
  AGRICULTURE = "AGRICULTURE",
  COMMUNITY_COUNCILS = "COMMUNITY_COUNCILS",
}
registerEnumType(CaseAgency, {
  name: "CaseAgency",
  description:
    "An agency that takes part in casework: the registry (พมจ.), housing (อบจ./CODI), the farmers council, the councils' network (also for welfare funds and change-leader and college courses).",
});

export enum Capital {
  HUMAN = "HUMAN",
  PHYSICAL = "PHYSICAL",
  FINANCIAL = "FINANCIAL",
  NATURAL = "NATURAL",
  SOCIAL = "SOCIAL",
}
registerEnumType(Capital, { name: "Capital", description: "The five capitals of the sustainable-livelihood framework." });

/** The subgraph of each agency, and back: the caller's `agency` claim is a subgraph's name. */
export const AGENCY_SUBGRAPH: Record<CaseAgency, SubgraphName> = {
  SOCIAL_DEVELOPMENT: "social-development",
  HOUSING: "housing",
  AGRICULTURE: "agriculture",
  COMMUNITY_COUNCILS: "community-councils",
};

export const agencyOfSubgraph = (name: string | null): CaseAgency | null =>
  (Object.keys(AGENCY_SUBGRAPH) as CaseAgency[]).find((a) => AGENCY_SUBGRAPH[a] === name) ?? null;

/** `HOUSING-17`: the agency addressed and the registry's serial. */
export const referralId = (to: CaseAgency, serial: string | number): string => `${to}-${serial}`;

const ID_PATTERN = /^(SOCIAL_DEVELOPMENT|HOUSING|AGRICULTURE|COMMUNITY_COUNCILS)-([1-9][0-9]{0,17})$/;

/** The parts of a referral id; BAD_USER_INPUT when it is not one. */
export function parseReferralId(field: string, value: string): { to: CaseAgency; serial: string } {
  const match = ID_PATTERN.exec(value);
  if (!match) throw new BadUserInputError(field, "must be a referral id such as HOUSING-17");
  return { to: match[1] as CaseAgency, serial: match[2] };
}

/** A referral id addressed to `agency`; FORBIDDEN naming the addressee when it is another's. */
export function addressedTo(field: string, value: string, agency: CaseAgency): string {
  const { to } = parseReferralId(field, value);
  if (to !== agency) throw new ForbiddenError(`${field}: referral ${value} is addressed to ${to}, not to ${agency}`, field);
  return value;
}
