import type { Round } from "./load";
import type { Statements } from "./processes";

/** What one gateway did in one scenario, over all its rounds (medians; errors summed; memory at its peak). */
export interface GatewayFigures {
  rounds: number;
  rps: number;
  p50: number;
  p99: number;
  responses: number;
  errors: Record<string, number>;
  /** Each round's figures, in order, to judge the noise (the idle-gap scenario tells its gaps apart by the errors). */
  byRound: { rps: number; p50: number; errors: number }[];
  /** Highest resident memory sampled during the scenario's rounds, MB. */
  peakRssMb: number;
  /** SQL statements per answer, all databases, and by database. */
  statementsPerRequest: number;
  statementsByDatabase: Statements;
  bytesPerResponse: number;
}

export interface RoundSample extends Round {
  rssMb: number;
  statements: Statements;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round1 = (n: number): number => Math.round(n * 10) / 10;

export function summarise(samples: RoundSample[]): GatewayFigures {
  const errors: Record<string, number> = {};
  for (const s of samples) for (const [kind, n] of Object.entries(s.errors)) errors[kind] = (errors[kind] ?? 0) + n;
  const perRequest = (s: RoundSample, db?: string) =>
    s.responses
      ? Object.entries(s.statements).reduce((sum, [name, n]) => (db === undefined || db === name ? sum + n : sum), 0) / s.responses
      : 0;
  const databases = [...new Set(samples.flatMap((s) => Object.keys(s.statements)))];
  return {
    rounds: samples.length,
    rps: round1(median(samples.map((s) => s.rps))),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    responses: samples.reduce((sum, s) => sum + s.responses, 0),
    errors,
    byRound: samples.map((s) => ({ rps: round1(s.rps), p50: s.p50, errors: Object.values(s.errors).reduce((a, b) => a + b, 0) })),
    peakRssMb: Math.round(Math.max(...samples.map((s) => s.rssMb))),
    statementsPerRequest: round1(median(samples.map((s) => perRequest(s)))),
    statementsByDatabase: Object.fromEntries(
      databases.map((db) => [db, round1(median(samples.map((s) => perRequest(s, db))))]).filter(([, n]) => (n as number) > 0),
    ),
    bytesPerResponse: median(samples.map((s) => s.bytes)),
  };
}

/** hub ÷ other: above 1 means the hub answers more per second (RPS) or takes longer (p50). */
export function ratios(figures: Record<string, GatewayFigures>): Record<string, { rps: number; p50: number }> {
  const hub = figures.hub;
  return Object.fromEntries(
    Object.entries(figures)
      .filter(([name]) => name !== "hub")
      .map(([name, other]) => [
        `hub/${name}`,
        {
          rps: other.rps ? Math.round((hub.rps / other.rps) * 100) / 100 : 0,
          p50: other.p50 ? Math.round((hub.p50 / other.p50) * 100) / 100 : 0,
        },
      ]),
  );
}

const errorText = (errors: Record<string, number>): string =>
  Object.entries(errors)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(", ") || "0";

/** One scenario as a plain-text table for the terminal; SQL: a request sent alone, and per request under load. */
export function table(title: string, figures: Record<string, GatewayFigures>, alone: Record<string, { statements: Statements }>): string {
  const ratio = ratios(figures);
  const rows = Object.entries(figures).map(([name, f]) => {
    const r = ratio[`hub/${name}`];
    return [
      name,
      f.rps.toFixed(1),
      `${f.p50} ms`,
      `${f.p99} ms`,
      errorText(f.errors),
      `${f.peakRssMb} MB`,
      `${Object.values(alone[name]?.statements ?? {}).reduce((a, b) => a + b, 0)} · ${f.statementsPerRequest.toFixed(1)}`,
      r ? `${r.rps.toFixed(2)} · ${r.p50.toFixed(2)}` : "",
    ];
  });
  const header = ["gateway", "RPS", "p50", "p99", "errors", "peak RSS", "SQL: 1 alone · per req", "hub÷this RPS · p50"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  return [title, line(header), ...rows.map(line)].join("\n");
}

/** Every scenario of a run as one Markdown table (for BENCHMARKS.md). */
export function markdown(
  scenarios: { key: string; title: string; alone: Record<string, { statements: Statements }>; gateways: Record<string, GatewayFigures> }[],
): string {
  const lines = [
    "| scenario | gateway | RPS | p50 | p99 | errors | peak RSS | SQL: alone · per req | hub÷this: RPS · p50 |",
    "| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
  ];
  for (const s of scenarios) {
    const ratio = ratios(s.gateways);
    for (const [name, f] of Object.entries(s.gateways)) {
      const alone = Object.values(s.alone[name]?.statements ?? {}).reduce((a, b) => a + b, 0);
      const r = ratio[`hub/${name}`];
      const cells = [
        name === "hub" ? `${s.key} ${s.title}` : "",
        name,
        f.rps.toFixed(1),
        `${Math.round(f.p50)} ms`,
        `${Math.round(f.p99)} ms`,
        errorText(f.errors),
        `${f.peakRssMb} MB`,
        `${alone} · ${f.statementsPerRequest.toFixed(1)}`,
        r ? `${r.rps.toFixed(2)} · ${r.p50.toFixed(2)}` : "",
      ];
      lines.push(`| ${cells.join(" | ")} |`);
    }
  }
  return lines.join("\n");
}

type Result = { key: string; gateways: Record<string, GatewayFigures> };

export interface TargetCheck {
  target: string;
  scenario: string;
  /** The measured ratio or figure. */
  value: number;
  met: boolean;
}

/**
 * Issue 11's targets, each checked within this run: hub RPS ≥ 1.5× Hive and > stock on every read,
 * Q3 p50 ≤ 3× the floor, the growth from demo size (Q1 ≤ 1.2×, Q3 ≤ 2×, against the hub at demo size
 * when the run has it), no error, the hub's peak RSS ≤ 250 MB.
 */
export function targets(results: Result[], baseline: string): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const check = (target: string, scenario: string, value: number | undefined, met: (v: number) => boolean) => {
    if (value !== undefined && Number.isFinite(value))
      checks.push({ target, scenario, value: Math.round(value * 100) / 100, met: met(value) });
  };
  for (const { key, gateways: g } of results) {
    const { hub, hive, stock, floor } = g;
    const read = key !== "mix" && key !== "gap";
    if (read && hive?.rps) check("hub RPS ÷ Hive RPS ≥ 1.5", key, hub.rps / hive.rps, (v) => v >= 1.5);
    if (read && stock?.rps) check("hub RPS ÷ stock RPS > 1", key, hub.rps / stock.rps, (v) => v > 1);
    if (key === "Q3" && floor?.p50) check("hub p50 ÷ floor p50 ≤ 3", key, hub.p50 / floor.p50, (v) => v <= 3);
    const limit = { Q1: 1.2, Q3: 2 }[key];
    if (limit && g[baseline]?.p50) check(`hub p50 ÷ ${baseline} p50 ≤ ${limit}`, key, hub.p50 / g[baseline].p50, (v) => v <= limit);
    check(
      "hub errors = 0",
      key,
      Object.values(hub.errors).reduce((a, b) => a + b, 0),
      (v) => v === 0,
    );
    check("hub peak RSS ≤ 250 MB", key, hub.peakRssMb, (v) => v <= 250);
  }
  return checks;
}

/** The checks as a Markdown table: one row per target, the scenarios that missed it named. */
export function targetTable(checks: TargetCheck[]): string {
  const byTarget = new Map<string, TargetCheck[]>();
  for (const c of checks) byTarget.set(c.target, [...(byTarget.get(c.target) ?? []), c]);
  const lines = ["| target | met | missed (scenario: value) |", "| --- | --- | --- |"];
  for (const [target, cs] of byTarget) {
    const missed = cs.filter((c) => !c.met);
    lines.push(
      `| ${target} | ${cs.length - missed.length} of ${cs.length} | ${missed.map((c) => `${c.scenario}: ${c.value}`).join(", ") || "–"} |`,
    );
  }
  return lines.join("\n");
}
