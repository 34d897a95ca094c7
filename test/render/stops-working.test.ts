// What stops working leads the comment: the verdict names the worst breakage (workload, port,
// path, cause), and a "Stops working" section right after it lists each one, before the tables.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { renderComment } from "../../src/render/diff-md.js";
import { diffJson } from "../../src/render/diff-json.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import { defaultGateConfig } from "../../src/gate/config.js";
import { renderTargetsComment } from "../../src/render/targets-md.js";
import type { TargetOutcome } from "../../src/render/target-outcome.js";
import { readTree } from "../realworld/prs.js";
import { REPO } from "../support/cli.js";
import { structureProblems } from "./markdown-check.js";

const MARKER = "<!-- netreach -->";
const DIR = join(REPO, "test/fixtures/stops-working");
const side = (name: string): SourceFile[] => readdirSync(join(DIR, name)).sort().map((f) => ({ path: f, text: readFileSync(join(DIR, name, f), "utf8") }));
const section = (md: string) => {
  const start = md.indexOf("#### ⚠️ Stops working");
  return start < 0 ? "" : md.slice(start, md.indexOf("\n\n####", start + 1) < 0 ? undefined : md.indexOf("\n\n####", start + 1));
};

describe("a policy that cuts the ingress controller off from http-svc (the site goes down)", () => {
  const report = diff(side("base"), side("head"), { pods: "declared" });
  const md = renderComment(report, { marker: MARKER });
  const lines = md.split("\n");

  it("says in the verdict which workload and port stop being reachable, through what, and why", () => {
    // 5 closed: the 4 flows of the Closed table and the ingress controller's, said under Stops working.
    expect(lines[6]).toMatch(/^\*\*Opened:\*\* 0 flows in 0 groups · \*\*Closed:\*\* 5 flows: 4 in \d+ groups?, 1 from the ingress controller \(with the exposures below\) · /);
    expect(lines[4]).toBe(
      "**0 flows opened, 5 closed — gate passed.** ⚠️ **Stops working:** `default/http-svc[Deployment]` TCP 8080 no longer reachable through Ingress `default/nginx-test`: `default/deny-from-other-namespaces` now blocks the ingress controller.",
    );
  });

  it("lists it under Stops working, right after the verdict and before the flow tables", () => {
    const at = (s: string) => md.indexOf(s);
    expect(at("#### ⚠️ Stops working (1)")).toBeGreaterThan(at("**Opened:**"));
    expect(at("#### ⚠️ Stops working (1)")).toBeLessThan(at("#### Closed flows"));
    expect(section(md)).toContain("- **No longer exposed:** `default/http-svc[Deployment]` TCP 8080 no longer reachable from the ingress controller (was through Ingress `default/nginx-test`");
    expect(md).not.toContain("#### No longer exposed");
    expect(structureProblems(md)).toEqual([]);
  });

  it("names the policy's line where the comment can link", () => {
    const linked = renderComment(report, { marker: MARKER, link: (f, l) => `https://example.test/${f}#L${l}` });
    expect(section(linked)).toContain("[`default/deny-from-other-namespaces`](https://example.test/deny-from-other-namespaces.yaml#L2)");
  });

  it("leads the targets comment with the worst breakage, naming the target, and gives it on each other target's line", () => {
    const prod: TargetOutcome = { name: "prod", kind: "paths", built: "paths deploy", path: "deploy", values: [], origin: "test", base: { ms: 0 }, head: { ms: 0 }, report };
    const targets = renderTargetsComment([prod, { ...prod, name: "staging" }], { marker: MARKER }).replaceAll("\u200b", "");
    const words = "`default/http-svc[Deployment]` TCP 8080 no longer reachable through Ingress `default/nginx-test`: `default/deny-from-other-namespaces` now blocks the ingress controller";
    expect(targets).toContain(`**2 targets, 2 changed — gate passed.** ⚠️ **Stops working in \`prod\`:** ${words}; and 1 more in the targets' sections.`);
    // Said once for prod (in the verdict); staging's line names its own.
    const row = (name: string) => targets.split("\n").find((l) => l.startsWith(`| \`${name}\` |`));
    expect(row("prod")).toBe("| `prod` | paths deploy | 5 flows closed — gate passed | passed |");
    expect(row("staging")).toContain(`5 flows closed — gate passed; ⚠️ stops working: ${words} |`);
  });
});

describe("the worst risk leads when no gate rule fails on it", () => {
  it("names the newly exposed workload, port and path in the verdict", () => {
    const r = diff(side("head"), side("base"), { pods: "declared", gate: { ...defaultGateConfig(), failOn: ["none"] } });
    expect(renderComment(r, { marker: MARKER }).split("\n")[4]).toBe(
      "**1 workload newly exposed, 5 flows opened, 0 closed — gate passed.** ⚠️ **Newly exposed:** `default/http-svc[Deployment]` TCP 8080 newly reachable from the ingress controller through Ingress `default/nginx-test`.",
    );
  });
});

