import { describe, expect, it } from "vitest";
import { renderDiffText } from "../../src/render/diff-text.js";
import { deny, deployment, diffOf, lineOf, namespace, yamlFile } from "./fixtures.js";
import { shopPr, workloads } from "./shop.js";

describe("renderDiffText", () => {
  it("prints the verdict, one line per group with file:line reasons, the DNS warning and the violations", () => {
    const pr = shopPr();
    const text = renderDiffText(diffOf(pr.base, pr.head));
    const lines = text.split("\n");
    const rule = lineOf(pr.headPolicies, "    - from: [{ podSelector: { matchLabels: { app: api } } }, { ipBlock");
    const denyAt = lineOf(pr.headPolicies, "metadata: { name: default-deny-egress") - 2;
    const apiToDb = lineOf(pr.headPolicies, "metadata: { name: allow-api-to-db") - 2;
    expect(lines[0]).toBe(
      "netreach: 2 flows opened, 6 closed — gate failed: backend/db[StatefulSet] TCP 5432 newly reachable from outside the cluster: from 203.0.113.0/24 (external-ingress)",
    );
    expect(lines[1]).toBe("opened: 2 flows in 2 groups; closed: 6 flows in 2 groups");
    expect(lines).toContain(`+ 203.0.113.0/24 -> backend/db[StatefulSet]: TCP 5432 (postgres) [gate: external-ingress]  (deploy/backend-policies.yaml:${rule} backend/allow-db-clients ingress[0])`);
    expect(lines).toContain(`+ backend/api[Deployment] -> backend/db[StatefulSet]: TCP 5432 (postgres)  (deploy/backend-policies.yaml:${rule} backend/allow-db-clients ingress[0])`);
    expect(lines).toContain(
      `- backend/api[Deployment] -> was every declared workload except backend/db[StatefulSet] and any external address; now only backend/db[StatefulSet] TCP 5432 (postgres): all connections closed [3 flows]  (deploy/backend-policies.yaml:${denyAt} backend/default-deny-egress: now selected (isolates egress); deploy/backend-policies.yaml:${apiToDb} backend/allow-api-to-db: now selected (isolates egress))`,
    );
    expect(lines).toContain("! DNS: every declared workload in backend can no longer resolve names (UDP/TCP 53 closed toward kube-system/coredns[Deployment])");
    expect(text).toContain("\ngate failed: 1 violation of external-ingress\n  backend/db[StatefulSet] TCP 5432 newly reachable from outside the cluster: from 203.0.113.0/24 (external-ingress)\n");
    expect(lines.filter((l) => l.startsWith("+ ") || l.startsWith("- "))).toHaveLength(4);
  });

  it("prints one line for a namespace-wide default deny", () => {
    const wl = yamlFile("w.yaml", [namespace("backend"), ...Array.from({ length: 30 }, (_, i) => deployment("backend", `s${i}`, { app: `s${i}` })), deployment("web", "web", { app: "web" })]);
    const text = renderDiffText(diffOf([wl], [wl, yamlFile("deny.yaml", [deny("backend")])]));
    expect(text).toBe(
      [
        "netreach: 0 flows opened, 930 closed — gate passed",
        "opened: 0 flows in 0 groups; closed: 930 flows in 1 group",
        "",
        "- every declared workload and any external address -> every declared workload in backend: all connections closed [930 flows]  (deny.yaml:1 backend/default-deny-ingress: now selected (isolates ingress))",
        "",
        "! stops working: every declared workload in backend: nothing can reach them any more (isolated for ingress by backend/default-deny-ingress, which allows nothing)",
        "",
      ].join("\n"),
    );
  });

  it("says no change to reachability", () => {
    expect(renderDiffText(diffOf([workloads], [workloads]))).toBe("netreach: no change to reachability — gate passed\n");
  });

  it("names base-side reasons as such", () => {
    const pr = shopPr();
    const text = renderDiffText(diffOf(pr.head, pr.base)); // the reverse: flows the head had are closed
    expect(text).toMatch(
      /^- 203\.0\.113\.0\/24 and backend\/api\[Deployment\] -> backend\/db\[StatefulSet\]: TCP 5432 \(postgres\) closed \[2 flows\] {2}\(base deploy\/backend-policies\.yaml:\d+ backend\/allow-db-clients ingress\[0\]: no longer allowed\)$/m,
    );
    expect(text).toMatch(/^\+ .*backend\/default-deny-egress: no longer isolated \(egress\)/m);
  });
});
