import { FieldResolver, Resolver, Root } from "type-graphql";
import { District, Household, Tambon, Village } from "./stubs";
import { HousingSurvey } from "./survey.entity";

/** Where a survey was made: references only, the gateway asks their owners for the rest. */
@Resolver(() => HousingSurvey)
export class SurveyResolver {
  @FieldResolver(() => Household)
  household(@Root() survey: HousingSurvey): Household {
    return { houseCode: survey.houseCode };
  }

  @FieldResolver(() => Village, { description: "The village where the house was surveyed." })
  village(@Root() survey: HousingSurvey): Village {
    return { code: survey.villageCode };
  }

  @FieldResolver(() => Tambon)
  tambon(@Root() survey: HousingSurvey): Tambon {
    return { code: survey.tambonCode };
  }

  @FieldResolver(() => District)
  district(@Root() survey: HousingSurvey): District {
    return { code: survey.districtCode };
  }
}
