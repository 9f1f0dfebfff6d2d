import { bulkLoad } from "./bulk";

/**
 * Figures kept up to date by the writes themselves, so that reading a tambon's (or the province's)
 * figures costs the same whatever the number of rows behind them.
 *
 * Why triggers in each subgraph's own migrations, and not code in the mutations: a trigger runs in
 * the writing statement's own transaction for every way a row changes (a mutation, the demo seed's
 * bulk inserts, a rule added later, a correction typed in psql), so the kept figures cannot drift
 * from the rows and no mutation sends one statement more. They are statement-level triggers with
 * transition tables: a bulk insert of 10,000 rows costs one grouped upsert, not 10,000.
 *
 * Two shapes, both generated here as SQL for a migration's `up`:
 * - `latestSql`: the latest row of a history per key (a household's latest assessment or survey),
 *   copied into columns of a table with one row per key;
 * - `countersSql`: per-group counters (households per tambon and level) equal to
 *   `SELECT keys, sum(counts) FROM source GROUP BY keys`.
 * - `groupsSql`: per-group figures that are no sums (medians, distinct counts), each group
 *   recomputed from its own rows when one of them changes.
 * `driftSql` recomputes any of them from every row: the tests compare.
 */

/** A table name, a column name or a type as written in the specs below: never user input. */
const ident = (s: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`unsafe identifier "${s}"`);
  return s;
};

export interface Latest {
  /** The history table, many rows per key. */
  history: string;
  /** The key column, in the history and in `into`. */
  key: string;
  /** Which row is the latest: the first in this order (over the history's columns). */
  order: string;
  /** The table holding one row per key that receives the latest values. */
  into: string;
  /** Columns of `into` → expression over the history's latest row; NULL where a key has no history. */
  columns: Record<string, string>;
  /**
   * `into` is made here (key `keyType` primary, the columns of these types) and holds a row only for keys
   * with history; without it `into` exists already with a row for every key (the columns added by the migration).
   */
  create?: { keyType: string; types: Record<string, string> };
}

export interface Counters {
  /** The counters' table, made here. */
  table: string;
  /** The table whose rows are counted. */
  source: string;
  /** Group columns: name → [SQL type, NOT NULL expression over a source row `r`]. */
  keys: Record<string, [string, string]>;
  /** Counters: name → integer expression over a source row `r` (`1` counts the row). */
  counts: Record<string, string>;
}

/**
 * A setting under which the triggers do nothing: the demo seed sets it for its own transaction
 * (`deferred`), writes every row, then counts once from all of them (`rebuildSql`); counting after
 * each of its bulk inserts would redo the same groups dozens of times.
 */
const DEFERRED = "mukdahan.summaries_deferred";

const EVENTS = [
  { op: "INSERT", tables: ["new_rows"], referencing: "NEW TABLE AS new_rows" },
  { op: "UPDATE", tables: ["new_rows", "old_rows"], referencing: "OLD TABLE AS old_rows NEW TABLE AS new_rows" },
  { op: "DELETE", tables: ["old_rows"], referencing: "OLD TABLE AS old_rows" },
] as const;

/** A trigger function and its statement trigger per event, each running `body(transition tables)`. */
function triggers(name: string, table: string, body: (tables: readonly string[]) => string): string[] {
  return EVENTS.flatMap(({ op, tables, referencing }) => {
    const fn = `${name}_${op.toLowerCase()}`;
    return [
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF current_setting('${DEFERRED}', true) = 'on' THEN RETURN NULL; END IF;
        ${body(tables)}; RETURN NULL; END $$`,
      `CREATE TRIGGER ${fn} AFTER ${op} ON ${table} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    ];
  });
}

/** The latest row per key of `keys` (a query naming them `k`): `k`, `has_row` (true, or NULL without history) and the columns. */
function freshSql(spec: Latest, keys: string): string {
  const cols = Object.entries(spec.columns).map(([c, expr]) => `${expr} AS ${ident(c)}`);
  return `SELECT t.k, l.* FROM (${keys}) t LEFT JOIN LATERAL (SELECT true AS has_row, ${cols.join(", ")}
    FROM ${ident(spec.history)} h WHERE h.${ident(spec.key)} = t.k ORDER BY ${spec.order} LIMIT 1) l ON true`;
}

