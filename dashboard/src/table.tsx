import { useState } from "preact/hooks";
import { csv, type IndicatorId, indicator, MAP_CROP, type TambonFigures } from "./figures";
import { type Formats, HIDDEN_COUNT, HIDDEN_MONEY, type Key } from "./i18n";

type Kind = "text" | "count" | "money" | "share" | "rai";
interface Column {
  key: Key;
  kind: Kind;
  get(t: TambonFigures, f: Formats): string | number | null | undefined;
}

const level1 = (t: TambonFigures) => t.registry?.householdsByPovertyLevel.find((l) => l.level === 1)?.households;
const share = (id: IndicatorId) => (t: TambonFigures) => {
  const v = indicator(id, t);
  return v && (v.lo + v.hi) / 2;
};

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
    case "share":
      return v === null ? "—" : f.pct(v as number);
  }
}

/** Sort keys: a hidden count (1-4) sorts between 0 and 5; a section missing sorts last. */
function sortKey(f: Formats, c: Column, t: TambonFigures): string | number {
  const v = c.get(t, f);
  if (c.kind === "text") return String(v ?? "");
  if (v === undefined) return Number.NEGATIVE_INFINITY;
  if (v === null) return c.kind === "count" ? 2.5 : Number.NEGATIVE_INFINITY;
  return Number(v);
}

function csvCell(f: Formats, c: Column, t: TambonFigures): string | number | null {
  const v = c.get(t, f);
  if (v === undefined) return "";
  if (v === null) return c.kind === "count" ? HIDDEN_COUNT : HIDDEN_MONEY;
  return c.kind === "share" ? Math.round((v as number) * 1000) / 1000 : (v as string | number);
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
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div class="table-wrap">
      <button type="button" class="no-print" onClick={download} data-testid="csv">
        {f.t("downloadCsv")}
      </button>
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
