import { useState } from "preact/hooks";
import { csv, type IndicatorId, type Interval, indicator, MAP_CROP, type TambonFigures } from "./figures";
import { type Formats, HIDDEN_COUNT, HIDDEN_MONEY, type Key } from "./i18n";

type Kind = "text" | "count" | "money" | "share" | "rai";
interface Column {
  key: Key;
  kind: Kind;
  get(t: TambonFigures, f: Formats): string | number | Interval | null | undefined;
}

const level1 = (t: TambonFigures) => t.registry?.householdsByPovertyLevel.find((l) => l.level === 1)?.households;
const share = (id: IndicatorId) => (t: TambonFigures) => indicator(id, t);

const COLUMNS: Column[] = [
  { key: "tambon", kind: "text", get: (t, f) => (f.lang === "th" ? t.nameTh : t.nameEn) },
  { key: "district", kind: "text", get: (t, f) => (f.lang === "th" ? t.district?.nameTh : t.district?.nameEn) },
  { key: "households", kind: "count", get: (t) => t.registry?.householdCount },
  { key: "level1", kind: "count", get: level1 },
  { key: "hardship", kind: "share", get: share("hardship") },
  { key: "unsafe", kind: "count", get: (t) => t.housing?.unsafeHousing },
  { key: "openCases", kind: "count", get: (t) => t.housing?.openCases },
  { key: "budgetApproved", kind: "money", get: (t) => t.housing?.budgetApproved },
  { key: "farmers", kind: "count", get: (t) => t.agriculture?.farmerCount },
  { key: "plantedRai", kind: "rai", get: (t) => t.agriculture?.crops.totalPlantedRai },
  { key: "incomePerRai", kind: "money", get: (t) => t.agriculture?.crops.byCrop.find((c) => c.crop === MAP_CROP)?.medianIncomePerRai },
  { key: "leaders", kind: "count", get: (t) => t.councils?.trainedChangeLeaders },
  { key: "fundMembers", kind: "count", get: (t) => t.councils?.welfareFundMembers },
  { key: "fundBalance", kind: "money", get: (t) => t.councils?.welfareFundBalance },
];

/** A section missing (its agency down) is "—"; a hidden figure "<5" or "n<5", never blank. */
function shown(f: Formats, c: Column, t: TambonFigures): string {
  const v = c.get(t, f);
  if (v === undefined) return "—";
  switch (c.kind) {
    case "text":
      return String(v ?? "");
    case "count":
      return f.count(v as number | null);
    case "money":
      return f.baht(v as string | null);
    case "rai":
      return f.num(v as number | null, 0);
    case "share": {
      // A share over a hidden count is the range it lies in, not a guess.
      const { lo, hi } = (v ?? {}) as Interval;
      return v === null ? "—" : lo === hi ? f.pct(lo) : `${f.pct(lo)}–${f.pct(hi)}`;
    }
  }
}

/** Sort keys: a hidden count (1-4) sorts between 0 and 5; a section missing sorts last. */
function sortKey(f: Formats, c: Column, t: TambonFigures): string | number {
  const v = c.get(t, f);
  if (c.kind === "text") return String(v ?? "");
  if (v === undefined) return Number.NEGATIVE_INFINITY;
  if (v === null) return c.kind === "count" ? 2.5 : Number.NEGATIVE_INFINITY;
  if (typeof v === "object") return (v.lo + v.hi) / 2;
  return Number(v);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function csvCell(f: Formats, c: Column, t: TambonFigures): string | number | null {
  const v = c.get(t, f);
  if (v === undefined) return "";
  if (v === null) return c.kind === "count" ? HIDDEN_COUNT : c.kind === "share" ? "" : HIDDEN_MONEY;
  if (typeof v === "object") return v.lo === v.hi ? round(v.lo) : `${round(v.lo)}-${round(v.hi)}`;
  return v;
}

export function TambonTable({
  f,
  tambons,
  onPick,
  name,
}: {
  f: Formats;
  tambons: TambonFigures[];
  onPick(code: string): void;
  name: string;
}) {
  const [sort, setSort] = useState<{ col: number; desc: boolean }>({ col: 0, desc: false });
  const column = COLUMNS[sort.col];
  const rows = [...tambons].sort((a, b) => {
    const x = sortKey(f, column, a);
    const y = sortKey(f, column, b);
    const order = typeof x === "string" ? x.localeCompare(String(y), f.lang === "th" ? "th" : "en") : x - (y as number);
    return sort.desc ? -order : order;
  });
  const download = () => {
    const text = csv([["code", ...COLUMNS.map((c) => f.t(c.key))], ...rows.map((t) => [t.code, ...COLUMNS.map((c) => csvCell(f, c, t))])]);
    // A byte-order mark, so spreadsheet programs read the Thai names as UTF-8.
    const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${name}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div class="table-wrap">
      <div class="table-head">
        <h2>{f.t("table")}</h2>
        <button type="button" class="no-print" onClick={download} data-testid="csv">
          {f.t("downloadCsv")}
        </button>
      </div>
      <table class="tambons" data-testid="tambon-table">
        <thead>
          <tr>
            {COLUMNS.map((c, i) => (
              <th
                key={c.key}
                class={c.kind === "text" ? "" : "n"}
                aria-sort={i === sort.col ? (sort.desc ? "descending" : "ascending") : "none"}
              >
                <button type="button" onClick={() => setSort({ col: i, desc: i === sort.col ? !sort.desc : c.kind !== "text" })}>
                  {f.t(c.key)}
                  {i === sort.col ? (sort.desc ? " ▼" : " ▲") : ""}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.code} data-code={t.code} onClick={() => onPick(t.code)}>
              {COLUMNS.map((c) => (
                <td key={c.key} class={c.kind === "text" ? "" : "n"} data-col={c.key}>
                  {shown(f, c, t)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
