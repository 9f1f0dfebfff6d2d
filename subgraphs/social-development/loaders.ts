import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader } from "../kit/loaders";
import { Assessment } from "./assessment.entity";
import { Household } from "./household.entity";
import { Person } from "./person.entity";
import { levelFigures, vulnerabilityCounts } from "./tambon.figures";

export function createLoaders(ds: DataSource) {
  const assessments = ds.getRepository(Assessment);
  return {
    household: keyedLoader(
      (codes: string[]) => ds.getRepository(Household).findBy({ houseCode: In(codes) }),
      (h) => h.houseCode,
    ),
    person: keyedLoader(
      (ids: string[]) => ds.getRepository(Person).findBy({ id: In(ids) }),
      (p) => p.id,
    ),
    members: groupedLoader(
      (codes: string[]) => ds.getRepository(Person).find({ where: { houseCode: In(codes) }, order: { birthDate: "ASC", id: "ASC" } }),
      (p) => p.houseCode,
    ),
    assessments: groupedLoader(
      (codes: string[]) => assessments.find({ where: { houseCode: In(codes) }, order: { assessedOn: "DESC", id: "DESC" } }),
      (a) => a.houseCode,
    ),
    latestAssessment: keyedLoader(
      (codes: string[]) =>
        assessments
          .createQueryBuilder("a")
          .distinctOn(["a.house_code"])
          .where("a.house_code IN (:...codes)", { codes })
          .orderBy("a.house_code")
          .addOrderBy("a.assessed_on", "DESC")
          .addOrderBy("a.id", "DESC")
          .getMany(),
      (a) => a.houseCode,
    ),
    povertyLevels: keyedLoader(
      (codes: string[]) => levelFigures(ds, codes),
      (row) => row.tambonCode,
    ),
    vulnerability: keyedLoader(
      (codes: string[]) => vulnerabilityCounts(ds, codes),
      (row) => row.tambonCode,
    ),
  };
}

export type RegistryLoaders = ReturnType<typeof createLoaders>;
