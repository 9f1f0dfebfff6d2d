import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { WRITE } from "./access";
import type { EntityManager } from "typeorm";
import { BadUserInputError, ConflictError } from "../kit/errors";
import { toSatang } from "../kit/money";
import type { SubgraphContext } from "../kit/subgraph";
import { inTransaction } from "../kit/transaction";
import * as check from "../kit/validate";
import { positiveBaht, tambonName } from "./checks";
import { tambonCode } from "../kit/validate";
import { councilOf } from "./council.mutation";
import { WelfareFund } from "./fund.entity";
import {
  EstablishWelfareFundInput,
  JoinWelfareFundInput,
  RecordContributionInput,
  RecordMatchingInput,
  RecordPayoutInput,
} from "./fund.input";
import { FundContribution, FundMatching, FundMember, FundPayout } from "./ledger.entity";

const UNIQUES = {
  welfare_fund_tambon_key: ["tambonCode", "this tambon's council already has a welfare fund"],
  fund_member_pkey: ["personId", "this person is already a member of a community welfare fund"],
} as const satisfies Record<string, [string, string]>;

const MAX_MOVEMENT = "10000000";

/**
 * The fund's row, locked (SELECT … FOR UPDATE) until the transaction ends: every movement takes
 * this lock before it reads the balance and adds to a total, so concurrent contributions and
 * payouts queue one after another and none can lose another's update or overdraw the fund.
 */
async function lockedFund(m: EntityManager, where: { id: string } | { tambonCode: string }): Promise<WelfareFund | null> {
  const [column, value] = "id" in where ? ["id", where.id] : ["tambon_code", where.tambonCode];
  return m
    .getRepository(WelfareFund)
    .createQueryBuilder("f")
    .setLock("pessimistic_write")
    .where(`f.${column} = :value`, { value })
    .getOne();
}

async function fundOfTambon(m: EntityManager, code: string): Promise<WelfareFund> {
  const fund = await lockedFund(m, { tambonCode: code });
  if (!fund) throw new BadUserInputError("tambonCode", "this tambon has no community welfare fund");
  return fund;
}

async function member(m: EntityManager, personId: string, field: string, on: string): Promise<FundMember> {
  const found = await m.findOneBy(FundMember, { personId });
  if (!found) throw new BadUserInputError("personId", "this person is not a member of a community welfare fund");
  if (on < found.joinedOn) throw new BadUserInputError(field, `must not be before the member joined (${found.joinedOn})`);
  return found;
}

const addTo = (m: EntityManager, fundId: string, total: "contributions_total" | "matching_total" | "payouts_total", amount: string) =>
  m.query(`UPDATE welfare_fund SET ${total} = ${total} + $1 WHERE id = $2`, [amount, fundId]);

