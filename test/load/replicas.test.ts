// The pods of one controller in a cluster dump (`kubectl get pods -o yaml`): alike, they are one
// endpoint, as always; when a policy or Service can tell some apart (one pod relabelled
// `role: quarantine`), each look is an endpoint of its own, named by its pods, and the answer
// does not depend on the order the dump lists them in.
import { describe, expect, it } from "vitest";
import { diff, reach } from "../../src/analyze.js";
import { diffJson } from "../../src/render/diff-json.js";
import { reachJson } from "../../src/render/reach-json.js";
import type { SourceFile } from "../../src/load/object/source.js";

interface PodSpec {
  readonly name: string;
  readonly owner: string;
  readonly kind?: string;
  readonly labels: Record<string, string>;
  readonly port?: number;
  readonly ip?: string;
}

const pod = (p: PodSpec) => `- apiVersion: v1
  kind: Pod
  metadata:
    name: ${p.name}
    namespace: default
    labels: ${JSON.stringify(p.labels)}
    ownerReferences: [{apiVersion: apps/v1, kind: ${p.kind ?? "StatefulSet"}, name: ${p.owner}, controller: true, uid: u-${p.owner}}]
  spec:
    nodeName: node-${p.name}
    containers: [{name: c, image: nginx, ports: [{name: http, containerPort: ${p.port ?? 80}}]}]
  status: {podIP: ${p.ip ?? "10.0.0.1"}}
`;

const dump = (pods: readonly PodSpec[]): SourceFile => ({ path: "pods.yaml", text: `apiVersion: v1\nkind: List\nitems:\n${pods.map(pod).join("")}` });

const CLIENT: SourceFile = {
  path: "client.yaml",
  text: `apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: default}
spec:
  selector: {matchLabels: {app: client}}
  template:
    metadata: {labels: {app: client}}
    spec: {containers: [{name: c, image: curl}]}
`,
};

const QUARANTINE: SourceFile = {
  path: "quarantine.yaml",
  text: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: quarantine, namespace: default}
spec:
  podSelector: {matchLabels: {role: quarantine}}
  policyTypes: [Ingress, Egress]
`,
};

const STATEFUL: PodSpec[] = [
  { name: "web-0", owner: "web", labels: { app: "web", role: "quarantine", "statefulset.kubernetes.io/pod-name": "web-0" }, ip: "10.0.0.10" },
  { name: "web-1", owner: "web", labels: { app: "web", role: "web", "statefulset.kubernetes.io/pod-name": "web-1" }, ip: "10.0.0.11" },
  { name: "web-2", owner: "web", labels: { app: "web", role: "web", "statefulset.kubernetes.io/pod-name": "web-2" }, ip: "10.0.0.12" },
];

const reachOf = (files: readonly SourceFile[]) => JSON.stringify(reachJson(reach(files)));
const workloadEndpoints = (json: { endpoints: { type: string; id: string }[] }) => json.endpoints.filter((e) => e.type === "workload");

describe("pods of one controller that a policy tells apart", () => {
  it("are endpoints of their own, named by their pods, whatever order the dump lists them in", () => {
    const orders = [STATEFUL, [STATEFUL[1]!, STATEFUL[2]!, STATEFUL[0]!], [...STATEFUL].reverse()];
    const reports = orders.map((pods) => reachOf([dump(pods), CLIENT, QUARANTINE]));
    expect(reports[1]).toBe(reports[0]);
    expect(reports[2]).toBe(reports[0]);
    const json = JSON.parse(reports[0]!);
    expect(workloadEndpoints(json)).toEqual([
      { id: "default/web[StatefulSet] (pods web-0)", type: "workload", namespace: "default", name: "web", kind: "StatefulSet", pods: ["web-0"] },
      { id: "default/web[StatefulSet] (pods web-1, web-2)", type: "workload", namespace: "default", name: "web", kind: "StatefulSet", pods: ["web-1", "web-2"] },
      { id: "default/client[Deployment]", type: "workload", namespace: "default", name: "client", kind: "Deployment" },
    ]);
    const flows = (json.flows as { src: string; dst: string }[]).filter((f) => f.src === "default/client[Deployment]").map((f) => f.dst);
    // The quarantined pod is isolated; its siblings are not.
    expect(flows).toContain("default/web[StatefulSet] (pods web-1, web-2)");
    expect(flows).not.toContain("default/web[StatefulSet] (pods web-0)");
  });

  it("are one endpoint, as before, when no selector tells them apart (the per-pod name label is used by none)", () => {
    const json = JSON.parse(reachOf([dump(STATEFUL), CLIENT]));
    expect(workloadEndpoints(json).map((e) => e)).toContainEqual({ id: "default/web[StatefulSet]", type: "workload", namespace: "default", name: "web", kind: "StatefulSet" });
    expect(workloadEndpoints(json)).toHaveLength(2);
  });

  it("differ in a container port (a named port resolves differently): separate endpoints", () => {
    const pods = STATEFUL.map((p, i) => ({ ...p, labels: { app: "web" }, port: i === 2 ? 8080 : 80 }));
    const ids = workloadEndpoints(JSON.parse(reachOf([dump(pods), CLIENT]))).map((e) => e.id);
    expect(ids).toEqual(["default/web[StatefulSet] (pods web-0, web-1)", "default/web[StatefulSet] (pods web-2)", "default/client[Deployment]"]);
  });

  it("with the controller declared too: the pods like its template are it, the others are named by their pods", () => {
    const sts: SourceFile = {
      path: "sts.yaml",
      text: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web, namespace: default}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, role: web}}
    spec: {containers: [{name: c, image: nginx, ports: [{name: http, containerPort: 80}]}]}
`,
    };
    const json = JSON.parse(reachOf([sts, dump(STATEFUL), CLIENT, QUARANTINE]));
    expect(workloadEndpoints(json).slice(0, 2)).toEqual([
      { id: "default/web[StatefulSet]", type: "workload", namespace: "default", name: "web", kind: "StatefulSet", pods: ["web-1", "web-2"] },
      { id: "default/web[StatefulSet] (pods web-0)", type: "workload", namespace: "default", name: "web", kind: "StatefulSet", pods: ["web-0"] },
    ]);
  });

  it("a diff whose head adds the policy that tells them apart names them alike on both sides: no workload added or removed", () => {
    const report = diffJson(diff([dump(STATEFUL), CLIENT], [dump([...STATEFUL].reverse()), CLIENT, QUARANTINE], { gate: { failOn: ["none"] } as never }));
    expect(report.workloads).toEqual([]);
    const ids = report.endpoints.filter((e) => e.type === "workload").map((e) => e.id).sort();
    expect(ids).toEqual(["default/client[Deployment]", "default/web[StatefulSet] (pods web-0)", "default/web[StatefulSet] (pods web-1, web-2)"]);
    const closed = report.changes.filter((c) => c.closed !== "No Connections").map((c) => `${c.src} -> ${c.dst}`);
    expect(closed).toContain("default/client[Deployment] -> default/web[StatefulSet] (pods web-0)");
    // Only what reaches or leaves the quarantined pod is closed.
    expect(closed.every((c) => c.includes("(pods web-0)"))).toBe(true);
  });
});

