// A diff says what the head revision would merge: its warnings, never the base's. The base is
// only compared against, so a warning the pull request fixes is gone from the report, and one it
// brings is there, with the head's file and line.
import { describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";
import type { Diagnostic } from "../../src/load/object/diagnostic.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { webDeployment } from "../exposure/shop-web.js";

const app = webDeployment("{containerPort: 8080}");

const policy = (name: string, app: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: shop}
spec:
  podSelector: {matchLabels: {app: ${app}}}
  ingress: [{from: [{podSelector: {}}]}]
`;

const files = (policies: string): SourceFile[] => [
  { path: "apps.yaml", text: app },
  { path: "policies.yaml", text: policies },
];

describe("a diff's diagnostics", () => {
  it("are the head's: a warning the pull request fixes is gone, one it brings is there", () => {
    // Base: `typo` selects app: webb, which no workload has. Head: fixed, and `stale` selects nothing.
    const base = files(policy("typo", "webb"));
    const head = files(`${policy("typo", "web")}---\n${policy("stale", "gone")}`);
    const warnings = diff(base, head).diagnostics.filter((d) => /selects no workload/.test(d.message));
    expect(warnings).toEqual([expect.objectContaining({ severity: "warning", file: "policies.yaml", line: 8, message: expect.stringMatching(/^NetworkPolicy shop\/stale selects no workload/) })]);
  });

  it("keep a head warning the base had too", () => {
    const both = files(policy("typo", "webb"));
    const warnings = diff(both, files(`# touched\n${policy("typo", "webb")}`)).diagnostics.filter((d) => /selects no workload/.test(d.message));
    expect(warnings).toEqual([expect.objectContaining({ file: "policies.yaml", line: 2, message: expect.stringMatching(/^NetworkPolicy shop\/typo/) })]);
  });

  it("keep a warning of a file both revisions share, read once for both", () => {
    const shared = { path: "policies.yaml", text: policy("typo", "webb") };
    const warnings = diff([{ path: "apps.yaml", text: app }, shared], [{ path: "apps.yaml", text: app.replace("8080", "8081") }, shared]).diagnostics.filter((d) => /selects no workload/.test(d.message));
    expect(warnings).toEqual([expect.objectContaining({ file: "policies.yaml", line: 1, message: expect.stringMatching(/^NetworkPolicy shop\/typo/) })]);
  });

  it("point at the head's lines when an edit above moves an unchanged policy down", () => {
    // `stale` is written the same on both sides; the edit to `typo` above it adds two lines.
    const stale = policy("stale", "gone");
    const base = files(`${policy("typo", "webb")}---\n${stale}`);
    const head = files(`${policy("typo", "web")}  egress:\n    - {}\n---\n${stale}`);
    const lineOf = (d: readonly Diagnostic[]) => d.filter((x) => /stale selects no workload/.test(x.message)).map((x) => x.line);
    expect(lineOf(diff(base, base).diagnostics)).toEqual([8]);
    expect(lineOf(diff(base, head).diagnostics)).toEqual([10]);
  });

  it("say nothing changed of a policy an edit elsewhere in its file left on its lines", () => {
    const stale = policy("stale", "gone");
    const base = files(`${policy("typo", "webb")}---\n${stale}`);
    const head = files(`${policy("typo", "web")}---\n${stale}`);
    const d = diff(base, head);
    expect(d.policyChanges.map((c) => [c.id, c.status])).toEqual([["shop/typo", "modified"]]);
    expect(d.diagnostics.filter((x) => /selects no workload/.test(x.message)).map((x) => [x.line, x.message.slice(0, 24)])).toEqual([[8, "NetworkPolicy shop/stale"]]);
  });
});
