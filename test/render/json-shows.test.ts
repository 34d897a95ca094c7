// The JSON report and SARIF carry what the comment shows beside the flows (issue 19): a rendered
// target's changed inputs, and the cluster-wide flag of a changed admin-tier policy.
import { describe, expect, it } from "vitest";
import { diffJson } from "../../src/render/diff-json.js";
import { renderComment } from "../../src/render/diff-md.js";
import { CLUSTER_WIDE_RULE, renderSarif } from "../../src/render/diff-sarif.js";
import { ANP, deployment, diffOf, namespace, yamlFile } from "./fixtures.js";

const CNP = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: tenant-floor
spec:
  tier: Baseline
  priority: 40
  subject:
    namespaces:
      matchLabels: {tenant: a}
  ingress:
    - name: deny
      action: Deny
      from:
        - namespaces: {}
`;
const cluster = yamlFile("apps.yaml", [namespace("shop"), deployment("shop", "web", { app: "web" }, [{ containerPort: 8080 }])]);

describe("cluster-wide changes in the JSON report and SARIF", () => {
  const report = diffOf([cluster, { path: "admin/cnp.yaml", text: CNP }], [cluster, { path: "admin/anp.yaml", text: ANP }]);

  it("lists each changed admin-tier policy with its tier, priority, subject, line and change, as the comment flags it", () => {
    expect(diffJson(report).clusterWide).toEqual([
      { policy: expect.stringContaining("allow-monitoring"), kind: "AdminNetworkPolicy", name: "allow-monitoring", tier: "Admin", priority: 1, subject: "every-namespace", file: "admin/anp.yaml", line: 2, change: "added", changesFlows: false },
      { policy: expect.stringContaining("tenant-floor"), kind: "ClusterNetworkPolicy", name: "tenant-floor", tier: "Baseline", priority: 40, subject: "namespaces", file: "admin/cnp.yaml", line: 1, change: "removed", changesFlows: false },
    ]);
  });

  it("SARIF: a note at the added policy's line; the removed one, which has no line at the head, without a location", () => {
    const sarif = renderSarif(report, { toolVersion: "0.0.0" });
    const driver = sarif.runs[0].tool.driver;
    const notes = sarif.runs[0].results.filter((r) => r.ruleId === CLUSTER_WIDE_RULE);
    expect(notes.map((r) => [r.level, r.message.text, r.locations.map((l) => `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}`)])).toEqual([
      ["note", "Cluster-wide: AdminNetworkPolicy allow-monitoring (priority 1) added — applies to every namespace; no flow changes today.", ["admin/anp.yaml:2"]],
      ["note", "Cluster-wide: ClusterNetworkPolicy tenant-floor (Baseline tier, priority 40) removed — applied to the namespaces its subject selects; no flow changes today.", []],
    ]);
    for (const r of notes) expect(driver.rules[r.ruleIndex]!.id).toBe(CLUSTER_WIDE_RULE);
    expect(driver.rules.find((r) => r.id === CLUSTER_WIDE_RULE)!.defaultConfiguration.level).toBe("note");
  });

  it("the comment names a ClusterNetworkPolicy's tier, which its kind does not say", () => {
    expect(renderComment(report, { marker: "<!-- m -->" })).toContain("🌐 **Cluster-wide:** ClusterNetworkPolicy `tenant-floor` (Baseline tier, priority 40) removed — applied to the namespaces its subject selects; no flow changes today.");
  });

  it("plain manifests: empty lists, so a reader need not test for the keys", () => {
    const plain = diffJson(diffOf([cluster], [cluster]));
    expect(plain.clusterWide).toEqual([]);
    expect(plain.inputChanges).toEqual([]);
  });
});

describe("a rendered target's changed inputs in the JSON report", () => {
  it("lists each input file the pull request changed with its status and patch", () => {
    const patch = "--- a/values-prod.yaml\n+++ b/values-prod.yaml\n@@ -1 +1,2 @@\n networkPolicy: {enabled: true}\n+extra: 1\n";
    const r = diffOf([cluster], [cluster], { inputChanges: [{ file: "charts/shop/values-prod.yaml", status: "modified", patch }] });
    expect(diffJson(r).inputChanges).toEqual([{ file: "charts/shop/values-prod.yaml", status: "modified", patch }]);
  });
});
