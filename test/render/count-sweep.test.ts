// Issue 19, "counts disagree": one unit, counted alike everywhere a reader or a program reads it.
// For every pull request the renderer tests use (and exposure-only, admin-only, assertion-only
// and multi-target ones), the comment's headline, its counts line, its Gate violations list, the
// text report's first line, the JSON's `counts` and the Action's outputs (groupChanges, which
// run.ts sets them from) all say the same numbers.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diff, type DiffOptions, type DiffReport } from "../../src/analyze.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { diffJson } from "../../src/render/diff-json.js";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import { groupChanges } from "../../src/render/group.js";
import { renderTargetsComment } from "../../src/render/targets-md.js";
import { targetsDiffJson } from "../../src/render/targets-json.js";
import type { TargetOutcome } from "../../src/render/target-outcome.js";
import { parseIngressController } from "../../src/exposure/controller.js";
import { argoCdRedisPolicyRemoved, fluxWebhooksPort, kubePrometheusGateway, microservicesDemoMemorystore, microservicesDemoPolicies } from "../realworld/prs.js";
import { assertion, judged, tcp, withAssertions } from "./assertion-support.js";
import { deployment, diffOf, gate, manyDistinctPairs, namespace, netpol, yamlFile, type Obj } from "./fixtures.js";
import { shopPr } from "./shop.js";

const FIXTURES = join(import.meta.dirname, "../fixtures");
const tree = (dir: string): SourceFile[] => readdirSync(dir).sort().map((f) => ({ path: f, text: readFileSync(join(dir, f), "utf8") }));

interface Said {
  exposed: number;
  opened: number;
  closed: number;
  violations: number;
}

const num = (s: string | undefined) => Number((s ?? "0").replace(/,/g, ""));

/** The numbers one comment says, each where it says it; every place must agree. */
function commentNumbers(md: string): Said {
  const lines = md.split("\n");
  const headline = lines.find((l) => /^\*\*(No |[\d,]+ (flows?|workloads?) )/.test(l));
  expect(headline, md).toBeDefined();
  const h = /^\*\*(?:([\d,]+) workloads? newly exposed, )?([\d,]+) flows? opened, ([\d,]+) closed — gate (passed|failed)/.exec(headline!);
  const countsLine = lines.find((l) => l.startsWith("**Opened:**"));
  const opened = /\*\*Opened:\*\* ([\d,]+) flows?/.exec(countsLine ?? "");
  const closed = /\*\*Closed:\*\* ([\d,]+) flows?/.exec(countsLine ?? "");
  const gateViolations = /\*\*Gate:\*\* [^·]* — ([\d,]+) violations?$/.exec(countsLine ?? "");
  const exposure = /\*\*Exposure:\*\* ([\d,]+) newly exposed/.exec(countsLine ?? "");
  const said: Said = { exposed: num(h?.[1]), opened: num(h?.[2]), closed: num(h?.[3]), violations: num(gateViolations?.[1]) };
  if (h === null) {
    // "No change to reachability", "No flow changes": nothing opened or closed.
    expect(countsLine ?? "", md).not.toMatch(/\*\*(Opened|Closed):\*\* [1-9]/);
  } else {
    expect(num(opened?.[1]), "counts line: opened").toBe(said.opened);
    expect(num(closed?.[1]), "counts line: closed").toBe(said.closed);
    if (said.exposed > 0 || exposure) expect(num(exposure?.[1]), "counts line: newly exposed").toBe(said.exposed);
    // "(and 2 more violations)": the first and the rest.
    const more = /\(and ([\d,]+) more violations?\)/.exec(headline!);
    if (h[4] === "failed") expect(1 + num(more?.[1]), "headline: violations").toBe(said.violations);
  }
  const listAt = lines.findIndex((l) => l.startsWith("#### Gate violations ("));
  if (said.violations > 0) {
    expect(listAt, md).toBeGreaterThan(-1);
    expect(num(/\(([\d,]+)\)/.exec(lines[listAt]!)?.[1]), "Gate violations heading").toBe(said.violations);
    const end = lines.findIndex((l, i) => i > listAt && (l.startsWith("#### ") || l.startsWith("<details>") || l.startsWith("_…")));
    const items = lines.slice(listAt, end < 0 ? undefined : end).filter((l) => l.startsWith("- ⛔ "));
    if (!lines.slice(listAt).some((l) => l.startsWith("_… and "))) expect(items.length, "Gate violations list").toBe(said.violations);
  } else {
    expect(listAt, "no Gate violations list without violations").toBe(-1);
  }
  const newly = lines.find((l) => l.startsWith("#### Newly exposed ("));
  if (newly) expect(newly).toMatch(new RegExp(`^#### Newly exposed \\(${said.exposed}(\\)| workloads?, )`));
  return said;
}

