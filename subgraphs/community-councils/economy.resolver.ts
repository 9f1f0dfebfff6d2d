import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { WRITE } from "./access";
import { BadUserInputError, ConflictError } from "../kit/errors";
import type { SubgraphContext } from "../kit/subgraph";
import { inTransaction } from "../kit/transaction";
import * as check from "../kit/validate";
import { Tambon } from "./area.stubs";
import { positiveBaht } from "./checks";
import { tambonCode } from "../kit/validate";
import { councilOf } from "./council.mutation";
import { CodiGrant, CommunityEnterprise } from "./economy.entity";
import { fiscalYearEnd, fiscalYearOf, fiscalYearStart } from "../kit/calendar";
import { RecordGrantInput, RegisterEnterpriseInput } from "./economy.input";

const UNIQUES = {
  community_enterprise_registration_key: ["registrationNumber", "an enterprise with this registration number is already registered"],
} as const satisfies Record<string, [string, string]>;

@Resolver(() => CommunityEnterprise)
export class EnterpriseResolver {
  @FieldResolver(() => Tambon)
  tambon(@Root() enterprise: CommunityEnterprise): Tambon {
    return { code: enterprise.tambonCode };
  }

  @Authorized(WRITE)
  @Mutation(() => CommunityEnterprise, { nullable: true, description: "Records a community enterprise registered in a tambon." })
  registerEnterprise(
    @Arg("input", () => RegisterEnterpriseInput) input: RegisterEnterpriseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityEnterprise> {
    const registrationNumber = input.registrationNumber.trim();
    if (!/^\d[\d/-]{4,29}$/.test(registrationNumber)) {
      throw new BadUserInputError("registrationNumber", "must be the number as issued: digits, - and /, e.g. 4-49-02-01/1-0012");
    }
    const row = {
      tambonCode: tambonCode("tambonCode", input.tambonCode),
      registrationNumber,
      name: check.text("name", input.name),
      product: check.text("product", input.product),
      membersCount: check.intInRange("membersCount", input.membersCount, 7, 100000),
      registeredOn: check.isoDate("registeredOn", input.registeredOn, { min: "2005-01-01" }),
      synthetic: false,
    };
    return inTransaction(
      ctx.ds,
      async (m) => {
        if (await m.existsBy(CommunityEnterprise, { registrationNumber }))
          throw new ConflictError(...UNIQUES.community_enterprise_registration_key);
        const { identifiers } = await m.insert(CommunityEnterprise, row);
        return m.findOneByOrFail(CommunityEnterprise, { id: identifiers[0].id });
      },
      UNIQUES,
    );
  }
}

@Resolver(() => CodiGrant)
export class GrantResolver {
  @FieldResolver(() => Tambon)
  tambon(@Root() grant: CodiGrant): Tambon {
    return { code: grant.tambonCode };
  }

  @Authorized(WRITE)
  @Mutation(() => CodiGrant, { nullable: true, description: "Records a CODI grant to a tambon's council." })
  recordGrant(@Arg("input", () => RecordGrantInput) input: RecordGrantInput, @Ctx() ctx: SubgraphContext): Promise<CodiGrant> {
    const code = tambonCode("tambonCode", input.tambonCode);
    const fiscalYear = check.intInRange("fiscalYear", input.fiscalYear, 2009, fiscalYearOf(check.today()));
    const span = { from: fiscalYearStart(fiscalYear), to: fiscalYearEnd(fiscalYear) };
    const row = {
      tambonCode: code,
      programme: input.programme,
      fiscalYear,
      amount: positiveBaht("amount", input.amount, "100000000"),
      // Within the fiscal year, and not after today (the earlier of the two ISO dates).
      approvedOn: check.isoDate("approvedOn", input.approvedOn, { min: span.from, max: [span.to, check.today()].sort()[0] }),
      purpose: check.optionalText("purpose", input.purpose, 500),
      synthetic: false,
    };
    return inTransaction(ctx.ds, async (m) => {
      await councilOf(m, code);
      const { identifiers } = await m.insert(CodiGrant, row);
      return m.findOneByOrFail(CodiGrant, { id: identifiers[0].id });
    });
  }
}
