import {
  Arg,
  Authorized,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Resolver,
  Root,
  registerEnumType,
} from "type-graphql";
import { Column, type DataSource, Entity, type EntityManager, In, type MigrationInterface, PrimaryColumn, type QueryRunner } from "typeorm";
import { makeAppendOnly } from "./database";
import { BadUserInputError, ConflictError } from "./errors";
import { keyedLoader } from "./loaders";
import { demoCasework } from "./demo/casework";
import { isoDaysBefore } from "./demo/random";
import { AGENCY_SUBGRAPH, addressedTo, type CaseAgency, referralId } from "./referral";
import type { SeedOptions, SubgraphContext } from "./subgraph";
import { inTransaction } from "./transaction";
import * as check from "./validate";

/**
 * A receiving agency's answer to a referral, kept in ITS OWN subgraph (one table, `referral_answer`,
 * append-only: an answer is given once, with who and when), and added by that agency to the
 * registry's `Referral` entity as `Referral.<its section field>` (`Referral.housing`, …).
 *
 * Why this way: the registry leads casework and owns the referral (its household, need, sender,
 * closing and outcome); what the receiver did about it (accepted by opening its own case, training or
 * membership, or declined with a reason) is the receiver's record, next to the records it opened, so
 * no agency writes another's tables and each agency's answer fails or degrades alone. The gateway
 * joins the two halves by the referral's key: the sender reads `referral { outcome housing { … } }`
 * in one request. A receiver cannot ask the registry (only the gateway calls subgraphs), so the
 * referral's id names its addressee (kit/referral.ts): an answer to a referral addressed to another
 * agency is FORBIDDEN before anything is written. What a receiver cannot check alone: that a
 * well-formed id addressed to it exists. An answer to an id the registry never issued joins no
 * referral and is shown nowhere; the registry's queue lists only real referrals.
 */
export enum ReferralDecision {
  ACCEPTED = "ACCEPTED",
  DECLINED = "DECLINED",
}
registerEnumType(ReferralDecision, { name: "ReferralDecision" });

export interface ReferralAnswerOptions {
  agency: CaseAgency;
  /** The field on Referral, the agency's section name (kit/sections.ts): `housing`. */
  field: string;
  /** The GraphQL type prefix: `Housing` gives `HousingReferralAnswer` and `answerHousingReferral`. */
  prefix: string;
  writeScope: string;
  readScopes: string[];
  /** What an acceptance may name as opened, and whether such a record exists in this agency's tables. */
  opened: { kinds: readonly string[]; exists(m: EntityManager, kind: string, id: string): Promise<boolean> };
  /**
   * The demo's answers (kit/demo/casework.ts): `openedSql` finds, for house codes ($1), the record
   * the agency opened (`house_code`, `opened_id`); a household without one is declined with `declined`.
   */
  demo: { kind: string; openedSql: string; declined: string };
}

export class ReferralAnswers1765400000000 implements MigrationInterface {
  name = "ReferralAnswers1765400000000";
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE referral_answer (
      referral_id text PRIMARY KEY,
      decision text NOT NULL CHECK (decision IN ('ACCEPTED', 'DECLINED')),
      opened_kind text, opened_id text, reason text,
      answered_on date NOT NULL,
      answered_by text NOT NULL, answered_agency text, answered_role text NOT NULL,
      answered_at timestamptz NOT NULL DEFAULT now(),
      CHECK (decision = 'DECLINED' AND reason IS NOT NULL AND opened_id IS NULL
          OR decision = 'ACCEPTED' AND opened_kind IS NOT NULL AND opened_id IS NOT NULL))`);
    await makeAppendOnly(q, "referral_answer");
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE referral_answer`);
    await q.query(`DROP FUNCTION referral_answer_append_only`);
  }
}

