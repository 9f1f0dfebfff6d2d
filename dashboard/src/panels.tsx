import type { ComponentChildren } from "preact";
import { type Agency, CLOSED_STAGES, type LevelTransitions, type PlaceFigures, type Summed, type TambonFigures } from "./figures";
import type { Formats, Key } from "./i18n";

/** A published total: "<5" when hidden, "≥ n" when some of its parts were hidden (it may be short). */
export function sum(f: Formats, s: Summed): string {
  if (s.value === null) return f.count(null);
  return s.hidden ? `≥ ${f.count(s.value)}` : f.count(s.value);
}

interface PanelProps {
  f: Formats;
  title: Key;
  agency: Agency;
  down: Set<Agency>;
  asOf?: string;
  children: ComponentChildren;
  wide?: boolean;
}

/** A panel of one agency's figures; when the agency did not answer it says so and shows nothing else. */
export function Panel({ f, title, agency, down, asOf, children, wide }: PanelProps) {
  const isDown = down.has(agency);
  return (
    <section class={`panel${wide ? " wide" : ""}${isDown ? " is-down" : ""}`} data-agency={agency} data-testid={`panel-${title}`}>
      <h2>{f.t(title)}</h2>
      {isDown ? <p class="down">{`${f.t("noData")} ${f.t(agency)}`}</p> : children}
      {!isDown && asOf && <p class="as-of">{`${f.t("asOf")} ${asOf}`}</p>}
    </section>
  );
}

function Figure({ label, value, testid }: { label: string; value: string; testid?: string }) {
  return (
    <div class="figure" data-testid={testid}>
      <div class="value">{value}</div>
      <div class="label">{label}</div>
    </div>
  );
}

const LEVELS = [1, 2, 3, 4];
const LEVEL_COLOURS = ["#b91c1c", "#f97316", "#facc15", "#16a34a"];

