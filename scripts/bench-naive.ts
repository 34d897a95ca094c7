// One naive bench run, in a process of its own: the generated cluster's base and head
// (scripts/bench-cluster.ts) evaluated by the test suite's naive reference evaluator
// (test/reference/evaluator.ts), pair by pair, at every sample point (each protocol, ports at
// every boundary, addresses at every ipBlock boundary: test/reference/samples.ts), and the pairs
// whose answer differs compared with netreach's diff. What netreach's analysis is measured
// against: the same question asked the obvious way.
//
// A sample of pairs is timed first; when the whole would take longer than the cap, it is not
// run: the estimate is printed instead. Prints one JSON line.
// Usage (through scripts/bench.mjs): node bench-naive.mjs <size label> <cap seconds, 0: none>
import { diff } from "../src/analyze.js";
import { parseDocuments } from "../src/load/yaml/documents.js";
import type { SourceFile } from "../src/load/object/source.js";
import { allowed, type Endpoint } from "../test/reference/evaluator.js";
import { parseIp } from "../test/reference/ip.js";
import { PROTOCOLS, clusterFromObjects, namespaceOf, type Cluster, type Pod } from "../test/reference/kube.js";
import { sampleAddresses, samplePorts } from "../test/reference/samples.js";
import { generate, SIZES } from "./bench-cluster.js";

const [label = "1k", capArg = "60"] = process.argv.slice(2);
const capMs = Number(capArg) * 1000;
const size = SIZES.find((s) => s.label === label);
if (!size) throw new Error(`unknown size ${label}`);
const g = generate(size);

/**
 * The reference knows bare Pods: each Deployment or StatefulSet becomes one Pod with its template's
 * labels and containers (what netreach's `--pods declared` makes of it), keeping netreach's id.
 */
function cluster(files: readonly SourceFile[]): { cluster: Cluster; ids: Map<Pod, string> } {
  const objects: unknown[] = [];
  const ids = new Map<Pod, string>();
  for (const file of files) {
    // netreach's reader gives plain values; what is compared is the evaluation, not the reading.
    for (const { value } of parseDocuments(file).docs) {
      const o = value as { kind: string; metadata: { name: string; namespace?: string }; spec: { template: { metadata: { labels: Record<string, string> }; spec: Pod["spec"] } } };
      if (o.kind !== "Deployment" && o.kind !== "StatefulSet") {
        objects.push(o);
        continue;
      }
      const pod: Pod = { apiVersion: "v1", kind: "Pod", metadata: { name: o.metadata.name, namespace: o.metadata.namespace, labels: o.spec.template.metadata.labels }, spec: o.spec.template.spec };
      ids.set(pod, `${namespaceOf(pod)}/${o.metadata.name}[${o.kind}]`);
      objects.push(pod);
    }
  }
  return { cluster: clusterFromObjects(objects), ids };
}

const base = cluster(g.base);
const head = cluster(g.head);
// Same workloads on both sides (the pull request edits policies): pair them by id.
const headPod = new Map([...head.ids].map(([pod, id]) => [id, pod]));
const pods = [...base.ids].map(([pod, id]) => ({ id, base: pod, head: headPod.get(id)! }));
const ports = [...new Set([...samplePorts(base.cluster), ...samplePorts(head.cluster)])].sort((a, b) => a - b);
const addresses = [...new Set([...sampleAddresses(base.cluster), ...sampleAddresses(head.cluster)])];

/** Whether the pair's answer differs between base and head at some sample point. */
function changed(src: (side: "base" | "head") => Endpoint, dst: (side: "base" | "head") => Endpoint): boolean {
  for (const protocol of PROTOCOLS) {
    for (const port of ports) {
      if (allowed(base.cluster, src("base"), dst("base"), protocol, port) !== allowed(head.cluster, src("head"), dst("head"), protocol, port)) return true;
    }
  }
  return false;
}

