// One bench run, in a process of its own so that its peak RSS is its own: generates a cluster
// (scripts/bench-cluster.ts) and diffs its base and head. Prints one JSON line.
// Usage (through scripts/bench.mjs): node bench.mjs <size label> <pods mode>
import { diff, type PodsMode } from "../src/analyze.js";
import { generate, SIZES } from "./bench-cluster.js";

const [label = "1k", pods = "declared"] = process.argv.slice(2);
const size = SIZES.find((s) => s.label === label);
if (!size) throw new Error(`unknown size ${label}`);
const g = generate(size);
const t0 = performance.now();
const report = diff(g.base, g.head, { pods: pods as PodsMode });
const t1 = performance.now();
console.log(
  JSON.stringify({
    size: label,
    pods,
    workloads: size.workloads,
    policies: g.policies,
    namespaces: size.namespaces,
    bytes: g.bytes,
    parseMs: null,
    analysisMs: null,
    totalMs: t1 - t0,
    classes: null,
    changes: report.changes.length,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
