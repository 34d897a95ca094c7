// The four formats of `netreach check` over hand-made results: what each says of passed, failed
// and no-match assertions, over one target and several, and that text caps while JSON never does.
import { describe, expect, it } from "vitest";
import type { Assertion, AssertionResult, AssertionViolation } from "../../src/assert/assertion.js";
import { ConnSet, PortSet } from "../../src/net/conn-set.js";
import { checkExitCode, violationRows, type CheckReport } from "../../src/render/check-report.js";
import { CHECK_SCHEMA, checkJson } from "../../src/render/check-json.js";
import { renderCheckMarkdown } from "../../src/render/check-md.js";
import { renderCheckSarif } from "../../src/render/check-sarif.js";
import { MAX_VIOLATION_LINES, renderCheckText } from "../../src/render/check-text.js";
import { SARIF_SCHEMA } from "../../src/render/diff-sarif.js";
import { reach } from "../../src/analyze.js";
import { deployment, namespace, netpol, yamlFile } from "./fixtures.js";

const tcp = (from: number, to = from) => ConnSet.of({ TCP: PortSet.range(from, to) });

const at = (line: number) => ({ file: ".netreach.yaml", line });
const DB = { kind: "pods", namespace: "backend", labels: { app: "db" } } as const;
const dbPrivate: Assertion = { name: "db-private", type: "deny", from: [{ kind: "internet" }], to: [DB], ports: null, targets: null, strict: false, source: at(2), key: "a" };
const onlyApi: Assertion = { name: "only-api-reaches-db", type: "only", from: [{ kind: "pods", namespace: "backend", labels: { app: "api" } }], to: [DB], ports: tcp(5432), targets: null, strict: false, source: at(6), key: "b" };
const webApi: Assertion = { name: "web-reaches-api", type: "allow", from: [{ kind: "pods", namespace: "frontend", workload: "web" }], to: [{ kind: "pods", namespace: "backend", labels: { app: "api" } }], ports: tcp(8080), targets: null, strict: false, source: at(12), key: "c" };

const v = (src: string, dst: string, conn = tcp(5432)): AssertionViolation => ({ src, dst, conn });
const passed = (a: Assertion): AssertionResult => ({ assertion: a, status: "passed", violations: [], notes: [] });
const failed = (a: Assertion, violations: AssertionViolation[]): AssertionResult => ({ assertion: a, status: "failed", violations, notes: [] });
const noMatch = (a: Assertion): AssertionResult => ({ assertion: a, status: "no-match", violations: [], notes: ["`to` matches nothing"] });

const one = (results: AssertionResult[], errors: string[] = []): CheckReport => ({ configFile: ".netreach.yaml", assertions: results.map((r) => r.assertion), targets: [{ name: "paths", built: "paths k8s", results }], errors });