/** The funds' writes, by the council network's staff. */
@Authorized(WRITE)
@Resolver()
export class FundMutationResolver {
  @Mutation(() => WelfareFund, { nullable: true, description: "Establishes a tambon council's community welfare fund (one per council)." })
  establishWelfareFund(
    @Arg("input", () => EstablishWelfareFundInput) input: EstablishWelfareFundInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<WelfareFund> {
    const code = tambonCode("tambonCode", input.tambonCode);
    const row = {
      tambonCode: code,
      name: check.optionalText("name", input.name) ?? `กองทุนสวัสดิการชุมชนตำบล${tambonName(code)}`,
      foundedOn: check.isoDate("foundedOn", input.foundedOn, { min: "1990-01-01" }),
      contributionRule: check.text("contributionRule", input.contributionRule),
      contributionAmount: positiveBaht("contributionAmount", input.contributionAmount, "100000"),
      contributionPeriod: input.contributionPeriod,
      synthetic: false,
    };
    return inTransaction(
      ctx.ds,
      async (m) => {
        await councilOf(m, code);
        if (await m.existsBy(WelfareFund, { tambonCode: code })) throw new ConflictError(...UNIQUES.welfare_fund_tambon_key);
        await m.insert(WelfareFund, row);
        return m.findOneByOrFail(WelfareFund, { tambonCode: code });
      },
      UNIQUES,
    );
  }

  @Mutation(() => FundMember, { nullable: true, description: "Enrols a person in a tambon's fund, keeping the house code they give." })
  joinWelfareFund(@Arg("input", () => JoinWelfareFundInput) input: JoinWelfareFundInput, @Ctx() ctx: SubgraphContext): Promise<FundMember> {
    const code = tambonCode("tambonCode", input.tambonCode);
    const personId = check.linkageId("personId", input.personId);
    const houseCode = check.digits("houseCode", input.houseCode, 11);
    const joinedOn = check.isoDate("joinedOn", input.joinedOn, { min: "1990-01-01" });
    return inTransaction(
      ctx.ds,
      async (m) => {
        const fund = await fundOfTambon(m, code);
        if (joinedOn < fund.foundedOn)
          throw new BadUserInputError("joinedOn", `must not be before the fund was founded (${fund.foundedOn})`);
        if (await m.existsBy(FundMember, { personId })) throw new ConflictError("personId", UNIQUES.fund_member_pkey[1]);
        await m.insert(FundMember, { personId, fundId: fund.id, houseCode, joinedOn });
        return m.findOneByOrFail(FundMember, { personId });
      },
      UNIQUES,
    );
  }

  @Mutation(() => FundContribution, { nullable: true, description: "Records a member's contribution to their fund." })
  recordContribution(
    @Arg("input", () => RecordContributionInput) input: RecordContributionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<FundContribution> {
    const personId = check.linkageId("personId", input.personId);
    const amount = positiveBaht("amount", input.amount, MAX_MOVEMENT);
    const paidOn = check.isoDate("paidOn", input.paidOn, { min: "1990-01-01" });
    return inTransaction(ctx.ds, async (m) => {
      const { fundId } = await member(m, personId, "paidOn", paidOn);
      await lockedFund(m, { id: fundId });
      const { identifiers } = await m.insert(FundContribution, { fundId, personId, amount, paidOn });
      await addTo(m, fundId, "contributions_total", amount);
      return m.findOneByOrFail(FundContribution, { id: identifiers[0].id });
    });
  }

  @Mutation(() => FundMatching, { nullable: true, description: "Records matching money a fund received." })
  recordMatching(@Arg("input", () => RecordMatchingInput) input: RecordMatchingInput, @Ctx() ctx: SubgraphContext): Promise<FundMatching> {
    const code = tambonCode("tambonCode", input.tambonCode);
    const amount = positiveBaht("amount", input.amount, MAX_MOVEMENT);
    const receivedOn = check.isoDate("receivedOn", input.receivedOn, { min: "1990-01-01" });
    return inTransaction(ctx.ds, async (m) => {
      const fund = await fundOfTambon(m, code);
      if (receivedOn < fund.foundedOn)
        throw new BadUserInputError("receivedOn", `must not be before the fund was founded (${fund.foundedOn})`);
      const { identifiers } = await m.insert(FundMatching, { fundId: fund.id, source: input.source, amount, receivedOn });
      await addTo(m, fund.id, "matching_total", amount);
      return m.findOneByOrFail(FundMatching, { id: identifiers[0].id });
    });
  }

  @Mutation(() => FundPayout, {
    nullable: true,
    description: "Pays a benefit to (or for) a member; refused when it would take the fund below zero.",
  })
  recordPayout(@Arg("input", () => RecordPayoutInput) input: RecordPayoutInput, @Ctx() ctx: SubgraphContext): Promise<FundPayout> {
    const personId = check.linkageId("personId", input.personId);
    const amount = positiveBaht("amount", input.amount, MAX_MOVEMENT);
    const paidOn = check.isoDate("paidOn", input.paidOn, { min: "1990-01-01" });
    const note = check.optionalText("note", input.note, 500);
    return inTransaction(ctx.ds, async (m) => {
      const { fundId } = await member(m, personId, "paidOn", paidOn);
      const fund = (await lockedFund(m, { id: fundId }))!;
      if (toSatang(amount) > toSatang(fund.balance)) {
        throw new ConflictError("amount", `${amount} baht is more than the fund's balance of ${fund.balance} baht`);
      }
      const { identifiers } = await m.insert(FundPayout, { fundId, personId, benefit: input.benefit, amount, paidOn, note });
      await addTo(m, fundId, "payouts_total", amount);
      return m.findOneByOrFail(FundPayout, { id: identifiers[0].id });
    });
  }
}
