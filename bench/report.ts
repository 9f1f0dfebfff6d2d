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
