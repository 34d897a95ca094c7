// JSON files are parsed natively; positions still come out right when a diagnostic needs them.
import { describe, expect, it } from "vitest";
import { analyzeReach } from "../../src/render/reach-json.js";
import { parseDocuments } from "../../src/load/yaml/documents.js";

const policy = {
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name: "bad", namespace: "shop" },
  spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/33" } }] }] },
};

describe("JSON fast path", () => {
  it("gives the same value as the YAML reading, and positions on demand", () => {
    const text = JSON.stringify(policy, null, 2);
    const { docs, diagnostics } = parseDocuments({ path: "p.json", text });
    expect(diagnostics).toEqual([]);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.value).toEqual(policy);
    const cidrLine = text.split("\n").findIndex((l) => l.includes('"cidr"')) + 1;
    expect(docs[0]!.locate(["spec", "ingress", 0, "from", 0, "ipBlock", "cidr"]).line).toBe(cidrLine);
  });

  it("diagnostics in a kubectl List dump point at the right line", () => {
    const text = JSON.stringify({ apiVersion: "v1", kind: "List", items: [{ apiVersion: "v1", kind: "Pod", metadata: { name: "a", namespace: "shop" }, spec: {} }, policy] }, null, 2);
    const json = analyzeReach([{ path: "dump.json", text }], { pods: "declared" });
    const error = json.diagnostics.find((d) => d.severity === "error");
    expect(error?.line).toBe(text.split("\n").findIndex((l) => l.includes("10.0.0.0/33")) + 1);
    expect(error?.message).toMatch(/invalid prefix length "33"/);
  });

  it("JSON that JSON.parse refuses is reported with its position by the YAML reading", () => {
    const { docs, diagnostics } = parseDocuments({ path: "broken.json", text: '{\n  "a": 1,\n  "b": [1, 2\n}\n' });
    expect(docs).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ severity: "error", file: "broken.json" });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });
});
