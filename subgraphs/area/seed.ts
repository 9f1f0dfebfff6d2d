import type { DataSource } from "typeorm";
import { geography } from "../kit/geography";
import { District } from "./district.entity";
import { Tambon } from "./tambon.entity";
import { Village } from "./village.entity";

/** Loads the geocodes (and the demo's synthetic villages) into an empty database, in one transaction. */
export async function seedArea(ds: DataSource): Promise<void> {
  const geo = geography();
  await ds.transaction(async (m) => {
    await m.insert(District, geo.districts);
    await m.insert(
      Tambon,
      geo.tambons.map(({ lat, lng, approximate, ...t }) => ({ ...t, lat, lng, pointApproximate: approximate })),
    );
    await m.insert(Village, geo.villages);
  });
}

export const isAreaEmpty = async (ds: DataSource): Promise<boolean> => (await ds.getRepository(District).count()) === 0;
