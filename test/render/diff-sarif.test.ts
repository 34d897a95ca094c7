import { describe, expect, it } from "vitest";
import { OPENED_FLOW_RULE, renderSarif, SARIF_SCHEMA, fileUri } from "../../src/render/diff-sarif.js";
import { deployment, diffOf, gate, lineOf, namespace, netpol, yamlFile } from "./fixtures.js";
import { shopPr } from "./shop.js";

describe("renderSarif", () => {
  const pr = shopPr();
  const report = diffOf(pr.base, pr.head);
  const sarif = renderSarif(report, { toolVersion: "1.2.3" });
  const json = JSON.parse(JSON.stringify(sarif)) as typeof sarif;

  it("has the SARIF 2.1.0 shape", () => {
    expect(json.version).toBe("2.1.0");
    expect(json.$schema).toBe(SARIF_SCHEMA);
    expect(json.runs).toHaveLength(1);
    const driver = json.runs[0].tool.driver;
    expect(driver.name).toBe("netreach");
    expect(driver.version).toBe("1.2.3");
    expect(driver.rules.map((r) => r.id)).toEqual(["exposed", "external-ingress", "external-egress", "cross-namespace", "sensitive-ports", "any-opened", "unanalyzed", "assertions", OPENED_FLOW_RULE, "cluster-wide"]);
    for (const r of driver.rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
      expect(["error", "warning", "note"]).toContain(r.defaultConfiguration.level);
    }
    for (const res of json.runs[0].results) {
      expect(driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(["error", "warning", "note"]).toContain(res.level);
      expect(res.message.text.length).toBeGreaterThan(0);
      expect(res.locations).toHaveLength(1);
      expect(res.locations[0]!.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }
  });

  it("reports each opened group at the policy line that opens it; gate violations are errors", () => {
    const rule = lineOf(pr.headPolicies, "    - from: [{ podSelector: { matchLabels: { app: api } } }, { ipBlock");
    const results = json.runs[0].results;
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ["external-ingress", "error"],
      [OPENED_FLOW_RULE, "note"],
    ]);
    for (const r of results) {
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe("deploy/backend-policies.yaml");
      expect(r.locations[0]!.physicalLocation.region.startLine).toBe(rule);
    }
    expect(results[0]!.message.text).toBe("Gate external-ingress: newly opened TCP 5432 from 203.0.113.0/24 -> backend/db[StatefulSet] (allowed by backend/allow-db-clients ingress[0]).");
    expect(results[1]!.message.text).toBe("Newly opened TCP 5432 from backend/api[Deployment] -> backend/db[StatefulSet] (allowed by backend/allow-db-clients ingress[0]).");
    expect(new Set(results.map((r) => r.partialFingerprints.netreachFlow)).size).toBe(2);
  });

  it("reports one result per group, not per pair, and one per broken rule", () => {
    const wl = yamlFile("w.yaml", [namespace("a"), namespace("b"), ...Array.from({ length: 10 }, (_, i) => deployment("a", `x${i}`, { app: "x" })), deployment("b", "db", { app: "db" })]);
    const open = netpol("b", "open", { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 5432 }] }] });
    const base = [wl, yamlFile("p.yaml", [netpol("b", "deny", { podSelector: {} })])];
    const head = [wl, yamlFile("p.yaml", [netpol("b", "deny", { podSelector: {} }), open])];
    const r = renderSarif(diffOf(base, head, { gate: gate("cross-namespace,sensitive-ports") }), { toolVersion: "0" });
    expect(r.runs[0].results.map((x) => x.ruleId).sort()).toEqual(["cross-namespace", "sensitive-ports"]);
    expect(r.runs[0].results[0]!.properties.pairs).toBe(10);
    expect(r.runs[0].results[0]!.message.text).toContain("from every declared workload in a -> b/db[Deployment]");
  });

  it("encodes file paths as relative URIs", () => {
    expect(fileUri("./deploy/my policies/p#1.yaml")).toBe("deploy/my%20policies/p%231.yaml");
  });
});
