import type { Agency, HelpOutcome, OutcomeField } from "./figures";
import type { Formats } from "./i18n";

/** The district view's Q5 answer: one agency's split per row; a field not asked (the role may not) is undefined. */
export type DistrictOutcomes = Partial<Record<OutcomeField, HelpOutcome[] | null>>;

const share = (f: Formats, up: number | null, of: number | null) =>
  f.t("movedUpOf", { up: f.count(up), of: f.count(of), pct: up === null || !of ? "–" : f.pct(up / of) });

/** Of the earlier round's households in hardship, how many moved up, with and without each help. */
export function OutcomeFigures({ f, outcomes }: { f: Formats; outcomes: DistrictOutcomes }) {
  const rows = Object.values(outcomes).flatMap((o) => o ?? []);
  return (
    <>
      <p class="muted">{f.t("outcomesIntro")}</p>
      <table class="small" data-testid="outcomes">
        <thead>
          <tr>
            <th>{f.t("outcomeHelp")}</th>
            <th class="n">{f.t("helped")}</th>
            <th class="n">{f.t("notHelped")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.help} data-help={o.help}>
              <td>{f.label(o.label)}</td>
              <td class="n" data-col="helped">
                {share(f, o.helpedMovedUp, o.helped)}
              </td>
              <td class="n" data-col="notHelped">
                {share(f, o.notHelpedMovedUp, o.notHelped)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {Object.keys(outcomes).length < 3 && <p class="muted">{f.t("outcomesNeedRole")}</p>}
    </>
  );
}

export interface Plan {
  title: string;
  fiscalYearBE: number;
  draftedOn: string;
  baseline: { agency: string; indicator: string; value: number | null }[];
  projects: {
    title: string;
    leadAgency: string;
    budget: string;
    targetHouseholds: number;
    progress: { reportedOn: string; spent: string; householdsReached: number | null }[];
  }[];
}

const AGENCY: Record<string, Agency> = {
  SOCIAL_DEVELOPMENT: "registry",
  HOUSING: "housing",
  AGRICULTURE: "agriculture",
  COMMUNITY_COUNCILS: "councils",
};

/** This fiscal year's plan; when there is none, says so and shows the year before's (its projects run on). */
export function PlanFigures({ f, year, plan, previous }: { f: Formats; year: number; plan: Plan | null; previous: Plan | null }) {
  const shown = plan ?? previous;
  return (
    <>
      {!plan && (
        <p class="muted" data-testid="no-plan">
          {f.t("noPlan", { year })}
        </p>
      )}
      {shown && (
        <>
          <h3 data-testid="plan-title">{plan ? shown.title : `${f.t("previousPlan", { year: shown.fiscalYearBE })} · ${shown.title}`}</h3>
          <p class="muted">{`${f.t("drafted")} ${f.date(shown.draftedOn)}`}</p>
          <table class="small" data-testid="plan-baseline">
            <caption>{f.t("baseline")}</caption>
            <tbody>
              {shown.baseline.map((b) => (
                <tr key={b.indicator}>
                  <td>{b.indicator}</td>
                  <td class="muted">{f.t(AGENCY[b.agency] ?? "registry")}</td>
                  <td class="n">{f.count(b.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table class="small" data-testid="plan-projects">
            <thead>
              <tr>
                <th>{f.t("project")}</th>
                <th>{f.t("leadAgency")}</th>
                <th class="n">{f.t("planBudget")}</th>
                <th class="n">{f.t("target")}</th>
                <th>{f.t("progress")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.projects.map((p) => {
                const last = p.progress.at(-1);
                return (
                  <tr key={p.title}>
                    <td>{f.label(p.title)}</td>
                    <td>{f.t(AGENCY[p.leadAgency] ?? "registry")}</td>
                    <td class="n">{f.baht(p.budget)}</td>
                    <td class="n">{f.count(p.targetHouseholds)}</td>
                    <td>
                      {last
                        ? f.t("spentReached", {
                            spent: f.baht(last.spent),
                            reached: f.count(last.householdsReached),
                            on: f.date(last.reportedOn),
                          })
                        : f.t("noProgress")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
