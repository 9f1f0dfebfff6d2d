import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { type Answer, ask, claims, demoToken, type OperationName, RequestFailed } from "./api";
import {
  agenciesDown,
  CLOSED_STAGES,
  fiscalYearBE,
  INDICATORS,
  type IndicatorId,
  type LevelTransitions,
  OUTCOMES,
  type OutcomeField,
  outcomeVariables,
  placeFigures,
  planYears,
  type TambonFigures,
} from "./figures";
import { type DistrictOutcomes, OutcomeFigures, type Plan, PlanFigures } from "./casework";
import { type Formats, formats, type Lang } from "./i18n";
import { TambonMap } from "./map";
import {
  type AreaCouncils,
  AreaCouncilFigures,
  BudgetTable,
  type CropPrice,
  CropTable,
  HousingFigures,
  Panel,
  PriceTable,
  type ProgrammeBudget,
  RegistryFigures,
  TambonCouncilFigures,
  TransitionFigures,
  VulnerableFigures,
} from "./panels";
import { TambonTable } from "./table";
import "./style.css";

/** Where the dashboard is: the URL's path (/dashboard, /dashboard/district/4902, /dashboard/tambon/490201). */
type Place = { level: "province" } | { level: "district"; code: string } | { level: "tambon"; code: string };

function placeOf(location: Location): Place {
  const m = /^\/dashboard\/(district|tambon)\/(\d+)\/?$/.exec(location.pathname);
  return m ? { level: m[1] as "district" | "tambon", code: m[2] } : { level: "province" };
}
const pathOf = (p: Place) => (p.level === "province" ? "/dashboard" : `/dashboard/${p.level}/${p.code}`);

const settings = JSON.parse(document.getElementById("hub-settings")?.textContent ?? "{}") as { demoRoles?: string[] };

interface Area {
  code: string;
  nameTh: string | null;
  nameEn: string | null;
  councils: AreaCouncils | null;
  registry: { levelTransitions: LevelTransitions } | null;
}
interface HouseholdRow {
  houseCode: string;
  village: { code: string; nameTh: string | null } | null;
  latestAssessment: { assessedOn: string; povertyLevel: number } | null;
  housingCases?: { stage: string }[] | null;
}
interface ViewData {
  province?: Area | null;
  district?: (Area & DistrictOutcomes & { tambons: TambonFigures[] | null }) | null;
  plan?: Plan | null;
  previousPlan?: Plan | null;
  tambon?: TambonFigures | null;
  tambons?: TambonFigures[] | null;
  programmeBudgets?: ProgrammeBudget[] | null;
  cropPrices?: { season: { cropYearBE: string; endsOn: string }; crops: CropPrice[] } | null;
  households?: { totalCount: number; nodes: HouseholdRow[] } | null;
}

const request = (place: Place, scopes: string[]): [OperationName, Record<string, unknown>] => {
  if (place.level === "province") return ["DashboardProvince", {}];
  if (place.level === "district") return ["DashboardDistrict", { code: place.code, ...outcomeVariables(scopes) }];
  return [
    "DashboardTambon",
    {
      code: place.code,
      ...planYears(new Date()),
      households: scopes.includes("social-development:read"),
      cases: scopes.includes("housing:read"),
    },
  ];
};

/** A view's answer, keyed by what it depends on: the place, the token, a retry. */
const viewKey = (place: Place, token: string | null, attempt: number) => `${pathOf(place)}|${token ?? ""}|${attempt}`;
const scopesOf = (token: string | null) => (token && claims(token)?.scope?.split(" ")) || [];
const askFor = (place: Place, token: string | null) => ask<ViewData>(...request(place, scopesOf(token)), token);

/** The first view's request leaves at once, while the page waits for its font (below). */
const firstToken = sessionStorage.getItem("dashboard:token");
let first: { key: string; answer: Promise<Answer<ViewData>> } | null = {
  key: viewKey(placeOf(location), firstToken, 0),
  answer: askFor(placeOf(location), firstToken),
};
// Handled when the app takes it; until then a failure must not be reported as unhandled.
first.answer.catch(() => {});

