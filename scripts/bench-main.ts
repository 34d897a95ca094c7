// One bench run, in a process of its own so that its peak RSS is its own: generates a cluster
// (scripts/bench-cluster.ts) and diffs its base and head. Prints JSON lines, the last one complete:
// parse time (reading both revisions, each distinct file once and on every core as the CLI does,
// and modelling their objects), the time the representative pods and namespaces take (`--pods auto`:
// the rest of the model a diff runs on, DESIGN section 1), analysis time (the diff of that model),
// their sum, and the number of pod classes.
// Usage (through scripts/bench.mjs): node bench.mjs <size label or shape name> <pods mode>
import { diffLoaded, diffModel, modelDiff, type PodsMode } from "../src/analyze.js";
import { relaunchWithHeapFlagsSync } from "../src/heap-flags.js";
import { LimitError } from "../src/load/limits.js";
import { loadRevisions } from "../src/load/load-sources.js";
import { generate, SIZES } from "./bench-cluster.js";
import { SHAPES } from "./bench-shapes.js";
import { readInThreads } from "../src/workers/read-pool.js";
import { readRevisions } from "../src/cli/diff-sources.js";
import type { SourceFile } from "../src/load/object/source.js";
import { runReadWorker } from "../src/workers/read-worker.js";

// This bundle is also the worker the reading threads start on, as the CLI's is.
if (!runReadWorker()) await main();

async function main(): Promise<void> {
  // Measured as the CLI and the Action run: with their heap flags.
  const relaunched = relaunchWithHeapFlagsSync();
  if (relaunched !== undefined) process.exit(relaunched);

  const [label = "1k", pods = "declared", baseDir, headDir] = process.argv.slice(2);
  // `dirs`: a cluster of the user's (two directories, read as `netreach diff BASE HEAD` reads them);
  // a shape's name: a repository of that shape (bench-shapes.ts).
  const size = SIZES.find((s) => s.label === label);
  const shape = SHAPES[label];
  const g = label === "dirs" ? fromDirs(baseDir!, headDir!) : shape !== undefined ? shape() : generate(size ?? unknown(label));
  const result: Record<string, unknown> = {
    size: label,
    pods,
    bytes: g.bytes,
    ...(size !== undefined && "policies" in g ? { workloads: size.workloads, policies: g.policies, namespaces: size.namespaces } : {}),
  };
  // The peak as of the diff's end: the class count below is the bench's own second run.
  const report = (more: Record<string, unknown>, peak = true) => {
    Object.assign(result, more, peak ? { peakRssBytes: process.resourceUsage().maxRSS * 1024 } : {});
    console.log(JSON.stringify(result));
  };

  // One cold run, as a CLI run is: the revisions read, then the diff of what was read. The pod
  // classes are counted first by a run stopped at its pod-class limit (the error reports the count).
  let t0 = performance.now();
  const threads = process.env["NETREACH_BENCH_THREADS"];
  const [base, head] = readInThreads([g.base, g.head], { entry: new URL(import.meta.url), ...(threads ? { threads: Number(threads) } : {}) });
  const loaded = loadRevisions(base!, head!);
  const parseMs = performance.now() - t0;
  const read = loaded[1].cluster;
  // A cluster of the user's is counted as read (the head revision).
  if (size === undefined) report({ workloads: read.workloads.length, policies: read.policies.length + read.adminPolicies.length, namespaces: read.namespaces.size });
  report({ parseMs });

  t0 = performance.now();
  try {
    const model = modelDiff(loaded, { pods: pods as PodsMode });
    const modelMs = performance.now() - t0;
    t0 = performance.now();
    const d = diffModel(model);
    const analysisMs = performance.now() - t0;
    report({ modelMs, analysisMs, totalMs: parseMs + modelMs + analysisMs, changes: d.changes.length });
  } catch (e) {
    if (!(e instanceof LimitError)) throw e;
    report({ refused: e.message });
  }

  let classes: number | null = null;
  try {
    diffLoaded(loaded, { pods: pods as PodsMode, limits: { podClasses: 1 } });
  } catch (e) {
    if (!(e instanceof LimitError)) throw e;
    classes = e.actual;
  }
  report({ classes }, false);
}

function unknown(label: string): never {
  throw new Error(`unknown size ${label}`);
}

function fromDirs(base: string, head: string): { base: SourceFile[]; head: SourceFile[]; bytes: number } {
  const revs = readRevisions({ kind: "paths", base, head });
  const bytes = revs.head.files.reduce((n, f) => n + f.text.length, 0);
  return { base: [...revs.base.files], head: [...revs.head.files], bytes };
}
