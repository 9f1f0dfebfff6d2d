import { type FieldNode, Kind, parse, type SelectionSetNode } from "graphql";
import { loadOperations } from "../gateway/operations";
import type { TestHub } from "./hub";

/**
 * What the hub holds, figure by figure, for every tambon of the demo data: hand-written SQL on the
 * five databases, independent of the subgraphs' own queries (only labels, which are definitions,
 * are written out here too). The cross-check compares TambonProfile and DistrictRollup with it;
 * the disclosure test uses it to know which published figures hide a count of 1-4.
 */

const POVERTY_LABELS = ["อยู่ลำบาก (hardship)", "อยู่ยาก (difficult)", "อยู่พอได้ (getting by)", "อยู่ดี (well)"];
const STAGES = [
  "VILLAGE_SCREENING",
  "TAMBON_SCREENING",
  "DISTRICT_SCREENING",
  "PROVINCE_SCREENING",
  "APPROVED",
  "REJECTED",
  "WORKS_STARTED",
  "WORKS_COMPLETED",
  "HANDED_OVER",
];
const CROPS: [string, string][] = [
  ["RICE_JASMINE", "ข้าวหอมมะลิ (jasmine rice)"],
  ["RICE_GLUTINOUS", "ข้าวเหนียว (glutinous rice)"],
  ["CASSAVA", "มันสำปะหลัง (cassava)"],
  ["SUGARCANE", "อ้อย (sugarcane)"],
  ["RUBBER", "ยางพารา (rubber)"],
  ["MAIZE", "ข้าวโพดเลี้ยงสัตว์ (maize)"],
  ["VEGETABLES", "พืชผัก (vegetables)"],
  ["FRUIT", "ไม้ผล (fruit)"],
  ["OTHER", "อื่น ๆ (other)"],
];

type Row = Record<string, any>;
const byKey = (rows: Row[], ...keys: string[]) => new Map(rows.map((r) => [keys.map((k) => String(r[k]).trim()).join("|"), r]));
const int = (v: unknown) => (v == null ? 0 : Number(v));

