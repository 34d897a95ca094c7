// The policy-only step of `npm run bench`, in a process of its own (issue 18), in two shapes, with
// no workloads (the default `--pods auto`):
// - "shared": a pull request that adds to each of N tenant namespaces a default-deny and an allow
//   from the namespace itself, as a per-tenant chart renders them: about N² changed pairs.
// - "isolated": N tenant files, each a labelled Namespace with a default-deny both ways, DNS to
//   kube-system, ingress from ingress-nginx, egress to its own /24, the internet on 443 and the next
//   tenant's API (a namespaceSelector of its own), and a pull request that changes the ingress port
//   in every file: about N changes, each with reasons of its own, over N distinct namespaceSelectors.
// - "scraped": the isolated shape, each tenant also admitting Prometheus from every namespace
//   (`namespaceSelector: {}`): every tenant's ingress names a representative in every namespace.
// Times the diff, the job summary and comment (as the Action renders them), and the JSON report
// written in pieces to nowhere; then `reach` of the head revision, with its grouped text
// (`reach --group`, the form a reader can take in), after the diff in the same process.
// Prints one JSON line.
// Usage (through scripts/bench.mjs): node bench-tenants.mjs <namespaces> [shared|isolated|scraped]
import { diff, reach } from "../src/analyze.js";
import { SUMMARY_MAX_BYTES } from "../src/action/comment-step.js";
import { relaunchWithHeapFlagsSync as relaunchWithHeapFlags } from "../src/heap-flags.js";
import type { SourceFile } from "../src/load/object/source.js";
import { diffJsonChunks } from "../src/render/diff-json.js";
import { renderComment } from "../src/render/diff-md.js";
import { reachGroupedTextLines } from "../src/render/reach-text.js";
import { isolatedTenant, scrapedTenant } from "./bench-tenants-shape.js";

// Measured as the CLI and the Action run: with their heap flags.
const relaunched = relaunchWithHeapFlags();
if (relaunched !== undefined) process.exit(relaunched);

const n = Number(process.argv[2] ?? 1000);
const shape = process.argv[3] ?? "shared";
const shared = Array.from(
  { length: n },
  (_, i) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: tenant-${i}}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-same-namespace, namespace: tenant-${i}}
spec:
  podSelector: {}
  ingress: [{from: [{podSelector: {}}]}]
`,
).join("---\n");
const tenantFile = shape === "scraped" ? scrapedTenant : isolatedTenant;
const isolated = (edited: boolean): SourceFile[] => Array.from({ length: n }, (_, i) => ({ path: `tenants/tenant-${i}.yaml`, text: tenantFile(i, n, edited) }));
const [base, head]: [SourceFile[], SourceFile[]] = shape === "shared" ? [[], [{ path: "chart/templates/tenants.yaml", text: shared }]] : [isolated(false), isolated(true)];

const cpu0 = process.cpuUsage();
let t0 = performance.now();
const report = diff(base, head);
const diffMs = performance.now() - t0;

t0 = performance.now();
const marker = "<!-- netreach:comment:default -->";
const summary = renderComment(report, { marker, maxChars: SUMMARY_MAX_BYTES, measure: "utf8" });
const comment = renderComment(report, { marker, summaryNote: "The job summary of this run has the full report." });
const renderMs = performance.now() - t0;

t0 = performance.now();
let jsonChars = 0;
for (const c of diffJsonChunks(report)) jsonChars += c.length;
const jsonMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);

t0 = performance.now();
const reached = reach(head);
let reachChars = 0;
for (const line of reachGroupedTextLines(reached)) reachChars += line.length;
const reachMs = performance.now() - t0;

console.log(
  JSON.stringify({
    namespaces: n,
    shape,
    changes: report.changes.length,
    diffMs,
    renderMs,
    jsonMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    commentChars: comment.length,
    summaryBytes: Buffer.byteLength(summary, "utf8"),
    jsonChars,
    reachMs,
    reachChars,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
