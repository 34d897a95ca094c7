// The engine against the upstream admin-tier conformance scenarios (test/fixtures/admin-tiers):
// every probe of every step, through `reach` as a user runs it on the step's manifests.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeReach } from "../src/render/reach-json.js";
import { probes, scenarioNames, steps } from "./support/admin-scenarios.js";
import { parseConn } from "./support/conn.js";

const totals = { probes: 0, agree: 0 };

describe("engine: admin-tier conformance scenarios, every probe of every step", () => {
  for (const name of scenarioNames) {
    it(name, () => {
      const disagreements: string[] = [];
      for (const dir of steps(name)) {
        const files = ["cluster.yaml", "policies.yaml"].map((f) => ({ path: f, text: readFileSync(path.join(dir, f), "utf8") }));
        const report = analyzeReach(files, { pods: "declared" });
        expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const conn = new Map(report.flows.map((f) => [`${f.src} ${f.dst}`, parseConn(f.conn)]));
        for (const probe of probes(dir)) {
          const key = `${probe.src.namespace}/${probe.src.pod}[Pod] ${probe.dst.namespace}/${probe.dst.pod}[Pod]`;
          const c = conn.get(key);
          const got = c !== undefined && c.ports[probe.protocol].some(([a, b]) => a <= probe.port && probe.port <= b);
          totals.probes++;
          if (got === probe.allowed) totals.agree++;
          else disagreements.push(`${path.basename(dir)} ${probe.id}: ${key} ${probe.protocol}/${probe.port}: expected ${probe.allowed}, netreach ${got}`);
        }
      }
      expect(disagreements).toEqual([]);
    });
  }

  it("reports its count", () => {
    console.log(`admin-tier scenarios: ${totals.agree}/${totals.probes} probes agree with netreach`);
    expect(totals.probes).toBeGreaterThanOrEqual(138);
  });
});