export async function heldFigures(hub: TestHub): Promise<Map<string, Row>> {
  const sql = (name: keyof TestHub["subgraphs"], text: string) => hub.subgraphs[name].ds.query(text) as Promise<Row[]>;
  const [tambons, levels, people, surveys, cases, farmers, crops, season, councils] = await Promise.all([
    sql(
      "area",
      `SELECT t.code, t.name_th, t.name_en, d.name_th AS d_th, d.name_en AS d_en FROM tambon t JOIN district d ON d.code = t.district_code ORDER BY t.code`,
    ),
    sql(
      "social-development",
      `SELECT h.tambon_code, l.poverty_level AS level, count(*) AS n
       FROM household h LEFT JOIN LATERAL (SELECT poverty_level FROM assessment a WHERE a.house_code = h.house_code
         ORDER BY assessed_on DESC, id DESC LIMIT 1) l ON true GROUP BY 1, 2`,
    ),
    sql(
      "social-development",
      `SELECT h.tambon_code, count(DISTINCT h.house_code) AS households, count(p.id) AS people,
         count(*) FILTER (WHERE extract(year FROM age(current_date, p.birth_date)) >= 60) AS elderly,
         count(*) FILTER (WHERE extract(year FROM age(current_date, p.birth_date)) < 7) AS children,
         count(*) FILTER (WHERE p.disabled) AS disabled, count(*) FILTER (WHERE p.bedridden) AS bedridden,
         count(*) FILTER (WHERE p.single_parent) AS single_parents, count(*) FILTER (WHERE p.welfare_card) AS cards
       FROM household h LEFT JOIN person p ON p.house_code = h.house_code GROUP BY 1`,
    ),
    sql(
      "housing",
      `WITH latest AS (SELECT DISTINCT ON (house_code) * FROM housing_survey ORDER BY house_code, surveyed_on DESC, id DESC),
       judged AS (SELECT tambon_code,
         'UNSAFE' IN (roof_condition, wall_condition, floor_condition, post_condition, toilet_condition) AS unsafe,
         land_tenure IN ('PUBLIC_LAND', 'ENCROACHED') AS insecure FROM latest)
       SELECT tambon_code, count(*) AS surveyed, count(*) FILTER (WHERE unsafe) AS unsafe,
         count(*) FILTER (WHERE insecure) AS insecure, count(*) FILTER (WHERE unsafe OR insecure) AS either
       FROM judged GROUP BY 1`,
    ),
    sql(
      "housing",
      `SELECT tambon_code, stage, count(*) AS n, sum(approved_budget) AS approved, sum(spent_amount) AS spent FROM assistance_case GROUP BY 1, 2`,
    ),
    sql("agriculture", `SELECT tambon_code, count(*) AS n, count(*) FILTER (WHERE young_farmer) AS young FROM farmer GROUP BY 1`),
    sql(
      "agriculture",
      `WITH season AS (SELECT make_date(y, 4, 1) AS starts, make_date(y + 1, 3, 31) AS ends
         FROM (SELECT extract(year FROM current_date)::int - (extract(month FROM current_date) < 4)::int - 1 AS y) s),
       cycles AS (SELECT f.tambon_code, c.*, c.yield_kg * c.price_per_kg * 400 / c.planted_sq_wa AS per_rai
         FROM crop_cycle c JOIN farmer f ON f.farm_book_no = c.farm_book_no, season WHERE c.harvested_on BETWEEN season.starts AND season.ends),
       ranked AS (SELECT tambon_code, crop, per_rai, row_number() OVER (PARTITION BY tambon_code, crop ORDER BY per_rai) AS rn,
         count(*) OVER (PARTITION BY tambon_code, crop) AS n FROM cycles WHERE per_rai IS NOT NULL)
       SELECT c.tambon_code, c.crop, sum(c.planted_sq_wa) AS sq_wa, count(*) AS cycles, count(DISTINCT c.farm_book_no) AS farmers,
         count(c.per_rai) AS sold, (SELECT round(avg(per_rai), 2)::text FROM ranked r WHERE r.tambon_code = c.tambon_code
           AND r.crop = c.crop AND r.rn IN ((r.n + 1) / 2, (r.n + 2) / 2)) AS median
       FROM cycles c GROUP BY 1, 2`,
    ),
    sql(
      "agriculture",
      `SELECT y, (y + 543) || '/' || lpad(((y + 544) % 100)::text, 2, '0') AS be
       FROM (SELECT extract(year FROM current_date)::int - (extract(month FROM current_date) < 4)::int - 1 AS y) s`,
    ),
    sql(
      "community-councils",
      `SELECT t.code AS tambon_code, c.name, extract(year FROM c.notified_on)::int + 543 AS notified_be,
         (SELECT count(*) FROM council_member m WHERE m.council_id = c.id AND current_date BETWEEN m.term_start AND m.term_end) AS seats,
         (SELECT count(*) FROM change_leader l WHERE l.tambon_code = t.code
           AND EXISTS (SELECT 1 FROM leader_training x WHERE x.person_id = l.person_id AND x.completed)) AS trained,
         (SELECT count(*) FROM fund_member m WHERE m.fund_id = f.id) AS fund_members,
         CASE WHEN f.id IS NULL THEN NULL ELSE (
           coalesce((SELECT sum(amount) FROM fund_contribution x WHERE x.fund_id = f.id), 0)
           + coalesce((SELECT sum(amount) FROM fund_matching x WHERE x.fund_id = f.id), 0)
           - coalesce((SELECT sum(amount) FROM fund_payout x WHERE x.fund_id = f.id), 0))::numeric(14,2)::text END AS balance,
         (SELECT coalesce(sum(amount), 0)::numeric(14,2)::text FROM codi_grant g WHERE g.tambon_code = t.code) AS grants
       FROM unnest(ARRAY(SELECT DISTINCT tambon_code FROM council UNION SELECT DISTINCT tambon_code FROM change_leader
         UNION SELECT DISTINCT tambon_code FROM welfare_fund)) AS t(code)
       LEFT JOIN council c ON c.tambon_code = t.code LEFT JOIN welfare_fund f ON f.tambon_code = t.code`,
    ),
  ]);
  const level = byKey(levels, "tambon_code", "level");
  const person = byKey(people, "tambon_code");
  const survey = byKey(surveys, "tambon_code");
  const caseAt = byKey(cases, "tambon_code", "stage");
  const farmer = byKey(farmers, "tambon_code");
  const crop = byKey(crops, "tambon_code", "crop");
  const council = byKey(councils, "tambon_code");
  const [{ y: cropYear, be: cropYearBE }] = season;

  return new Map(
    tambons.map((t) => {
      const code = t.code;
      const p = person.get(code);
      const s = survey.get(code);
      const stageRows = STAGES.map((stage) => caseAt.get(`${code}|${stage}`));
      const satang = (pick: (r: Row) => unknown) =>
        stageRows.reduce((sum, r) => sum + (r && pick(r) != null ? BigInt(String(pick(r)).replace(".", "")) : 0n), 0n);
      const baht = (n: bigint) => `${n / 100n}.${String(n % 100n).padStart(2, "0")}`;
      const byCrop = CROPS.map(([name, label]) => {
        const r = crop.get(`${code}|${name}`);
        return {
          crop: name,
          cropLabel: label,
          plantedSquareWa: int(r?.sq_wa),
          plantedRai: int(r?.sq_wa) / 400,
          cropCycles: int(r?.cycles),
          farmers: int(r?.farmers),
          soldCycles: int(r?.sold),
          medianIncomePerRai: r?.median ?? null,
        };
      });
      const c = council.get(code);
      const levelCounts = [1, 2, 3, 4].map((l) => int(level.get(`${code}|${l}`)?.n));
      return [
        code,
        {
          code,
          nameTh: t.name_th,
          nameEn: t.name_en,
          district: { nameTh: t.d_th, nameEn: t.d_en },
          registry: {
            householdCount: int(p?.households),
            householdsNotAssessed: int(level.get(`${code}|null`)?.n),
            householdsByPovertyLevel: levelCounts.map((households, i) => ({ level: i + 1, label: POVERTY_LABELS[i], households })),
            vulnerablePeople: {
              people: int(p?.people),
              elderly: int(p?.elderly),
              childrenUnder7: int(p?.children),
              disabled: int(p?.disabled),
              bedridden: int(p?.bedridden),
              singleParents: int(p?.single_parents),
              welfareCardHolders: int(p?.cards),
            },
          },
          housing: {
            surveyedHouseholds: int(s?.surveyed),
            unsafeHousing: int(s?.unsafe),
            insecureTenure: int(s?.insecure),
            unsafeOrInsecure: int(s?.either),
            // Open: not closed (closed = REJECTED or HANDED_OVER), as assistanceCases(open: true) and the one-open-case rule.
            openCases: stageRows.reduce((n, r) => n + (r && !["REJECTED", "HANDED_OVER"].includes(r.stage) ? int(r.n) : 0), 0),
            casesByStage: STAGES.map((stage, i) => ({ stage, cases: int(stageRows[i]?.n) })),
            budgetApproved: baht(satang((r) => r.approved)),
            budgetSpent: baht(satang((r) => r.spent)),
          },
          agriculture: {
            farmerCount: int(farmer.get(code)?.n),
            youngFarmerCount: int(farmer.get(code)?.young),
            crops: {
              season: { cropYear, cropYearBE },
              totalPlantedSquareWa: byCrop.reduce((n, x) => n + x.plantedSquareWa, 0),
              totalPlantedRai: byCrop.reduce((n, x) => n + x.plantedSquareWa, 0) / 400,
              byCrop,
            },
          },
          councils: {
            council: c?.name ? { name: c.name, notifiedYearBE: c.notified_be, memberCount: int(c.seats) } : null,
            trainedChangeLeaders: int(c?.trained),
            welfareFundMembers: int(c?.fund_members),
            welfareFundBalance: c?.balance ?? null,
            codiGrantsTotal: c?.grants ?? "0.00",
          },
        },
      ];
    }),
  );
}

