import { Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { complementary, fewContributors, type Measure } from "../kit/disclosure";
import { CountField } from "../kit/disclosure-fields";
import { breakdowns } from "../kit/figures";
import { toSatang } from "../kit/money";
import { OWNER } from "./access";
import { BENEFIT_LABELS, MatchingSource, SOURCE_LABELS, WelfareBenefit } from "./ledger.entity";

/**
 * Aggregates per fund and per member, computed in SQL (one statement for any number of keys). A
 * fund's accounts are money of its members, so public callers see them under the kit's rule
 * (kit/disclosure.ts): contributions over 1-4 contributors, payouts over 1-4 people paid, and a
 * benefit's payouts over 1-4 people are hidden; since balance = contributions + matching − payouts
 * (matching is public money, shown), the balance hides with either; and since the benefits add up
 * to the payouts, one hidden benefit is joined by the next smallest (`complementary`).
 */

@ObjectType({ description: "Matching money a fund received from one source." })
export class MatchingBySource {
  fundId: string;
  @Field(() => MatchingSource) source: MatchingSource;
  @Field(() => String) sourceLabel: string;
  @Field(() => Int, { description: "Transfers received." }) transfers: number;
  @Field(() => String, { description: "Baht." }) total: string;
}

@ObjectType({ description: "Benefits a fund paid for one purpose." })
export class PayoutsByBenefit {
  fundId: string;
  @Field(() => WelfareBenefit) benefit: WelfareBenefit;
  @Field(() => String) benefitLabel: string;
  @CountField(OWNER) payouts: number;
  /** Shown by the fund's resolver (fund.resolver.ts), which knows the fund's other benefits. */
  total: Measure<bigint>;
}

export interface MemberTotals {
  personId: string;
  contributed: string;
  lastContributionOn: string | null;
  benefitsReceived: string;
}

/** Who is behind a fund's money: its members, those who contributed, those paid a benefit. */
export interface FundPeople {
  members: number;
  contributors: number;
  paid: number;
}

/** A fund's balance as a measure: over its members, and withheld with its contributions or payouts. */
export const fundBalance = (satang: bigint, people: FundPeople): Measure<bigint> => ({
  value: satang,
  contributors: people.members,
  withheld: fewContributors(people.contributors) || fewContributors(people.paid),
});

/**
 * Which benefits' money to withhold: those paid to 1-4 people, and complements while the payouts
 * total (shown when 5 or more people were paid) would give one away. The total itself is never
 * chosen: whenever no other benefit is left to hide, fewer than 5 people were paid (see the test).
 */
export function withheldBenefits(benefits: readonly PayoutsByBenefit[], people: FundPeople): boolean[] {
  const cells = benefits.map((b) => ({ contributors: b.total.contributors, side: 0 as const }));
  return complementary([...cells, { contributors: people.paid, side: 1 }]).slice(0, benefits.length);
}

/** Every source of every fund asked, in the enum's order, zeros included. */
export async function matchingBySource(ds: DataSource, fundIds: string[]): Promise<MatchingBySource[]> {
  const rows: Record<string, string>[] = await ds.query(
    `SELECT fund_id::text, source, count(*) AS transfers, sum(amount)::text AS total
     FROM fund_matching WHERE fund_id = ANY($1::bigint[]) GROUP BY 1, 2 ORDER BY 1, 2`,
    [fundIds],
  );
  return breakdowns(fundIds, Object.values(MatchingSource), rows, { key: "fund_id", category: "source" }, (fundId, source, r) => ({
    fundId,
    source,
    sourceLabel: SOURCE_LABELS[source],
    transfers: Number(r?.transfers ?? 0),
    total: r?.total ?? "0.00",
  }));
}

/** Every benefit of every fund asked, in the enum's order, zeros included. */
export async function payoutsByBenefit(ds: DataSource, fundIds: string[]): Promise<PayoutsByBenefit[]> {
  const rows: Record<string, string>[] = await ds.query(
    `SELECT fund_id::text, benefit, count(*) AS payouts, count(DISTINCT person_id) AS people, sum(amount)::text AS total
     FROM fund_payout WHERE fund_id = ANY($1::bigint[]) GROUP BY 1, 2 ORDER BY 1, 2`,
    [fundIds],
  );
  return breakdowns(fundIds, Object.values(WelfareBenefit), rows, { key: "fund_id", category: "benefit" }, (fundId, benefit, r) => ({
    fundId,
    benefit,
    benefitLabel: BENEFIT_LABELS[benefit],
    payouts: Number(r?.payouts ?? 0),
    total: { value: toSatang(r?.total ?? "0"), contributors: Number(r?.people ?? 0) },
  }));
}

/** What each member has paid in and received, through the per-member indexes. */
export async function memberTotals(ds: DataSource, personIds: string[]): Promise<MemberTotals[]> {
  const rows: Record<string, string | null>[] = await ds.query(
    `SELECT m.person_id,
       coalesce(c.total, 0)::numeric(14,2)::text AS contributed, c.last_paid::text AS last_paid,
       coalesce(p.total, 0)::numeric(14,2)::text AS received
     FROM fund_member m
     LEFT JOIN LATERAL (SELECT sum(x.amount) AS total, max(x.paid_on) AS last_paid FROM fund_contribution x WHERE x.person_id = m.person_id) c ON true
     LEFT JOIN LATERAL (SELECT sum(y.amount) AS total FROM fund_payout y WHERE y.person_id = m.person_id) p ON true
     WHERE m.person_id = ANY($1::char(32)[])`,
    [personIds],
  );
  return rows.map((r) => ({
    personId: r.person_id as string,
    contributed: r.contributed as string,
    lastContributionOn: r.last_paid,
    benefitsReceived: r.received as string,
  }));
}
