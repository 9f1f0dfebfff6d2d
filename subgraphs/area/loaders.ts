import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader } from "../kit/loaders";
import { District } from "./district.entity";
import { Tambon } from "./tambon.entity";
import { Village } from "./village.entity";

export function createLoaders(ds: DataSource) {
  return {
    district: keyedLoader(
      (codes: string[]) => ds.getRepository(District).findBy({ code: In(codes) }),
      (d) => d.code,
    ),
    tambon: keyedLoader(
      (codes: string[]) => ds.getRepository(Tambon).findBy({ code: In(codes) }),
      (t) => t.code,
    ),
    village: keyedLoader(
      (codes: string[]) => ds.getRepository(Village).findBy({ code: In(codes) }),
      (v) => v.code,
    ),
    tambonsOfDistrict: groupedLoader(
      (codes: string[]) => ds.getRepository(Tambon).find({ where: { districtCode: In(codes) }, order: { code: "ASC" } }),
      (t) => t.districtCode,
    ),
    villagesOfTambon: groupedLoader(
      (codes: string[]) => ds.getRepository(Village).find({ where: { tambonCode: In(codes) }, order: { code: "ASC" } }),
      (v) => v.tambonCode,
    ),
  };
}

export type AreaLoaders = ReturnType<typeof createLoaders>;
