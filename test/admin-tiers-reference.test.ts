// The reference evaluator's admin tiers (test/reference/admin-evaluator.ts) against the upstream
// conformance scenarios (test/fixtures/admin-tiers: every probe of every step) and the anp_/banp_
// netpol-analyzer connectivity lists (test/fixtures/netpol-analyzer). Both are oracles nobody on
// this project wrote; agreeing with them is what lets the reference check the engine.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { corpusDir, expectedConnlistText, expectedDiffText, REPO_ROOT } from "./conformance/cases.js";
import { allowed } from "./reference/evaluator.js";
import { clusterFromObjects, namespaceOf, type Cluster, type Pod, type Protocol } from "./reference/kube.js";
import { referenceConnlist, referenceDiff } from "./reference/connlist.js";


const SCENARIOS = path.join(REPO_ROOT, "test", "fixtures", "admin-tiers");

interface Probe {
  id: string;
  src: { namespace: string; pod: string };
  dst: { namespace: string; pod: string };
  protocol: Protocol;
  port: number;
  allowed: boolean;
}

function readYamlObjects(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, "utf8"))
    .map((doc) => doc.toJS() as unknown)
    .filter((o) => o !== null && o !== undefined);
}

/** The step directories of a scenario (`evaluate:` in case.yaml; the case folder itself when there is none). */
function steps(caseDir: string): string[] {
  const meta = parse(readFileSync(path.join(caseDir, "case.yaml"), "utf8")) as { evaluate?: string[] } | null;
  return (meta?.evaluate ?? ["."]).map((s) => path.join(caseDir, s));
}

function findPod(cluster: Cluster, ref: { namespace: string; pod: string }): Pod {
  const pod = cluster.pods.find((p) => namespaceOf(p) === ref.namespace && p.metadata.name === ref.pod);
  if (pod === undefined) throw new Error(`no pod ${ref.namespace}/${ref.pod}`);
  return pod;
}

const scenarioNames = readdirSync(SCENARIOS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const totals = { probes: 0, agree: 0 };

describe("reference evaluator: admin-tier conformance scenarios, every probe of every step", () => {
  it("finds the scenarios", () => {
    expect(scenarioNames.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of scenarioNames) {
    it(name, () => {
      const disagreements: string[] = [];
      let probes = 0;
      for (const dir of steps(path.join(SCENARIOS, name))) {
        const cluster = clusterFromObjects([...readYamlObjects(path.join(dir, "cluster.yaml")), ...readYamlObjects(path.join(dir, "policies.yaml"))]);
        const expected = parse(readFileSync(path.join(dir, "expected.yaml"), "utf8")) as { probes: Probe[] };
        // A step may only set the scene (probes: []) for the next one.
        for (const probe of expected.probes ?? []) {
          probes++;
          const got = allowed(cluster, findPod(cluster, probe.src), findPod(cluster, probe.dst), probe.protocol, probe.port);
          totals.probes++;
          if (got === probe.allowed) totals.agree++;
          else disagreements.push(`${path.basename(dir)} ${probe.id}: ${probe.src.pod} -> ${probe.dst.pod} ${probe.protocol}/${probe.port}: expected ${probe.allowed}, reference ${got}`);
        }
      }
      expect(disagreements).toEqual([]);
      expect(probes).toBeGreaterThan(0);
    });
  }

  it("reports its count", () => {
    console.log(`admin-tier scenarios: ${totals.agree}/${totals.probes} probes agree with the reference evaluator`);
    expect(totals.agree).toBe(totals.probes);
  });
});

const adminConnlists = existsSync(path.join(corpusDir(), "connlist"))
  ? readdirSync(path.join(corpusDir(), "connlist"))
      .filter((f) => f.endsWith(".txt"))
      .map((f) => f.slice(0, -4))
      .filter((name) => /^b?anp/.test(name))
      .sort()
  : [];

const lineTotals = { pairs: 0, agree: 0 };

describe("reference evaluator: anp_/banp_ netpol-analyzer connectivity lists", () => {
  it("finds the cases", () => {
    expect(adminConnlists.length).toBeGreaterThanOrEqual(18);
  });

  for (const name of adminConnlists) {
    it(name, () => {
      const r = referenceConnlist(name, expectedConnlistText(name));
      lineTotals.pairs += r.compared;
      lineTotals.agree += r.compared - r.disagreements.length;
      expect(r.disagreements).toEqual([]);
    });
  }

  it("reports its count", () => {
    console.log(`anp/banp connlists: ${lineTotals.agree}/${lineTotals.pairs} endpoint pairs agree with the reference evaluator`);
    expect(lineTotals.agree).toBe(lineTotals.pairs);
  });
});

const adminDiffs = existsSync(path.join(corpusDir(), "diff"))
  ? readdirSync(path.join(corpusDir(), "diff"))
      .filter((f) => f.endsWith(".txt") && /b?anp/.test(f))
      .map((f) => f.slice(0, -4))
      .sort()
  : [];

describe("reference evaluator: anp_/banp_ netpol-analyzer diffs", () => {
  it("finds the cases", () => {
    expect(adminDiffs.length).toBeGreaterThanOrEqual(2);
  });

  for (const name of adminDiffs) {
    it(name, () => {
      const [base, head] = name.split("__") as [string, string];
      const r = referenceDiff(base, head, expectedDiffText(name));
      console.log(`${name}: ${r.compared - r.disagreements.length}/${r.compared} workload pairs agree`);
      expect(r.disagreements).toEqual([]);
    });
  }
});
