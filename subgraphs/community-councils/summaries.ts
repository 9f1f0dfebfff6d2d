import type { Counters } from "../kit/summary";

/**
 * The council network's figures kept by its own writes (kit/summary.ts says why by triggers), made
 * by migrations/1765500000001-councils-figures.ts and read by tambon.figures.ts: a fund's
 * contributors and those paid out to are counted from a row per person (contributions are one a
 * month per member, hundreds of thousands at the province's size), not from every transaction.
 */
const perPerson = (table: string, source: string): Counters => ({
  table,
  source,
  keys: { fund_id: ["bigint", "r.fund_id"], person_id: ["char(32)", "r.person_id"] },
  counts: { transactions: "1" },
});

export const CONTRIBUTORS = perPerson("fund_contributor", "fund_contribution");
export const PAYEES = perPerson("fund_payee", "fund_payout");

/** All of them (the demo seed recomputes them so). */
export const KEPT_FIGURES = [CONTRIBUTORS, PAYEES];
