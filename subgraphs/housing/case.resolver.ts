import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, PageArgs, pageWindow, toConnection, type Connection } from "../kit/pagination";
import { BadUserInputError } from "../kit/errors";
import type { SubgraphContext } from "../kit/subgraph";
import { knownDistrict, knownTambon } from "../kit/validate";
import { READ } from "./access";
import { AssistanceCase } from "./case.entity";
import { CaseStep } from "./case-step.entity";
import { CaseStage, CLOSED_STAGES } from "./ladder";
import type { HousingLoaders } from "./loaders";
import { HousingProgramme } from "./programme";
import { District, Household, Tambon, Village } from "./stubs";
import { HousingSurvey } from "./survey.entity";

type Context = SubgraphContext<HousingLoaders>;

@ObjectType()
export class AssistanceCaseConnection extends ConnectionType(AssistanceCase) {}

@ArgsType()
export class CaseFilter extends PageArgs {
  @Field(() => String, { nullable: true, description: "Only cases of this tambon (6 digits)." }) tambonCode?: string | null;
  @Field(() => String, { nullable: true, description: "Only cases of this district (4 digits)." }) districtCode?: string | null;
  @Field(() => CaseStage, { nullable: true }) stage?: CaseStage | null;
  @Field(() => HousingProgramme, { nullable: true }) programme?: HousingProgramme | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "true: only open cases (any stage but REJECTED and HANDED_OVER); false: only closed ones.",
  })
  open?: boolean | null;
}

/** One page of cases in the order they were opened; filters and count run in SQL. */
async function findCases(ctx: Context, filter: CaseFilter): Promise<Connection<AssistanceCase>> {
  const { limit, afterKey } = pageWindow(filter, ctx.config.maxPageSize);
  const query = ctx.ds.getRepository(AssistanceCase).createQueryBuilder("c");
  if (filter.tambonCode != null) query.andWhere("c.tambon_code = :tambon", { tambon: knownTambon("tambonCode", filter.tambonCode) });
  if (filter.districtCode != null)
    query.andWhere("c.district_code = :district", { district: knownDistrict("districtCode", filter.districtCode) });
  if (filter.stage != null) query.andWhere("c.stage = :stage", { stage: filter.stage });
  if (filter.programme != null) query.andWhere("c.programme = :programme", { programme: filter.programme });
  if (filter.open != null) query.andWhere(`c.stage ${filter.open ? "NOT IN" : "IN"} (:...closed)`, { closed: CLOSED_STAGES });
  const totalCount = await query.getCount();
  if (afterKey !== null) {
    if (!/^\d{1,18}$/.test(afterKey)) throw new BadUserInputError("after", "is not a cursor this API issued");
    query.andWhere("c.id > :after", { after: afterKey });
  }
  const rows = await query
    .orderBy("c.id")
    .limit(limit + 1)
    .getMany();
  return toConnection(rows, limit, (c) => c.id, totalCount);
}

@Resolver(() => AssistanceCase)
export class CaseResolver {
  @Authorized(READ)
  @Query(() => AssistanceCase, { nullable: true, description: "An assistance case by id." })
  assistanceCase(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<AssistanceCase | null> {
    return /^[1-9]\d{0,17}$/.test(id) ? ctx.loaders.case.load(id) : Promise.resolve(null);
  }

  @Authorized(READ)
  @Query(() => AssistanceCaseConnection, {
    nullable: true,
    description: "Assistance cases by tambon, district, stage and programme, oldest first.",
  })
  assistanceCases(@Args(() => CaseFilter) filter: CaseFilter, @Ctx() ctx: Context): Promise<Connection<AssistanceCase>> {
    return findCases(ctx, filter);
  }

  @FieldResolver(() => [CaseStep], { description: "Every step, the opening first." })
  steps(@Root() c: AssistanceCase, @Ctx() ctx: Context): Promise<CaseStep[]> {
    return ctx.loaders.stepsOfCase.load(c.id);
  }

  @FieldResolver(() => HousingSurvey, { description: "The survey the case was opened on." })
  async survey(@Root() c: AssistanceCase, @Ctx() ctx: Context): Promise<HousingSurvey> {
    return (await ctx.loaders.survey.load(c.surveyId))!;
  }

  @FieldResolver(() => Household)
  household(@Root() c: AssistanceCase): Household {
    return { houseCode: c.houseCode };
  }

  @FieldResolver(() => Village)
  village(@Root() c: AssistanceCase): Village {
    return { code: c.villageCode };
  }

  @FieldResolver(() => Tambon)
  tambon(@Root() c: AssistanceCase): Tambon {
    return { code: c.tambonCode };
  }

  @FieldResolver(() => District)
  district(@Root() c: AssistanceCase): District {
    return { code: c.districtCode };
  }
}
