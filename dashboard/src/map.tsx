import { geoMercator, geoPath } from "d3-geo";
import { scaleThreshold } from "d3-scale";
import { schemeBlues, schemeGreens, schemeOrRd } from "d3-scale-chromatic";
import type { Feature, FeatureCollection, Polygon } from "geojson";
import { useState } from "preact/hooks";
import raw from "../../data/mukdahan-tambons.geojson?raw";
import { type Agency, INDICATOR_AGENCY, type IndicatorId, indicator, type Interval, type TambonFigures } from "./figures";
import type { Formats } from "./i18n";

type TambonFeature = Feature<Polygon, { code: string; district_code: string }>;

/** The 53 polygons, rings reversed: RFC 7946 winds them counter-clockwise, d3-geo wants clockwise (data/README.md). */
const FEATURES: TambonFeature[] = (JSON.parse(raw) as FeatureCollection<Polygon, TambonFeature["properties"]>).features.map((f) => ({
  ...f,
  geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((ring) => [...ring].reverse()) },
}));

/** Each indicator's classes: where the poverty meeting would draw the lines, not quantiles that move with the data. */
const CLASSES: Record<IndicatorId, { thresholds: number[]; colours: readonly string[]; money?: boolean }> = {
  hardship: { thresholds: [0.05, 0.1, 0.2, 0.3], colours: schemeOrRd[5] },
  unsafeHousing: { thresholds: [0.05, 0.1, 0.2, 0.3], colours: schemeOrRd[5] },
  fundCoverage: { thresholds: [0.1, 0.25, 0.5, 0.75], colours: schemeGreens[5] },
  incomePerRai: { thresholds: [3000, 3500, 4000, 5000], colours: schemeBlues[5], money: true },
};

const WIDTH = 560;
const HEIGHT = 620;

export interface MapProps {
  f: Formats;
  tambons: Map<string, TambonFigures>;
  indicatorId: IndicatorId;
  /** The district the view is about: the map is fitted to its tambons, the others greyed. */
  focusDistrict: string | null;
  selected?: string;
  down: Set<Agency>;
  onPick(code: string): void;
}

export function TambonMap({ f, tambons, indicatorId, focusDistrict, selected, down, onPick }: MapProps) {
  const [hover, setHover] = useState<{ code: string; x: number; y: number } | null>(null);
  const classes = CLASSES[indicatorId];
  const scale = scaleThreshold<number, string>()
    .domain(classes.thresholds)
    .range(classes.colours as string[]);
  const shown = focusDistrict ? FEATURES.filter((ft) => ft.properties.district_code === focusDistrict) : FEATURES;
  const focus = focusDistrict ? new Set(shown.map((ft) => ft.properties.code)) : null;
  const projection = geoMercator().fitExtent(
    [
      [8, 8],
      [WIDTH - 8, HEIGHT - 8],
    ],
    { type: "FeatureCollection", features: shown },
  );
  const path = geoPath(projection);
  const agencyDown = down.has(INDICATOR_AGENCY[indicatorId]);
  const fill = (value: Interval | null) => {
    if (!value || agencyDown) return "url(#hatch)";
    const lo = scale(value.lo);
    return lo === scale(value.hi) ? lo : "url(#hatch)";
  };
  const format = (x: number) => (classes.money ? f.baht(String(x)) : f.pct(x));
  const legend = classes.colours.map((colour, i) => {
    const lo = classes.thresholds[i - 1];
    const hi = classes.thresholds[i];
    const text = lo === undefined ? `< ${format(hi)}` : hi === undefined ? `≥ ${format(lo)}` : `${format(lo)} – ${format(hi)}`;
    return { colour, text };
  });
  const hovered = hover && tambons.get(hover.code);
  return (
    <div class="map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={f.t(indicatorId)} data-testid="map">
        <defs>
          <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#f1f1f1" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" stroke-width="2" />
          </pattern>
        </defs>
        {FEATURES.map((ft) => {
          const code = ft.properties.code;
          const t = tambons.get(code);
          const inFocus = !focus || focus.has(code);
          return (
            // biome-ignore lint/a11y/useSemanticElements: a map's area is a path; it acts as a button (Enter works too)
            <path
              key={code}
              d={path(ft) ?? ""}
              class={`tambon${code === selected ? " selected" : ""}${inFocus ? "" : " outside"}`}
              data-code={code}
              fill={inFocus && t ? fill(indicator(indicatorId, t)) : "#e5e7eb"}
              onMouseMove={(e) => setHover({ code, x: e.offsetX, y: e.offsetY })}
              onMouseLeave={() => setHover(null)}
              onClick={() => onPick(code)}
              onKeyDown={(e) => e.key === "Enter" && onPick(code)}
              role="button"
              tabIndex={0}
            >
              <title>{t ? (f.lang === "th" ? t.nameTh : t.nameEn) : code}</title>
            </path>
          );
        })}
      </svg>
      {hovered && hover && (
        <div class="tooltip" style={{ left: `${Math.min(hover.x + 14, 360)}px`, top: `${hover.y + 14}px` }} data-testid="tooltip">
          <strong>{f.lang === "th" ? `ต.${hovered.nameTh}` : hovered.nameEn}</strong>
          <span class="muted"> {f.lang === "th" ? `อ.${hovered.district?.nameTh}` : hovered.district?.nameEn}</span>
          <dl>
            <dt>{f.t("households")}</dt>
            <dd>{hovered.registry ? f.count(hovered.registry.householdCount) : "—"}</dd>
            <dt>{f.t("level1")}</dt>
            <dd>{hovered.registry ? f.count(hovered.registry.householdsByPovertyLevel[0]?.households) : "—"}</dd>
            <dt>{f.t("unsafe")}</dt>
            <dd>{hovered.housing ? f.count(hovered.housing.unsafeHousing) : "—"}</dd>
            <dt>{f.t("fundMembers")}</dt>
            <dd>{hovered.councils ? f.count(hovered.councils.welfareFundMembers) : "—"}</dd>
            <dt>{f.t("incomeRai")}</dt>
            <dd>
              {hovered.agriculture
                ? f.baht(hovered.agriculture.crops.byCrop.find((c) => c.crop === "RICE_GLUTINOUS")?.medianIncomePerRai)
                : "—"}
            </dd>
          </dl>
          <div class="muted">{f.t("click")}</div>
        </div>
      )}
      <ul class="legend" aria-label={f.t(indicatorId)}>
        {legend.map((l) => (
          <li key={l.text}>
            <span class="swatch" style={{ background: l.colour }} />
            {l.text}
          </li>
        ))}
        <li>
          <span class="swatch hatched" />
          {f.t("hatched")}
        </li>
      </ul>
      {agencyDown && <p class="down">{`${f.t("noData")} ${f.t(INDICATOR_AGENCY[indicatorId])}`}</p>}
      <p class="attribution">{f.t("attribution")}</p>
    </div>
  );
}
