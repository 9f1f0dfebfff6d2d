import { outcomesResolver } from "../kit/outcomes";
import { READ } from "./access";
import { District } from "./stubs";

/** Q5's housing part (kit/outcomes.ts explains the design): a house handed over between the two assessments. */
export const housingOutcomes = outcomesResolver({
  district: District,
  field: "housingOutcomes",
  readScope: READ,
  helps: [
    {
      help: "HOUSING_HANDED_OVER",
      label: "a housing case handed over (บ้านซ่อม/สร้างเสร็จ ส่งมอบ)",
      exists: `EXISTS (SELECT 1 FROM assistance_case c JOIN case_step s ON s.case_id = c.id
        WHERE c.house_code = n.house_code AND s.stage = 'HANDED_OVER' AND s.decided_on > n.from_on AND s.decided_on <= n.to_on)`,
    },
  ],
});
