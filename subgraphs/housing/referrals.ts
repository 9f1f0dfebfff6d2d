import { scope } from "../kit/identity";
import { CaseAgency } from "../kit/referral";
import { referralAnswers } from "../kit/referral-answer";
import { READ, WRITE } from "./access";

/** Housing answers referrals in its own subgraph (kit/referral-answer.ts says why): accepted by opening an assistance case. */
export const housingReferrals = referralAnswers({
  agency: CaseAgency.HOUSING,
  field: "housing",
  prefix: "Housing",
  writeScope: WRITE,
  readScopes: [READ, scope.refer],
  opened: {
    kinds: ["HOUSING_CASE"],
    exists: async (m, _kind, id) =>
      /^[1-9][0-9]{0,17}$/.test(id) && (await m.query(`SELECT 1 FROM assistance_case WHERE id = $1`, [id])).length > 0,
  },
  demo: {
    kind: "HOUSING_CASE",
    openedSql: "SELECT house_code, min(id)::text AS opened_id FROM assistance_case WHERE house_code = ANY($1) GROUP BY 1",
    declined: "no housing survey of this house yet: to be surveyed first",
  },
});