/** Everything a reader or a program reads of one report agrees. */
function agree(report: DiffReport): Said {
  const said = commentNumbers(renderComment(report, { marker: "<!-- m -->" }));
  const json = diffJson(report).counts!;
  const g = groupChanges(report);
  // The Action's outputs are these (src/action/run.ts).
  expect({ opened: g.openedFlows, closed: g.closedFlows }).toEqual({ opened: said.opened, closed: said.closed });
  expect(json).toMatchObject(said);
  expect(json.changed).toBe(g.changedFlows);
  expect(g.changedFlows).toBeGreaterThanOrEqual(Math.max(said.opened, said.closed));
  expect(g.changedFlows).toBeLessThanOrEqual(said.opened + said.closed);
  // The grouped JSON (a large diff) says the same.
  expect(diffJson(report, { group: true }).counts).toEqual(json);
  // The text report: its first line, and its gate line.
  const text = renderDiffText(report);
  const first = text.split("\n")[0]!;
  const t = /^netreach: (?:(\d+) workloads? newly exposed, )?(\d+) flows? opened, (\d+) closed/.exec(first);
  if (t) expect({ exposed: num(t[1]), opened: num(t[2]), closed: num(t[3]) }).toEqual({ exposed: said.exposed, opened: said.opened, closed: said.closed });
  const gateLine = /^gate failed: (\d+) violations? of /m.exec(text);
  expect(num(gateLine?.[1])).toBe(said.violations);
  return said;
}

// ---- exposure-only pull requests ----------------------------------------------------------

const service = (ns: string, name: string, spec: Obj): Obj => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns }, spec });
const ingress = (ns: string, name: string, backend: string, port: number): Obj => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name, namespace: ns },
  spec: { rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: backend, port: { number: port } } } }] } }] },
});
const gatewayObj = (ns: string): Obj => ({ apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", metadata: { name: "public", namespace: ns }, spec: { gatewayClassName: "eg", listeners: [{ name: "http", port: 80, protocol: "HTTP" }] } });
const httpRoute = (ns: string, backend: string, port: number): Obj => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { name: "store", namespace: ns },
  spec: { parentRefs: [{ name: "public" }], rules: [{ matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [{ name: backend, port }] }] },
});
const shop = yamlFile("w.yaml", [
  namespace("shop"),
  deployment("shop", "web", { app: "web" }, [{ containerPort: 8080 }]),
  deployment("shop", "api", { app: "api" }, [{ containerPort: 9000 }]),
  service("shop", "web", { selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] }),
]);
const lb = yamlFile("lb.yaml", [service("shop", "api-public", { type: "LoadBalancer", selector: { app: "api" }, ports: [{ port: 443, targetPort: 9000 }] })]);
const ing = yamlFile("ing.yaml", [ingress("shop", "web", "web", 80)]);
const gw = yamlFile("gw.yaml", [gatewayObj("shop"), httpRoute("shop", "web", 80)]);

