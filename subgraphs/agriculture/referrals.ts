import { scope } from "../kit/identity";
import { CaseAgency } from "../kit/referral";
import { referralAnswers } from "../kit/referral-answer";
import { READ, WRITE } from "./access";

const SQL = {
  FARMER_TRAINING: `SELECT 1 FROM training WHERE id::text = $1`,
  FARMER_REGISTRATION: `SELECT 1 FROM farmer WHERE farm_book_no = $1`,
} as const;

/** The farmers council answers in its own subgraph: accepted with a training it runs or the farm book it registered. */
export const agricultureReferrals = referralAnswers({
  agency: CaseAgency.AGRICULTURE,
  field: "agriculture",
  prefix: "Agriculture",
  writeScope: WRITE,
  readScopes: [READ, scope.refer],
  opened: {
    kinds: Object.keys(SQL),
    exists: async (m, kind, id) => /^[0-9]{1,18}$/.test(id) && (await m.query(SQL[kind as keyof typeof SQL], [id])).length > 0,
  },
  demo: {
    kind: "FARMER_REGISTRATION",
    openedSql: "SELECT house_code, min(farm_book_no) AS opened_id FROM farmer WHERE house_code = ANY($1) GROUP BY 1",
    declined: "no farm book: not a farming household, referred on to the community college",
  },
});
