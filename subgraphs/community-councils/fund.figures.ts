import { Field, Int, ObjectType } from "type-graphql";
import { CountField } from "../kit/authorization";
import { OWNER } from "./access";
import type { DataSource } from "typeorm";
import { BENEFIT_LABELS, MatchingSource, SOURCE_LABELS, WelfareBenefit } from "./ledger.entity";

/** Aggregates per fund and per member, computed in SQL (one statement for any number of keys). */

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
  /** Shown by PayoutsByBenefitResolver, hidden with a suppressed count: one payout's amount is one person's. */
  total: string;
}

export interface MemberTotals {
  personId: string;
  contributed: string;
  lastContributionOn: string | null;
  benefitsReceived: string;
}

export async function fundMemberCounts(ds: DataSource, fundIds: string[]): Promise<{ fundId: string; members: number }[]> {
  const rows: { fund_id: string; members: string }[] = await ds.query(
    `SELECT fund_id::text, count(*) AS members FROM fund_member WHERE fund_id = ANY($1::bigint[]) GROUP BY 1`,
    [fundIds],
  );
  return rows.map((r) => ({ fundId: r.fund_id, members: +r.members }));
}

export async function matchingBySource(ds: DataSource, fundIds: string[]): Promise<MatchingBySource[]> {
  const rows: Record<string, string>[] = await ds.query(
    `SELECT fund_id::text, source, count(*) AS transfers, sum(amount)::text AS total
     FROM fund_matching WHERE fund_id = ANY($1::bigint[]) GROUP BY 1, 2 ORDER BY 1, 2`,
    [fundIds],
  );
  return rows.map((r) => ({
    fundId: r.fund_id,
    source: r.source as MatchingSource,
    sourceLabel: SOURCE_LABELS[r.source as MatchingSource],
    transfers: +r.transfers,
    total: r.total,
  }));
}

export async function payoutsByBenefit(ds: DataSource, fundIds: string[]): Promise<PayoutsByBenefit[]> {
  const rows: Record<string, string>[] = await ds.query(
    `SELECT fund_id::text, benefit, count(*) AS payouts, sum(amount)::text AS total
     FROM fund_payout WHERE fund_id = ANY($1::bigint[]) GROUP BY 1, 2 ORDER BY 1, 2`,
    [fundIds],
  );
  return rows.map((r) => ({
    fundId: r.fund_id,
    benefit: r.benefit as WelfareBenefit,
    benefitLabel: BENEFIT_LABELS[r.benefit as WelfareBenefit],
    payouts: +r.payouts,
    total: r.total,
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
