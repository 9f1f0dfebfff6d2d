import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const REPOSITORY = `${pathToFileURL(resolve(__dirname, "..")).href}/`;

/** A V8 CPU profile as `node --cpu-prof` writes it. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: a package, a part of Node, a file of the hub, or V8 itself. */
function category({ functionName, url }: { functionName: string; url: string }): string {
  if (!url) return functionName.startsWith("(") ? functionName : `native ${functionName}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith("node:")) return `node:${url.replace(/^node:(internal\/)?/, "").split("/")[0]}`;
  return url.startsWith(REPOSITORY) ? `hub ${url.slice(REPOSITORY.length)}` : url;
}

/**
 * Self time by category, largest first, as shares of all samples (idle excluded), counting only the
 * samples taken between `fromMs` and `toMs` after the profile began (the load, not the start-up).
 */
export function selfTimeByCategory(
  file: string,
  fromMs = 0,
  toMs = Number.POSITIVE_INFINITY,
): { category: string; ms: number; share: number }[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byNode = new Map(profile.nodes.map((n) => [n.id, category(n.callFrame)]));
  const totals = new Map<string, number>();
  let elapsed = 0;
  profile.samples.forEach((id, i) => {
    elapsed += profile.timeDeltas[i] / 1000;
    if (elapsed < fromMs || elapsed > toMs) return;
    const c = byNode.get(id) ?? "?";
    totals.set(c, (totals.get(c) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  totals.delete("(idle)");
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  return [...totals]
    .map(([c, ms]) => ({ category: c, ms: Math.round(ms), share: Math.round((ms / all) * 1000) / 10 }))
    .sort((a, b) => b.ms - a.ms);
}

/** Coarser kinds of work, for reading a profile at a glance (a category matches the first pattern that fits). */
const KINDS: [RegExp, string][] = [
  [/^(node:crypto|jose)$/, "signing internal tokens (Ed25519 via jose)"],
  [/^(node:source_map|tsx|native get stack)$/, "stack traces, source maps and tsx"],
  [/^(@apollo\/|graphql|@graphql-|type-graphql)/, "GraphQL: parse, validate, plan, execute"],
  [/^\(garbage collector\)$/, "garbage collection"],
  [
    /^(native (writev|writeBuffer|writeUtf8String|writeString|readv)|node:(_http_|net|stream|url|dns|buffer|events|timers)|make-fetch-happen|minipass|node-fetch|@npmcli\/(agent|redact)|agent-base|@gar\/promise-retry|undici)/,
    "HTTP and sockets, both ways (make-fetch-happen to the subgraphs, node:http to the client)",
  ],
];

export function byKind(rows: { category: string; ms: number; share: number }[]): { kind: string; share: number }[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const kind = KINDS.find(([pattern]) => pattern.test(row.category))?.[1] ?? "other";
    totals.set(kind, (totals.get(kind) ?? 0) + row.share);
  }
  return [...totals].map(([kind, share]) => ({ kind, share: Math.round(share * 10) / 10 })).sort((a, b) => b.share - a.share);
}