/** The statement that writes the latest values of the keys in `keys` (a query naming them `k`). */
function latestApply(spec: Latest, keys: string): string {
  const key = ident(spec.key);
  const cols = Object.keys(spec.columns).map(ident);
  const tuple = (alias: string) => `ROW(${cols.map((c) => `${alias}.${c}`).join(", ")})`;
  const set = (alias: string) => cols.map((c) => `${c} = ${alias}.${c}`).join(", ");
  const into = ident(spec.into);
  const fresh = freshSql(spec, keys);
  return spec.create
    ? `WITH fresh AS (${fresh}), gone AS (DELETE FROM ${into} i USING fresh f WHERE i.${key} = f.k AND f.has_row IS NULL)
         INSERT INTO ${into} (${key}, ${cols.join(", ")}) SELECT k, ${cols.join(", ")} FROM fresh WHERE fresh.has_row ORDER BY k
         ON CONFLICT (${key}) DO UPDATE SET ${set("excluded")}
         WHERE ${tuple(into)} IS DISTINCT FROM ${tuple("excluded")}`
    : `UPDATE ${into} i SET ${set("f")} FROM (${fresh} ORDER BY 1) f
         WHERE i.${key} = f.k AND ${tuple("i")} IS DISTINCT FROM ${tuple("f")}`;
}

/** Every key's latest values, from the whole history. */
const latestFill = (spec: Latest): string =>
  latestApply(
    spec,
    spec.create
      ? `SELECT DISTINCT ${ident(spec.key)} AS k FROM ${ident(spec.history)}`
      : `SELECT ${ident(spec.key)} AS k FROM ${ident(spec.into)}`,
  );

/** Statements for a migration's `up`: `into`'s table or columns must exist (or `create`); fills it from the history. */
export function latestSql(spec: Latest): string[] {
  const key = ident(spec.key);
  const into = ident(spec.into);
  const cols = Object.keys(spec.columns).map(ident);
  const table = spec.create
    ? [`CREATE TABLE ${into} (${key} ${spec.create.keyType} PRIMARY KEY, ${cols.map((c) => `${c} ${spec.create!.types[c]}`).join(", ")})`]
    : [];
  const touched = (tables: readonly string[]) => tables.map((t) => `SELECT DISTINCT ${key} AS k FROM ${t}`).join(" UNION ");
  return [...table, latestFill(spec), ...triggers(`${into}_latest`, ident(spec.history), (tables) => latestApply(spec, touched(tables)))];
}

/** Statements for a migration's `up`: the counters' table, its triggers on `source`, and its rows counted from `source`. */
export function countersSql(spec: Counters): string[] {
  const table = ident(spec.table);
  const keys = Object.keys(spec.keys).map(ident);
  const counts = Object.keys(spec.counts).map(ident);
  const rowsOf = (from: string, sign: string) =>
    `SELECT ${Object.entries(spec.keys)
      .map(([k, [, expr]]) => `${expr} AS ${k}`)
      .join(", ")}, ${Object.entries(spec.counts)
      .map(([c, expr]) => `${sign}(${expr}) AS ${c}`)
      .join(", ")} FROM ${from} r`;
  const upsert = (deltas: string) =>
    `INSERT INTO ${table} AS s (${keys.join(", ")}, ${counts.join(", ")})
     SELECT ${keys.join(", ")}, ${counts.map((c) => `sum(${c})`).join(", ")} FROM (${deltas}) d
     GROUP BY ${keys.join(", ")} HAVING ${counts.map((c) => `sum(${c}) <> 0`).join(" OR ")} ORDER BY ${keys.join(", ")}
     ON CONFLICT (${keys.join(", ")}) DO UPDATE SET ${counts.map((c) => `${c} = s.${c} + excluded.${c}`).join(", ")}`;
  return [
    `CREATE TABLE ${table} (${Object.entries(spec.keys)
      .map(([k, [type]]) => `${k} ${type} NOT NULL`)
      .join(", ")}, ${counts.map((c) => `${c} bigint NOT NULL DEFAULT 0`).join(", ")}, PRIMARY KEY (${keys.join(", ")}))`,
    upsert(rowsOf(ident(spec.source), "")),
    ...triggers(table, ident(spec.source), (tables) =>
      upsert(tables.map((t) => rowsOf(t, t === "old_rows" ? "-" : "")).join(" UNION ALL ")),
    ),
  ];
}

