// The reach formats, produced in pieces for large clusters, say exactly what the report holds.
import { describe, expect, it } from "vitest";
import { reach } from "../../src/analyze.js";
import { reachCsvLines } from "../../src/render/reach-csv.js";
import { reachJson, reachJsonChunks } from "../../src/render/reach-json.js";
import { reachTextLines } from "../../src/render/reach-text.js";

const pods = Array.from({ length: 30 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: { name: p${i}, namespace: ns${i % 3}, labels: { app: a${i % 4} } }\nspec: { containers: [] }\n`);
const policy = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: only-a0, namespace: ns0 }\nspec:\n  podSelector: {}\n  ingress:\n    - from: [ { podSelector: { matchLabels: { app: a0 } } }, { ipBlock: { cidr: 10.0.0.0/8 } } ]\n      ports: [ { port: 80 }, { port: 53, protocol: UDP } ]\n`;
const report = reach([{ path: "c.yaml", text: [...pods, policy].join("---\n") }], { pods: "declared" });
const flows = [...report.flows];

describe("reach formats", () => {
  it("streamed JSON is the netreach.reach/v1 document", () => {
    const text = [...reachJsonChunks(report)].join("");
    expect(JSON.parse(text)).toEqual(reachJson(report));
    expect(text.split("\n").filter((l) => l.includes('"src"')).length).toBe(flows.length); // one flow per line
  });

  it("streamed JSON of a report without flows is still valid", () => {
    const empty = reach([], { pods: "declared" });
    expect(JSON.parse([...reachJsonChunks(empty)].join(""))).toEqual(reachJson(empty));
  });

  it("text has one aligned line per flow; csv a header and one row per flow", () => {
    const lines = [...reachTextLines(report)];
    expect(lines).toHaveLength(flows.length);
    expect(new Set(lines.map((l) => l.indexOf(" => "))).size).toBe(1);
    expect(lines.filter((l) => /^ns0\/p12\[Pod\] +=> ns0\/p0\[Pod\] + : TCP 80,UDP 53\n$/.test(l))).toHaveLength(1);
    expect(lines.some((l) => /^ns1\/p1\[Pod\] +=> ns0\/p0\[Pod\]/.test(l))).toBe(false); // not app=a0
    const csv = [...reachCsvLines(report)];
    expect(csv[0]).toBe("src,dst,conn\r\n");
    expect(csv).toHaveLength(flows.length + 1);
    expect(csv).toContain("10.0.0.0/8,ns0/p0[Pod],\"TCP 80,UDP 53\"\r\n");
  });
});

describe("reach Markdown", () => {
  it("groups the flows for a reader, and keeps every pair in a collapsed table", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { reachMarkdown } = await import("../../src/render/reach-md.js");
    const seeds = join(__dirname, "../fixtures/seeds");
    const files = ["default-deny-all", "allow-dns", "allow-same-namespace"].map((n) => ({ path: `${n}.yaml`, text: readFileSync(join(seeds, `${n}.yaml`), "utf8") }));
    const out = reachMarkdown(reach(files, { pods: "synthetic" }));
    // The tutorial's promise, in three rows of the grouped table.
    expect(out).toContain("| any pod in `production` | every pod in `production` | all connections |");
    expect(out).toContain("| any pod in `production` | any external address and any pod in any other namespace | TCP and UDP 53<br><sub>2 pairs</sub> |");
    // Nothing gets into production from outside it.
    expect(out).toContain("| any external address and any pod in any other namespace | any pod in any other namespace | all connections<br><sub>2 pairs</sub> |");
    expect(out).not.toMatch(/\| [^|]*\| every pod in `production` \| (?!all connections)/);
    expect(out).toContain("<details><summary>Every allowed pair</summary>");
    expect(out).toContain("| `production/[*]` | `production/[*]` | all connections |");
  });
});
