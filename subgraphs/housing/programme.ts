import { registerEnumType } from "type-graphql";

export enum HousingProgramme {
  BAAN_SANG_SUK = "BAAN_SANG_SUK",
  BAAN_PO_PIANG = "BAAN_PO_PIANG",
  BAAN_MANKONG = "BAAN_MANKONG",
  OTHER = "OTHER",
}
registerEnumType(HousingProgramme, {
  name: "HousingProgramme",
  description: "Who funds the repair or rebuilding.",
  valuesConfig: {
    BAAN_SANG_SUK: { description: "อบจ. บ้านสร้างสุขมุกดาหาร: repair or rebuild for the poorest." },
    BAAN_PO_PIANG: { description: "CODI บ้านพอเพียงชนบท: repair with community labour, at most 19,000 THB a house." },
    BAAN_MANKONG: { description: "CODI บ้านมั่นคง (Baan Mankong): at most 25,000 THB a household." },
    OTHER: { description: "Any other source (local government, donors)." },
  },
});

export enum WorkType {
  REPAIR = "REPAIR",
  REBUILD = "REBUILD",
}
registerEnumType(WorkType, { name: "HousingWorkType", description: "ซ่อมแซม (repair) or สร้างใหม่ (rebuild)." });

export interface ProgrammeRules {
  nameTh: string;
  nameEn: string;
  owner: string;
  /** Most a case may request or be approved, in baht; null when the programme sets none. */
  capBaht: string | null;
  workTypes: WorkType[];
}

/** The one place the programmes' rules live: validation, the seed and the schema read them. */
export const PROGRAMMES: Record<HousingProgramme, ProgrammeRules> = {
  BAAN_SANG_SUK: {
    nameTh: "บ้านสร้างสุขมุกดาหาร",
    nameEn: "Baan Sang Suk Mukdahan",
    owner: "อบจ.มุกดาหาร",
    capBaht: null,
    workTypes: [WorkType.REPAIR, WorkType.REBUILD],
  },
  // CODI's rural programme funds repairs only (materials; the community gives the labour).
  BAAN_PO_PIANG: {
    nameTh: "บ้านพอเพียงชนบท",
    nameEn: "Baan Po Piang (rural)",
    owner: "พอช. (CODI)",
    capBaht: "19000.00",
    workTypes: [WorkType.REPAIR],
  },
  BAAN_MANKONG: {
    nameTh: "บ้านมั่นคง",
    nameEn: "Baan Mankong",
    owner: "พอช. (CODI)",
    capBaht: "25000.00",
    workTypes: [WorkType.REPAIR, WorkType.REBUILD],
  },
  OTHER: { nameTh: "อื่น ๆ", nameEn: "Other", owner: "-", capBaht: null, workTypes: [WorkType.REPAIR, WorkType.REBUILD] },
};
