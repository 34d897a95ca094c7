// A `kubectl get pods -o yaml` dump in which one StatefulSet pod carries `role: quarantine`: the
// bundle reports the same in any order of the pods, and shows the quarantined pod on its own.
import { describe, expect, it } from "vitest";
import { runCli, tempTree } from "../support/cli.js";

const pod = (name: string, role: string) => `- apiVersion: v1
  kind: Pod
  metadata:
    name: ${name}
    namespace: default
    labels: {app: web, role: ${role}, statefulset.kubernetes.io/pod-name: ${name}}
    ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: web, controller: true, uid: u1}]
  spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
`;
const PODS = [pod("web-0", "quarantine"), pod("web-1", "web"), pod("web-2", "web")];
const dump = (order: readonly number[]) => `apiVersion: v1\nkind: List\nitems:\n${order.map((i) => PODS[i]).join("")}`;
const OTHERS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: default}
spec:
  selector: {matchLabels: {app: client}}
  template:
    metadata: {labels: {app: client}}
    spec: {containers: [{name: c, image: curl}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: quarantine, namespace: default}
spec:
  podSelector: {matchLabels: {role: quarantine}}
  policyTypes: [Ingress, Egress]
`;

describe("a pod dump with one quarantined StatefulSet pod", () => {
  it("gives the same report whatever the order of its pods, with the quarantined pod as an endpoint of its own", () => {
    const t = tempTree({ "x/pods.yaml": dump([0, 1, 2]), "x/others.yaml": OTHERS, "y/pods.yaml": dump([2, 1, 0]), "y/others.yaml": OTHERS, "z/pods.yaml": dump([1, 0, 2]), "z/others.yaml": OTHERS });
    try {
      const runs = ["x", "y", "z"].map((d) => runCli(["reach", ".", "--format", "text"], `${t.dir}/${d}`));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
      expect(runs[2]!.stdout).toBe(runs[0]!.stdout);
      expect(runs[0]!.stdout).toContain("default/web[StatefulSet] (pods web-1, web-2)");
      const json = JSON.parse(runCli(["reach", ".", "--format", "json"], `${t.dir}/x`).stdout) as { endpoints: { id: string; pods?: string[] }[]; flows: { src: string; dst: string }[] };
      // Isolated, so in no flow: listed among the endpoints.
      expect(json.endpoints).toContainEqual({ id: "default/web[StatefulSet] (pods web-0)", type: "workload", namespace: "default", name: "web", kind: "StatefulSet", pods: ["web-0"] });
      const fromClient = json.flows.filter((f) => f.src === "default/client[Deployment]").map((f) => f.dst);
      expect(fromClient).toContain("default/web[StatefulSet] (pods web-1, web-2)");
      expect(fromClient).not.toContain("default/web[StatefulSet] (pods web-0)");
      // Reordering the dump is no change.
      const d = runCli(["diff", "x", "y", "--format", "json", "--fail-on", "any-opened"], t.dir);
      expect(d.code, d.stderr).toBe(0);
      expect(JSON.parse(d.stdout)).toMatchObject({ changes: [], workloads: [] });
    } finally {
      t.cleanup();
    }
  });
});
