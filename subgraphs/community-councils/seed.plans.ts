import type { DataSource } from "typeorm";
import { demoHouseholds } from "../kit/demo/population";
import { isoDaysBefore, Rng } from "../kit/demo/random";
import { geography } from "../kit/geography";
import { CaseAgency } from "../kit/referral";
import type { SeedOptions } from "../kit/subgraph";
import { PlanBaseline, PlanProject, ProjectProgress, TambonPlan } from "./plan.entity";

/** The demo's fiscal year of plans: FY 2026 (ปีงบ 2569), drafted in October 2025, reported on since. */
const FISCAL_YEAR = 2026;

const PROJECTS = [
  {
    leadAgency: CaseAgency.HOUSING,
    title: "ซ่อมบ้านผู้ยากลำบาก (repair homes)",
    indicator: "households with a safe home",
    perHousehold: 19_000,
  },
  {
    leadAgency: CaseAgency.AGRICULTURE,
    title: "เกษตรอินทรีย์ลดต้นทุน (organic, lower-cost farming)",
    indicator: "farmers trained",
    perHousehold: 1_500,
  },
  {
    leadAgency: CaseAgency.COMMUNITY_COUNCILS,
    title: "ขยายสมาชิกกองทุนสวัสดิการ (welfare fund members)",
    indicator: "new fund members",
    perHousehold: 365,
  },
  {
    leadAgency: CaseAgency.SOCIAL_DEVELOPMENT,
    title: "ดูแลผู้สูงอายุติดเตียง (care for the bedridden)",
    indicator: "households visited monthly",
    perHousehold: 2_400,
  },
];

/** Plans for about three tambons with a council in four, each with 2-3 projects and up to two progress reports. */
export async function seedPlans(ds: DataSource, options: SeedOptions): Promise<void> {
  const rng = new Rng(options.seed + 5309);
  // The baseline a drafter would have read: the tambon's worst-off households (the shared population's latent wellbeing).
  const worstOff = new Map<string, number>();
  for (const h of demoHouseholds(options.seed, options.households)) {
    if (h.wellbeing < 0.2) worstOff.set(h.villageCode.slice(0, 6), (worstOff.get(h.villageCode.slice(0, 6)) ?? 0) + 1);
  }
  await ds.transaction(async (m) => {
    const councils = new Set((await m.query("SELECT tambon_code FROM council")).map((c: { tambon_code: string }) => c.tambon_code));
    for (const tambon of geography().tambons) {
      if (!rng.chance(0.75) || !councils.has(tambon.code)) continue;
      const draftedOn = isoDaysBefore("2025-10-31", rng.int(0, 30));
      const need = worstOff.get(tambon.code) ?? 0;
      const { identifiers } = await m.insert(TambonPlan, {
        tambonCode: tambon.code,
        fiscalYear: FISCAL_YEAR,
        title: `แผนพัฒนาตำบล${tambon.nameTh} ปีงบประมาณ 2569`,
        draftedOn,
        draftedBy: "demo-seed",
      });
      const planId = identifiers[0].id;
      await m.insert(PlanBaseline, [
        { planId, seq: 0, agency: CaseAgency.SOCIAL_DEVELOPMENT, indicator: "households in hardship", value: need },
        { planId, seq: 1, agency: CaseAgency.HOUSING, indicator: "unsafe houses", value: Math.round(need * 0.4) },
        {
          planId,
          seq: 2,
          agency: CaseAgency.AGRICULTURE,
          indicator: "farm households below the income line",
          value: Math.round(need * 0.6),
        },
      ]);
      const first = rng.int(0, PROJECTS.length - 1);
      for (let k = 0; k < rng.int(2, 3); k++) {
        const p = PROJECTS[(first + k) % PROJECTS.length];
        const target = Math.max(3, Math.round(need * (0.3 + rng.next() * 0.5)));
        const budget = target * p.perHousehold;
        const project = await m.insert(PlanProject, {
          planId,
          title: p.title,
          leadAgency: p.leadAgency,
          budget: String(budget),
          targetHouseholds: target,
          indicator: p.indicator,
          indicatorTarget: target,
          houseCodes: [],
        });
        let reached = 0;
        let day = draftedOn;
        for (let r = 0; r < rng.int(0, 2); r++) {
          reached = Math.min(target, reached + rng.int(1, Math.max(1, Math.ceil(target / 2))));
          day = isoDaysBefore(day, -rng.int(20, 30));
          await m.insert(ProjectProgress, {
            projectId: project.identifiers[0].id,
            reportedOn: day,
            spent: String(Math.round((budget * reached) / target)),
            householdsReached: reached,
            indicatorValue: reached,
            note: null,
            reportedBy: "demo-seed",
          });
        }
      }
    }
  });
}