export function RegistryFigures({ f, r }: { f: Formats; r: NonNullable<PlaceFigures["registry"]> }) {
  const total = r.levels.reduce((s, l) => s + (l.value ?? 0), 0) || 1;
  return (
    <>
      <div class="figures">
        <Figure label={f.t("households")} value={sum(f, r.householdCount)} testid="households" />
        <Figure label={f.t("notAssessed")} value={sum(f, r.notAssessed)} />
      </div>
      <div class="bar" role="img" aria-label={f.t("registry")}>
        {LEVELS.map((level) => (
          <span
            key={level}
            style={{ width: `${((r.levels[level - 1].value ?? 0) / total) * 100}%`, background: LEVEL_COLOURS[level - 1] }}
          />
        ))}
      </div>
      <table class="small">
        <tbody>
          {LEVELS.map((level) => (
            <tr key={level} data-level={level}>
              <td>
                <span class="dot" style={{ background: LEVEL_COLOURS[level - 1] }} /> {level} {f.t(`level${level}` as Key)}
              </td>
              <td class="n">{sum(f, r.levels[level - 1])}</td>
              <td class="n muted">{r.levels[level - 1].value === null ? "" : f.pct((r.levels[level - 1].value ?? 0) / total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function VulnerableFigures({
  f,
  r,
  cardHolders,
}: {
  f: Formats;
  r: NonNullable<PlaceFigures["registry"]>;
  cardHolders?: number | null;
}) {
  return (
    <div class="figures">
      <Figure label={f.t("people")} value={sum(f, r.people)} />
      <Figure label={f.t("elderly")} value={sum(f, r.elderly)} />
      <Figure label={f.t("childrenUnder7")} value={sum(f, r.childrenUnder7)} />
      <Figure label={f.t("disabled")} value={sum(f, r.disabled)} />
      <Figure label={f.t("bedridden")} value={sum(f, r.bedridden)} />
      {cardHolders !== undefined && <Figure label={f.t("welfareCardHolders")} value={f.count(cardHolders)} />}
    </div>
  );
}

const STAGE_LABELS: Record<string, [string, string]> = {
  VILLAGE_SCREENING: ["คัดกรองระดับหมู่บ้าน", "Village screening"],
  TAMBON_SCREENING: ["คัดกรองระดับตำบล", "Tambon screening"],
  DISTRICT_SCREENING: ["คัดกรองระดับอำเภอ", "District screening"],
  PROVINCE_SCREENING: ["คัดกรองระดับจังหวัด", "Province screening"],
  APPROVED: ["อนุมัติ", "Approved"],
  WORKS_STARTED: ["เริ่มก่อสร้าง", "Works started"],
  WORKS_COMPLETED: ["ก่อสร้างเสร็จ", "Works completed"],
  HANDED_OVER: ["ส่งมอบแล้ว", "Handed over"],
  REJECTED: ["ไม่ผ่าน", "Rejected"],
};
export const stageLabel = (f: Formats, stage: string) => STAGE_LABELS[stage]?.[f.lang === "th" ? 0 : 1] ?? stage;

export function HousingFigures({ f, h }: { f: Formats; h: NonNullable<PlaceFigures["housing"]> }) {
  const max = Math.max(1, ...h.stages.map((s) => s.cases.value ?? 0));
  return (
    <>
      <div class="figures">
        <Figure label={f.t("surveyed")} value={sum(f, h.surveyed)} />
        <Figure label={f.t("unsafe")} value={sum(f, h.unsafe)} />
        <Figure label={f.t("insecure")} value={sum(f, h.insecure)} />
        <Figure label={f.t("openCases")} value={sum(f, h.openCases)} />
        <Figure label={f.t("budgetApproved")} value={h.budgetApproved.value === null ? f.baht(null) : f.baht(h.budgetApproved.value)} />
        <Figure label={f.t("budgetSpent")} value={h.budgetSpent.value === null ? f.baht(null) : f.baht(h.budgetSpent.value)} />
      </div>
      <h3>{f.t("stages")}</h3>
      <table class="small stages">
        <tbody>
          {h.stages.map((s) => (
            <tr key={s.stage} class={CLOSED_STAGES.has(s.stage) ? "closed" : ""}>
              <td>{stageLabel(f, s.stage)}</td>
              <td class="barcell">
                <span style={{ width: `${((s.cases.value ?? 0) / max) * 100}%` }} />
              </td>
              <td class="n">{sum(f, s.cases)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const PROGRAMMES: Record<string, [string, string]> = {
  BAAN_SANG_SUK: ["บ้านสร้างสุข (อบจ.)", "Baan Sang Suk (PAO)"],
  BAAN_PO_PIANG: ["บ้านพอเพียงชนบท (พอช.)", "Baan Po Piang (CODI)"],
  BAAN_MANKONG: ["บ้านมั่นคง (พอช.)", "Baan Mankong (CODI)"],
  OTHER: ["อื่น ๆ", "Other"],
};

export interface ProgrammeBudget {
  programme: string;
  programmeName: string;
  fiscalYearBE: number;
  budget: string;
  targetHouseholds: number;
  casesApproved: number | null;
  casesHandedOver: number | null;
  budgetApproved: string | null;
  budgetSpent: string | null;
}

/** The latest fiscal year's programmes: money approved and spent against the budget, cases against the target. */
export function BudgetTable({ f, budgets }: { f: Formats; budgets: ProgrammeBudget[] }) {
  const year = Math.max(...budgets.map((b) => b.fiscalYearBE));
  const rows = budgets.filter((b) => b.fiscalYearBE === year);
  return (
    <>
      <h3>{`${f.t("fiscalYear")} ${year}`}</h3>
      <table class="small">
        <thead>
          <tr>
            <th>{f.t("programme")}</th>
            <th class="n">{f.t("allocation")}</th>
            <th class="n">{f.t("budgetApproved")}</th>
            <th class="n">{f.t("budgetSpent")}</th>
            <th class="n">{f.t("casesTarget")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.programme}>
              <td>{PROGRAMMES[b.programme]?.[f.lang === "th" ? 0 : 1] ?? b.programmeName}</td>
              <td class="n">{f.baht(b.budget)}</td>
              <td class="n">{f.baht(b.budgetApproved)}</td>
              <td class="n">{f.baht(b.budgetSpent)}</td>
              <td class="n">
                <meter min={0} max={b.targetHouseholds} value={b.casesApproved ?? 0} />
                <br />
                {`${f.count(b.casesApproved)} / ${f.count(b.targetHouseholds)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function CropTable({ f, a, tambonLevel }: { f: Formats; a: NonNullable<PlaceFigures["agriculture"]>; tambonLevel: boolean }) {
  return (
    <>
      <div class="figures">
        <Figure label={f.t("farmers")} value={sum(f, a.farmers)} />
        <Figure
          label={f.t("plantedRai")}
          value={a.plantedRai.value === null ? f.num(null) : `${a.plantedRai.hidden ? "≥ " : ""}${f.num(a.plantedRai.value, 0)}`}
        />
      </div>
      <table class="small">
        <thead>
          <tr>
            <th>{f.t("crop")}</th>
            <th class="n">{f.t("plantedRai")}</th>
            <th class="n">{f.t("farmers")}</th>
            {tambonLevel && <th class="n">{f.t("incomeRai")}</th>}
          </tr>
        </thead>
        <tbody>
          {a.crops.map((c) => (
            <tr key={c.crop}>
              <td>{f.label(c.cropLabel)}</td>
              <td class="n">
                {c.plantedRai.value === null ? f.num(null) : `${c.plantedRai.hidden ? "≥ " : ""}${f.num(c.plantedRai.value, 0)}`}
              </td>
              <td class="n">{sum(f, c.farmers)}</td>
              {tambonLevel && <td class="n">{f.baht(c.medianIncomePerRai)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {!tambonLevel && <p class="small-note">{`${f.t("incomeRai")}: ${f.t("noMedianAbove")}`}</p>}
    </>
  );
}

export interface CropPrice {
  crop: string;
  cropLabel: string;
  referencePricePerKg: string | null;
  referencePriceDate: string | null;
  medianPriceReceivedPerKg: string | null;
  sales: number | null;
  medianOfferedPricePerKg: string | null;
  complaints: number | null;
  openComplaints: number | null;
}

export function PriceTable({ f, prices }: { f: Formats; prices: CropPrice[] }) {
  const kg = (s: string | null) => (s === null ? "—" : f.num(Number(s), 2));
  return (
    <table class="small">
      <thead>
        <tr>
          <th>{f.t("crop")}</th>
          <th class="n">{f.t("referencePrice")}</th>
          <th class="n">{f.t("received")}</th>
          <th class="n">{f.t("complaints")}</th>
          <th class="n">{f.t("openComplaints")}</th>
        </tr>
      </thead>
      <tbody>
        {prices.map((p) => (
          <tr key={p.crop}>
            <td>{f.label(p.cropLabel)}</td>
            <td class="n">{kg(p.referencePricePerKg)}</td>
            <td class="n">{p.sales === 0 ? "—" : p.medianPriceReceivedPerKg === null ? f.num(null) : kg(p.medianPriceReceivedPerKg)}</td>
            <td class="n">{f.count(p.complaints)}</td>
            <td class="n">{f.count(p.openComplaints)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface AreaCouncils {
  tambons: number;
  councils: number;
  tambonsWithTrainedLeaders: number;
  trainedChangeLeaders: number | null;
  welfareFunds: number;
  welfareFundMembers: number | null;
  welfareFundBalance: string | null;
  codiGrantsTotal: string;
}

/** A district's or the province's council figures, as the community-councils subgraph adds them up. */
export function AreaCouncilFigures({ f, c, province }: { f: Formats; c: AreaCouncils; province: boolean }) {
  return (
    <div class="figures">
      <Figure label={f.t("councilsCount")} value={`${f.count(c.councils)} / ${f.count(c.tambons)}`} />
      <Figure label={f.t("leaders")} value={f.count(c.trainedChangeLeaders)} />
      <Figure
        label={province ? f.t("leadersTarget") : f.t("tambons")}
        value={
          province ? `${f.count(c.tambonsWithTrainedLeaders)} / 44` : `${f.count(c.tambonsWithTrainedLeaders)} / ${f.count(c.tambons)}`
        }
      />
      <Figure label={f.t("funds")} value={f.count(c.welfareFunds)} />
      <Figure label={f.t("fundMembers")} value={f.count(c.welfareFundMembers)} />
      <Figure label={f.t("fundBalance")} value={f.baht(c.welfareFundBalance)} />
      <Figure label={f.t("codi")} value={f.baht(c.codiGrantsTotal)} />
    </div>
  );
}

export function TambonCouncilFigures({ f, c }: { f: Formats; c: NonNullable<TambonFigures["councils"]> }) {
  return (
    <>
      <p>
        {c.council
          ? `${c.council.name} · ${f.count(c.council.memberCount ?? null)} ${f.t("members")} · ${c.council.notifiedYearBE ?? ""}`
          : "—"}
      </p>
      <div class="figures">
        <Figure label={f.t("leaders")} value={f.count(c.trainedChangeLeaders)} />
        <Figure label={f.t("fundMembers")} value={f.count(c.welfareFundMembers)} />
        <Figure label={f.t("fundBalance")} value={f.baht(c.welfareFundBalance)} />
        <Figure label={f.t("codi")} value={f.baht(c.codiGrantsTotal)} />
      </div>
      {c.changeLeaderTraining && (
        <>
          <h3>{f.t("modules")}</h3>
          <table class="small">
            <tbody>
              {c.changeLeaderTraining.map((m) => (
                <tr key={m.module}>
                  <td>{f.label(m.moduleLabel)}</td>
                  <td class="n">{f.count(m.leadersCompleted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {c.codiGrantsByFiscalYear && c.codiGrantsByFiscalYear.length > 0 && (
        <>
          <h3>{f.t("grantsByYear")}</h3>
          <table class="small">
            <tbody>
              {c.codiGrantsByFiscalYear.map((g) => (
                <tr key={g.fiscalYearBE}>
                  <td>{`${f.t("fiscalYear")} ${g.fiscalYearBE}`}</td>
                  <td class="n">{f.count(g.grants)}</td>
                  <td class="n">{f.baht(g.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

/** How households' levels moved between the two latest assessment rounds: the registry's 4 × 4 matrix, as published. */
export function TransitionFigures({ f, m }: { f: Formats; m: LevelTransitions }) {
  if (m.fromYearBE === null) return <p class="muted">{f.t("oneRound")}</p>;
  const cell = (from: number, to: number) => m.cells.find((c) => c.fromLevel === from && c.toLevel === to)?.households ?? null;
  return (
    <>
      <h3>{`${f.t("round")} ${m.fromYearBE} → ${m.toYearBE}`}</h3>
      <div class="figures">
        <Figure label={f.t("movedUp")} value={f.count(m.movedUp)} testid="moved-up" />
        <Figure label={f.t("stayed")} value={f.count(m.stayed)} />
        <Figure label={f.t("movedDown")} value={f.count(m.movedDown)} />
        <Figure label={f.t("notReassessed")} value={f.count(m.notReassessed)} />
      </div>
      <table class="small matrix" data-testid="transitions">
        <thead>
          <tr>
            <th>{`${m.fromYearBE} ↓ / ${m.toYearBE} →`}</th>
            {LEVELS.map((to) => (
              <th key={to} class="n">
                {`${to} ${f.t(`level${to}` as Key)}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {LEVELS.map((from) => (
            <tr key={from}>
              <th>{`${from} ${f.t(`level${from}` as Key)}`}</th>
              {LEVELS.map((to) => (
                <td key={to} class={`n ${to > from ? "up" : to < from ? "down" : "same"}`}>
                  {f.count(cell(from, to))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
