// Generated clusters of growing size: namespaces with labelled workloads and a realistic mix of
// policies (default deny, namespace allow lists, named ports, ipBlocks). Prints load, reach and
// diff times and the sizes that drive them.
import { stringify } from "yaml";
import { diff, reach } from "../src/analyze.js";
import type { SourceFile } from "../src/load/source.js";

interface Size {
  readonly namespaces: number;
  readonly workloads: number;
  readonly policies: number;
  /** Materializing every allowed pair stops being sensible somewhere past 3,000 workloads (10^8 pairs). */
  readonly reach?: boolean;
}

const SIZES: Size[] = [
  { namespaces: 10, workloads: 200, policies: 50 },
  { namespaces: 40, workloads: 1_000, policies: 250 },
  { namespaces: 100, workloads: 3_000, policies: 800 },
  { namespaces: 200, workloads: 10_000, policies: 2_000, reach: false },
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function cluster(size: Size, variant: number): SourceFile[] {
  const r = rng(42);
  const docs: unknown[] = [];
  const apps = ["web", "api", "db", "cache", "worker", "auth", "search", "queue"];
  for (let n = 0; n < size.namespaces; n++) {
    docs.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: `ns${n}`, labels: { team: `t${n % 7}`, env: n % 3 === 0 ? "prod" : "dev" } } });
  }
  for (let w = 0; w < size.workloads; w++) {
    const app = apps[Math.floor(r() * apps.length)]!;
    docs.push({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: `${app}-${w}`, namespace: `ns${w % size.namespaces}` },
      spec: {
        template: {
          metadata: { labels: { app, tier: w % 2 ? "front" : "back", version: `v${w % 4}` } },
          spec: { containers: [{ name: "c", image: "x", ports: [{ name: "http", containerPort: 8000 + (w % 5) }, { name: "metrics", containerPort: 9090 }] }] },
        },
      },
    });
  }
  for (let p = 0; p < size.policies; p++) {
    const ns = `ns${p % size.namespaces}`;
    const app = apps[p % apps.length]!;
    const kind = p % 5;
    const spec =
      kind === 0
        ? { podSelector: {}, policyTypes: ["Ingress", "Egress"], egress: [{ ports: [{ port: 53, protocol: "UDP" }, { port: 53 }] }] }
        : kind === 1
          ? { podSelector: { matchLabels: { app } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: `t${p % 7}` } }, podSelector: { matchLabels: { tier: "front" } } }], ports: [{ port: "http" }] }] }
          : kind === 2
            ? { podSelector: { matchLabels: { app } }, policyTypes: ["Egress"], egress: [{ to: [{ podSelector: { matchExpressions: [{ key: "app", operator: "In", values: [apps[(p + 1) % apps.length]!] }] } }] }] }
            : kind === 3
              ? { podSelector: { matchLabels: { app, tier: "front" } }, ingress: [{ from: [{ ipBlock: { cidr: `10.${p % 256}.0.0/16`, except: [`10.${p % 256}.${(p + variant) % 256}.0/24`] } }], ports: [{ port: 443 }, { port: 8000, endPort: 8010 }] }] }
              : { podSelector: { matchExpressions: [{ key: "version", operator: "NotIn", values: ["v0"] }] }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: "prod" } } }] }] };
    docs.push({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: `p${p}`, namespace: ns }, spec });
  }
  // One file per namespace, as a repository would hold them.
  const byNs = new Map<string, unknown[]>();
  for (const d of docs as { metadata: { name: string; namespace?: string } }[]) {
    const ns = d.metadata.namespace ?? d.metadata.name;
    byNs.set(ns, [...(byNs.get(ns) ?? []), d]);
  }
  return [...byNs].map(([ns, list]) => ({ path: `k8s/${ns}.yaml`, text: list.map((d) => stringify(d)).join("---\n") }));
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

console.log("netreach bench (node " + process.version + ")");
for (const size of SIZES) {
  const base = cluster(size, 0);
  const head = cluster(size, 1);
  let reachText = "reach not run";
  if (size.reach !== false) {
    const [r, reachMs] = time(() => reach(base, { pods: "declared" }));
    reachText = `reach ${reachMs.toFixed(0)} ms (${r.flows.length} flows, ${r.endpoints.length} endpoints)`;
  }
  const [d, diffMs] = time(() => diff(base, head, { pods: "declared" }));
  const heap = (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0);
  console.log(
    `${size.workloads} workloads, ${size.policies} policies, ${size.namespaces} namespaces: ` +
      `${reachText}; diff ${diffMs.toFixed(0)} ms (${d.changes.length} changes); heap ${heap} MiB`,
  );
}