describe("a run with several targets: the verdict leads with the worst over all of them", () => {
  it("a gate-breaking exposure over a newly exposed one, an exposure closed over a workload cut off, each naming its target", () => {
    const lockdown: SourceFile = {
      path: "lockdown.yaml",
      text: "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: lockdown, namespace: batch }\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n",
    };
    const target = (name: string, report: TargetOutcome["report"]): TargetOutcome => ({ name, kind: "paths", built: `paths ${name}`, path: name, values: [], origin: "test", base: { ms: 0 }, head: { ms: 0 }, report });
    const outcomes = [
      target("a-cut-off", diff(side("base"), [...side("base"), lockdown], { pods: "declared" })),
      target("b-exposed", diff(side("head"), side("base"), { pods: "declared", gate: { ...defaultGateConfig(), failOn: ["none"] } })),
      target("c-gated", diff(side("head"), side("base"), { pods: "declared" })),
      target("d-site-down", diff(side("base"), side("head"), { pods: "declared" })),
    ];
    const verdict = renderTargetsComment(outcomes, { marker: MARKER }).split("\n\n").find((p) => p.startsWith("**4 targets"))!;
    expect(verdict).toContain("⛔ **In `c-gated`:** `default/http-svc[Deployment]` TCP 8080 newly reachable from the ingress controller through Ingress `default/nginx-test`: `default/deny-from-other-namespaces` no longer blocks it (`exposed`).");
    expect(verdict).toContain(
      "⚠️ **Stops working in `d-site-down`:** `default/http-svc[Deployment]` TCP 8080 no longer reachable through Ingress `default/nginx-test`: `default/deny-from-other-namespaces` now blocks the ingress controller; and 1 more in the targets' sections.",
    );
    // The one more is a-cut-off's workload with no egress: no DNS loss beside it, as no cluster DNS server is declared.
    expect(verdict.indexOf("⛔ **In")).toBeLessThan(verdict.indexOf("⚠️ **Stops working"));
  });
});

describe("a workload left with no egress at all", () => {
  const lockdown: SourceFile = {
    path: "lockdown.yaml",
    text: "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: lockdown, namespace: batch }\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n",
  };
  const md = renderComment(diff(side("base"), [...side("base"), lockdown], { pods: "declared" }), { marker: MARKER });

  it("is said under Stops working with the policy that does it", () => {
    expect(section(md)).toContain("- **No egress at all:** `batch/reporter[Deployment]`: it can send nothing any more (isolated for egress by `batch/lockdown`, which allows nothing)");
    expect(md.split("\n")[4]).toContain("⚠️ **Stops working:**");
  });

  it("is in the JSON report", () => {
    const r = diff(side("base"), [...side("base"), lockdown], { pods: "declared" });
    expect(diffJson(r).stopsWorking?.cutOff).toEqual([{ workload: "batch/reporter[Deployment]", direction: "egress", policies: ["batch/lockdown"] }]);
  });
});

describe("microservices-demo: frontend and frontend-external switch to a named targetPort the container does not name", () => {
  const base = readTree("microservices-demo/release/kubernetes-manifests.yaml");
  const named = (text: string, service: string) => text.replace(new RegExp(`(name: ${service}\\n[\\s\\S]*?targetPort: )8080`), "$1http");
  const head = base.map((f) => ({ ...f, text: named(named(f.text, "frontend"), "frontend-external") }));
  const report = diff(base, head);
  const md = renderComment(report, { marker: MARKER });

  it("leads with the site going down and its cause, not with 0 flows opened, 0 closed", () => {
    expect(md.split("\n")[4]).toBe(
      "**0 flows opened, 0 closed — gate passed.** ⚠️ **Stops working:** `default/frontend[Deployment]` TCP 8080 no longer reachable from the internet through Service `default/frontend-external`: targetPort `http` now names no TCP container port of `default/frontend[Deployment]`; and 1 more below.",
    );
  });

  it("lists both Services, each once, at the line of the port", () => {
    const s = section(md);
    expect(s).toContain("#### ⚠️ Stops working (2)");
    expect(s).toContain("— Service `default/frontend-external` port 80 (`http`): targetPort `http` now names no TCP container port of `default/frontend[Deployment]` (`app.yaml:140`)".replace("app.yaml", "kubernetes-manifests.yaml"));
    expect(s).toContain("- **Forwards to nothing:** Service `default/frontend` port 80 (`http`): targetPort `http` now names no TCP container port of `default/frontend[Deployment]` (`kubernetes-manifests.yaml:125`)");
    expect(structureProblems(md)).toEqual([]);
  });

  it("gives both in the JSON report, with the port's line and the cause", () => {
    expect(diffJson(report).stopsWorking?.services).toEqual([
      { service: "default/frontend", port: 80, protocol: "TCP", portName: "http", file: "kubernetes-manifests.yaml", line: 125, cause: "target-port", targetPort: "http", before: ["default/frontend[Deployment]"], routes: [] },
      { service: "default/frontend-external", port: 80, protocol: "TCP", portName: "http", file: "kubernetes-manifests.yaml", line: 140, cause: "target-port", targetPort: "http", before: ["default/frontend[Deployment]"], routes: [] },
    ]);
  });

  it("says so in the text output too", () => {
    expect(renderDiffText(report)).toContain("! stops working: Service default/frontend port 80 (http) now forwards to nothing: targetPort http now names no TCP container port of default/frontend[Deployment]");
  });

  it("a ClusterIP Service alone that forwards to nothing is still a breakage", () => {
    const only = base.map((f) => ({ ...f, text: named(f.text, "frontend") }));
    const r = diff(base, only);
    expect(r.changes).toEqual([]);
    expect(renderComment(r, { marker: MARKER }).split("\n")[4]).toBe(
      "**No flow changes — gate passed.** ⚠️ **Stops working:** Service `default/frontend` port 80 (`http`) now forwards to nothing: targetPort `http` now names no TCP container port of `default/frontend[Deployment]`.",
    );
  });
});
