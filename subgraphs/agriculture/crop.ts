import { registerEnumType } from "type-graphql";

export enum Crop {
  RICE_JASMINE = "RICE_JASMINE",
  RICE_GLUTINOUS = "RICE_GLUTINOUS",
  CASSAVA = "CASSAVA",
  SUGARCANE = "SUGARCANE",
  RUBBER = "RUBBER",
  MAIZE = "MAIZE",
  VEGETABLES = "VEGETABLES",
  FRUIT = "FRUIT",
  OTHER = "OTHER",
}
registerEnumType(Crop, {
  name: "Crop",
  description: "What a crop cycle grew. Rice is split because jasmine and glutinous rice sell at different prices.",
});

export const CROP_LABELS: Record<Crop, string> = {
  RICE_JASMINE: "ข้าวหอมมะลิ (jasmine rice)",
  RICE_GLUTINOUS: "ข้าวเหนียว (glutinous rice)",
  CASSAVA: "มันสำปะหลัง (cassava)",
  SUGARCANE: "อ้อย (sugarcane)",
  RUBBER: "ยางพารา (rubber)",
  MAIZE: "ข้าวโพดเลี้ยงสัตว์ (maize)",
  VEGETABLES: "พืชผัก (vegetables)",
  FRUIT: "ไม้ผล (fruit)",
  OTHER: "อื่น ๆ (other)",
};

export const CROPS = Object.values(Crop);

export enum LandDocument {
  CHANOT = "CHANOT",
  NS3 = "NS3",
  SPK_401 = "SPK_401",
  PBT5 = "PBT5",
  NONE = "NONE",
  OTHER = "OTHER",
}
registerEnumType(LandDocument, { name: "FarmLandDocument", description: "The document a plot is held under." });

export const LAND_DOCUMENT_LABELS: Record<LandDocument, string> = {
  CHANOT: "โฉนดที่ดิน (title deed)",
  NS3: "น.ส.3 / น.ส.3 ก. (certificate of use)",
  SPK_401: "ส.ป.ก. 4-01 (land-reform use right)",
  PBT5: "ภ.บ.ท.5 (local tax receipt only)",
  NONE: "ไม่มีเอกสารสิทธิ์ (no document)",
  OTHER: "อื่น ๆ (other, e.g. lease)",
};

export enum WaterSource {
  RAIN_FED = "RAIN_FED",
  IRRIGATION = "IRRIGATION",
  POND = "POND",
  WELL = "WELL",
  RIVER = "RIVER",
}
registerEnumType(WaterSource, { name: "FarmWaterSource", description: "Where a plot's water comes from." });

export const WATER_SOURCE_LABELS: Record<WaterSource, string> = {
  RAIN_FED: "น้ำฝน (rain-fed)",
  IRRIGATION: "ชลประทาน (irrigation)",
  POND: "สระน้ำ (farm pond)",
  WELL: "บ่อบาดาล (well)",
  RIVER: "แม่น้ำ/ลำห้วย (river or stream)",
};

/** SQL list of an enum's values, for CHECK constraints in migrations. */
export const sqlValues = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(", ");