/** The operation's field tree: which figures it asks for, so only those are compared. */
export function selectionOf(operation: string): SelectionSetNode {
  const doc = parse(operation);
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  return ((op as { selectionSet: SelectionSetNode }).selectionSet.selections[0] as FieldNode).selectionSet!;
}

export interface Difference {
  path: string;
  held: unknown;
  published: unknown;
}

/**
 * Every figure (leaf) the selection asks for, held vs published: lists are compared position by
 * position (their order is part of the contract), a missing row counts each of its figures.
 */
export function compareFigures(held: unknown, published: unknown, selection: SelectionSetNode, path: string, out: Difference[]): number {
  if (Array.isArray(held)) {
    const rows = Array.isArray(published) ? published : [];
    return held.reduce((n: number, row, i) => n + compareFigures(row, rows[i], selection, `${path}[${i}]`, out), 0);
  }
  let figures = 0;
  for (const node of selection.selections) {
    if (node.kind !== Kind.FIELD || node.name.value === "__typename") continue;
    const name = node.name.value;
    const h = (held as Row | null)?.[name];
    const p = (published as Row | null | undefined)?.[name];
    if (node.selectionSet && h !== null) {
      figures += compareFigures(h, p, node.selectionSet, `${path}.${name}`, out);
    } else {
      figures += 1;
      if (h !== p) out.push({ path: `${path}.${name}`, held: h, published: p });
    }
  }
  return figures;
}

export const operation = (name: string) => loadOperations().find((op) => op.name === name)!;
