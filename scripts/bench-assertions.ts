// The assertions step of `npm run bench`, in a process of its own (issue 20): the 10,000-workload
// cluster of scripts/bench-cluster.ts diffed without assertions and with 50 of every kind and spec
// form (`.netreach.yaml` text parsed as the edge parses it), to time what they add to a diff.
// Prints one JSON line.
// Usage (through scripts/bench.mjs): node bench-assertions.mjs [size label]
import { diffLoaded } from "../src/analyze.js";
import { relaunchWithHeapFlagsSync } from "../src/heap-flags.js";
import { loadRevisions } from "../src/load/load-sources.js";
import { parseConfig } from "../src/targets/config.js";
import { generate, SIZES } from "./bench-cluster.js";

const relaunched = relaunchWithHeapFlagsSync();
if (relaunched !== undefined) process.exit(relaunched);

const label = process.argv[2] ?? "10k";
const size = SIZES.find((s) => s.label === label);
if (!size) throw new Error(`unknown size ${label}`);
const g = generate(size);

/** 50 assertions over the bench cluster's namespaces (team<T>-svc<S>, labels team and env) and apps. */
function assertionsText(): string {
  const out: string[] = [];
  const ns = (k: number) => `team${k % 25}-svc${Math.floor(k / 25) % Math.max(1, Math.floor(size!.namespaces / 25))}`;
  for (let k = 0; k < 10; k++) {
    out.push(`  - name: db-private-${k}\n    deny: {from: internet, to: {namespace: ${ns(k)}, labels: {app: db}}}`);
    out.push(
      `  - name: only-front-reaches-api-${k}\n    only:\n      to: {namespace: ${ns(k)}, labels: {app: api}}\n      from: [{labels: {tier: front}}, {namespaces: {labels: {team: t${k}}}}]\n      ports: [TCP 8080-8090]`,
    );
    out.push(`  - name: web-reaches-api-${k}\n    allow: {from: {namespace: ${ns(k)}, labels: {app: web}}, to: {namespace: ${ns(k)}, labels: {app: api}}, ports: [TCP 8081]}`);
    out.push(`  - name: teams-apart-${k}\n    isolated: {namespaces: [{namespaces: {labels: {team: t${k}}}}, {namespaces: {labels: {team: t${k + 10}}}}], ports: [TCP 5432]}`);
    out.push(`  - name: office-not-cache-${k}\n    deny: {from: {cidr: 10.${k}.0.0/16}, to: [{kind: StatefulSet, labels: {app: cache}}, {workload: cache-${k}}]}`);
  }
  return `assertions:\n${out.join("\n")}\n`;
}

const t0 = performance.now();
const config = parseConfig(".netreach.yaml", assertionsText());
const parseMs = performance.now() - t0;
if (config.assertionErrors.length > 0) throw new Error(config.assertionErrors.join("\n"));

// Alternated, the faster of two each: on a shared machine one run varies by a fifth, and the first warms the JIT.
const loaded = loadRevisions(g.base, g.head);
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
};
let withoutMs = Infinity;
let withMs = Infinity;
let d!: ReturnType<typeof diffLoaded>;
for (let i = 0; i < 2; i++) {
  withoutMs = Math.min(withoutMs, time(() => diffLoaded(loaded))[1]);
  const [r, ms] = time(() => diffLoaded(loaded, { assertions: config.assertions }));
  d = r;
  withMs = Math.min(withMs, ms);
}
// What each kind adds, alone: the 10 assertions of one kind, against the same diff without them.
const byKind: Record<string, number> = {};
for (const kind of ["deny", "only", "allow", "isolated", "cidr"]) {
  const list = config.assertions.filter((a) => (kind === "cidr" ? a.name.startsWith("office") : a.type === kind && !a.name.startsWith("office")));
  let without = Infinity;
  let with_ = Infinity;
  for (let i = 0; i < 2; i++) {
    without = Math.min(without, time(() => diffLoaded(loaded))[1]);
    with_ = Math.min(with_, time(() => diffLoaded(loaded, { assertions: list }))[1]);
  }
  byKind[kind] = Math.max(0, with_ - without);
}
const count = (s: string) => d.assertions.filter((a) => a.status === s).length;
console.log(
  JSON.stringify({
    size: label,
    workloads: size.workloads,
    assertions: config.assertions.length,
    parseMs,
    withoutMs,
    withMs,
    byKind,
    failed: count("failed"),
    passed: count("passed"),
    noMatch: count("no-match"),
    violations: d.assertions.reduce((k, a) => k + a.violations.length, 0),
    newViolations: d.assertions.reduce((k, a) => k + a.violations.filter((v) => v.isNew).length, 0),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
