// The Assertions section of the comment (DESIGN section 4c): near the top, each assertion ✅ / ❌ /
// `no-match`, new violations first and grouped as flows are, with the rule that lets them through
// and a link to the assertion's line; the verdict names a new violation; every count agrees.
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText, violationLines } from "../../src/render/diff-text.js";
import { renderSarif } from "../../src/render/diff-sarif.js";
import { renderTargetsComment } from "../../src/render/targets-md.js";
import type { TargetOutcome } from "../../src/render/target-outcome.js";
import { targetsDiffJson } from "../../src/render/targets-json.js";
import { diffJson } from "../../src/render/diff-json.js";
import { deployment, diffOf, exampleLink, gate, namespace, netpol, yamlFile } from "./fixtures.js";
import { assertion, judged, tcp, withAssertions } from "./assertion-support.js";
import { assertionViews } from "../../src/render/assertion-groups.js";
import { gfmProblems } from "./gfm-check.js";
import { liveMarkup, structureProblems } from "./markdown-check.js";

const workloads = yamlFile("w.yaml", [
  namespace("backend"),
  namespace("frontend"),
  deployment("backend", "db", { app: "db" }, [{ containerPort: 5432 }]),
  deployment("backend", "api", { app: "api" }, [{ containerPort: 8080 }]),
  deployment("frontend", "web", { app: "web" }, [{ containerPort: 80 }]),
]);
const denyAll = netpol("backend", "deny", { podSelector: {}, policyTypes: ["Ingress"] });
const webToApi = netpol("backend", "web-to-api", {
  podSelector: { matchLabels: { app: "api" } },
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "frontend" } } }], ports: [{ port: 8080 }] }],
});
const dbOpen = netpol("backend", "db-open", { podSelector: { matchLabels: { app: "db" } }, ingress: [{ from: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ port: 5432 }] }] });
const base = [workloads, yamlFile("p.yaml", [denyAll, webToApi])];
const head = [workloads, yamlFile("p.yaml", [denyAll, dbOpen])];
const DB = "backend/db[Deployment]";
const API = "backend/api[Deployment]";
const WEB = "frontend/web[Deployment]";

function pr(failOn = "exposed,external-ingress") {
  const report = diffOf(base, head, { gate: gate(failOn) });
  const internet = report.changes.find((c) => c.dst.id === DB && c.src.type === "external")!.src.id;
  const dbPrivate = judged(assertion("db-private", "deny", 3), [{ src: internet, dst: DB, conn: tcp(5432), isNew: true }]);
  const webApi = judged(assertion("web-reaches-api", "allow", 12, { ports: tcp(8080) }), [{ src: WEB, dst: API, conn: tcp(8080), isNew: true }]);
  const tenants = judged(assertion("tenants-isolated", "isolated", 20), [], { status: "no-match", baseStatus: "no-match", notes: ["`namespaces` matches no namespace"] });
  const dns = judged(assertion("dns-reachable", "allow", 25), []);
  return withAssertions(report, [dns, tenants, webApi, dbPrivate]);
}

const section = (md: string, title: string) => {
  const lines = md.split("\n");
  const at = lines.findIndex((l) => l.startsWith(`#### ${title}`));
  if (at < 0) return [];
  const end = lines.findIndex((l, i) => i > at && (l.startsWith("#### ") || l.startsWith("<details>")));
  return lines.slice(at, end < 0 ? undefined : end);
};