describe("check report", () => {
  const report = one([passed(dbPrivate), failed(onlyApi, [v("frontend/web[Deployment]", "backend/db[StatefulSet]"), v("frontend/admin[Deployment]", "backend/db[StatefulSet]")]), noMatch(webApi)]);

  it("exit codes: 1 on a violation, 0 when all pass or match nothing, 2 on an invalid assertion, a target not built, or none at all", () => {
    expect(checkExitCode(report)).toBe(1);
    expect(checkExitCode(one([passed(dbPrivate), noMatch(webApi)]))).toBe(0);
    expect(checkExitCode(one([passed(dbPrivate)], [".netreach.yaml:9: unknown key"]))).toBe(2);
    expect(checkExitCode({ ...one([]), assertions: [dbPrivate], targets: [{ name: "prod", built: "kustomize prod", results: [], failure: "kustomize: boom" }] })).toBe(2);
    expect(checkExitCode(one([]))).toBe(2);
    // A violation outranks what could not be judged: the run says it is violated.
    expect(checkExitCode(one([failed(onlyApi, [v("a/x[Pod]", "backend/db[StatefulSet]")])], ["x:1: bad"]))).toBe(1);
  });

  it("text: a verdict line, one line per assertion, violations grouped by source with the same destinations and connections", () => {
    const text = renderCheckText(report);
    expect(text.split("\n")[0]).toBe("netreach check: 3 assertions: 1 failed, 1 passed, 1 no-match — violated");
    expect(text).toContain("✓ db-private (deny, .netreach.yaml:2)");
    expect(text).toContain("✗ only-api-reaches-db (only, .netreach.yaml:6): 2 violations");
    expect(text).toContain("    frontend/web[Deployment], frontend/admin[Deployment] -> backend/db[StatefulSet]: TCP 5432");
    expect(text).toContain("no-match web-reaches-api (allow, .netreach.yaml:12): `to` matches nothing");
  });

  it("text: an allow violation names what is missing", () => {
    const text = renderCheckText(one([failed(webApi, [v("frontend/web[Deployment]", "backend/api[Deployment]", tcp(8080))])]));
    expect(text).toContain("frontend/web[Deployment] -> backend/api[Deployment]: TCP 8080 missing");
  });

  it("text caps the lines of an assertion with `and N more`; JSON lists every violation", () => {
    const many = Array.from({ length: 50 }, (_, i) => v(`ns${String(i).padStart(2, "0")}/w[Deployment]`, "backend/db[StatefulSet]", tcp(5000 + i)));
    const r = one([failed(onlyApi, many)]);
    const text = renderCheckText(r);
    const lines = text.split("\n").filter((l) => l.startsWith("    ns"));
    expect(lines).toHaveLength(MAX_VIOLATION_LINES);
    expect(text).toContain(`    … and ${50 - MAX_VIOLATION_LINES} more violations (see --format json)`);
    const json = checkJson(r) as { assertions: { violations: unknown[] }[] };
    expect(json.assertions[0]!.violations).toHaveLength(50);
  });

  it("json: the 4c schema, canonical connections, no targets list for one target", () => {
    const json = JSON.parse(JSON.stringify(checkJson(report))) as Record<string, unknown> & { assertions: Record<string, unknown>[] };
    expect(json.schema).toBe(CHECK_SCHEMA);
    expect(json.targets).toBeUndefined();
    expect(json.assertions.map((a) => [a.name, a.type, a.status])).toEqual([
      ["db-private", "deny", "passed"],
      ["only-api-reaches-db", "only", "failed"],
      ["web-reaches-api", "allow", "no-match"],
    ]);
    expect(json.assertions[1]!.violations).toEqual([
      { src: "frontend/web[Deployment]", dst: "backend/db[StatefulSet]", conn: "TCP 5432" },
      { src: "frontend/admin[Deployment]", dst: "backend/db[StatefulSet]", conn: "TCP 5432" },
    ]);
    expect(json.errors).toEqual([]);
  });

  it("json over several targets: each target's own results, and the top level failed on any target, each violation naming its target", () => {
    const r: CheckReport = {
      configFile: ".netreach.yaml",
      assertions: [dbPrivate, onlyApi],
      targets: [
        { name: "staging", built: "kustomize staging", results: [passed(dbPrivate), failed(onlyApi, [v("a/x[Pod]", "backend/db[StatefulSet]")])] },
        { name: "prod", built: "kustomize prod", results: [passed(dbPrivate), passed(onlyApi)] },
        { name: "broken", built: "kustomize broken", results: [], failure: "kustomize: no such file" },
      ],
      errors: [],
    };
    const json = checkJson(r) as { assertions: { name: string; status: string; violations: { target: string }[] }[]; targets: { name: string; error?: string; assertions: { status: string }[] }[]; errors: string[] };
    expect(json.assertions.map((a) => [a.name, a.status])).toEqual([["db-private", "passed"], ["only-api-reaches-db", "failed"]]);
    expect(json.assertions[1]!.violations[0]!.target).toBe("staging");
    expect(json.targets.map((t) => [t.name, t.assertions.map((a) => a.status), t.error])).toEqual([
      ["staging", ["passed", "failed"], undefined],
      ["prod", ["passed", "passed"], undefined],
      ["broken", [], "kustomize: no such file"],
    ]);
    expect(json.errors).toEqual(["target broken: kustomize: no such file"]);
    const text = renderCheckText(r);
    expect(text).toContain("== broken (kustomize broken) ==\n! not built: kustomize: no such file");
    expect(text.split("\n")[0]).toContain("on 3 targets (1 not built)");
  });

  it("md: a table per target and the violations of each failed assertion, escaped", () => {
    const mdText = renderCheckMarkdown(one([passed(dbPrivate), failed(onlyApi, [v("evil/<b>x</b>[Pod]", "backend/db[StatefulSet]")])]));
    expect(mdText).toContain("| ✅ passed | `db-private` | deny | 0 | `.netreach.yaml:2` |");
    expect(mdText).toContain("| ❌ failed | `only-api-reaches-db` | only | 1 | `.netreach.yaml:6` |");
    expect(mdText).toContain("- `evil/<b>x</b>[Pod]` → `backend/db[StatefulSet]`: TCP 5432");
    // Outside a code span the names would be HTML: they are only ever inside one.
    expect(mdText.replace(/`[^`]*`/g, "")).not.toContain("<b>");
  });

  it("sarif: one result per violation at the assertion's line, one rule per assertion", () => {
    const sarif = JSON.parse(JSON.stringify(renderCheckSarif(report, { toolVersion: "1.2.3" })));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.$schema).toBe(SARIF_SCHEMA);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe("netreach");
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["db-private", "only-api-reaches-db", "web-reaches-api"]);
    expect(run.results).toHaveLength(2);
    for (const res of run.results) {
      expect(res.ruleId).toBe("only-api-reaches-db");
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(res.level).toBe("error");
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe(".netreach.yaml");
      expect(res.locations[0].physicalLocation.region.startLine).toBe(6);
    }
    expect(run.results[0].message.text).toBe("Assertion only-api-reaches-db (only) violated: frontend/web[Deployment] -> backend/db[StatefulSet]: TCP 5432 allowed.");
    expect(new Set(run.results.map((r: { partialFingerprints: { netreachAssertion: string } }) => r.partialFingerprints.netreachAssertion)).size).toBe(2);
  });

  it("rows: sources merged only when their destinations and connections are the same", () => {
    const rows = violationRows([v("a", "x"), v("a", "y"), v("b", "x"), v("b", "y"), v("c", "x", tcp(80))]);
    expect(rows.map((r) => [r.sources, r.destinations, r.conn.toString()])).toEqual([
      [["a", "b"], ["x", "y"], "TCP 5432"],
      [["c"], ["x"], "TCP 80"],
    ]);
  });
});

describe("check explains each row of violations as netreach why does", () => {
  const files = [
    yamlFile("w.yaml", [namespace("backend"), namespace("frontend"), deployment("backend", "db", { app: "db" }), deployment("backend", "api", { app: "api" }), deployment("frontend", "web", { app: "web" })]),
    yamlFile("p.yaml", [
      netpol("backend", "deny", { podSelector: {}, policyTypes: ["Ingress"] }),
      netpol("backend", "db-open", { podSelector: { matchLabels: { app: "db" } }, ingress: [{ from: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ port: 5432 }] }] }),
    ]),
  ];
  const r = reach(files, { assertions: [dbPrivate, webApi] });
  const report: CheckReport = { configFile: ".netreach.yaml", assertions: [dbPrivate, webApi], targets: [{ name: "paths", built: "paths k8s", results: r.assertions, revision: r.revision }], errors: [] };

  it("text and md name the rule that lets a deny violation through, and the policy that isolates an allow violation, at file:line", () => {
    expect(r.assertions.map((a) => a.status)).toEqual(["failed", "failed"]);
    const text = renderCheckText(report);
    expect(text).toMatch(/ {4}0\.0\.0\.0\/0 -> backend\/db\[Deployment\]: TCP 5432 {2}\(ingress allowed by backend\/db-open ingress\[0\] \(p\.yaml:\d+\)\)\n/);
    expect(text).toContain("    frontend/web[Deployment] -> backend/api[Deployment]: TCP 8080 missing  (ingress isolated by backend/deny (p.yaml:1), no rule matches)\n");
    const md = renderCheckMarkdown(report);
    expect(md).toContain("- `frontend/web[Deployment]` → `backend/api[Deployment]`: TCP 8080 missing — ingress isolated by `backend/deny` (`p.yaml:1`), no rule matches\n");
  });
});
