import { outcomesResolver } from "../kit/outcomes";
import { READ } from "./access";
import { District } from "./area.stubs";

/**
 * Q5's council part (kit/outcomes.ts): a member of the household in a community welfare fund by the
 * later assessment. Change-leader and college courses are not split: the network records them by
 * person, and a person's household is known to it only through a fund membership.
 */
export const councilOutcomes = outcomesResolver({
  district: District,
  field: "councilsOutcomes",
  readScope: READ,
  helps: [
    {
      help: "WELFARE_FUND_MEMBERSHIP",
      label: "welfare-fund membership (สวัสดิการชุมชน)",
      exists: `EXISTS (SELECT 1 FROM fund_member m WHERE m.house_code = n.house_code AND m.joined_on <= n.to_on)`,
    },
  ],
});
