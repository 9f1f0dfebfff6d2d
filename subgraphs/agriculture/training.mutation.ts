import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { WRITE } from "./access";
import { In } from "typeorm";
import { BadUserInputError } from "../kit/errors";
import { geography } from "../kit/geography";
import type { SubgraphContext } from "../kit/subgraph";
import { inTransaction } from "../kit/transaction";
import * as check from "../kit/validate";
import { Farmer } from "./farmer.entity";
import { FarmerTraining, TrainingAttendee } from "./training.entity";
import { RecordTrainingInput } from "./training.input";

@Authorized(WRITE)
@Resolver()
export class TrainingMutationResolver {
  @Mutation(() => FarmerTraining, { nullable: true })
  recordTraining(
    @Arg("input", () => RecordTrainingInput) input: RecordTrainingInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<FarmerTraining> {
    const tambonCode = check.tambonCode("tambonCode", input.tambonCode);
    if (!geography().tambons.some((t) => t.code === tambonCode)) throw new BadUserInputError("tambonCode", "no tambon has this code");
    const row = {
      title: check.text("title", input.title, 200),
      heldOn: check.isoDate("heldOn", input.heldOn, { min: "2000-01-01" }),
      organizer: check.optionalText("organizer", input.organizer, 200),
      tambonCode,
    };
    if (input.attendees.length === 0) throw new BadUserInputError("attendees", "list at least one attendee");
    if (input.attendees.length > 1000) throw new BadUserInputError("attendees", "at most 1000 attendees");
    // A farmer listed twice attended once.
    const attendees = [...new Set(input.attendees.map((fb) => check.digits("attendees", fb, 12)))];
    return inTransaction(ctx.ds, async (m) => {
      const known = new Set((await m.findBy(Farmer, { farmBookNumber: In(attendees) })).map((f) => f.farmBookNumber));
      const unknown = attendees.filter((fb) => !known.has(fb));
      if (unknown.length) throw new BadUserInputError("attendees", `no farmer is registered with farm book ${unknown.join(", ")}`);
      const { identifiers } = await m.insert(FarmerTraining, row);
      const trainingId = String(identifiers[0].id);
      await m.insert(
        TrainingAttendee,
        attendees.map((farmBookNumber) => ({ trainingId, farmBookNumber })),
      );
      return m.findOneByOrFail(FarmerTraining, { id: trainingId });
    });
  }
}
