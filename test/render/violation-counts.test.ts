// Every count of gate violations says the same number (verdict, counts line, the Gate violations
// list, the text report, the Action's log), one per thing the list shows; and an exposure's
// sentence is not said again in the list of violations. A declared workload that
// --ingress-controller names is the ingress controller: its flow is not counted beside its exposure.
import { describe, expect, it } from "vitest";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText, violationLines } from "../../src/render/diff-text.js";
import { groupChanges } from "../../src/render/group.js";
import { parseIngressController } from "../../src/exposure/controller.js";
import { deployment, diffOf, gate, namespace, netpol, yamlFile, type Obj } from "./fixtures.js";

const service = (ns: string, name: string, spec: Obj): Obj => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns }, spec });
const ingress = (ns: string, name: string, backend: string, port: number): Obj => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name, namespace: ns },
  spec: { rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: backend, port: { number: port } } } }] } }] },
});

/** The lines of one `####` section of a comment. */
function section(md: string, title: string): string[] {
  const lines = md.split("\n");
  const at = lines.findIndex((l) => l.startsWith(`#### ${title}`));
  if (at < 0) return [];
  const end = lines.findIndex((l, i) => i > at && (l.startsWith("#### ") || l.startsWith("<details>")));
  return lines.slice(at, end < 0 ? undefined : end);
}
const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

describe("a PR with one LoadBalancer exposure and one flow opened to the internet", () => {
  const workloads = yamlFile("w.yaml", [namespace("backend"), namespace("shop"), deployment("backend", "db", { app: "db" }, [{ containerPort: 5432 }]), deployment("shop", "web", { app: "web" }, [{ containerPort: 8080 }])]);
  const deny = netpol("shop", "deny", { podSelector: {}, policyTypes: ["Ingress"] });
  const world = netpol("shop", "world", { podSelector: { matchLabels: { app: "web" } }, ingress: [{ from: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ port: 8080 }] }] });
  const base = [workloads, yamlFile("s.yaml", [service("backend", "db", { selector: { app: "db" }, ports: [{ port: 5432 }] })]), yamlFile("p.yaml", [deny])];
  const head = [workloads, yamlFile("s.yaml", [service("backend", "db", { type: "LoadBalancer", selector: { app: "db" }, ports: [{ port: 5432 }] })]), yamlFile("p.yaml", [deny, world])];
  const report = diffOf(base, head, { gate: gate("exposed,external-ingress") });
  const md = renderComment(report, { marker: "<!-- m -->" });
  const sentence = "`backend/db[Deployment]` TCP 5432 newly reachable from the internet through Service `backend/db` (LoadBalancer, port 5432, was ClusterIP); no NetworkPolicy selects it for ingress";

  it("counts 2 violations in the verdict, the counts line and the Gate violations list, which shows both", () => {
    expect(md).toContain("— gate failed:** `backend/db[Deployment]` TCP 5432 newly reachable from the internet through Service `backend/db` (`exposed`) (and 1 more violation)");
    expect(md).toContain("**Gate:** `exposed`, `external-ingress` — 2 violations");
    expect(section(md, "Gate violations")).toEqual([
      "#### Gate violations (2)",
      "",
      "- ⛔ `exposed`: `backend/db[Deployment]`, listed under Newly exposed",
      "- ⛔ `external-ingress`: any external address → `shop/web[Deployment]` TCP 8080",
      "",
    ]);
  });

  it("says the exposure's sentence under Newly exposed only; the headline names it, the workload and port at most twice", () => {
    expect(section(md, "Newly exposed")).toContain(`- ⛔ ${sentence} — gate: \`exposed\``);
    expect(occurrences(md, sentence)).toBe(1);
    expect(occurrences(md, "(LoadBalancer, port 5432, was ClusterIP)")).toBe(1);
    expect(occurrences(md, "`backend/db[Deployment]` TCP 5432")).toBe(2);
    expect(section(md, "Gate violations").join("\n")).not.toContain("newly reachable from the internet");
    // The Opened table has the flow to the internet, not the exposure.
    expect(section(md, "Opened flows").filter((l) => l.startsWith("| ") && !l.startsWith("| Source") && !l.startsWith("| ---"))).toEqual([
      "| any external address | `shop/web​[Deployment]` | TCP 8080 — ⛔ gate: `external-ingress` | allowed by `shop/world` ingress\\[0\\] (`p.yaml:21`) |",
    ]);
  });

  it("the text report and the Action's log count the same 2, and the text says the exposure's path once below its headline", () => {
    const text = renderDiffText(report);
    expect(text.split("\n")[0]).toMatch(/ \(exposed\) \(and 1 more violation\)$/);
    expect(text).toContain(
      "gate failed: 2 violations of exposed, external-ingress\n  backend/db[Deployment] TCP 5432 newly reachable from the internet through Service backend/db (exposed)\n  shop/web[Deployment] TCP 8080 newly reachable from outside the cluster: from any external address (external-ingress)\n",
    );
    expect(occurrences(text, "(LoadBalancer, port 5432, was ClusterIP); no NetworkPolicy selects it for ingress")).toBe(2);
    expect(violationLines(report).count).toBe(2);
  });
  it("counts what was not analyzed as one violation, when the gate fails on it, everywhere alike", () => {
    const authz = yamlFile("x.yaml", [{ apiVersion: "security.istio.io/v1", kind: "AuthorizationPolicy", metadata: { name: "c", namespace: "shop" }, spec: {} }]);
    const r = diffOf(base, [...head, authz], { gate: gate("exposed,external-ingress,unanalyzed") });
    const out = renderComment(r, { marker: "<!-- m -->" });
    expect(out).toContain("(`exposed`) (and 2 more violations)");
    expect(out).toContain("**Gate:** `exposed`, `external-ingress`, `unanalyzed` — 3 violations");
    expect(section(out, "Gate violations").slice(0, 1)).toEqual(["#### Gate violations (3)"]);
    expect(section(out, "Gate violations")[4]).toBe("- ⛔ `unanalyzed`: 1 change listed under Not analyzed");
    expect(renderDiffText(r)).toContain("gate failed: 3 violations of exposed, external-ingress, unanalyzed\n");
    expect(violationLines(r).count).toBe(3);
  });
});