/** Rows where the counters differ from a count of every source row (none when they agree); groups of zeros are left out. */
export function countersDriftSql(spec: Counters): string {
  const keys = Object.keys(spec.keys);
  const counts = Object.keys(spec.counts);
  const cols = [...keys, ...counts].join(", ");
  const kept = `SELECT ${cols} FROM ${ident(spec.table)} WHERE ${counts.map((c) => `${c} <> 0`).join(" OR ")}`;
  const counted = `SELECT ${Object.values(spec.keys)
    .map(([, e], i) => `${e} AS ${keys[i]}`)
    .join(", ")}, ${Object.entries(spec.counts)
    .map(([c, e]) => `sum(${e})::bigint AS ${c}`)
    .join(", ")} FROM ${ident(spec.source)} r GROUP BY ${keys.map((_, i) => i + 1).join(", ")}
    HAVING ${counts.map((c) => `sum(${spec.counts[c]}) <> 0`).join(" OR ")}`;
  return `(SELECT 'kept' AS side, * FROM (${kept} EXCEPT ${counted}) a) UNION ALL (SELECT 'counted', * FROM (${counted} EXCEPT ${kept}) b)`;
}

/** Rows where `into` differs from the latest row of the history, recomputed (none when they agree). */
export function latestDriftSql(spec: Latest): string {
  const cols = Object.keys(spec.columns);
  const key = ident(spec.key);
  const kept = `SELECT ${key} AS k, ${cols.join(", ")} FROM ${ident(spec.into)}`;
  const base = spec.create ? `SELECT DISTINCT ${key} AS k FROM ${ident(spec.history)}` : `SELECT ${key} AS k FROM ${ident(spec.into)}`;
  const recomputed = `SELECT k, ${cols.join(", ")} FROM (${freshSql(spec, base)}) f`;
  return `(SELECT 'kept' AS side, * FROM (${kept} EXCEPT ${recomputed}) a) UNION ALL (SELECT 'recomputed', * FROM (${recomputed} EXCEPT ${kept}) b)`;
}

/** Statements for a migration's `down`: the triggers and functions (and the table) `latestSql` made. */
export const dropLatestSql = (spec: Latest): string[] => [
  ...EVENTS.map(({ op }) => `DROP FUNCTION ${ident(spec.into)}_latest_${op.toLowerCase()}() CASCADE`),
  ...(spec.create ? [`DROP TABLE ${ident(spec.into)}`] : []),
];

/** Statements for a migration's `down`: what `countersSql` made. */
export const dropCountersSql = (spec: Counters): string[] => [
  ...EVENTS.map(({ op }) => `DROP FUNCTION ${ident(spec.table)}_${op.toLowerCase()}() CASCADE`),
  `DROP TABLE ${ident(spec.table)}`,
];

export interface Groups {
  /** The groups' table, made here: `columns`, keyed by `keys`. */
  table: string;
  /** The table whose writes change the groups. */
  source: string;
  columns: Record<string, string>;
  keys: string[];
  /** `SELECT DISTINCT <keys>` of the groups the source rows of `$rows` (a relation named `r`) fall in. */
  groupsOf: (rows: string) => string;
  /** `SELECT <columns>` computed from every source row of the groups in a relation named `touched` (its columns: the keys). */
  compute: string;
}

/** Upserts the groups of `touched` as computed now and deletes those left without rows (one statement: one snapshot). */
const recompute = (spec: Groups, touched: string): string => {
  const keys = spec.keys.map(ident);
  const table = ident(spec.table);
  const same = (a: string, b: string) => keys.map((k) => `${a}.${k} = ${b}.${k}`).join(" AND ");
  const values = Object.keys(spec.columns)
    .map(ident)
    .filter((c) => !keys.includes(c));
  return `WITH touched AS (${touched}), computed AS (${spec.compute}),
    gone AS (DELETE FROM ${table} t USING touched g WHERE ${same("t", "g")} AND NOT EXISTS (SELECT 1 FROM computed c WHERE ${same("c", "g")}))
    INSERT INTO ${table} (${Object.keys(spec.columns).map(ident).join(", ")}) SELECT * FROM computed
    ON CONFLICT (${keys.join(", ")}) DO UPDATE SET ${values.map((c) => `${c} = excluded.${c}`).join(", ")}`;
};

