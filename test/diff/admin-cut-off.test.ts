// A lockdown no NetworkPolicy makes (issue 19): an AdminNetworkPolicy or ClusterNetworkPolicy
// Deny that leaves a declared workload with no egress at all is said under "Stops working",
// naming the admin rule with its tier, priority and line.
import { describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";
import { diffJson } from "../../src/render/diff-json.js";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import type { SourceFile } from "../../src/load/object/source.js";

const apps = `apiVersion: apps/v1
kind: Deployment
metadata: {name: reporter, namespace: batch}
spec:
  selector: {matchLabels: {app: reporter}}
  template:
    metadata: {labels: {app: reporter}}
    spec:
      containers: [{name: r, image: r, ports: [{containerPort: 8080}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: api, ports: [{containerPort: 8080}]}]
`;
const anp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: quarantine}
spec:
  priority: 5
  subject:
    namespaces:
      matchLabels: {kubernetes.io/metadata.name: batch}
  egress:
  - name: deny-all
    action: Deny
    to:
    - namespaces: {}
    - networks: [0.0.0.0/0, "::/0"]
`;
const cnp = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: quarantine}
spec:
  tier: Admin
  priority: 3
  subject:
    namespaces:
      matchLabels: {kubernetes.io/metadata.name: batch}
  egress:
  - name: nothing-out
    action: Deny
    to:
    - namespaces: {}
    - networks: [0.0.0.0/0, "::/0"]
`;
const base: SourceFile[] = [{ path: "apps.yaml", text: apps }];
const section = (md: string) => md.split("\n").filter((l) => l.startsWith("- **No egress at all:**"));

describe("an admin-tier Deny that leaves a workload with no egress at all, no NetworkPolicy involved", () => {
  it("AdminNetworkPolicy: found, and the cause names the rule at its line", () => {
    const r = diff(base, [...base, { path: "anp.yaml", text: anp }], { pods: "declared" });
    expect(r.cutOff?.map((c) => `${c.workload} ${c.direction} ${c.policies.join(",")}`)).toEqual(["batch/reporter[Deployment] egress AdminNetworkPolicy/quarantine"]);
    expect(section(renderComment(r, { marker: "" }))).toEqual([
      "- **No egress at all:** `batch/reporter[Deployment]`: it can send nothing any more (denied by AdminNetworkPolicy `quarantine` (Admin, priority 5) egress rule `deny-all` (`anp.yaml:10`))",
    ]);
    expect(renderDiffText(r)).toContain("! stops working: batch/reporter[Deployment]: it can send nothing any more (denied by AdminNetworkPolicy quarantine (Admin, priority 5) egress rule deny-all");
    expect(diffJson(r).stopsWorking?.cutOff).toEqual([
      {
        workload: "batch/reporter[Deployment]",
        direction: "egress",
        policies: ["AdminNetworkPolicy/quarantine"],
        denies: [expect.objectContaining({ side: "head", policy: "AdminNetworkPolicy/quarantine", rule: "egress[0]", file: "anp.yaml", line: 10, effect: "denies", action: "Deny", ruleName: "deny-all" })],
      },
    ]);
  });

  it("ClusterNetworkPolicy: the same, with its tier and priority", () => {
    const r = diff(base, [...base, { path: "cnp.yaml", text: cnp }], { pods: "declared" });
    expect(section(renderComment(r, { marker: "" }))).toEqual([
      "- **No egress at all:** `batch/reporter[Deployment]`: it can send nothing any more (denied by ClusterNetworkPolicy `quarantine` (Admin, priority 3) egress rule `nothing-out` (`cnp.yaml:11`))",
    ]);
  });

  it("a Deny that leaves some egress (the internet still open) cuts nothing off", () => {
    const partial = anp.replace('    - networks: [0.0.0.0/0, "::/0"]\n', "");
    const r = diff(base, [...base, { path: "anp.yaml", text: partial }], { pods: "declared" });
    expect(r.cutOff).toEqual([]);
  });
});
