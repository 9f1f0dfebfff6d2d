import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { WRITE } from "./access";
import type { EntityManager } from "typeorm";
import { BadUserInputError, ConflictError } from "../kit/errors";
import type { SubgraphContext } from "../kit/subgraph";
import { inTransaction } from "../kit/transaction";
import * as check from "../kit/validate";
import { dateWithin, tambonName } from "./checks";
import { tambonCode } from "../kit/validate";
import { COUNCIL_ROLE_LABELS, CouncilMember, SINGLE_SEATS, TambonCouncil } from "./council.entity";
import { AddCouncilMemberInput, RecordCouncilInput, RecordLeaderTrainingInput } from "./council.input";
import { ChangeLeader, LeaderTraining } from "./leader.entity";

const UNIQUES = {
  council_tambon_key: ["tambonCode", "this tambon already has a council"],
  leader_training_once: ["trainedOn", "this training of this leader on this date is already recorded"],
} as const satisfies Record<string, [string, string]>;

/** The Community Organization Council Act came into force in 2008 (B.E. 2551). */
const COUNCIL_ACT = "2008-01-01";

/**
 * The tambon's council; `lock` holds its row until commit, so that two seatings checked against
 * the same seats run one after the other.
 */
export async function councilOf(m: EntityManager, code: string, lock = false): Promise<TambonCouncil> {
  const query = m.getRepository(TambonCouncil).createQueryBuilder("c").where("c.tambon_code = :code", { code });
  const council = await (lock ? query.setLock("pessimistic_write") : query).getOne();
  if (!council) throw new BadUserInputError("tambonCode", "no council is recorded for this tambon");
  return council;
}

/** The council network's writes: every argument checked first, one transaction each; its staff only. */
@Authorized(WRITE)
@Resolver()
export class CouncilMutationResolver {
  @Mutation(() => TambonCouncil, { nullable: true, description: "Records a tambon's council (one per tambon)." })
  recordCouncil(@Arg("input", () => RecordCouncilInput) input: RecordCouncilInput, @Ctx() ctx: SubgraphContext): Promise<TambonCouncil> {
    const code = tambonCode("tambonCode", input.tambonCode);
    const name = check.optionalText("name", input.name) ?? `สภาองค์กรชุมชนตำบล${tambonName(code)}`;
    const notifiedOn = check.isoDate("notifiedOn", input.notifiedOn, { min: COUNCIL_ACT });
    return inTransaction(
      ctx.ds,
      async (m) => {
        if (await m.existsBy(TambonCouncil, { tambonCode: code })) throw new ConflictError(...UNIQUES.council_tambon_key);
        await m.insert(TambonCouncil, { tambonCode: code, name, notifiedOn, synthetic: false });
        return m.findOneByOrFail(TambonCouncil, { tambonCode: code });
      },
      UNIQUES,
    );
  }

  @Mutation(() => CouncilMember, {
    nullable: true,
    description: "Seats a person on a council for a term; one chair, secretary and treasurer at a time.",
  })
  addCouncilMember(
    @Arg("input", () => AddCouncilMemberInput) input: AddCouncilMemberInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CouncilMember> {
    const code = tambonCode("tambonCode", input.tambonCode);
    const personId = check.linkageId("personId", input.personId);
    const termStart = check.isoDate("termStart", input.termStart, { min: COUNCIL_ACT });
    const termEnd = dateWithin("termEnd", input.termEnd, termStart, 4);
    return inTransaction(ctx.ds, async (m) => {
      const council = await councilOf(m, code, true);
      if (termStart < council.notifiedOn)
        throw new BadUserInputError("termStart", `must not be before the council was notified (${council.notifiedOn})`);
      const overlapping = await m
        .getRepository(CouncilMember)
        .createQueryBuilder("s")
        .where("s.council_id = :council AND s.term_start <= :termEnd AND s.term_end >= :termStart", {
          council: council.id,
          termStart,
          termEnd,
        })
        .andWhere("(s.person_id = :personId OR s.role = :role)", { personId, role: input.role })
        .getMany();
      if (overlapping.some((s) => s.personId === personId)) {
        throw new ConflictError("personId", "this person already holds a seat on this council for an overlapping term");
      }
      if (SINGLE_SEATS.has(input.role) && overlapping.length > 0) {
        throw new ConflictError("role", `the council already has a ${COUNCIL_ROLE_LABELS[input.role]} for an overlapping term`);
      }
      const { identifiers } = await m.insert(CouncilMember, { councilId: council.id, personId, role: input.role, termStart, termEnd });
      return m.findOneByOrFail(CouncilMember, { id: identifiers[0].id });
    });
  }

  @Mutation(() => ChangeLeader, {
    nullable: true,
    description: "Records a training of a change leader, enrolling them in the tambon on their first.",
  })
  recordLeaderTraining(
    @Arg("input", () => RecordLeaderTrainingInput) input: RecordLeaderTrainingInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ChangeLeader> {
    const code = tambonCode("tambonCode", input.tambonCode);
    const personId = check.linkageId("personId", input.personId);
    const trainedOn = check.isoDate("trainedOn", input.trainedOn, { min: COUNCIL_ACT });
    return inTransaction(
      ctx.ds,
      async (m) => {
        // Two first trainings of one person may race: the second insert is ignored, both then read the same row.
        await m.createQueryBuilder().insert().into(ChangeLeader).values({ personId, tambonCode: code }).orIgnore().execute();
        const leader = await m.findOneByOrFail(ChangeLeader, { personId });
        if (leader.tambonCode !== code)
          throw new ConflictError("tambonCode", `this person is a change leader of tambon ${leader.tambonCode}`);
        if (await m.existsBy(LeaderTraining, { personId, module: input.module, trainedOn }))
          throw new ConflictError(...UNIQUES.leader_training_once);
        await m.insert(LeaderTraining, { personId, module: input.module, trainedOn, completed: input.completed });
        return leader;
      },
      UNIQUES,
    );
  }
}
