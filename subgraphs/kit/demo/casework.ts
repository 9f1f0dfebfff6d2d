import { Capital, CaseAgency } from "../referral";
import { demoHouseholds } from "./population";
import { isoDaysBefore, Rng } from "./random";

/**
 * The demo's casework, drawn from the shared demo population so that every agency's seed (each in
 * its own process) sees the same referrals with the same serials: the registry plans the needs and
 * sends the referrals, and each receiving agency answers those addressed to it from its own records.
 * About one household in hardship in three has a case plan of one or two needs, each referred.
 */
export interface DemoReferral {
  serial: number;
  houseCode: string;
  capital: Capital;
  to: CaseAgency;
  need: string;
  goal: string;
  reason: string;
  plannedOn: string;
  reviewOn: string;
  sentOn: string;
}

const NEEDS: { capital: Capital; to: CaseAgency; need: string; goal: string; reason: string }[] = [
  {
    capital: Capital.PHYSICAL,
    to: CaseAgency.HOUSING,
    need: "บ้านทรุดโทรม (house in disrepair)",
    goal: "a safe home",
    reason: "unsafe house",
  },
  {
    capital: Capital.FINANCIAL,
    to: CaseAgency.AGRICULTURE,
    need: "รายได้จากการเกษตรต่ำ (low farm income)",
    goal: "farm income above the poverty line",
    reason: "low farm income: advice on crops and prices",
  },
  {
    capital: Capital.SOCIAL,
    to: CaseAgency.COMMUNITY_COUNCILS,
    need: "ไม่มีสวัสดิการชุมชน (no safety net)",
    goal: "a member of the tambon's welfare fund",
    reason: "no safety net: welfare fund membership",
  },
];

/** The playground's example household (schema/operations, PlanNeed): left without a plan for the newcomer to make one. */
const EXAMPLE_HOUSEHOLD = "49020000207";

export function* demoCasework(seed: number, households: number): Generator<DemoReferral> {
  const rng = new Rng(seed + 1301);
  let serial = 0;
  for (const h of demoHouseholds(seed, households)) {
    if (h.wellbeing >= 0.2 || h.houseCode === EXAMPLE_HOUSEHOLD || !rng.chance(0.35)) continue;
    const first = rng.int(0, NEEDS.length - 1);
    const picks = rng.chance(0.4) ? [first, (first + 1) % NEEDS.length] : [first];
    const plannedOn = isoDaysBefore("2025-10-31", rng.int(0, 240));
    for (const i of picks) {
      serial++;
      yield {
        serial,
        houseCode: h.houseCode,
        ...NEEDS[i],
        plannedOn,
        reviewOn: isoDaysBefore(plannedOn, -rng.int(120, 365)),
        sentOn: isoDaysBefore(plannedOn, -rng.int(0, 21)),
      };
    }
  }
}
