import { scope } from "../kit/identity";
import { CaseAgency } from "../kit/referral";
import { referralAnswers } from "../kit/referral-answer";
import { READ, WRITE } from "./access";

const SQL = {
  WELFARE_FUND_MEMBERSHIP: `SELECT 1 FROM fund_member WHERE person_id = $1`,
  LEADER_TRAINING: `SELECT 1 FROM leader_training WHERE id::text = $1`,
} as const;

/**
 * The councils' network answers in its own subgraph: accepted with a welfare-fund membership (the
 * member's linkage id) or a change-leader / college course (the training's id).
 */
export const councilReferrals = referralAnswers({
  agency: CaseAgency.COMMUNITY_COUNCILS,
  field: "councils",
  prefix: "Councils",
  writeScope: WRITE,
  readScopes: [READ, scope.refer],
  opened: {
    kinds: Object.keys(SQL),
    exists: async (m, kind, id) => /^[0-9a-f]{1,32}$/.test(id) && (await m.query(SQL[kind as keyof typeof SQL], [id])).length > 0,
  },
  demo: {
    kind: "WELFARE_FUND_MEMBERSHIP",
    openedSql: "SELECT house_code, min(person_id) AS opened_id FROM fund_member WHERE house_code = ANY($1) GROUP BY 1",
    declined: "not a member yet: invited to the tambon fund's next meeting",
  },
});