describe("a pull request that breaks a deny and an allow assertion of the base", () => {
  const report = pr();
  const md = renderComment(report, { marker: "<!-- m -->", link: exampleLink, baseLink: (f, l) => `https://github.com/acme/shop/blob/base0/${f}#L${l}` });
  if (process.env.NETREACH_WRITE_COMMENT) writeFileSync(process.env.NETREACH_WRITE_COMMENT, md);

  it("fails the gate on rule `assertions`, which is on although fail-on does not list it", () => {
    expect(report.gateConfig.failOn).toEqual(["exposed", "external-ingress", "assertions"]);
    expect(report.gate.passed).toBe(false);
    expect(report.gate.assertions.map((f) => f.diff.assertion.name).sort()).toEqual(["db-private", "web-reaches-api"]);
  });

  it("puts Assertions after the verdict and before the flow tables, failed first, each linked to its line at the base", () => {
    const titles = md.split("\n").filter((l) => l.startsWith("#### ")).map((l) => l.replace(/ \(.*$/, ""));
    expect(titles.indexOf("#### Assertions")).toBeGreaterThan(-1);
    expect(titles.indexOf("#### Assertions")).toBeLessThan(titles.indexOf("#### Opened flows"));
    const s = section(md, "Assertions");
    expect(s[0]).toBe("#### Assertions (2 failed, 1 no-match, 1 passed)");
    const items = s.filter((l) => l.startsWith("- "));
    expect(items[0]).toMatch(/^- ❌ \[`web-reaches-api`\]\(https:\/\/github\.com\/acme\/shop\/blob\/base0\/\.netreach\.yaml#L12\) \(allow\) — newly broken, ⛔ gate: `assertions`$/);
    expect(items[1]).toMatch(/^- ❌ \[`db-private`\]\(.*#L3\) \(deny\) — newly broken/);
    expect(items[2]).toMatch(/^- ⚠️ \[`tenants-isolated`\]\(.*#L20\) \(isolated\) — `no-match`/);
    expect(items[3]).toMatch(/^- ✅ \[`dns-reachable`\]\(.*#L25\)$/);
  });

  it("lists each violation group with what lets it through, or what blocks it now", () => {
    const s = section(md, "Assertions").join("\n");
    // What blocks it at the head (as `netreach why` says), then what the change removed, at the base.
    expect(s).toContain(
      "  - **new** ⛔ `frontend/web[Deployment]` → `backend/api[Deployment]`: TCP 8080 not allowed — ingress isolated by [`backend/deny`](https://github.com/acme/shop/blob/0123abc/p.yaml#L1), no rule matches; no longer allowed by [`backend/web-to-api` ingress\\[0\\]](https://github.com/acme/shop/blob/base0/p.yaml#L",
    );
    expect(s).toMatch(/ {2}- \*\*new\*\* ⛔ any external address → `backend\/db\[Deployment\]` TCP 5432 — ingress allowed by \[`backend\/db-open` ingress\\\[0\\\]\]\(https:\/\/github\.com\/acme\/shop\/blob\/0123abc\/p\.yaml#L\d+\)$/m);
  });

  it("names the first broken assertion in the verdict and counts its violations with the others everywhere", () => {
    const verdict = md.split("\n").find((l) => l.startsWith("**"))!;
    expect(verdict).toContain("— gate failed:** ❌ assertion `web-reaches-api` broken: `frontend/web[Deployment]` → `backend/api[Deployment]`: TCP 8080 not allowed (and 2 more violations)");
    expect(md).toContain("**Gate:** `exposed`, `external-ingress`, `assertions` — 3 violations");
    expect(md).toContain("**Assertions:** 2 failed, 1 no-match, 1 passed");
    const list = section(md, "Gate violations");
    expect(list[0]).toBe("#### Gate violations (3)");
    expect(list).toContain("- ⛔ `assertions`: `web-reaches-api`, new violation (1 pair), listed under Assertions");
    expect(violationLines(report).count).toBe(3);
    expect(renderDiffText(report)).toContain("gate failed: 3 violations of assertions, external-ingress\n");
  });

  it("is valid GitHub Markdown", () => {
    expect(gfmProblems(md, "<!-- m -->")).toEqual([]);
    expect(structureProblems(md)).toEqual([]);
  });

  it("gives SARIF one error per broken assertion's group of violations, at the assertion's line", () => {
    const results = renderSarif(report, { toolVersion: "0" }).runs[0].results.filter((r) => r.ruleId === "assertions");
    expect(results.map((r) => [r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine, r.message.text])).toEqual([
      ["error", ".netreach.yaml", 12, "Gate assertions: assertion web-reaches-api broken: frontend/web[Deployment] → backend/api[Deployment]: TCP 8080 not allowed."],
      ["error", ".netreach.yaml", 3, "Gate assertions: assertion db-private broken: any external address → backend/db[Deployment] TCP 5432."],
    ]);
  });

  it("lists the assertions in the text report, with their lines and violations", () => {
    const text = renderDiffText(report);
    expect(text).toContain(
      [
        "assertions: 2 failed, 1 no-match, 1 passed",
        "  x web-reaches-api (allow; .netreach.yaml:12)",
        "      new [gate] frontend/web[Deployment] → backend/api[Deployment]: TCP 8080 not allowed  (ingress isolated by backend/deny (p.yaml:1), no rule matches; base p.yaml:21 backend/web-to-api ingress[0]: no longer allowed)",
        "  x db-private (deny; .netreach.yaml:3)",
      ].join("\n"),
    );
    expect(text.split("\n")[0]).toContain("— gate failed: assertion web-reaches-api broken: frontend/web[Deployment] → backend/api[Deployment]: TCP 8080 not allowed (assertions) (and 2 more violations)");
  });
});

describe("an existing violation", () => {
  const report0 = diffOf(base, head, { gate: gate("exposed") });
  const internet = report0.changes.find((c) => c.dst.id === DB && c.src.type === "external")!.src.id;
  const existing = { src: WEB, dst: DB, conn: tcp(5432), isNew: false };

  it("is shown but passes the gate", () => {
    const report = withAssertions(report0, [judged(assertion("only-api-reaches-db", "only", 4), [existing])]);
    expect(report.gate.passed).toBe(true);
    const md = renderComment(report, { marker: "<!-- m -->" });
    expect(md.split("\n").find((l) => l.startsWith("**"))).toMatch(/— gate passed\.\*\*/);
    expect(section(md, "Assertions")).toContain("- ❌ `only-api-reaches-db` (only) — broken at the base too");
    expect(section(md, "Assertions")).toContain("  - existing `frontend/web[Deployment]` → `backend/db[Deployment]` TCP 5432");
  });

  it("fails the gate for a strict assertion, even with no change to reachability", () => {
    const none = diffOf(base, base, { gate: gate("exposed") });
    const report = withAssertions(none, [judged(assertion("only-api-reaches-db", "only", 4, { strict: true }), [existing])]);
    expect(report.gate.passed).toBe(false);
    const md = renderComment(report, { marker: "<!-- m -->" });
    expect(md).toContain("**No change to reachability — gate failed:** ❌ assertion `only-api-reaches-db` (strict) still broken: `frontend/web[Deployment]` → `backend/db[Deployment]` TCP 5432");
    expect(section(md, "Assertions")).toContain("  - existing ⛔ `frontend/web[Deployment]` → `backend/db[Deployment]` TCP 5432");
    expect(renderDiffText(report).split("\n")[0]).toBe("netreach: no change to reachability — gate failed: assertion only-api-reaches-db (strict) still broken: frontend/web[Deployment] → backend/db[Deployment] TCP 5432 (assertions)");
    expect(violationLines(report).count).toBe(1);
  });

  it("is said beside a green verdict when fail-on: none keeps the gate from failing on a new one", () => {
    const report = withAssertions(diffOf(base, head, { gate: gate("none") }), [judged(assertion("db-private", "deny", 3), [{ src: internet, dst: DB, conn: tcp(5432), isNew: true }])]);
    expect(report.gate.passed).toBe(true);
    const md = renderComment(report, { marker: "<!-- m -->" });
    expect(md).toContain("— gate passed.** ❌ assertion `db-private` broken: any external address → `backend/db[Deployment]` TCP 5432.");
  });
});

describe("a run with several targets", () => {
  const target = (name: string, report: TargetOutcome["report"]): TargetOutcome => ({ name, kind: "paths", built: `paths ${name}`, path: name, values: [], origin: "test", base: { ms: 0 }, head: { ms: 0 }, report });
  const existing = { src: WEB, dst: DB, conn: tcp(5432), isNew: false };
  const prod = withAssertions(diffOf(base, base, { gate: gate("exposed") }), [judged(assertion("only-api-reaches-db", "only", 4, { strict: true, targets: ["prod"] }), [existing])]);
  const staging = pr();
  const md = renderTargetsComment([target("prod", prod), target("staging", staging)], { marker: "<!-- m -->", link: exampleLink, baseLink: exampleLink });
  if (process.env.NETREACH_WRITE_COMMENT) writeFileSync(`${process.env.NETREACH_WRITE_COMMENT}.targets.md`, md);

  it("leads with the newly broken assertion, naming its target, and shows each target's Assertions", () => {
    const verdict = md.split("\n\n").find((p) => p.startsWith("**2 targets"))!;
    expect(verdict).toContain("gate failed in `prod`, `staging`");
    // A new break outranks one the base had already.
    expect(verdict).toContain("⛔ **In `staging`:** assertion `web-reaches-api` broken: `frontend/web[Deployment]` → `backend/api[Deployment]`: TCP 8080 not allowed.");
    expect(md).toContain("| `prod` | paths prod | no change — gate failed; ⛔ assertion `only-api-reaches-db` (strict) still broken: `frontend/web​[Deployment]` → `backend/db​[Deployment]` TCP 5432 | ⛔ failed |");
    // A target its pull request does not change, failed by a strict assertion, has its section.
    expect(md.match(/#### Assertions/g)).toHaveLength(2);
    expect(gfmProblems(md, "<!-- m -->")).toEqual([]);
  });

  it("gives the JSON each target's assertions, and the gate's violations of rule assertions, pair by pair, at the assertion's line", () => {
    const json = targetsDiffJson([target("prod", prod), target("staging", staging)]);
    expect(json.assertions!.map((a) => `${a.target} ${a.name} ${a.status}`)).toEqual(["prod only-api-reaches-db failed", "staging dns-reachable passed", "staging tenants-isolated no-match", "staging web-reaches-api failed", "staging db-private failed"]);
    expect(json.gate.violations.filter((v) => v.rule === "assertions").map((v) => [v.assertion, v.file, v.line, v.message])).toEqual([
      ["only-api-reaches-db", ".netreach.yaml", 4, "assertion only-api-reaches-db (strict) still broken: frontend/web[Deployment] -> backend/db[Deployment] TCP 5432"],
      ["web-reaches-api", ".netreach.yaml", 12, "assertion web-reaches-api broken: frontend/web[Deployment] -> backend/api[Deployment] TCP 8080"],
      ["db-private", ".netreach.yaml", 3, expect.stringMatching(/^assertion db-private broken: .* -> backend\/db\[Deployment\] TCP 5432$/)],
    ]);
    expect(diffJson(staging).gate).toMatchObject({ passed: false, status: "failed", failOn: ["exposed", "external-ingress", "assertions"] });
  });

  it("fails closed when the base's assertions cannot be read: the gate's result is an error, named at its line", () => {
    const config = { file: ".netreach.yaml", base: "present" as const, head: "present" as const, changed: false, notes: [], errors: [".netreach.yaml:12: deny needs `to`"] };
    const outcomes = [target("staging", diffOf(base, base, { gate: gate("exposed") }))];
    const out = renderTargetsComment(outcomes, { marker: "<!-- m -->", config });
    expect(out).toContain("**⛔ Assertion not judged:** `.netreach.yaml:12: deny needs ˋtoˋ`");
    expect(out).toContain("— gate error: 1 assertion of the base cannot be read.**");
    const json = targetsDiffJson(outcomes, { config });
    expect(json.gate).toMatchObject({ passed: false, status: "error" });
    expect(json.diagnostics).toContainEqual({ severity: "error", file: ".netreach.yaml", line: 12, column: 1, message: "assertion not judged: deny needs `to`" });
    expect(gfmProblems(out, "<!-- m -->")).toEqual([]);
  });
});

describe("many assertions, and one the pull request adds", () => {
  const report0 = diffOf(base, head, { gate: gate("exposed") });
  const internet = report0.changes.find((c) => c.dst.id === DB && c.src.type === "external")!.src.id;
  const many = Array.from({ length: 60 }, (_, i) => judged(assertion(`holds-${i}`, "deny", 100 + i), []));
  const added = judged(assertion("db-private", "deny", 3), [{ src: internet, dst: DB, conn: tcp(5432), isNew: true }], { origin: "head" });
  const fixed = judged(assertion("was-broken", "deny", 7), [], { baseStatus: "failed" });
  const report = withAssertions(report0, [...many, fixed, added]);

  it("says which the pull request added and which it fixed, and lists those that hold on one line", () => {
    const md = renderComment(report, { marker: "<!-- m -->", link: exampleLink, baseLink: exampleLink });
    const items = section(md, "Assertions").filter((l) => l.startsWith("- "));
    expect(items[0]).toBe("- ❌ [`db-private`](https://github.com/acme/shop/blob/0123abc/.netreach.yaml#L3) (deny, added by this pull request) — newly broken, ⛔ gate: `assertions`");
    expect(items[1]).toBe("- ✅ [`was-broken`](https://github.com/acme/shop/blob/0123abc/.netreach.yaml#L7) (deny) — holds (broken at the base)");
    expect(items[2]).toMatch(/^- ✅ \[`holds-0`\]\(.*#L100\), \[`holds-1`\]/);
    expect(items).toHaveLength(3);
  });

  it("keeps the Assertions section, trimmed, in a comment cut to fit; the broken one stays", () => {
    const md = renderComment(report, { marker: "<!-- m -->", link: exampleLink, maxChars: 2500 });
    expect(md.length).toBeLessThanOrEqual(2500);
    expect(md).toContain("#### Assertions (1 failed, 61 passed)");
    expect(md).toContain("- ❌ [`db-private`]");
    expect(gfmProblems(md, "<!-- m -->")).toEqual([]);
  });
});

describe("untrusted words in an assertion's notes", () => {
  it("are escaped: no live tag, link or mention, a quoted part stays a code span", () => {
    const report = withAssertions(diffOf(base, head, { gate: gate("exposed") }), [
      judged(assertion("tenants", "isolated", 5), [], { status: "no-match", baseStatus: "no-match", notes: ["`namespaces` {labels: {x: \"<img src=x onerror=alert(1)>\"}} matches nothing [see](https://evil.example) @org/admins", "an odd ` backtick <b>"] }),
    ]);
    const md = renderComment(report, { marker: "<!-- m -->", link: exampleLink, baseLink: exampleLink });
    expect(liveMarkup(md, "https://github.com/acme/shop/")).toEqual([]);
    expect(section(md, "Assertions").join("\n")).toContain("  - `namespaces` \\{labels:");
    expect(gfmProblems(md, "<!-- m -->")).toEqual([]);
  });
});

describe("an assertion broken between every pair of pods", () => {
  it("is one group, as a namespace-wide flow change is (a workload is never paired with itself), and quick at 250,000 pairs", () => {
    const n = 500;
    const f = [yamlFile("w.yaml", [namespace("a"), namespace("b"), ...Array.from({ length: n }, (_, i) => deployment(i % 2 ? "a" : "b", `w${i}`, { app: `w${i}` }))])];
    const report0 = diffOf(f, f);
    const ids = report0.universe.filter((e) => e.type === "workload").map((e) => e.id);
    const conn = tcp(80);
    const pairs = ids.flatMap((src) => ids.filter((dst) => dst !== src).map((dst) => ({ src, dst, conn, isNew: false })));
    const report = withAssertions(report0, [judged(assertion("iso", "isolated", 1, { strict: true }), pairs)]);
    const started = Date.now();
    const views = assertionViews(report);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(views[0]!.groups).toHaveLength(1);
    expect(views[0]!.groups[0]!.violations).toHaveLength(n * (n - 1));
    const md = renderComment(report, { marker: "<!-- m -->" });
    // One pair of the 250,000 explained: no policy isolates either side.
    expect(section(md, "Assertions")).toContain("  - existing ⛔ every declared workload → every declared workload TCP 80 — e.g. `b/w0[Deployment]` → `a/w1[Deployment]`: egress and ingress not isolated");
  });
});

describe("violations on pairs the pull request leaves alone", () => {
  // Base and head alike: the database open to every address, the API isolated with no rule for the web.
  const files = [workloads, yamlFile("p.yaml", [denyAll, dbOpen])];
  const report0 = diffOf(files, files);
  const internet = report0.universe.find((e) => e.type === "external" && e.id.startsWith("0.0.0.0/0"))!.id;
  const report = withAssertions(report0, [
    judged(assertion("db-private", "deny", 3, { strict: true }), [{ src: internet, dst: DB, conn: tcp(5432), isNew: false }]),
    judged(assertion("web-reaches-api", "allow", 12, { ports: tcp(8080) }), [{ src: WEB, dst: API, conn: tcp(8080), isNew: false }]),
  ]);
  const md = renderComment(report, { marker: "<!-- m -->", link: exampleLink });
  const lines = section(md, "Assertions");
  // db-open's ingress[0]: p.yaml is the first pull request's head, whose reasons link it at line 21.
  const dbOpenLine = 21;

  it("an existing deny violation names the rule that lets it through, linked to its line", () => {
    expect(report0.changes).toEqual([]);
    expect(lines).toContain(`  - existing ⛔ any external address → \`backend/db[Deployment]\` TCP 5432 — ingress allowed by [\`backend/db-open\` ingress\\[0\\]](https://github.com/acme/shop/blob/0123abc/p.yaml#L${dbOpenLine})`);
    expect(renderDiffText(report)).toContain(`existing [gate] any external address → backend/db[Deployment] TCP 5432  (ingress allowed by backend/db-open ingress[0] (p.yaml:${dbOpenLine}))`);
  });

  it("an allow violation names the NetworkPolicy that isolates the destination", () => {
    expect(lines).toContain("  - existing `frontend/web[Deployment]` → `backend/api[Deployment]`: TCP 8080 not allowed — ingress isolated by [`backend/deny`](https://github.com/acme/shop/blob/0123abc/p.yaml#L1), no rule matches");
    expect(renderDiffText(report)).toContain("existing frontend/web[Deployment] → backend/api[Deployment]: TCP 8080 not allowed  (ingress isolated by backend/deny (p.yaml:1), no rule matches)");
  });

  it("is valid GitHub Markdown", () => {
    expect(gfmProblems(md, "<!-- m -->")).toEqual([]);
  });
});


describe("an allow violation an admin rule blocks", () => {
  it("names the AdminNetworkPolicy's Deny rule, its tier and priority, linked to its line", () => {
    const anp = {
      apiVersion: "policy.networking.k8s.io/v1alpha1",
      kind: "AdminNetworkPolicy",
      metadata: { name: "lockdown" },
      spec: { priority: 5, subject: { namespaces: { matchLabels: { "kubernetes.io/metadata.name": "backend" } } }, ingress: [{ name: "no-frontend", action: "Deny", from: [{ namespaces: { matchLabels: { "kubernetes.io/metadata.name": "frontend" } } }] }] },
    };
    const files = [workloads, yamlFile("anp.yaml", [anp])];
    const report = withAssertions(diffOf(files, files), [judged(assertion("web-reaches-api", "allow", 12, { ports: tcp(8080) }), [{ src: WEB, dst: API, conn: tcp(8080), isNew: false }])]);
    const md = renderComment(report, { marker: "<!-- m -->", link: exampleLink });
    expect(section(md, "Assertions")).toContain(
      "  - existing `frontend/web[Deployment]` → `backend/api[Deployment]`: TCP 8080 not allowed — ingress denied by [AdminNetworkPolicy `lockdown` (Admin, priority 5) rule `no-frontend`](https://github.com/acme/shop/blob/0123abc/anp.yaml#L12)", // the rule's "- name: no-frontend" line
    );
  });
});