/** The entity, the resolvers and the loader of one receiving agency's answers. */
export function referralAnswers(options: ReferralAnswerOptions) {
  const { agency, prefix } = options;

  /** The registry's Referral, by key: this agency adds its answer to it (a class per agency: type-graphql's metadata is global). */
  @Directive(`@key(fields: "id")`)
  @ObjectType("Referral")
  class Referral {
    @Field(() => ID) id: string;
  }

  @Entity({ name: "referral_answer" })
  @ObjectType(`${prefix}ReferralAnswer`, { description: `${prefix}'s answer to a referral addressed to it, given in its own subgraph.` })
  class Answer {
    @Field(() => ID, { description: "The referral answered." }) @PrimaryColumn({ type: "text", name: "referral_id" }) referralId: string;
    @Field(() => ReferralDecision) @Column({ type: "text" }) decision: ReferralDecision;
    @Field(() => String, { nullable: true, description: "What the agency opened for the household (accepted), e.g. HOUSING_CASE." })
    @Column({ type: "text", name: "opened_kind", nullable: true })
    openedKind: string | null;
    @Field(() => String, { nullable: true, description: "The id of what it opened, in the agency's own records." })
    @Column({ type: "text", name: "opened_id", nullable: true })
    openedId: string | null;
    @Field(() => String, { nullable: true, description: "Why it declined (or a note with an acceptance)." })
    @Column({ type: "text", nullable: true })
    reason: string | null;
    @Field(() => String, { description: "ISO date answered." }) @Column({ type: "date", name: "answered_on" }) answeredOn: string;
    @Field(() => String, { description: "Who answered (the token's subject)." })
    @Column({ type: "text", name: "answered_by" })
    answeredBy: string;
    @Field(() => String) @Column({ type: "text", name: "answered_role" }) answeredRole: string;
    @Column({ type: "text", name: "answered_agency", nullable: true }) answeredAgency: string | null;
  }

  @InputType(`Answer${prefix}ReferralInput`)
  class AnswerInput {
    @Field(() => String, { description: `A referral addressed to ${agency}, e.g. ${agency}-17.` }) referralId: string;
    @Field(() => ReferralDecision) decision: ReferralDecision;
    @Field(() => String, { nullable: true, description: `Accepted: what was opened, one of ${options.opened.kinds.join(", ")}.` })
    openedKind?: string | null;
    @Field(() => String, { nullable: true, description: "Accepted: its id in this agency's records." }) openedId?: string | null;
    @Field(() => String, { nullable: true, description: "Declined: why (required); accepted: a note. Up to 500 characters." })
    reason?: string | null;
    @Field(() => String, { nullable: true, description: "ISO date, not in the future; default today." }) answeredOn?: string | null;
  }

  const loaders = (ds: DataSource) => ({
    referralAnswer: keyedLoader(
      (ids: string[]) => ds.getRepository(Answer).findBy({ referralId: In(ids) }),
      (a) => a.referralId,
    ),
  });
  type Context = SubgraphContext<ReturnType<typeof loaders>>;

  @Resolver(() => Referral)
  class AnswerFieldResolver {
    @Authorized(...options.readScopes)
    @FieldResolver(() => Answer, { name: options.field, nullable: true, description: `${prefix}'s answer (null: not answered by it).` })
    answer(@Root() referral: Referral, @Ctx() ctx: Context): Promise<Answer | null> {
      return ctx.loaders.referralAnswer.load(referral.id);
    }
  }

  @Resolver()
  class AnswerMutationResolver {
    @Authorized(options.writeScope)
    @Mutation(() => Answer, {
      name: `answer${prefix}Referral`,
      nullable: true,
      description: `${prefix} accepts or declines a referral addressed to it, once.`,
    })
    answer(@Arg("input", () => AnswerInput) input: AnswerInput, @Ctx() ctx: Context): Promise<Answer> {
      const referralId = addressedTo("referralId", input.referralId, agency);
      const reason = check.optionalText("reason", input.reason, 500);
      const answeredOn = input.answeredOn == null ? check.today() : check.isoDate("answeredOn", input.answeredOn, { min: "2020-01-01" });
      const accepted = input.decision === ReferralDecision.ACCEPTED;
      let openedKind: string | null = null;
      let openedId: string | null = null;
      if (accepted) {
        if (!input.openedKind || !options.opened.kinds.includes(input.openedKind)) {
          throw new BadUserInputError("openedKind", `an acceptance names what was opened: one of ${options.opened.kinds.join(", ")}`);
        }
        openedKind = input.openedKind;
        openedId = check.text("openedId", input.openedId ?? "", 40);
      } else {
        if (!reason) throw new BadUserInputError("reason", "a decline says why");
        if (input.openedKind || input.openedId) throw new BadUserInputError("openedId", "a decline opens nothing");
      }
      return inTransaction(
        ctx.ds,
        async (m) => {
          if (await m.existsBy(Answer, { referralId })) throw new ConflictError("referralId", `referral ${referralId} is answered already`);
          if (accepted && !(await options.opened.exists(m, openedKind!, openedId!))) {
            throw new BadUserInputError("openedId", `no ${openedKind} ${openedId} in ${agency}'s records`);
          }
          const { identity } = ctx;
          await m.insert(Answer, {
            referralId,
            decision: input.decision,
            openedKind,
            openedId,
            reason,
            answeredOn,
            answeredBy: identity.subject,
            answeredAgency: identity.agency,
            answeredRole: identity.role,
          });
          return m.findOneByOrFail(Answer, { referralId });
        },
        { referral_answer_pkey: ["referralId", `referral ${referralId} is answered already`] },
      );
    }
  }

  /** Answers the demo referrals addressed to this agency, a week after each was sent, from its own records. */
  async function seed(ds: DataSource, seedOptions: SeedOptions): Promise<void> {
    const mine = [...demoCasework(seedOptions.seed, seedOptions.households)].filter((r) => r.to === agency);
    if (mine.length === 0) return;
    const rows: { house_code: string; opened_id: string }[] = await ds.query(options.demo.openedSql, [mine.map((r) => r.houseCode)]);
    const opened = new Map(rows.map((r) => [r.house_code, r.opened_id]));
    await ds.getRepository(Answer).insert(
      mine.map((r) => {
        const id = opened.get(r.houseCode);
        return {
          referralId: referralId(agency, r.serial),
          decision: id ? ReferralDecision.ACCEPTED : ReferralDecision.DECLINED,
          openedKind: id ? options.demo.kind : null,
          openedId: id ?? null,
          reason: id ? null : options.demo.declined,
          answeredOn: isoDaysBefore(r.sentOn, -7),
          answeredBy: "demo-seed",
          answeredAgency: AGENCY_SUBGRAPH[agency],
          answeredRole: "demo-seed",
        };
      }),
    );
  }

  // Referral is reached by no query of the receiver: only the gateway's references lead to it.
  return { entity: Answer, resolvers: [AnswerFieldResolver, AnswerMutationResolver] as const, orphanedTypes: [Referral], loaders, seed };
}
