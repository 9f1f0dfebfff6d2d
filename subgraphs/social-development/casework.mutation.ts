import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { type EntityManager, IsNull } from "typeorm";
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from "../kit/errors";
import type { Identity } from "../kit/identity";
import { agencyOfSubgraph, type CaseAgency, parseReferralId } from "../kit/referral";
import type { SubgraphContext } from "../kit/subgraph";
import { inTransaction, type UniqueFields } from "../kit/transaction";
import * as check from "../kit/validate";
import { REFER, WRITE } from "./access";
import { CaseNeed, CaseworkEvent, Referral } from "./casework.entity";
import { CloseReferralInput, CreateReferralInput, PlanNeedInput } from "./casework.input";
import { Household } from "./household.entity";

const UNIQUES: UniqueFields = { case_need_one_per_capital: ["capital", "the household's case plan already has a need for this capital"] };
const NOTE = 500;

/** The caller's agency as a casework agency; FORBIDDEN for a role of none (the public, the analyst). */
function callerAgency(identity: Identity): CaseAgency {
  const agency = agencyOfSubgraph(identity.agency);
  if (!agency) throw new ForbiddenError("only the staff of an agency taking part in casework may refer or close a referral");
  return agency;
}

const event = (m: EntityManager, identity: Identity, row: Partial<CaseworkEvent>) =>
  m.insert(CaseworkEvent, { ...row, bySubject: identity.subject, byAgency: identity.agency, byRole: identity.role });

async function existingHousehold(m: EntityManager, houseCode: string): Promise<string> {
  if (!(await m.existsBy(Household, { houseCode })))
    throw new BadUserInputError("houseCode", "no household is registered with this house code");
  return houseCode;
}

/** The case plan and the referrals' side the registry keeps; each write one transaction, checked first. */
@Resolver()
export class CaseworkMutationResolver {
  @Authorized(WRITE)
  @Mutation(() => CaseNeed, { nullable: true, description: "Adds a need to a household's case plan (registry staff, who lead casework)." })
  planNeed(@Arg("input", () => PlanNeedInput) input: PlanNeedInput, @Ctx() ctx: SubgraphContext): Promise<CaseNeed> {
    const houseCode = check.digits("houseCode", input.houseCode, 11);
    const plannedOn = input.plannedOn == null ? check.today() : check.isoDate("plannedOn", input.plannedOn, { min: "2020-01-01" });
    const latest = `${Number(plannedOn.slice(0, 4)) + 3}${plannedOn.slice(4)}`;
    const row = {
      capital: input.capital,
      need: check.text("need", input.need, NOTE),
      goal: check.text("goal", input.goal, NOTE),
      responsibleAgency: input.responsibleAgency,
      plannedOn,
      reviewOn: check.isoDate("reviewOn", input.reviewOn, { min: plannedOn, max: latest }),
    };
    return inTransaction(
      ctx.ds,
      async (m) => {
        await existingHousehold(m, houseCode);
        if (await m.existsBy(CaseNeed, { houseCode, capital: row.capital })) throw new ConflictError(...UNIQUES.case_need_one_per_capital);
        const { identifiers } = await m.insert(CaseNeed, { ...row, houseCode });
        await event(m, ctx.identity, { houseCode, needId: identifiers[0].id, event: "NEED_PLANNED", note: `${row.capital}: ${row.need}` });
        return m.findOneByOrFail(CaseNeed, { id: identifiers[0].id });
      },
      UNIQUES,
    );
  }

  @Authorized(REFER)
  @Mutation(() => Referral, {
    nullable: true,
    description: "Refers a household's planned need to another agency, from the caller's agency.",
  })
  createReferral(@Arg("input", () => CreateReferralInput) input: CreateReferralInput, @Ctx() ctx: SubgraphContext): Promise<Referral> {
    const from = callerAgency(ctx.identity);
    const houseCode = check.digits("houseCode", input.houseCode, 11);
    if (input.toAgency === from) throw new BadUserInputError("toAgency", "must be another agency than the sender's");
    const reason = check.text("reason", input.reason, NOTE);
    const sentOn = input.sentOn == null ? check.today() : check.isoDate("sentOn", input.sentOn, { min: "2020-01-01" });
    return inTransaction(ctx.ds, async (m) => {
      await existingHousehold(m, houseCode);
      const need = await m.findOneBy(CaseNeed, { houseCode, capital: input.capital });
      if (!need) throw new BadUserInputError("capital", "the household's case plan has no need for this capital: plan it first");
      if (sentOn < need.plannedOn) throw new BadUserInputError("sentOn", `must not be before the need was planned (${need.plannedOn})`);
      const open = await m.findOneBy(Referral, { needId: need.id, toAgency: input.toAgency, closedOn: IsNull() });
      if (open) throw new ConflictError("toAgency", `this need is already referred to ${input.toAgency} (${open.id}, open)`);
      const { identifiers } = await m.insert(Referral, {
        houseCode,
        needId: need.id,
        fromAgency: from,
        toAgency: input.toAgency,
        reason,
        sentOn,
      });
      const serial = identifiers[0].serial;
      await event(m, ctx.identity, {
        houseCode,
        needId: need.id,
        referralSerial: serial,
        event: "REFERRED",
        note: `to ${input.toAgency}: ${reason}`,
      });
      return m.findOneByOrFail(Referral, { serial });
    });
  }

  @Authorized(REFER)
  @Mutation(() => Referral, { nullable: true, description: "Closes a referral with its outcome: its sender (or registry staff), once." })
  closeReferral(@Arg("input", () => CloseReferralInput) input: CloseReferralInput, @Ctx() ctx: SubgraphContext): Promise<Referral> {
    const agency = callerAgency(ctx.identity);
    const { serial } = parseReferralId("referralId", input.referralId);
    const note = check.optionalText("note", input.note, NOTE);
    const closedOn = input.closedOn == null ? check.today() : check.isoDate("closedOn", input.closedOn, { min: "2020-01-01" });
    return inTransaction(ctx.ds, async (m) => {
      // Locked: two closes at once give one success and one CONFLICT.
      const referral = await m.findOne(Referral, { where: { serial }, lock: { mode: "pessimistic_write" } });
      if (!referral || referral.id !== input.referralId)
        throw new NotFoundError("referralId", input.referralId, `referralId: no referral ${input.referralId}`);
      if (agency !== referral.fromAgency && agency !== "SOCIAL_DEVELOPMENT") {
        throw new ForbiddenError(
          `referralId: referral ${referral.id} was sent by ${referral.fromAgency}: only its sender or the registry closes it`,
          "referralId",
        );
      }
      if (referral.closedOn !== null) throw new ConflictError("referralId", `referral ${referral.id} was closed on ${referral.closedOn}`);
      if (closedOn < referral.sentOn)
        throw new BadUserInputError("closedOn", `must not be before the referral was sent (${referral.sentOn})`);
      await m.update(Referral, { serial }, { closedOn, outcome: input.outcome, outcomeNote: note });
      await event(m, ctx.identity, {
        houseCode: referral.houseCode,
        needId: referral.needId,
        referralSerial: serial,
        event: "CLOSED",
        note: `${input.outcome}${note ? `: ${note}` : ""}`,
      });
      return m.findOneByOrFail(Referral, { serial });
    });
  }
}
