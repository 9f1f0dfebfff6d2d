import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph";
import { inTransaction } from "../kit/transaction";
import * as check from "../kit/validate";
import { WRITE } from "./access";
import { place } from "./place";
import { RecordHousingSurveyInput } from "./survey.input";
import { HousingSurvey } from "./survey.entity";

@Authorized(WRITE)
@Resolver()
export class SurveyMutationResolver {
  @Mutation(() => HousingSurvey, { nullable: true, description: "Records a housing survey; earlier surveys of the household are kept." })
  recordHousingSurvey(
    @Arg("input", () => RecordHousingSurveyInput) input: RecordHousingSurveyInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<HousingSurvey> {
    const row = {
      houseCode: check.digits("houseCode", input.houseCode, 11),
      ...place("villageCode", input.villageCode),
      surveyedOn: check.isoDate("surveyedOn", input.surveyedOn, { min: "2000-01-01" }),
      roof: input.roof,
      walls: input.walls,
      floor: input.floor,
      posts: input.posts,
      toilet: input.toilet,
      tenure: input.tenure,
      surveyedBy: check.optionalText("surveyedBy", input.surveyedBy, 200),
      note: check.optionalText("note", input.note, 2000),
    };
    return inTransaction(ctx.ds, async (m) => {
      const { identifiers } = await m.insert(HousingSurvey, row);
      return m.findOneByOrFail(HousingSurvey, { id: identifiers[0].id });
    });
  }
}
