// One bench run, in a process of its own so that its peak RSS is its own: generates a cluster
// (scripts/bench-cluster.ts) and diffs its base and head. Prints JSON lines, the last one complete:
// parse time (loading both revisions alone, sharing what both hold, as diff does), the number of
// pod classes (a diff stopped by a pod-class limit of 1, which reports the count), then the time
// of a whole diff, of which analysis is what parsing is not.
// Usage (through scripts/bench.mjs): node bench.mjs <size label> <pods mode>
import { diff, type PodsMode } from "../src/analyze.js";
import { relaunchWithHeapFlags } from "../src/heap-flags.js";
import { LimitError } from "../src/load/limits.js";
import { loadRevisions } from "../src/load/load-sources.js";
import { generate, SIZES } from "./bench-cluster.js";

// Measured as the CLI and the Action run: with their heap flags.
const relaunched = relaunchWithHeapFlags();
if (relaunched !== undefined) process.exit(relaunched);

const [label = "1k", pods = "declared"] = process.argv.slice(2);
const size = SIZES.find((s) => s.label === label);
if (!size) throw new Error(`unknown size ${label}`);
const g = generate(size);
const result: Record<string, unknown> = {
  size: label,
  pods,
  workloads: size.workloads,
  policies: g.policies,
  namespaces: size.namespaces,
  bytes: g.bytes,
};
const report = (more: Record<string, unknown>) => {
  Object.assign(result, more, { peakRssBytes: process.resourceUsage().maxRSS * 1024 });
  console.log(JSON.stringify(result));
};

let t0 = performance.now();
loadRevisions(g.base, g.head);
const parseMs = performance.now() - t0;
let classes: number | null = null;
try {
  diff(g.base, g.head, { pods: pods as PodsMode, limits: { podClasses: 1 } });
} catch (e) {
  if (!(e instanceof LimitError)) throw e;
  classes = e.actual;
}
report({ parseMs, classes });

t0 = performance.now();
try {
  const d = diff(g.base, g.head, { pods: pods as PodsMode });
  const totalMs = performance.now() - t0;
  report({ analysisMs: totalMs - parseMs, totalMs, changes: d.changes.length });
} catch (e) {
  if (!(e instanceof LimitError)) throw e;
  report({ refused: e.message });
}
