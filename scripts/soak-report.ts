/** What `npm run soak` measures and how it judges it (scripts/soak.ts runs the load). */

export interface Answer {
  /** When it was sent, ms since the soak began. */
  sentAt: number;
  ms: number;
  /** HTTP status; 0 when no answer came (the client gave up or the connection failed). */
  status: number;
  /** Its errors by kind: `http 502`, `SUBGRAPH_UNAVAILABLE housing`, `no answer: TimeoutError`; none when whole. */
  kinds: string[];
}

export interface MemorySample {
  at: number;
  name: string;
  pid: number;
  mb: number;
}

/** An answer's errors by kind, each once: the HTTP status if not 200, else each error's code and subgraph. */
export function kindsOf(status: number, body: string): string[] {
  if (status !== 200) return [`http ${status}`];
  if (!body.includes('"errors"')) return [];
  try {
    const { errors = [] } = JSON.parse(body) as { errors?: { extensions?: { code?: string; serviceName?: string } }[] };
    return [...new Set(errors.map((e) => [e.extensions?.code ?? "no code", e.extensions?.serviceName].filter(Boolean).join(" ")))];
  } catch {
    return ["unparsable answer"];
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** One line per minute: answers, p50 and p99 in ms, and the errors by kind. */
export function minuteTable(answers: Answer[], offset: number): string {
  const minutes = new Map<number, Answer[]>();
  for (const a of answers) {
    const minute = Math.floor((a.sentAt - offset) / 60_000);
    minutes.set(minute, [...(minutes.get(minute) ?? []), a]);
  }
  const rows = [...minutes].sort(([a], [b]) => a - b);
  return rows
    .map(([minute, list]) => {
      const ms = list.map((a) => a.ms).sort((a, b) => a - b);
      const kinds = new Map<string, number>();
      for (const k of list.flatMap((a) => a.kinds)) kinds.set(k, (kinds.get(k) ?? 0) + 1);
      const errors = [...kinds].map(([k, n]) => `${k} ×${n}`).join(", ") || "none";
      return `  min ${String(minute + 1).padStart(2)}: ${String(list.length).padStart(5)} answers, p50 ${percentile(ms, 0.5).toFixed(0).padStart(5)} ms, p99 ${percentile(ms, 0.99).toFixed(0).padStart(5)} ms; errors: ${errors}`;
    })
    .join("\n");
}

/** Least-squares slope of mb over at, in MB per minute. */
function slope(samples: MemorySample[]): number {
  const n = samples.length;
  const mx = samples.reduce((s, x) => s + x.at, 0) / n;
  const my = samples.reduce((s, x) => s + x.mb, 0) / n;
  const num = samples.reduce((s, x) => s + (x.at - mx) * (x.mb - my), 0);
  const den = samples.reduce((s, x) => s + (x.at - mx) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60_000;
}

/**
 * Each process's RSS over time, and which grow steadily: after a warm-up (the first quarter of its
 * samples), RSS rising along a straight line by more than 20 MB and 20% over the rest of the run.
 * A restarted process is a new series (a new pid).
 */
export function growth(samples: MemorySample[]): { lines: string[]; growing: string[] } {
  const series = new Map<string, MemorySample[]>();
  for (const s of samples) series.set(`${s.name} (pid ${s.pid})`, [...(series.get(`${s.name} (pid ${s.pid})`) ?? []), s]);
  const lines: string[] = [];
  const growing: string[] = [];
  for (const [label, list] of series) {
    const q = (f: number) => list[Math.min(list.length - 1, Math.floor(f * (list.length - 1)))].mb.toFixed(0);
    const warm = list.slice(Math.floor(list.length / 4));
    const perMinute = warm.length >= 8 ? slope(warm) : 0;
    const rise = perMinute * ((warm.at(-1)!.at - warm[0].at) / 60_000);
    const grows = warm.length >= 8 && rise > 20 && rise > 0.2 * warm[0].mb;
    if (grows) growing.push(label);
    lines.push(
      `${label.padEnd(32)} ${[0, 0.25, 0.5, 0.75, 1].map(q).join(" → ")}  (${perMinute >= 0 ? "+" : ""}${perMinute.toFixed(1)} MB/min after warm-up${grows ? ": GROWS" : ""})`,
    );
  }
  return { lines, growing };
}