/** Deterministic pseudo-random numbers (mulberry32), so that a failure can be replayed by its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POLICIES: SourceFile = {
  path: "policies.yaml",
  text: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: a-only, namespace: default}
spec:
  podSelector: {matchLabels: {role: a}}
  ingress: [{from: [{podSelector: {matchExpressions: [{key: tier, operator: In, values: [x]}]}}], ports: [{port: http}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress-tier, namespace: default}
spec:
  podSelector: {matchExpressions: [{key: tier, operator: Exists}]}
  policyTypes: [Egress]
  egress: [{to: [{podSelector: {matchLabels: {role: b}}}]}]
`,
};

describe("shuffling the pods of a dump never changes the report (property)", () => {
  it("holds for 40 random dumps, each in 3 random orders, and a diff of two orders is empty", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
      const pods: PodSpec[] = [];
      for (const [owner, kind] of [["db", "StatefulSet"], ["api-7d9f", "ReplicaSet"], ["agent", "DaemonSet"]] as const) {
        const n = 1 + Math.floor(rnd() * 4);
        for (let i = 0; i < n; i++) {
          const labels: Record<string, string> = { app: owner };
          const role = pick(["a", "b", undefined]);
          const tier = pick(["x", "y", undefined]);
          if (role) labels["role"] = role;
          if (tier) labels["tier"] = tier;
          pods.push({ name: `${owner}-${i}`, owner, kind, labels, port: pick([80, 80, 8080]), ip: `10.1.${pods.length}.${i + 1}` });
        }
      }
      const shuffled = () => {
        const xs = [...pods];
        for (let i = xs.length - 1; i > 0; i--) {
          const j = Math.floor(rnd() * (i + 1));
          [xs[i], xs[j]] = [xs[j]!, xs[i]!];
        }
        return xs;
      };
      const first = reachOf([dump(pods), POLICIES]);
      for (let k = 0; k < 3; k++) expect(reachOf([dump(shuffled()), POLICIES]), `seed ${seed}`).toBe(first);
      const d = diffJson(diff([dump(shuffled()), POLICIES], [dump(shuffled()), POLICIES], { gate: { failOn: ["none"] } as never }));
      expect(d.changes, `seed ${seed}`).toEqual([]);
      expect(d.workloads, `seed ${seed}`).toEqual([]);
    }
  });
});

describe("pod names in an endpoint's id", () => {
  it("are counted as people count them, and a long list ends in how many more", () => {
    const pods = Array.from({ length: 12 }, (_, i) => ({ name: `web-${i}`, owner: "web", labels: { app: "web", role: i === 0 ? "quarantine" : "web" } }));
    const ids = workloadEndpoints(JSON.parse(reachOf([dump([...pods].reverse()), QUARANTINE]))).map((e) => e.id);
    expect(ids).toEqual(["default/web[StatefulSet] (pods web-0)", "default/web[StatefulSet] (pods web-1, web-2, web-3 and 8 more)"]);
    const json = JSON.parse(reachOf([dump(pods), QUARANTINE]));
    expect(json.endpoints[1].pods).toEqual(["web-1", "web-2", "web-3", "web-4", "web-5", "web-6", "web-7", "web-8", "web-9", "web-10", "web-11"]);
  });
});
