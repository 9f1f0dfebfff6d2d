import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { WRITE } from "./access";
import type { EntityManager } from "typeorm";
import { BadUserInputError, ConflictError } from "../kit/errors";
import type { SubgraphContext } from "../kit/subgraph";
import { inTransaction } from "../kit/transaction";
import * as check from "../kit/validate";
import { Assessment } from "./assessment.entity";
import { Household } from "./household.entity";
import { Person } from "./person.entity";
import { linkageId, linkageSecret } from "./linkage";
import { AddMemberInput, RecordAssessmentInput, RegisterHouseholdInput } from "./registry.input";

const UNIQUES = {
  household_pkey: ["houseCode", "a household with this house code is already registered"],
  person_pkey: ["citizenId", "a person with this citizen ID is already registered"],
  person_citizen_id_key: ["citizenId", "a person with this citizen ID is already registered"],
  person_one_head: ["relationToHead", "this household already has a head"],
} as const satisfies Record<string, [string, string]>;

async function existingHousehold(m: EntityManager, houseCode: string): Promise<Household> {
  const household = await m.findOneBy(Household, { houseCode: check.digits("houseCode", houseCode, 11) });
  if (!household) throw new BadUserInputError("houseCode", "no household is registered with this house code");
  return household;
}

/** The registry's writes: every argument checked first, one transaction each; staff of the registry only. */
@Authorized(WRITE)
@Resolver()
export class RegistryMutationResolver {
  @Mutation(() => Household, { nullable: true })
  registerHousehold(
    @Arg("input", () => RegisterHouseholdInput) input: RegisterHouseholdInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Household> {
    const houseCode = check.digits("houseCode", input.houseCode, 11);
    const villageCode = check.villageCode("villageCode", input.villageCode);
    const houseNumber = check.optionalText("houseNumber", input.houseNumber, 20);
    return inTransaction(
      ctx.ds,
      async (m) => {
        if (await m.existsBy(Household, { houseCode })) throw new ConflictError(...UNIQUES.household_pkey);
        await m.insert(Household, { houseCode, villageCode, houseNumber, synthetic: false });
        return m.findOneByOrFail(Household, { houseCode });
      },
      UNIQUES,
    );
  }

  @Mutation(() => Person, { nullable: true })
  addMember(@Arg("input", () => AddMemberInput) input: AddMemberInput, @Ctx() ctx: SubgraphContext): Promise<Person> {
    const citizenId = check.citizenId("citizenId", input.citizenId);
    const row = {
      id: linkageId(linkageSecret(ctx.config), citizenId),
      citizenId,
      firstName: check.text("firstName", input.firstName, 100),
      lastName: check.text("lastName", input.lastName, 100),
      sex: input.sex,
      birthDate: check.isoDate("birthDate", input.birthDate),
      relation: input.relationToHead,
      disabled: input.disabled,
      bedridden: input.bedridden,
      singleParent: input.singleParent,
      welfareCard: input.welfareCardHolder,
    };
    return inTransaction(
      ctx.ds,
      async (m) => {
        const { houseCode } = await existingHousehold(m, input.houseCode);
        if (await m.existsBy(Person, { citizenId })) throw new ConflictError(...UNIQUES.person_citizen_id_key);
        if (row.relation === "HEAD" && (await m.existsBy(Person, { houseCode, relation: row.relation }))) {
          throw new ConflictError(...UNIQUES.person_one_head);
        }
        await m.insert(Person, { ...row, houseCode });
        return m.findOneByOrFail(Person, { id: row.id });
      },
      UNIQUES,
    );
  }

  @Mutation(() => Assessment, { nullable: true })
  recordAssessment(
    @Arg("input", () => RecordAssessmentInput) input: RecordAssessmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Assessment> {
    const scores = {
      human: check.intInRange("human", input.human, 1, 4),
      physical: check.intInRange("physical", input.physical, 1, 4),
      financial: check.intInRange("financial", input.financial, 1, 4),
      natural: check.intInRange("natural", input.natural, 1, 4),
      social: check.intInRange("social", input.social, 1, 4),
    };
    const assessedOn = check.isoDate("assessedOn", input.assessedOn, { min: "2000-01-01" });
    const t = input.tpmap;
    return inTransaction(ctx.ds, async (m) => {
      const { houseCode } = await existingHousehold(m, input.houseCode);
      const { identifiers } = await m.insert(Assessment, {
        houseCode,
        assessedOn,
        ...scores,
        tpmapHealth: !!t?.health,
        tpmapLiving: !!t?.livingConditions,
        tpmapEducation: !!t?.education,
        tpmapIncome: !!t?.income,
        tpmapAccess: !!t?.accessToServices,
      });
      return m.findOneByOrFail(Assessment, { id: identifiers[0].id });
    });
  }
}
