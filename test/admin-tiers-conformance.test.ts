// The engine against the upstream admin-tier conformance scenarios (test/fixtures/admin-tiers):
// every probe of every step, through `reach` as a user runs it on the step's manifests.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { analyzeReach } from "../src/render/reach-json.js";
import { REPO_ROOT } from "./conformance/cases.js";
import { parseConn, type Protocol } from "./support/conn.js";

const SCENARIOS = path.join(REPO_ROOT, "test", "fixtures", "admin-tiers");

interface Probe {
  id: string;
  src: { namespace: string; pod: string };
  dst: { namespace: string; pod: string };
  protocol: Protocol;
  port: number;
  allowed: boolean;
}

function steps(caseDir: string): string[] {
  const meta = parse(readFileSync(path.join(caseDir, "case.yaml"), "utf8")) as { evaluate?: string[] } | null;
  return (meta?.evaluate ?? ["."]).map((s) => path.join(caseDir, s));
}

const scenarioNames = readdirSync(SCENARIOS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const totals = { probes: 0, agree: 0 };

describe("engine: admin-tier conformance scenarios, every probe of every step", () => {
  for (const name of scenarioNames) {
    it(name, () => {
      const disagreements: string[] = [];
      for (const dir of steps(path.join(SCENARIOS, name))) {
        const files = ["cluster.yaml", "policies.yaml"].map((f) => ({ path: f, text: readFileSync(path.join(dir, f), "utf8") }));
        const report = analyzeReach(files, { pods: "declared" });
        expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const conn = new Map(report.flows.map((f) => [`${f.src} ${f.dst}`, parseConn(f.conn)]));
        const expected = parse(readFileSync(path.join(dir, "expected.yaml"), "utf8")) as { probes: Probe[] | null };
        for (const probe of expected.probes ?? []) {
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
