import { geography } from "../kit/geography";
import { villageCode as checkVillage } from "../kit/validate";

let districts: Map<string, string> | undefined;

/** Each village's district, read from the reference data (codes have gaps: never computed). */
function districtsOfVillages(): Map<string, string> {
  if (districts) return districts;
  const geo = geography();
  const districtOfTambon = new Map(geo.tambons.map((t) => [t.code, t.districtCode]));
  districts = new Map(geo.villages.map((v) => [v.code, districtOfTambon.get(v.tambonCode)!]));
  return districts;
}

/** The district of a village of the reference data. */
export const districtOfVillage = (villageCode: string): string | undefined => districtsOfVillages().get(villageCode);

/** A village code checked against the reference data (kit/geography's `villageCodes`), with its district. */
export function place(field: string, villageCode: string): { villageCode: string; districtCode: string } {
  const code = checkVillage(field, villageCode);
  return { villageCode: code, districtCode: districtOfVillage(code)! };
}
