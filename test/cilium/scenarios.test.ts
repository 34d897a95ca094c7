// Cilium's own scenarios (test/fixtures/cilium): the `cilium connectivity test` builders' manifests
// with the outcomes each builder expects, and the worked examples of Cilium's documentation (Star
// Wars demo, policy language guide, deny-policy table), run through `netreach reach --pods declared`.
// Every stated flow must agree: allow = the pair's connection includes it (ANY: All Connections),
// not marked L7-filtered; deny = excludes it (ANY: No Connections); l7 = includes it and the flow
// is marked L7-filtered on it. A CIDR names the external address classes it overlaps.
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AnalyzeOptions } from "../../src/analyze.js";
import { analyzeReach } from "../../src/render/reach-json.js";
import { disagreements, formatDisagreement, pairCount, readCases, scenarioFiles, turnedAround, type CasesFile } from "./verdicts.js";

const FIXTURES = "test/fixtures/cilium";
const DIR = fileURLToPath(new URL(`../../${FIXTURES}`, import.meta.url));
const CASE_FILES = ["cases.json", "more-cases.json"].filter((f) => existsSync(join(DIR, f)));

const summary: string[] = [];

/**
 * Every scenario is a cluster running Cilium, the NetworkPolicy-only ones too: their selectors see
 * Cilium's own pod labels (io.cilium.k8s.policy.cluster, ...), so the CNI is stated, not guessed.
 */
const OPTIONS: AnalyzeOptions = { pods: "declared", cni: "cilium" };

/** What netreach gets wrong in one scenario: input it refuses (file:line message), then flows it disagrees with. */
function check(cases: CasesFile, name: string): string[] {
  const scenario = cases.scenarios.find((s) => s.name === name)!;
  const json = analyzeReach(
    scenarioFiles(cases, scenario, (f) => `${FIXTURES}/${f}`),
    OPTIONS,
  );
  const wrong = disagreements(json, scenario);
  const errors = json.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line} ${d.message}`);
  summary.push(`${wrong.length + errors.length === 0 ? "agree   " : "DISAGREE"} ${name}: ${pairCount(scenario) - wrong.length}/${pairCount(scenario)} pairs${errors.length ? `, ${errors.length} input errors` : ""}`);
  // The checks have teeth: every flow netreach agrees with, turned around, must disagree.
  const agreed = { ...scenario, flows: scenario.flows.filter((f) => disagreements(json, { ...scenario, flows: [f] }).length === 0) };
  const turned = turnedAround(agreed);
  for (const f of turned.flows) expect(disagreements(json, { ...turned, flows: [f] }), `${name}: ${f.verdict} ${f.conn} ${f.src} -> ${f.dst} turned around still agrees`).not.toEqual([]);
  return [...errors.map((e) => `input error: ${e}`), ...wrong.map(formatDisagreement)];
}

for (const file of CASE_FILES) {
  const cases = readCases(DIR, file);
  describe(`Cilium scenarios of ${file}`, () => {
    it("states flows for every scenario, each with a source", () => {
      expect(cases.scenarios.length).toBeGreaterThan(0);
      for (const s of cases.scenarios) {
        expect(s.flows.length, s.name).toBeGreaterThan(0);
        expect(s.source, s.name).toMatch(/^cilium\/cilium(-cli)?@[0-9a-f]{40}:/);
        for (const f of s.files) expect(existsSync(join(DIR, f)), `${s.name}: ${f}`).toBe(true);
      }
      expect(new Set(cases.scenarios.map((s) => s.name)).size).toBe(cases.scenarios.length);
    });
    for (const scenario of cases.scenarios) {
      it(scenario.name, () => {
        const wrong = check(cases, scenario.name);
        expect(wrong, `${scenario.name} (${scenario.source})`).toEqual([]);
      });
    }
  });
}

it("names every scenario once across the case files", () => {
  const names = CASE_FILES.flatMap((f) => readCases(DIR, f).scenarios.map((s) => s.name));
  expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
});

afterAll(() => {
  // One line per scenario, for reading which agree at a glance.
  console.log(`Cilium scenarios:\n${summary.join("\n")}`);
});

describe("Cilium's match-expression examples as published", () => {
  // The documentation writes the operator "in"; selectors know In, NotIn, Exists and DoesNotExist,
  // case-sensitive. The scenarios run corrected copies; the published ones must be refused, each
  // operator named at its line, not read as some other selector.
  for (const name of ["or-statement", "and-statement"]) {
    it(`refuses ${name}.yaml with the operator named`, () => {
      const file = `more/docs/as-published/${name}.yaml`;
      const json = analyzeReach([{ path: `${FIXTURES}/${file}`, text: readFileSync(join(DIR, file), "utf8") }], OPTIONS);
      const errors = json.diagnostics.filter((d) => d.severity === "error");
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e.file).toBe(`${FIXTURES}/${file}`);
        expect(e.message).toMatch(/operator "in"/);
      }
    });
  }
});
