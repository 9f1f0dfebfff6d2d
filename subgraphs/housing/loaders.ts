import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader } from "../kit/loaders";
import type { HubConfig } from "../kit/config";
import { AssistanceCase } from "./case.entity";
import { CaseStep } from "./case-step.entity";
import { candidateLoader } from "./candidates";
import { HousingSurvey } from "./survey.entity";
import { moneyFigures, surveyFigures, type MoneyFigures } from "./tambon.figures";

export function createLoaders(ds: DataSource, config: HubConfig) {
  const surveys = ds.getRepository(HousingSurvey);
  const cases = ds.getRepository(AssistanceCase);
  let money: Promise<MoneyFigures> | undefined;
  /** The province's case figures and money, read once per request (tambon.figures.ts says why all of it). */
  const moneyOnce = () => (money ??= moneyFigures(ds));
  return {
    survey: keyedLoader(
      (ids: string[]) => surveys.findBy({ id: In(ids) }),
      (s) => s.id,
    ),
    surveysOfHousehold: groupedLoader(
      (codes: string[]) => surveys.find({ where: { houseCode: In(codes) }, order: { surveyedOn: "DESC", id: "DESC" } }),
      (s) => s.houseCode,
    ),
    latestSurvey: keyedLoader(
      (codes: string[]) =>
        surveys
          .createQueryBuilder("s")
          .distinctOn(["s.house_code"])
          .where("s.house_code IN (:...codes)", { codes })
          .orderBy("s.house_code")
          .addOrderBy("s.surveyed_on", "DESC")
          .addOrderBy("s.id", "DESC")
          .getMany(),
      (s) => s.houseCode,
    ),
    case: keyedLoader(
      (ids: string[]) => cases.findBy({ id: In(ids) }),
      (c) => c.id,
    ),
    casesOfHousehold: groupedLoader(
      (codes: string[]) => cases.find({ where: { houseCode: In(codes) }, order: { id: "DESC" } }),
      (c) => c.houseCode,
    ),
    stepsOfCase: groupedLoader(
      (ids: string[]) => ds.getRepository(CaseStep).find({ where: { caseId: In(ids) }, order: { caseId: "ASC", seq: "ASC" } }),
      (s) => s.caseId,
    ),
    surveyFigures: keyedLoader(
      (codes: string[]) => surveyFigures(ds, codes),
      (row) => row.tambonCode,
    ),
    money: moneyOnce,
    caseFigures: groupedLoader(
      async (_codes: string[]) => (await moneyOnce()).tambons,
      (row) => row.tambonCode,
    ),
    candidates: candidateLoader(ds, config.maxPageSize),
  };
}

export type HousingLoaders = ReturnType<typeof createLoaders>;
