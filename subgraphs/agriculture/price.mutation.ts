import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { WRITE } from "./access";
import { BadUserInputError, ConflictError, NotFoundError } from "../kit/errors";
import { baht, toSatang } from "../kit/money";
import type { SubgraphContext } from "../kit/subgraph";
import { inTransaction } from "../kit/transaction";
import * as check from "../kit/validate";
import { existingFarmer } from "./farmer.mutation";
import { ComplaintStatus, PriceComplaint } from "./price-complaint.entity";
import { FilePriceComplaintInput, ReviewPriceComplaintInput } from "./price.input";

/** Where a complaint may go from each status; RESOLVED and DISMISSED are final. */
const NEXT: Record<ComplaintStatus, ComplaintStatus[]> = {
  OPEN: [ComplaintStatus.UNDER_REVIEW, ComplaintStatus.RESOLVED, ComplaintStatus.DISMISSED],
  UNDER_REVIEW: [ComplaintStatus.RESOLVED, ComplaintStatus.DISMISSED],
  RESOLVED: [],
  DISMISSED: [],
};

@Authorized(WRITE)
@Resolver()
export class PriceMutationResolver {
  @Mutation(() => PriceComplaint, { nullable: true })
  filePriceComplaint(
    @Arg("input", () => FilePriceComplaintInput) input: FilePriceComplaintInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PriceComplaint> {
    const farmBookNumber = check.digits("farmBookNumber", input.farmBookNumber, 12);
    const offered = baht("offeredPricePerKg", input.offeredPricePerKg, { max: "99999999.99" });
    const given = input.referencePricePerKg == null ? null : baht("referencePricePerKg", input.referencePricePerKg, { max: "99999999.99" });
    const row = {
      farmBookNumber,
      crop: input.crop,
      offeredPricePerKg: offered,
      quantityKg: input.quantityKg == null ? null : check.intInRange("quantityKg", input.quantityKg, 1, 1_000_000_000),
      buyer: check.text("buyer", input.buyer, 200),
      details: check.optionalText("details", input.details, 2000),
      filedOn: input.filedOn == null ? check.today() : check.isoDate("filedOn", input.filedOn, { min: "2000-01-01" }),
      status: ComplaintStatus.OPEN,
    };
    return inTransaction(ctx.ds, async (m) => {
      await existingFarmer(m, farmBookNumber);
      const reference =
        given ??
        (
          await m.query(
            `SELECT price_per_kg::text AS price FROM reference_price WHERE crop = $1 AND effective_on <= $2 ORDER BY effective_on DESC LIMIT 1`,
            [row.crop, row.filedOn],
          )
        )[0]?.price;
      if (reference == null)
        throw new BadUserInputError("referencePricePerKg", "no reference price is published for this crop yet: give one");
      if (toSatang(offered) >= toSatang(reference)) {
        throw new BadUserInputError("offeredPricePerKg", `must be below the reference price (${reference} baht/kg) for a price complaint`);
      }
      const { identifiers } = await m.insert(PriceComplaint, { ...row, referencePricePerKg: reference });
      return m.findOneByOrFail(PriceComplaint, { id: identifiers[0].id });
    });
  }

  @Mutation(() => PriceComplaint, { nullable: true })
  reviewPriceComplaint(
    @Arg("input", () => ReviewPriceComplaintInput) input: ReviewPriceComplaintInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PriceComplaint> {
    if (!/^\d{1,18}$/.test(input.id)) throw new BadUserInputError("id", "must be a complaint id");
    const note = check.optionalText("note", input.note, 2000);
    const closing = input.status === ComplaintStatus.RESOLVED || input.status === ComplaintStatus.DISMISSED;
    if (closing && note === null) throw new BadUserInputError("note", "say what was found or decided when closing a complaint");
    return inTransaction(ctx.ds, async (m) => {
      const complaint = await m
        .createQueryBuilder(PriceComplaint, "pc")
        .setLock("pessimistic_write")
        .where("pc.id = :id", { id: input.id })
        .getOne();
      if (!complaint) throw new NotFoundError("id", input.id);
      if (!NEXT[complaint.status].includes(input.status)) {
        throw new ConflictError("status", `a complaint that is ${complaint.status} cannot become ${input.status}`);
      }
      await m.update(
        PriceComplaint,
        { id: complaint.id },
        {
          status: input.status,
          statusNote: note ?? complaint.statusNote,
          statusChangedOn: check.today(),
        },
      );
      return m.findOneByOrFail(PriceComplaint, { id: complaint.id });
    });
  }
}