interface Pair {
  readonly key: string;
  readonly run: () => boolean;
}
const N = pods.length;
const podPairs = N * (N - 1);
const externalPairs = 2 * addresses.length * N;
/** The i-th pair: pod pairs first, then each address to and from each pod. */
function pair(i: number): Pair {
  if (i < podPairs) {
    const si = Math.floor(i / (N - 1));
    const j = i % (N - 1);
    const s = pods[si]!;
    const d = pods[j >= si ? j + 1 : j]!;
    return { key: `${s.id} -> ${d.id}`, run: () => changed((side) => s[side], (side) => d[side]) };
  }
  const k = i - podPairs;
  const a = addresses[Math.floor(k / (2 * N))]!;
  const p = pods[Math.floor((k % (2 * N)) / 2)]!;
  return k % 2 === 0 ? { key: `${a} -> ${p.id}`, run: () => changed(() => a, (side) => p[side]) } : { key: `${p.id} -> ${a}`, run: () => changed((side) => p[side], () => a) };
}
const total = podPairs + externalPairs;

// The estimate: pairs spread over the whole range (pod pairs and address pairs cost differently).
const SAMPLE_MS = 2000;
let sampled = 0;
let t0 = performance.now();
const rnd = (() => {
  let s = 12345;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
})();
let podMs = 0;
let podN = 0;
let extMs = 0;
let extN = 0;
while (performance.now() - t0 < SAMPLE_MS || podN === 0 || (externalPairs > 0 && extN === 0)) {
  const pod = sampled % 2 === 0 || externalPairs === 0;
  const i = pod ? Math.floor(rnd() * podPairs) : podPairs + Math.floor(rnd() * externalPairs);
  const t = performance.now();
  pair(i).run();
  if (pod) (podMs += performance.now() - t), podN++;
  else (extMs += performance.now() - t), extN++;
  sampled++;
}
const estimateMs = (podMs / podN) * podPairs + (extN > 0 ? (extMs / extN) * externalPairs : 0);
const result: Record<string, unknown> = { size: label, pods: N, pairs: total, samplesPerPair: PROTOCOLS.length * ports.length, addresses: addresses.length, sampledPairs: sampled, estimateMs, capMs };
if (capMs > 0 && estimateMs > capMs) {
  console.log(JSON.stringify({ ...result, skipped: true }));
  process.exit(0);
}

// The whole: every pair, both sides, stopped at the cap if the estimate was wrong.
const naive = new Set<string>();
t0 = performance.now();
for (let i = 0; i < total; i++) {
  const p = pair(i);
  if (p.run()) naive.add(p.key);
  if (capMs > 0 && i % 1000 === 0 && performance.now() - t0 > capMs) {
    console.log(JSON.stringify({ ...result, stopped: true, done: i / total, naiveMs: performance.now() - t0 }));
    process.exit(0);
  }
}
const naiveMs = performance.now() - t0;

// Agreement: each pair the naive evaluator finds changed is a change netreach reports (an
// address by the external range holding it), and netreach reports no pod pair it does not find.
t0 = performance.now();
const report = diff(g.base, g.head, { pods: "declared" });
const netreachMs = performance.now() - t0;
const ranges = new Map(report.changes.flatMap((c) => [c.src, c.dst]).flatMap((e) => (e.type === "external" ? [[e.id, e.ranges] as const] : [])));
const holds = (id: string, address: string) => {
  const ip = parseIp(address);
  const family = ip.family === 4 ? "v4" : "v6";
  return (ranges.get(id) ?? []).some((r) => r.family === family && r.lo <= ip.value && ip.value <= r.hi);
};
const reported = new Set(report.changes.filter((c) => c.src.type !== "external" && c.dst.type !== "external").map((c) => `${c.src.id} -> ${c.dst.id}`));
let missing = 0;
for (const key of naive) {
  if (reported.has(key)) continue;
  const [src, dst] = key.split(" -> ") as [string, string];
  const found = report.changes.some((c) => (c.src.type === "external" ? c.dst.id === dst && holds(c.src.id, src) : c.dst.type === "external" && c.src.id === src && holds(c.dst.id, dst)));
  if (!found) missing++;
}
const extra = [...reported].filter((k) => !naive.has(k)).length;
console.log(JSON.stringify({ ...result, naiveMs, changedPairs: naive.size, netreachMs, changes: report.changes.length, missing, extra }));