describe("exposure-only pull requests: the ingress controller's pair is one flow, counted everywhere", () => {
  it("a new Ingress: 1 workload newly exposed, 1 flow opened (the controller's), opened=1", () => {
    const r = diffOf([shop], [shop, ing]);
    expect(r.changes.map((c) => `${c.src.id} -> ${c.dst.id}`)).toEqual(["{ingress-controller} -> shop/web[Deployment]"]);
    expect(agree(r)).toEqual({ exposed: 1, opened: 1, closed: 0, violations: 1 });
    expect(renderComment(r, { marker: "<!-- m -->" })).toContain("**Opened:** 1 flow, from the ingress controller (with the exposures below)");
    expect(diffJson(r).counts).toEqual({ opened: 1, closed: 0, changed: 1, exposed: 1, violations: 1 });
  });

  it("a new LoadBalancer Service: newly exposed, no flow opened (the addresses reached the pod already), as `changes` says", () => {
    const r = diffOf([shop], [shop, lb]);
    expect(r.changes).toHaveLength(0);
    expect(agree(r)).toEqual({ exposed: 1, opened: 0, closed: 0, violations: 1 });
  });

  it("a Gateway and an HTTPRoute", () => {
    const r = diffOf([shop], [shop, gw]);
    expect(agree(r)).toEqual({ exposed: 1, opened: 1, closed: 0, violations: 1 });
  });

  it("one workload exposed to the internet and through an Ingress: one workload, said as one everywhere", () => {
    const both = yamlFile("lb.yaml", [service("shop", "web-public", { type: "LoadBalancer", selector: { app: "web" }, ports: [{ port: 443, targetPort: 8080 }] })]);
    const r = diffOf([shop], [shop, both, ing]);
    expect(r.exposureChanges.length).toBe(2);
    expect(agree(r)).toMatchObject({ exposed: 1, opened: 1, violations: 2 });
    const md = renderComment(r, { marker: "<!-- m -->" });
    expect(md).toContain("**Exposure:** 1 newly exposed (2 ways in), 0 no longer");
    expect(md).toContain("#### Newly exposed (1 workload, 2 ways in)");
    // Two violations, two different lines: each says its way in.
    expect(md).toContain("- ⛔ `exposed`: `shop/web[Deployment]` TCP 8080 from the ingress controller, listed under Newly exposed\n- ⛔ `exposed`: `shop/web[Deployment]` TCP 8080 from the internet, listed under Newly exposed");
  });

  it("a removed route: 1 flow closed, said under Stops working", () => {
    const r = diffOf([shop, gw], [shop]);
    expect(agree(r)).toEqual({ exposed: 0, opened: 0, closed: 1, violations: 0 });
    expect(renderComment(r, { marker: "<!-- m -->" })).toContain("**Closed:** 1 flow, from the ingress controller (with the exposures below)");
  });

  it("an Ingress replaced by a Gateway route (a move): the controller's pair is unchanged, nothing counted", () => {
    const r = diffOf([shop, ing], [shop, gw]);
    expect(agree(r)).toMatchObject({ exposed: 0, violations: 0 });
  });

  it("a new Ingress and a new policy flow: the counts line says where each is", () => {
    const open = yamlFile("p.yaml", [netpol("shop", "api-from-web", { podSelector: { matchLabels: { app: "api" } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: "web" } } }] }] })]);
    const deny = yamlFile("d.yaml", [netpol("shop", "deny", { podSelector: {}, policyTypes: ["Ingress"] }), netpol("shop", "web-open", { podSelector: { matchLabels: { app: "web" } }, ingress: [{}] })]);
    const r = diffOf([shop, deny], [shop, deny, open, ing]);
    const said = agree(r);
    expect(said.opened).toBe(2);
    expect(renderComment(r, { marker: "<!-- m -->" })).toContain("**Opened:** 2 flows: 1 in 1 group, 1 from the ingress controller (with the exposures below)");
  });

  it("--ingress-controller naming a declared workload: its flow and the controller's are one", () => {
    const controller = parseIngressController("ingress-nginx/app=ingress-nginx");
    if (!controller.ok) throw new Error(controller.error);
    const nginx = yamlFile("n.yaml", [namespace("ingress-nginx"), deployment("ingress-nginx", "controller", { app: "ingress-nginx" }, [{ containerPort: 80 }])]);
    const deny = yamlFile("d.yaml", [netpol("shop", "deny", { podSelector: {}, policyTypes: ["Ingress"] })]);
    const fromNginx = yamlFile("f.yaml", [netpol("shop", "from-ingress", { podSelector: { matchLabels: { app: "web" } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } }], ports: [{ port: 8080 }] }] })]);
    const r = diffOf([shop, nginx, deny], [shop, nginx, deny, fromNginx, ing], { ingressController: controller.value });
    expect(r.changes).toHaveLength(2);
    expect(agree(r)).toEqual({ exposed: 1, opened: 1, closed: 0, violations: 1 });
  });
});

// ---- admin-only and assertion-only pull requests ------------------------------------------

describe("admin-only pull requests", () => {
  for (const name of readdirSync(join(FIXTURES, "admin-prs")).filter((n) => !n.includes("."))) {
    it(name, () => {
      const r = diff(tree(join(FIXTURES, "admin-prs", name, "base")), tree(join(FIXTURES, "admin-prs", name, "head")), { pods: "declared", gate: gate("sensitive-ports,cross-namespace,any-opened") });
      agree(r);
    });
  }

  it("an AdminNetworkPolicy with no effect today: no flow, no violation", () => {
    const anp: Obj = { apiVersion: "policy.networking.k8s.io/v1alpha1", kind: "AdminNetworkPolicy", metadata: { name: "guard" }, spec: { priority: 1, subject: { namespaces: {} }, ingress: [{ name: "allow-all", action: "Allow", from: [{ namespaces: {} }] }] } };
    const r = diffOf([shop], [shop, yamlFile("anp.yaml", [anp])]);
    expect(agree(r)).toEqual({ exposed: 0, opened: 0, closed: 0, violations: 0 });
  });
});