describe("--ingress-controller names a declared workload", () => {
  const controller = parseIngressController("ingress-nginx/app=ingress-nginx");
  if (!controller.ok) throw new Error(controller.error);
  const workloads = yamlFile("w.yaml", [
    namespace("ingress-nginx"),
    namespace("shop"),
    deployment("ingress-nginx", "controller", { app: "ingress-nginx" }, [{ containerPort: 80 }]),
    deployment("shop", "web", { app: "web" }, [{ containerPort: 8080 }, { containerPort: 9090 }]),
    service("shop", "web", { selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] }),
  ]);
  const deny = netpol("shop", "deny", { podSelector: {}, policyTypes: ["Ingress"] });
  const fromController = (ports: number[]) =>
    netpol("shop", "from-ingress", { podSelector: { matchLabels: { app: "web" } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } }], ports: ports.map((port) => ({ port })) }] });
  const pr = (ports: number[]) =>
    diffOf([workloads, yamlFile("p.yaml", [deny])], [workloads, yamlFile("p.yaml", [deny, fromController(ports)]), yamlFile("i.yaml", [ingress("shop", "web", "web", 80)])], {
      gate: gate("exposed,external-ingress"),
      ingressController: controller.value,
    });

  it("counts the controller's way to the newly exposed port once: as the ingress controller's flow, said as the exposure, not also as the workload's", () => {
    const report = pr([8080]);
    // The engine has both: the named controller's pods as the workload, and as the ingress controller.
    expect(report.changes.map((c) => `${c.src.id} -> ${c.dst.id}`).sort()).toEqual(["ingress-nginx/controller[Deployment] -> shop/web[Deployment]", "{ingress-controller} -> shop/web[Deployment]"]);
    const md = renderComment(report, { marker: "<!-- m -->" });
    // One flow: the ingress controller's, said as the exposure; the named controller's workload is not counted again.
    expect(md.split("\n")[4]).toMatch(/^\*\*1 workload newly exposed, 1 flow opened, 0 closed — gate failed:\*\* `shop\/web\[Deployment\]` TCP 8080 newly reachable from the ingress controller/);
    expect(md).toContain("**Opened:** 1 flow, from the ingress controller (with the exposures below)");
    expect(md).not.toContain("#### Opened flows");
    expect(section(md, "Newly exposed")).toHaveLength(4);
    expect(section(md, "Gate violations")[0]).toBe("#### Gate violations (1)");
    expect(renderDiffText(report)).not.toMatch(/^\+ /m);
    expect(groupChanges(report).openedFlows).toBe(1);
    expect(groupChanges(report).controllerOpened).toBe(1);
  });

  it("keeps the flow when it opens more than the route exposes", () => {
    const report = pr([8080, 9090]);
    const md = renderComment(report, { marker: "<!-- m -->" });
    expect(md).toContain("**Opened:** 2 flows: 1 in 1 group, 1 from the ingress controller (with the exposures below)");
    expect(section(md, "Opened flows").join("\n")).toContain("| `ingress-nginx/controller​[Deployment]` | `shop/web​[Deployment]` | TCP 8080, 9090 |");
  });
});
