// A diff result with a million changed pairs, built directly as data: analysing YAML that
// changes that much would take minutes, and rendering is what is measured here (the render
// bound test, `npm run bench`). Shaped like a real large pull request: many sources times many
// destinations over several namespaces, an external address range, each destination with its
// own policy (so thousands of groups, not one), opened and closed flows, and gate violations
// (external-ingress and cross-namespace on most pairs) — the worst case for the renderers.
import type { DiffReport } from "../../src/analyze.js";
import type { Change, Reason } from "../../src/diff/change.js";
import type { PolicyTextChange } from "../../src/diff/policy-text.js";
import { evaluateGate } from "../../src/gate/gate.js";
import { defaultGateConfig, type GateConfig } from "../../src/gate/config.js";
import type { Workload } from "../../src/model/cluster.js";
import type { Endpoint, ExternalEndpoint, WorkloadEndpoint } from "../../src/model/endpoint.js";
import { ConnSet, PortSet } from "../../src/net/conn-set.js";

export interface ManyChangesOptions {
  /** Namespaces, each with `perNamespace` workloads. */
  readonly namespaces?: number;
  readonly perNamespace?: number;
  readonly failOn?: GateConfig["failOn"];
}

const APPS = ["web", "api", "gateway", "auth", "orders", "payments", "search", "db", "cache", "queue"];

/**
 * Every ordered pair of distinct workloads changes, and so does the external range toward each
 * workload: with the defaults (10 namespaces × 100 workloads) 1000 × 999 + 1000 = 1,000,000
 * changes. Destinations in the last two namespaces lose connections (closed), the others gain
 * their application's port (opened), each explained by the destination's own policy.
 */
export function manyChanges(options: ManyChangesOptions = {}): DiffReport {
  const namespaces = options.namespaces ?? 10;
  const perNs = options.perNamespace ?? 100;
  const gateConfig: GateConfig = { ...defaultGateConfig(), failOn: options.failOn ?? ["external-ingress", "cross-namespace"] };

  const workloads: WorkloadEndpoint[] = [];
  for (let n = 0; n < namespaces; n++) {
    const ns = `team${n}-prod`;
    for (let w = 0; w < perNs; w++) {
      const app = APPS[w % APPS.length]!;
      const name = `${app}-${w}`;
      const kind = app === "db" || app === "cache" || app === "queue" ? "StatefulSet" : "Deployment";
      const pod: Workload = {
        id: `${ns}/${name}[${kind}]`,
        namespace: ns,
        name,
        kind,
        labels: { app, instance: name, tier: w % 3 === 0 ? "front" : "back" },
        ports: [{ name: "http", port: 8080 + (w % APPS.length), protocol: "TCP" }],
        hostNetwork: false,
        ips: [],
        nodeNames: [],
        source: { file: `clusters/prod/${ns}.yaml`, line: 10 + w * 30 },
      };
      workloads.push({ type: "workload", id: pod.id, pod });
    }
  }
  const external: ExternalEndpoint = { type: "external", id: "0.0.0.0/0", ranges: [{ family: "v4", lo: 0n, hi: 2n ** 32n - 1n }], cidrs: ["0.0.0.0/0"] };
  const closing = (d: WorkloadEndpoint) => Number(d.pod.namespace.slice(4, d.pod.namespace.indexOf("-"))) >= namespaces - 2;

  // Per destination, shared by all its pairs (as the engine shares them): the connection and the reasons.
  const perDst = new Map<string, { conn: ConnSet; why: Reason[] }>();
  for (const d of workloads) {
    const port = d.pod.ports[0]!.port;
    const conn = ConnSet.of({ TCP: PortSet.range(port, port) });
    const file = `clusters/prod/${d.pod.namespace}.yaml`;
    const line = d.pod.source.line + 3000;
    const why: Reason[] = closing(d)
      ? [{ side: "base", policy: `${d.pod.namespace}/allow-${d.pod.name}`, rule: "ingress[0]", direction: "ingress", file, line, effect: "allows" }]
      : [
          { side: "head", policy: `${d.pod.namespace}/allow-${d.pod.name}`, rule: "ingress[0]", direction: "ingress", file, line, effect: "allows" },
          { side: "base", policy: `${d.pod.namespace}/default-deny`, rule: null, direction: "ingress", file, line: 4, effect: "isolates" },
        ];
    perDst.set(d.id, { conn, why });
  }

  const changes: Change[] = [];
  const change = (src: Endpoint, dst: WorkloadEndpoint) => {
    const { conn, why } = perDst.get(dst.id)!;
    const closed = closing(dst);
    changes.push({
      type: closed ? "removed" : "added",
      src,
      dst,
      base: closed ? conn : ConnSet.NONE,
      head: closed ? ConnSet.NONE : conn,
      opened: closed ? ConnSet.NONE : conn,
      closed: closed ? conn : ConnSet.NONE,
      endpoint: null,
      why,
    });
  };
  // In the engine's order: by source id, then destination id ("0.0.0.0/0" sorts first).
  for (const d of workloads) change(external, d);
  const byId = [...workloads].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const s of byId) for (const d of byId) if (s !== d) change(s, d);

  const universe: Endpoint[] = [...workloads, external];
  const policyChanges: PolicyTextChange[] = workloads.slice(0, 20).map((d, i) => ({
    id: `${d.pod.namespace}/allow-${d.pod.name}`,
    status: "modified",
    rendered: false,
    file: `clusters/prod/${d.pod.namespace}.yaml`,
    line: d.pod.source.line + 3000,
    patch: `--- a\n+++ b\n@@ -1,3 +1,3 @@\n   ports:\n-    - port: ${443 + i}\n+    - port: http\n`,
  }));
  return {
    endpoints: universe,
    universe,
    changes,
    exposureChanges: [],
    assertions: [],
    gate: evaluateGate(changes, [], gateConfig),
    gateConfig,
    diagnostics: [],
    policyChanges,
    assumptions: ["pods: declared workloads only (--pods declared)", "ipBlocks match addresses outside the cluster only: pod IPs are unknown before deployment"],
    skipped: { documents: 0, kinds: new Map() },
    workloadChanges: [],
    unanalyzed: { objects: [], files: [] },
  };
}