/** Statements for a migration's `up`: the groups' table, its triggers on `source`, and every group computed. */
export function groupsSql(spec: Groups): string[] {
  const cols = Object.entries(spec.columns).map(([c, type]) => `${ident(c)} ${type}`);
  return [
    `CREATE TABLE ${ident(spec.table)} (${cols.join(", ")}, PRIMARY KEY (${spec.keys.map(ident).join(", ")}))`,
    recompute(spec, spec.groupsOf(ident(spec.source))),
    ...triggers(ident(spec.table), ident(spec.source), (tables) => recompute(spec, tables.map((t) => spec.groupsOf(t)).join(" UNION "))),
  ];
}

export const dropGroupsSql = (spec: Groups): string[] => dropCountersSql({ table: spec.table } as Counters);

type Kept = Latest | Counters | Groups;

/** Rows where `spec`'s kept rows differ from a recomputation from every source row (none when they agree). */
export function driftSql(spec: Kept): string {
  if ("history" in spec) return latestDriftSql(spec);
  if ("counts" in spec) return countersDriftSql(spec);
  const cols = Object.keys(spec.columns).map(ident).join(", ");
  const computed = `WITH touched AS (${spec.groupsOf(ident(spec.source))}) ${spec.compute}`;
  const kept = `SELECT ${cols} FROM ${ident(spec.table)}`;
  return `(SELECT 'kept' AS side, * FROM (${kept} EXCEPT (${computed})) a) UNION ALL (SELECT 'recomputed', * FROM ((${computed}) EXCEPT ${kept}) b)`;
}

/**
 * Every key's latest values from the whole history in one sort (DISTINCT ON), not one index probe
 * per key: the seed rebuilds before its indexes are back (kit/bulk.ts).
 */
function latestRebuild(spec: Latest): string[] {
  const key = ident(spec.key);
  const into = ident(spec.into);
  const cols = Object.keys(spec.columns).map(ident);
  const latest = `SELECT DISTINCT ON (h.${key}) h.${key} AS k, ${Object.entries(spec.columns)
    .map(([c, expr]) => `${expr} AS ${ident(c)}`)
    .join(", ")} FROM ${ident(spec.history)} h ORDER BY h.${key}, ${spec.order}`;
  if (spec.create) return [`DELETE FROM ${into}`, `INSERT INTO ${into} (${key}, ${cols.join(", ")}) ${latest}`];
  const tuple = (alias: string) => `ROW(${cols.map((c) => `${alias}.${c}`).join(", ")})`;
  return [
    `UPDATE ${into} i SET ${cols.map((c) => `${c} = f.${c}`).join(", ")}
     FROM (SELECT t.${key} AS k, ${cols.map((c) => `l.${c}`).join(", ")} FROM ${into} t LEFT JOIN (${latest}) l ON l.k = t.${key}) f
     WHERE i.${key} = f.k AND ${tuple("i")} IS DISTINCT FROM ${tuple("f")}`,
  ];
}

/**
 * Statements that recompute everything `specs` keep from every row, in order (after a deferred
 * seed, the triggers still idle): `specs` in the order they feed each other (a latest table before
 * the counters over it), as every KEPT_FIGURES lists them.
 */
export function rebuildSql(specs: Kept[]): string[] {
  return specs.flatMap((spec) => {
    if ("history" in spec) return latestRebuild(spec);
    if ("counts" in spec) return [`DELETE FROM ${ident(spec.table)}`, countersSql(spec)[1]];
    return [recompute(spec, spec.groupsOf(ident(spec.source)))];
  });
}

/**
 * Runs `work` (a seed's bulk writes, in transaction `m`) with the triggers of `specs` idle, then
 * recomputes what they keep once from every row; foreign keys and plain indexes are set aside
 * meanwhile and put back last (bulkLoad, kit/bulk.ts).
 */
export async function withSummariesDeferred<T>(m: { query(sql: string): Promise<any> }, specs: Kept[], work: () => Promise<T>): Promise<T> {
  await m.query(`SET LOCAL ${DEFERRED} = 'on'`);
  const result = await bulkLoad(m, async () => {
    const written = await work();
    for (const sql of rebuildSql(specs)) await m.query(sql);
    return written;
  });
  await m.query(`SET LOCAL ${DEFERRED} = 'off'`);
  return result;
}
