// One bench run, in a process of its own so that its peak RSS is its own: generates a cluster
// (scripts/bench-cluster.ts) and diffs its base and head. Prints one JSON line.
// Parse time is that of loading both revisions alone (as diff does, sharing what both hold);
// analysis time is the rest of a whole diff.
// Usage (through scripts/bench.mjs): node bench.mjs <size label> <pods mode>
import { diff, type PodsMode } from "../src/analyze.js";
import { loadRevisions } from "../src/load/load-sources.js";
import { generate, SIZES } from "./bench-cluster.js";

const [label = "1k", pods = "declared"] = process.argv.slice(2);
const size = SIZES.find((s) => s.label === label);
if (!size) throw new Error(`unknown size ${label}`);
const g = generate(size);
const base = {
  size: label,
  pods,
  workloads: size.workloads,
  policies: g.policies,
  namespaces: size.namespaces,
  bytes: g.bytes,
};

let t0 = performance.now();
loadRevisions(g.base, g.head);
const parseMs = performance.now() - t0;

t0 = performance.now();
let report;
try {
  report = diff(g.base, g.head, { pods: pods as PodsMode });
} catch (e) {
  const refused = e instanceof Error && e.name === "LimitError" ? e.message : undefined;
  if (refused === undefined) throw e;
  console.log(JSON.stringify({ ...base, refused, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}
const totalMs = performance.now() - t0;
console.log(
  JSON.stringify({
    ...base,
    parseMs,
    analysisMs: totalMs - parseMs,
    totalMs,
    classes: (report as { podClasses?: number }).podClasses ?? null,
    changes: report.changes.length,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
