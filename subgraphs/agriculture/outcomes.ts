import { outcomesResolver } from "../kit/outcomes";
import { READ } from "./access";
import { District } from "./area.stubs";

/** Q5's farmers-council part (kit/outcomes.ts): a member of the household attended a farmer training between the assessments. */
export const agricultureOutcomes = outcomesResolver({
  district: District,
  field: "agricultureOutcomes",
  readScope: READ,
  helps: [
    {
      help: "FARMER_TRAINING",
      label: "farmer training (อบรมเกษตรกร)",
      exists: `EXISTS (SELECT 1 FROM farmer f JOIN training_attendee a ON a.farm_book_no = f.farm_book_no JOIN training t ON t.id = a.training_id
        WHERE f.house_code = n.house_code AND t.held_on > n.from_on AND t.held_on <= n.to_on)`,
    },
  ],
});
