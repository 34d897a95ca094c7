// Issue 19: cluster-wide changes are flagged next to the verdict even when no flow changes, and
// the size budget keeps the policy changes longer than the flow tables.
import { describe, expect, it } from "vitest";
import { renderComment } from "../../src/render/diff-md.js";
import { ANP, deployment, diffOf, namespace, yamlFile } from "./fixtures.js";
import { structureProblems } from "./markdown-check.js";
import { shopPr } from "./shop.js";

const MARKER = "<!-- netreach:comment:default -->";

describe("cluster-wide changes next to the verdict", () => {
  const cluster = yamlFile("apps.yaml", [namespace("shop"), deployment("shop", "web", { app: "web" }, [{ containerPort: 8080 }])]);

  it("an AdminNetworkPolicy at priority 1 over every namespace, with no effect today, is flagged right after the verdict", () => {
    const report = diffOf([cluster], [cluster, { path: "admin/anp.yaml", text: ANP }]);
    expect(report.changes).toEqual([]);
    const c = renderComment(report, { marker: MARKER });
    const line = "🌐 **Cluster-wide:** AdminNetworkPolicy `allow-monitoring` (priority 1) added — applies to every namespace; no flow changes today.";
    expect(c).toContain(line);
    const blocks = c.split("\n\n");
    const verdictAt = blocks.findIndex((b) => b.startsWith("**"));
    expect(blocks[verdictAt + 1]).toBe(line);
    // The policy's own text, comment included, is in the policy changes.
    expect(c).toContain("+# Monitoring may scrape every namespace");
    expect(structureProblems(c)).toEqual([]);
  });

  it("a removed BaselineAdminNetworkPolicy is flagged too; a namespaced policy is not", () => {
    const banp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata:
  name: default
spec:
  subject:
    namespaces: {}
  ingress:
    - name: allow-all
      action: Allow
      from:
        - namespaces: {}
`;
    const c = renderComment(diffOf([cluster, { path: "admin/banp.yaml", text: banp }], [cluster]), { marker: MARKER });
    expect(c).toContain("🌐 **Cluster-wide:** BaselineAdminNetworkPolicy `default` removed — applied to every namespace; no flow changes today.");
    const pr = shopPr();
    expect(renderComment(diffOf(pr.base, pr.head), { marker: MARKER })).not.toContain("Cluster-wide");
  });
});

describe("the size budget keeps the policy changes before the flow tables", () => {
  it("a comment over budget keeps Policy changes and drops the flow groups first", () => {
    const pr = shopPr();
    const report = diffOf(pr.base, pr.head);
    const full = renderComment(report, { marker: MARKER });
    const policyAt = full.indexOf("<details><summary>Policy changes");
    const policySection = full.slice(policyAt, full.indexOf("</details>", policyAt) + "</details>".length);
    let keptPolicies: string | undefined;
    for (let max = full.length; max >= policySection.length + 600; max -= 50) {
      const c = renderComment(report, { marker: MARKER, maxChars: max, summaryNote: "Full report in the [job summary](https://example.test/run)." });
      expect(c.length).toBeLessThanOrEqual(max);
      const omitted = /sections? omitted \(([^)]*)\)/.exec(c)?.[1]?.split(", ") ?? [];
      // Never the policy changes while a flow table stays (they fit: the budget is above their size).
      if (omitted.includes("policy changes")) expect(omitted).toEqual(expect.arrayContaining(["opened flows", "closed flows"]));
      if (omitted.includes("closed flows") && c.includes(policySection)) keptPolicies ??= c;
    }
    // Some budget drops the closed flows, names them with a link to the job summary, and keeps the policy changes whole.
    const c = keptPolicies!;
    expect(c).toBeDefined();
    expect(c).toMatch(/Truncated to fit a comment: [^\n]*closed flows[^\n]*Full report in the \[job summary\]\(https:\/\/example\.test\/run\)/);
    expect(c).not.toContain("#### Closed flows");
    expect(structureProblems(c)).toEqual([]);
  });
});
