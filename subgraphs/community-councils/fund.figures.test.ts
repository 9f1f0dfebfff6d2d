import { describe, expect, it } from "vitest";
import { complementary, fewContributors } from "../kit/disclosure";
import { fundBalance, type PayoutsByBenefit, withheldBenefits } from "./fund.figures";
import { WelfareBenefit } from "./ledger.entity";

const benefits = (...people: number[]): PayoutsByBenefit[] =>
  people.map((n, i) => ({
    fundId: "1",
    benefit: Object.values(WelfareBenefit)[i],
    benefitLabel: "",
    payouts: n,
    total: { value: BigInt(n) * 100_000n, contributors: n },
  }));

describe("a welfare fund's accounts for the public", () => {
  it("a benefit paid to 3 people is hidden, and so is the next smallest, so that the total less the rest tells nothing alone", () => {
    expect(withheldBenefits(benefits(0, 3, 5, 0, 0), { members: 44, contributors: 40, paid: 8 })).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(withheldBenefits(benefits(1, 6, 9, 0, 0), { members: 44, contributors: 40, paid: 16 })).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(withheldBenefits(benefits(0, 6, 9, 0, 0), { members: 44, contributors: 40, paid: 15 })).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("whenever no other benefit is left to hide, the payouts total is over 1-4 people and hidden by its own rule", () => {
    // Every fund of up to 3 benefits paid to 0-7 people each, people counted once or in several benefits.
    for (let a = 0; a <= 7; a++)
      for (let b = 0; b <= 7; b++)
        for (let c = 0; c <= 7; c++) {
          for (const paid of new Set([Math.max(a, b, c), a + b + c])) {
            const cells = [a, b, c].map((n) => ({ contributors: n, side: 0 as const }));
            const hidden = complementary([...cells, { contributors: paid, side: 1 }]);
            if (hidden[3]) expect(fewContributors(paid), `${a} ${b} ${c} paid ${paid}`).toBe(true);
          }
        }
  });

  it("the balance (contributions + matching − payouts) is withheld with the contributions or the payouts it would give away", () => {
    expect(fundBalance(100n, { members: 30, contributors: 30, paid: 9 }).withheld).toBe(false);
    expect(fundBalance(100n, { members: 30, contributors: 30, paid: 2 }).withheld).toBe(true);
    expect(fundBalance(100n, { members: 30, contributors: 3, paid: 9 }).withheld).toBe(true);
    expect(fundBalance(100n, { members: 30, contributors: 30, paid: 0 }).withheld).toBe(false);
  });
});