function App() {
  const [place, setPlace] = useState<Place>(() => placeOf(location));
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem("dashboard:lang") === "en" ? "en" : "th"));
  const [indicatorId, setIndicator] = useState<IndicatorId>(() => {
    const q = new URLSearchParams(location.search).get("indicator");
    return INDICATORS.includes(q as IndicatorId) ? (q as IndicatorId) : "hardship";
  });
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem("dashboard:token"));
  const [answer, setAnswer] = useState<{ key: string; value?: Answer<ViewData>; error?: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const f = formats(lang);
  const scopes = scopesOf(token);
  const key = viewKey(place, token, attempt);

  useEffect(() => {
    const onPop = () => setPlace(placeOf(location));
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem("dashboard:lang", lang);
  }, [lang]);
  // `key` names everything the request depends on (the place, the token, a retry).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the request is made from `key`'s parts
  useEffect(() => {
    let current = true;
    // Taken once: coming back to the first view later asks again, like any other view.
    const pending = first?.key === key ? first.answer : askFor(place, token);
    first = null;
    pending.then(
      (value) => current && setAnswer({ key, value }),
      (e: unknown) => current && setAnswer({ key, error: e instanceof RequestFailed ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [key]);

  const go = (next: Place) => {
    const search = indicatorId === "hardship" ? "" : `?indicator=${indicatorId}`;
    history.pushState(null, "", pathOf(next) + search);
    setPlace(next);
    scrollTo(0, 0);
  };
  const chooseIndicator = (id: IndicatorId) => {
    setIndicator(id);
    const url = new URL(location.href);
    if (id === "hardship") url.searchParams.delete("indicator");
    else url.searchParams.set("indicator", id);
    history.replaceState(null, "", url);
  };
  const signIn = (next: string | null) => {
    if (next) sessionStorage.setItem("dashboard:token", next);
    else sessionStorage.removeItem("dashboard:token");
    setToken(next);
  };

  const loaded = answer?.key === key ? answer : null;
  return (
    <div class="app" data-view={loaded?.value ? place.level : "loading"}>
      <header>
        <div>
          <h1>{f.t("title")}</h1>
          <p class="muted">{`${f.t("subtitle")} · ${f.t("fiscalYear")} ${fiscalYearBE(new Date())} · ${f.date(new Date().toISOString())}`}</p>
        </div>
        <div class="controls no-print">
          <button type="button" data-testid="lang" onClick={() => setLang(lang === "th" ? "en" : "th")}>
            {lang === "th" ? "English" : "ภาษาไทย"}
          </button>
          <button type="button" onClick={() => print()}>
            {f.t("print")}
          </button>
          <SignIn f={f} token={token} onToken={signIn} />
        </div>
      </header>
      {!loaded && (
        <p class="loading" data-testid="loading">
          {f.t("loading")}
        </p>
      )}
      {loaded?.error && (
        <p class="error" role="alert">
          {`${f.t("failed")}: ${loaded.error}`}{" "}
          <button type="button" onClick={() => setAttempt(attempt + 1)}>
            {f.t("retry")}
          </button>
        </p>
      )}
      {loaded?.value && (
        <View f={f} place={place} answer={loaded.value} indicatorId={indicatorId} onIndicator={chooseIndicator} go={go} scopes={scopes} />
      )}
    </div>
  );
}

function SignIn({ f, token, onToken }: { f: Formats; token: string | null; onToken(t: string | null): void }) {
  const [pasted, setPasted] = useState("");
  const [error, setError] = useState<string | null>(null);
  const role = token ? (claims(token)?.role ?? "?") : null;
  return (
    <div class="sign-in">
      <span data-testid="role">
        {`${f.t("activeRole")}: `}
        <strong>{role ?? f.t("publicRole")}</strong>
      </span>
      {settings.demoRoles && settings.demoRoles.length > 0 && (
        <select
          aria-label={f.t("signIn")}
          data-testid="demo-role"
          value={role ?? ""}
          onChange={(e) => {
            const next = (e.target as HTMLSelectElement).value;
            if (!next) return onToken(null);
            demoToken(next).then(onToken, (err: Error) => setError(err.message));
          }}
        >
          <option value="">{f.t("publicRole")}</option>
          {settings.demoRoles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (pasted.trim()) onToken(pasted.trim());
          setPasted("");
        }}
      >
        <input
          type="password"
          autocomplete="off"
          placeholder={f.t("token")}
          value={pasted}
          onInput={(e) => setPasted((e.target as HTMLInputElement).value)}
        />
        <button type="submit">{f.t("useToken")}</button>
        {token && (
          <button type="button" onClick={() => onToken(null)}>
            {f.t("signOut")}
          </button>
        )}
      </form>
      {error && <span class="error">{error}</span>}
    </div>
  );
}

interface ViewProps {
  f: Formats;
  place: Place;
  answer: Answer<ViewData>;
  indicatorId: IndicatorId;
  onIndicator(id: IndicatorId): void;
  go(p: Place): void;
  scopes: string[];
}

function View({ f, place, answer, indicatorId, onIndicator, go, scopes }: ViewProps) {
  // When a view's figures are on screen (the browser test reads it as the view's time to interactive).
  const level = place.level;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per answer shown, not per render
  useEffect(() => void performance.mark(`dashboard:${level}`), [answer, level]);
  const data = answer.data ?? {};
  const tambons =
    (place.level === "province"
      ? data.tambons
      : place.level === "district"
        ? data.district?.tambons
        : data.tambon
          ? [data.tambon]
          : null) ?? [];
  const name = (p: { nameTh: string | null; nameEn: string | null } | null | undefined) =>
    p ? ((f.lang === "th" ? p.nameTh : p.nameEn) ?? "") : "";
  if (tambons.length === 0) {
    return (
      <p class="error" role="alert">
        {`${f.t("noData")} ${f.lang === "th" ? "สำนักงานจังหวัด (area)" : "the provincial office (area)"}: ${answer.errors.map((e) => e.message).join("; ")}`}
      </p>
    );
  }
  const down = agenciesDown(tambons, answer.errors, { programmeBudgets: data.programmeBudgets, cropPrices: data.cropPrices });
  const figures = placeFigures(tambons);
  const first = tambons[0];
  const districtCode = place.level === "province" ? null : (first.district?.code ?? null);
  const retrieved = `${f.date(answer.receivedAt.toISOString())} ${answer.receivedAt.toLocaleTimeString(f.lang === "th" ? "th-TH" : "en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Bangkok" })}`;
  const season = figures.agriculture?.season;
  const budgets = data.programmeBudgets ?? [];
  const latestFY = budgets.length ? Math.max(...budgets.map((b) => b.fiscalYearBE)) : null;
  const latestAssessment = data.households?.nodes
    .map((h) => h.latestAssessment?.assessedOn ?? "")
    .sort()
    .at(-1);
  const asOf = {
    registry: `${latestAssessment ? f.date(latestAssessment) : f.t("asOfRegistry")} (${f.t("retrieved")} ${retrieved})`,
    housing: `${latestFY ? `${f.t("fiscalYear")} ${latestFY}, ` : ""}${f.t("retrieved")} ${retrieved}`,
    agriculture: season ? `${f.t("cropYear")} ${season.cropYearBE} (${f.t("upTo")} ${f.date(season.endsOn)})` : retrieved,
    councils: `${f.t("retrieved")} ${retrieved}`,
  };
  const area = place.level === "province" ? data.province : place.level === "district" ? data.district : null;
  // Thai writes จังหวัดมุกดาหาร as one word; English puts a space.
  const gap = f.lang === "th" ? "" : " ";
  const title =
    place.level === "province"
      ? `${f.t("province")}${gap}${name(data.province)}`
      : place.level === "district"
        ? `${f.t("district")}${gap}${name(data.district)}`
        : `${f.t("tambon")}${gap}${name(first)}`;
  const transitions = place.level === "tambon" ? first.registry?.levelTransitions : area?.registry?.levelTransitions;
  const tambonMap = new Map(tambons.map((t) => [t.code, t]));
  const pick = (code: string) => {
    const t = tambonMap.get(code);
    if (place.level === "province") go({ level: "district", code: t?.district?.code ?? code.slice(0, 4) });
    else go({ level: "tambon", code });
  };
  return (
    <main data-testid={`view-${place.level}`}>
      <nav class="crumbs" aria-label="breadcrumb">
        <a
          href="/dashboard"
          onClick={(e) => {
            e.preventDefault();
            go({ level: "province" });
          }}
        >
          {`${f.t("province")}${f.lang === "th" ? "มุกดาหาร" : " Mukdahan"}`}
        </a>
        {districtCode && (
          <>
            {" › "}
            <a
              href={`/dashboard/district/${districtCode}`}
              onClick={(e) => {
                e.preventDefault();
                go({ level: "district", code: districtCode });
              }}
            >
              {`${f.t("district")}${f.lang === "th" ? "" : " "}${place.level === "district" ? name(data.district) : name(first.district)}`}
            </a>
          </>
        )}
        {place.level === "tambon" && ` › ${f.t("tambon")}${f.lang === "th" ? "" : " "}${name(first)}`}
      </nav>
      <h2 class="place" data-testid="place-title">
        {title}
        {place.level !== "tambon" && <span class="muted">{` · ${f.count(tambons.length)} ${f.t("tambons")}`}</span>}
        {scopes.includes("aggregates:exact") && <span class="badge">{f.t("exactRole")}</span>}
      </h2>
      <div class="layout">
        <div class="map-column">
          <label class="no-print">
            {`${f.t("indicator")} `}
            <select
              data-testid="indicator"
              value={indicatorId}
              onChange={(e) => onIndicator((e.target as HTMLSelectElement).value as IndicatorId)}
            >
              {INDICATORS.map((id) => (
                <option key={id} value={id}>
                  {f.t(id)}
                </option>
              ))}
            </select>
          </label>
          <h3 class="print-only">{f.t(indicatorId)}</h3>
          <TambonMap
            f={f}
            tambons={tambonMap}
            indicatorId={indicatorId}
            focusDistrict={districtCode}
            selected={place.level === "tambon" ? first.code : undefined}
            down={down}
            onPick={pick}
          />
        </div>
        <div class="panels">
          <Panel f={f} title="registry" agency="registry" down={down} asOf={asOf.registry}>
            {figures.registry && <RegistryFigures f={f} r={figures.registry} />}
          </Panel>
          <Panel f={f} title="transitions" agency="registry" down={down} asOf={asOf.registry}>
            {transitions && <TransitionFigures f={f} m={transitions} />}
          </Panel>
          <Panel f={f} title="vulnerable" agency="registry" down={down} asOf={asOf.registry}>
            {figures.registry && (
              <VulnerableFigures
                f={f}
                r={figures.registry}
                cardHolders={place.level === "tambon" ? first.registry?.vulnerablePeople.welfareCardHolders : undefined}
              />
            )}
          </Panel>
          <Panel f={f} title="housing" agency="housing" down={down} asOf={asOf.housing}>
            {figures.housing && <HousingFigures f={f} h={figures.housing} />}
          </Panel>
          <Panel f={f} title="budget" agency="housing" down={down} asOf={asOf.housing}>
            {budgets.length > 0 && <BudgetTable f={f} budgets={budgets} />}
          </Panel>
          <Panel f={f} title="agriculture" agency="agriculture" down={down} asOf={asOf.agriculture}>
            {figures.agriculture && <CropTable f={f} a={figures.agriculture} tambonLevel={place.level === "tambon"} />}
          </Panel>
          {data.cropPrices && (
            <Panel f={f} title="prices" agency="agriculture" down={down} asOf={asOf.agriculture}>
              <PriceTable f={f} prices={data.cropPrices.crops} />
            </Panel>
          )}
          {place.level === "district" && (
            <Panel f={f} title="outcomes" agency="registry" down={down} asOf={asOf.registry}>
              {data.district && <Outcomes f={f} district={data.district} />}
            </Panel>
          )}
          {place.level === "tambon" && (
            <Panel f={f} title="plan" agency="councils" down={down} asOf={asOf.councils}>
              <PlanFigures f={f} year={fiscalYearBE(new Date())} plan={data.plan ?? null} previous={data.previousPlan ?? null} />
            </Panel>
          )}
          <Panel f={f} title="councils" agency="councils" down={down} asOf={asOf.councils}>
            {area?.councils ? (
              <AreaCouncilFigures f={f} c={area.councils} province={place.level === "province"} />
            ) : (
              first.councils && <TambonCouncilFigures f={f} c={first.councils} />
            )}
          </Panel>
        </div>
      </div>
      {place.level !== "tambon" && (
        <section class="panel wide">
          <TambonTable
            f={f}
            tambons={tambons}
            onPick={(code) => go({ level: "tambon", code })}
            name={`mukdahan-${place.level === "district" ? place.code : "49"}-tambons`}
          />
        </section>
      )}
      {place.level === "tambon" && data.households && (
        <Households f={f} households={data.households} cases={scopes.includes("housing:read")} />
      )}
      <footer>
        <p class="note" data-testid="suppression-note">
          {f.t("suppressedNote")}
        </p>
      </footer>
    </main>
  );
}

/** The outcome fields the role was given (asked and answered); none: the panel says which role may see them. */
function Outcomes({ f, district }: { f: Formats; district: DistrictOutcomes }) {
  const given = Object.fromEntries(
    (Object.keys(OUTCOMES) as OutcomeField[]).filter((k) => district[k]).map((k) => [k, district[k]]),
  ) as DistrictOutcomes;
  return Object.keys(given).length ? (
    <OutcomeFigures f={f} outcomes={given} />
  ) : (
    <p class="muted" data-testid="outcomes-need-role">
      {f.t("outcomesNeedRole")}
    </p>
  );
}

function Households({ f, households, cases }: { f: Formats; households: NonNullable<ViewData["households"]>; cases: boolean }) {
  return (
    <section class="panel wide" data-testid="household-list">
      <h2>{f.t("householdsList")}</h2>
      <p class="muted">{f.t("firstOf", { n: f.count(households.nodes.length), total: f.count(households.totalCount) })}</p>
      <table class="small">
        <thead>
          <tr>
            <th>{f.t("houseCode")}</th>
            <th>{f.t("village")}</th>
            <th>{f.t("level")}</th>
            <th>{f.t("assessedOn")}</th>
            {cases && <th class="n">{f.t("cases")}</th>}
          </tr>
        </thead>
        <tbody>
          {households.nodes.map((h) => (
            <tr key={h.houseCode}>
              <td>{h.houseCode}</td>
              <td>{h.village?.nameTh ?? ""}</td>
              <td>
                {h.latestAssessment
                  ? `${h.latestAssessment.povertyLevel} ${f.t(`level${h.latestAssessment.povertyLevel}` as "level1")}`
                  : f.t("notAssessed")}
              </td>
              <td>{h.latestAssessment ? f.date(h.latestAssessment.assessedOn) : ""}</td>
              {cases && <td class="n">{f.count((h.housingCases ?? []).filter((c) => !CLOSED_STAGES.has(c.stage)).length)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const root = document.getElementById("app")!;
// The page's static "loading" line, replaced by the app (Preact renders beside what is there).
root.textContent = "";
// Text laid out before Sarabun arrived can keep its missing-glyph boxes in Chromium: wait for the
// (local, preloaded) Thai font, at most half a second, before the first render.
const thai = Promise.all([400, 700].map((w) => document.fonts.load(`${w} 16px Sarabun`, "ก")));
Promise.race([thai, new Promise((r) => setTimeout(r, 500))]).finally(() => render(<App />, root));