describe("assertion-only failures", () => {
  const unchanged = diffOf([shop], [shop]);
  it("nothing changed, a strict assertion still broken: 1 violation", () => {
    const r = withAssertions(unchanged, [judged(assertion("only-web", "only", 4, { strict: true }), [{ src: "shop/api[Deployment]", dst: "shop/web[Deployment]", conn: tcp(8080), isNew: false }])]);
    expect(agree(r)).toEqual({ exposed: 0, opened: 0, closed: 0, violations: 1 });
  });
  it("a diff whose only gate failure is an assertion: the headline's flows and the one violation", () => {
    const deny = yamlFile("d.yaml", [netpol("shop", "deny", { podSelector: {}, policyTypes: ["Ingress"] })]);
    const r0 = diffOf([shop], [shop, deny], { gate: gate("exposed") });
    const r = withAssertions(r0, [
      judged(assertion("web-reaches-api", "allow", 12, { ports: tcp(9000) }), [{ src: "shop/web[Deployment]", dst: "shop/api[Deployment]", conn: tcp(9000), isNew: true }]),
      judged(assertion("dns", "allow", 20), []),
    ]);
    expect(r.gate.passed).toBe(false);
    expect(agree(r)).toMatchObject({ opened: 0, violations: 1 });
  });
});

// ---- every fixture pull request the renderer tests use --------------------------------------

describe("the fixture pull requests", () => {
  const prs: [string, () => DiffReport][] = [
    ["stops-working: the site goes down", () => diff(tree(join(FIXTURES, "stops-working/base")), tree(join(FIXTURES, "stops-working/head")), { pods: "declared" })],
    ["stops-working, reversed: the site comes up", () => diff(tree(join(FIXTURES, "stops-working/head")), tree(join(FIXTURES, "stops-working/base")), { pods: "declared" })],
    ["shop", () => { const p = shopPr(); return diffOf(p.base, p.head); }],
    ["shop with DNS allowed", () => { const p = shopPr({ allowDns: true }); return diffOf(p.base, p.head); }],
    ["many distinct pairs", () => { const p = manyDistinctPairs(12); return diffOf(p.base, p.head); }],
    ...[kubePrometheusGateway, argoCdRedisPolicyRemoved, microservicesDemoPolicies, microservicesDemoMemorystore, fluxWebhooksPort].flatMap((pr): [string, () => DiffReport][] => {
      const p = pr();
      return (["declared", "auto"] as DiffOptions["pods"][]).map((pods) => [`${p.name} (--pods ${pods})`, () => diff(p.base, p.head, { pods })]);
    }),
    ["dns-servers: egress lockdown", () => diff(tree(join(FIXTURES, "dns-servers")).filter((f) => f.path !== "deny-egress-default.yaml" && f.path !== "isolate-pihole.yaml"), tree(join(FIXTURES, "dns-servers")).filter((f) => f.path !== "isolate-pihole.yaml"), { pods: "declared" })],
  ];
  for (const [name, make] of prs) it(name, () => void agree(make()));
});

// ---- several targets ----------------------------------------------------------------------

describe("a run with several targets", () => {
  it("each target's line, its section's headline, its JSON counts and the summed outputs agree", () => {
    const target = (name: string, report: DiffReport): TargetOutcome => ({ name, kind: "paths", built: `paths ${name}`, path: name, values: [], origin: "test", base: { ms: 0 }, head: { ms: 0 }, report });
    const deny = yamlFile("d.yaml", [netpol("shop", "deny", { podSelector: {}, policyTypes: ["Ingress"] })]);
    const outcomes = [target("ingress", diffOf([shop], [shop, ing])), target("lb", diffOf([shop], [shop, lb])), target("lockdown", diffOf([shop], [shop, deny])), target("same", diffOf([shop], [shop]))];
    const md = renderTargetsComment(outcomes, { marker: "<!-- m -->" }).replaceAll("\u200b", "");
    const json = targetsDiffJson(outcomes);
    let opened = 0;
    let closed = 0;
    for (const t of outcomes) {
      const said = agree(t.report!);
      const tj = json.targets!.find((x) => x.name === t.name)!;
      expect(tj.counts).toMatchObject(said);
      expect({ opened: tj.opened, closed: tj.closed }).toEqual({ opened: said.opened, closed: said.closed });
      const row = md.split("\n").find((l) => l.startsWith(`| \`${t.name}\` |`))!;
      if (said.exposed > 0) expect(row).toContain(`${said.exposed} workload${said.exposed === 1 ? "" : "s"} newly exposed`);
      if (said.opened > 0) expect(row).toContain(`${said.opened} flow${said.opened === 1 ? "" : "s"} opened`);
      else expect(row).not.toMatch(/flows? opened/);
      if (said.closed > 0) expect(row).toContain(`${said.closed} flow${said.closed === 1 ? "" : "s"} closed`);
      opened += said.opened;
      closed += said.closed;
    }
    expect(json.counts).toMatchObject({ opened, closed });
    expect(json.counts!.opened).toBe(1);
  });
});
