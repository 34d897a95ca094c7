// Exposure (DESIGN section 4a), each case a pull request as a pair of revisions: what a reviewer
// is told is newly reachable from outside the cluster, through which objects, and whether the
// gate stops it.
import { describe, expect, it } from "vitest";
import { diff, reach, type DiffReport } from "../../src/analyze.js";
import { parseFailOn } from "../../src/gate/config.js";
import { diffJson } from "../../src/render/diff-json.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import { reachJson } from "../../src/render/reach-json.js";
import { parseIngressController } from "../../src/exposure/controller.js";
import type { SourceFile } from "../../src/load/object/source.js";

const db = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: backend}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - name: pg
        image: postgres
        ports: [{containerPort: 5432, name: pg}]
`;
const web = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec:
      containers:
      - name: web
        image: nginx
        ports: [{containerPort: 8080, name: http}, {containerPort: 9090, name: admin}]
`;
const service = (ns: string, name: string, spec: string) => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
${spec}`;
const denyIngress = (ns: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: ${ns}}
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

const files = (...docs: string[]): SourceFile[] => [{ path: "k8s.yaml", text: docs.join("---\n") }];
const sentences = (r: DiffReport) => renderDiffText(r).split("\n").filter((l) => l.startsWith("exposed ") || l.startsWith("unexposed "));
const violations = (r: DiffReport) => r.gate.violations.map((v) => `${v.rule}: ${v.change.dst.id} ${v.conn.toString()}`);

describe("a Service becomes reachable from outside", () => {
  it("ClusterIP -> LoadBalancer: the pod's port is newly exposed to the internet and the gate fails", () => {
    const base = files(db, service("backend", "db", "  selector: {app: db}\n  ports: [{port: 5432, targetPort: pg}]\n"));
    const head = files(db, service("backend", "db", "  type: LoadBalancer\n  selector: {app: db}\n  ports: [{port: 5432, targetPort: pg}]\n"));
    const r = diff(base, head);
    expect(sentences(r)).toEqual([
      "exposed backend/db[StatefulSet] TCP 5432 newly reachable from the internet through Service backend/db [k8s.yaml:20] (LoadBalancer, port 5432 → targetPort pg = 5432, was ClusterIP); no NetworkPolicy selects it for ingress",
    ]);
    expect(violations(r)).toEqual(["exposed: backend/db[StatefulSet] TCP 5432"]);
    expect(r.gate.passed).toBe(false);
    // No policy changed, so no flow changed: the exposure is the whole story.
    expect(r.changes).toEqual([]);
    const json = diffJson(r);
    expect(json.exposures).toEqual([
      expect.objectContaining({
        type: "added",
        source: "internet",
        src: "0.0.0.0/0",
        dst: "backend/db[StatefulSet]",
        opened: "TCP 5432",
        via: { base: [], head: [{ chain: [{ kind: "Service", namespace: "backend", name: "db", detail: "LoadBalancer, port 5432 → targetPort pg = 5432, was ClusterIP", file: "k8s.yaml", line: 20, edit: "changed" }], conn: "TCP 5432" }] },
        isolated: { base: false, head: false },
      }),
    ]);
    expect(json.endpoints.map((e) => e.id)).toEqual(["backend/db[StatefulSet]", "0.0.0.0/0"]);
    expect(r.assumptions.join("\n")).toMatch(/Service backend\/db uses Cluster \(the default\)/);
  });

  it("a LoadBalancer added where a default-deny ingress policy stands exposes nothing", () => {
    const base = files(db, denyIngress("backend"));
    const head = files(db, denyIngress("backend"), service("backend", "db", "  type: LoadBalancer\n  selector: {app: db}\n  ports: [{port: 5432, targetPort: pg}]\n"));
    const r = diff(base, head);
    expect(r.exposureChanges).toEqual([]);
    expect(r.gate.passed).toBe(true);
    expect(reachJson(reach(head)).exposures).toEqual([]);
  });

  it("a policy that admits 0.0.0.0/0 to the pods behind an existing NodePort: exposed, and the reason names the rule", () => {
    const nodePort = service("backend", "db", "  type: NodePort\n  selector: {app: db}\n  ports: [{port: 5432, targetPort: 5432, nodePort: 30432}]\n");
    const allow = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-world, namespace: backend}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from: [{ipBlock: {cidr: 0.0.0.0/0}}]
    ports: [{port: 5432}]
`;
    const r = diff(files(db, denyIngress("backend"), nodePort), files(db, denyIngress("backend"), nodePort, allow));
    expect(sentences(r)).toEqual([
      "exposed backend/db[StatefulSet] TCP 5432 newly reachable from the internet through Service backend/db [k8s.yaml:27] (NodePort, port 5432, nodePort 30432); allowed by backend/allow-world ingress[0] (k8s.yaml:35)",
    ]);
    // The policy also opened the flow from external addresses: both rules hold.
    expect(violations(r)).toEqual(["exposed: backend/db[StatefulSet] TCP 5432", "external-ingress: backend/db[StatefulSet] TCP 5432"]);
  });

  it("a Service whose selector newly selects a pod exposes that pod", () => {
    const other = db.replace(/name: db,/, "name: cache,").replace(/app: db/g, "app: cache");
    const lb = (app: string) => service("backend", "public", `  type: LoadBalancer\n  selector: {app: ${app}}\n  ports: [{port: 5432}]\n`);
    const r = diff(files(db, other, lb("cache")), files(db, other, lb("db")));
    expect(r.exposureChanges.map((c) => [c.dst.id, c.opened.toString(), c.closed.toString()])).toEqual([
      ["backend/cache[StatefulSet]", "No Connections", "TCP 5432"],
      ["backend/db[StatefulSet]", "TCP 5432", "No Connections"],
    ]);
    expect(sentences(r)[1]).toMatch(/^unexposed backend\/cache\[StatefulSet\] TCP 5432 no longer reachable from the internet \(was through Service backend\/public \[base k8s\.yaml:\d+\]/);
  });

  it("moving an exposure to another Service with the same reach is not a new exposure: it is shown as moved", () => {
    const lb = (name: string) => service("backend", name, "  type: LoadBalancer\n  selector: {app: db}\n  ports: [{port: 5432}]\n");
    const r = diff(files(db, lb("db-old")), files(db, lb("db-new")));
    expect(r.exposureChanges.map((c) => [c.opened.toString(), c.closed.toString(), c.moved?.public.toString()])).toEqual([["No Connections", "No Connections", "TCP 5432"]]);
    expect(r.changes).toEqual([]);
    expect(renderDiffText(r).split("\n").filter((l) => /^(exposed|unexposed|moved) /.test(l))).toEqual([
      "moved backend/db[StatefulSet] TCP 5432 moved: was reachable from the internet through Service backend/db-old [base k8s.yaml:20] (LoadBalancer, port 5432, removed in this PR); now from the internet through Service backend/db-new [k8s.yaml:20] (LoadBalancer, port 5432, new in this PR)",
    ]);
    expect(r.gate.passed).toBe(true);
  });

  it("loadBalancerSourceRanges narrow who gets in: widening them is a new exposure for the added addresses only", () => {
    const lb = (ranges: string) => service("backend", "db", `  type: LoadBalancer\n  loadBalancerSourceRanges: [${ranges}]\n  selector: {app: db}\n  ports: [{port: 5432}]\n`);
    const narrow = reach(files(db, lb("10.0.0.0/8")));
    expect(reachJson(narrow).exposures.map((e) => [e.src, e.dst, e.conn])).toEqual([["10.0.0.0/8", "backend/db[StatefulSet]", "TCP 5432"]]);
    const r = diff(files(db, lb("10.0.0.0/8")), files(db, lb("10.0.0.0/8, 192.168.0.0/16")));
    expect(r.exposureChanges.map((c) => [c.src.id, c.opened.toString()])).toEqual([["192.168.0.0/16", "TCP 5432"]]);
    expect(sentences(r)[0]).toMatch(/^exposed backend\/db\[StatefulSet\] TCP 5432 newly reachable from addresses 192\.168\.0\.0\/16 through Service backend\/db/);
  });

  it("externalIPs expose a ClusterIP Service", () => {
    const r = diff(files(db), files(db, service("backend", "db", "  externalIPs: [203.0.113.10]\n  selector: {app: db}\n  ports: [{port: 5432}]\n")));
    expect(sentences(r)).toEqual([expect.stringContaining("through Service backend/db [k8s.yaml:20] (externalIPs 203.0.113.10, port 5432, new in this PR)")]);
  });
});

describe("routes: the ingress controller's traffic", () => {
  const webSvc = service("shop", "web", "  selector: {app: web}\n  ports: [{name: http, port: 80, targetPort: http}, {name: admin, port: 9000, targetPort: admin}]\n");
  const ingress = (port: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /admin
        pathType: Prefix
        backend: {service: {name: web, port: ${port}}}
`;

  it("an Ingress path to a named Service port exposes the pod's port behind it, as a flow from {ingress-controller}", () => {
    const r = diff(files(web, webSvc), files(web, webSvc, ingress("{name: admin}")));
    expect(sentences(r)).toEqual([
      "exposed shop/web[Deployment] TCP 9090 newly reachable from the ingress controller through Ingress shop/web [k8s.yaml:31] (host shop.example.com, path /admin, new in this PR) → Service shop/web [k8s.yaml:19] (ClusterIP, port 9000 (admin) → targetPort admin = 9090); no NetworkPolicy selects it for ingress",
    ]);
    expect(diffJson(r).changes).toEqual([expect.objectContaining({ src: "{ingress-controller}", dst: "shop/web[Deployment]", type: "added", opened: "TCP 9090" })]);
    expect(violations(r)).toEqual(["exposed: shop/web[Deployment] TCP 9090"]);
    const rj = reachJson(reach(files(web, webSvc, ingress("{number: 80}"))));
    expect(rj.flows.filter((f) => f.src === "{ingress-controller}")).toEqual([{ src: "{ingress-controller}", dst: "shop/web[Deployment]", conn: "TCP 8080" }]);
    expect(rj.endpoints).toContainEqual({ id: "{ingress-controller}", type: "ingress-controller" });
  });

  it("a policy admitting only the ingress-nginx namespace: closed to the stand-in, open to the named controller", () => {
    const fromNginx = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-ingress, namespace: shop}
spec:
  podSelector: {}
  ingress:
  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]
`;
    const head = files(web, webSvc, ingress("{number: 80}"), fromNginx);
    expect(reachJson(reach(head)).exposures).toEqual([]);
    const named = parseIngressController("ingress-nginx/app.kubernetes.io/name=ingress-nginx");
    if (!named.ok) throw new Error(named.error);
    const json = reachJson(reach(head, { ingressController: named.value }));
    expect(json.exposures.map((e) => [e.src, e.dst, e.conn])).toEqual([["{ingress-controller}", "shop/web[Deployment]", "TCP 8080"]]);
    expect(json.endpoints).toContainEqual({ id: "{ingress-controller}", type: "ingress-controller", namespace: "ingress-nginx", labels: { "app.kubernetes.io/name": "ingress-nginx" } });
  });

  it("a route to a missing Service is a warning naming it, and exposes nothing", () => {
    const r = diff(files(web), files(web, ingress("{number: 80}")));
    expect(r.exposureChanges).toEqual([]);
    expect(r.diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      ["warning", 24, "Ingress shop/web: the backend Service shop/web is not declared in these manifests; its exposure cannot be followed"],
    ]);
  });

  const route = (backendNs: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: store, namespace: edge}
spec:
  parentRefs: [{name: public, namespace: infra}]
  rules:
  - backendRefs: [{name: web, namespace: ${backendNs}, port: 80}]
`;
  const gateway = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: infra}
spec:
  gatewayClassName: eg
  listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
`;
  const grant = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: edge-to-web, namespace: shop}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: edge}]
  to: [{group: "", kind: Service, name: web}]
`;

  it("an HTTPRoute to a Service in another namespace exposes it only where a ReferenceGrant admits it", () => {
    const without = diff(files(web, webSvc, gateway), files(web, webSvc, gateway, route("shop")));
    expect(without.exposureChanges).toEqual([]);
    expect(without.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/no ReferenceGrant in shop admits HTTPRoute from edge/)]);
    const withGrant = diff(files(web, webSvc, gateway, grant), files(web, webSvc, gateway, grant, route("shop")));
    expect(sentences(withGrant)).toEqual([expect.stringMatching(/^exposed shop\/web\[Deployment\] TCP 8080 newly reachable from the ingress controller through Gateway infra\/public \[k8s\.yaml:\d+\] \(listener http: HTTP port 80, any host\) → HTTPRoute edge\/store \[k8s\.yaml:\d+\] \(path \/, new in this PR\) → Service shop\/web/)]);
  });

  it("an HTTPRoute that its Gateway does not accept exposes nothing", () => {
    const sameOnly = gateway.replace("{from: All}", "{from: Same}");
    const r = diff(files(web, webSvc, sameOnly, grant), files(web, webSvc, sameOnly, grant, route("shop")));
    expect(r.exposureChanges).toEqual([]);
  });
});

describe("a repository without NetworkPolicy", () => {
  it("every exposure is decided by the Services and routes alone; the allow-everything flows are not exposures", () => {
    const r = reach(files(db, web, service("backend", "db", "  selector: {app: db}\n  ports: [{port: 5432}]\n"), service("shop", "web", "  type: NodePort\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n")));
    expect(reachJson(r).exposures.map((e) => [e.source, e.src, e.dst, e.conn])).toEqual([["internet", "0.0.0.0/0", "shop/web[Deployment]", "TCP 8080"]]);
    expect(r.assumptions.join("\n")).toMatch(/LoadBalancer, NodePort and externalIPs Services are taken to be reachable from every address outside the cluster/);
  });
});

describe("the gate", () => {
  it("exposed is in the default fail-on set, and sensitive-ports applies to exposures", () => {
    expect(parseFailOn("")).toEqual({ ok: true, value: ["exposed", "external-ingress"] });
    const base = files(db, service("backend", "db", "  selector: {app: db}\n  ports: [{port: 5432}]\n"));
    const head = files(db, service("backend", "db", "  type: LoadBalancer\n  selector: {app: db}\n  ports: [{port: 5432}]\n"));
    const sensitive = diff(base, head, { gate: { failOn: ["sensitive-ports"], sensitive: diff(base, base).gateConfig.sensitive } });
    expect(violations(sensitive)).toEqual(["sensitive-ports: backend/db[StatefulSet] TCP 5432"]);
    const none = diff(base, head, { gate: { failOn: ["none"], sensitive: diff(base, base).gateConfig.sensitive } });
    expect(none.gate.passed).toBe(true);
    expect(none.exposureChanges).toHaveLength(1);
  });
});

describe("--pods auto", () => {
  it("a Service whose selector matches no declared workload gets a representative pod, exposed by name where its port is named", () => {
    const lb = service("shop", "api", "  type: LoadBalancer\n  selector: {app: api}\n  ports: [{name: https, port: 443, targetPort: https}, {name: metrics, port: 9100, targetPort: 9100}]\n");
    const r = reach(files(web, lb));
    expect(reachJson(r).exposures.map((e) => [e.src, e.dst, e.conn])).toEqual([["0.0.0.0/0", "shop/[app=api]", "TCP 9100,https"]]);
    expect(reachJson(reach(files(web, lb), { pods: "declared" })).exposures).toEqual([]);
  });
});

describe("SARIF", () => {
  it("an exposure that breaks the gate is an error at the object that carries it", async () => {
    const { renderSarif } = await import("../../src/render/diff-sarif.js");
    const base = files(db, service("backend", "db", "  selector: {app: db}\n  ports: [{port: 5432}]\n"));
    const head = files(db, service("backend", "db", "  type: LoadBalancer\n  selector: {app: db}\n  ports: [{port: 5432}]\n"));
    const results = renderSarif(diff(base, head), { toolVersion: "test" }).runs[0].results;
    expect(results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation.region.startLine, r.message.text])).toEqual([
      ["exposed", "error", 20, "Gate exposed: backend/db[StatefulSet] TCP 5432 newly reachable from the internet through Service backend/db (LoadBalancer, port 5432, was ClusterIP); no NetworkPolicy selects it for ingress."],
    ]);
  });
});

describe("reach --format md", () => {
  it("leads with what is exposed outside the cluster, each with the objects that carry it", async () => {
    const { reachMarkdown } = await import("../../src/render/reach-md.js");
    const out = reachMarkdown(reach(files(db, service("backend", "db", "  type: NodePort\n  selector: {app: db}\n  ports: [{port: 5432, nodePort: 30432}]\n"))));
    const table = out.slice(out.indexOf("### Exposed outside the cluster (1)"), out.indexOf("| Sources |"));
    expect(table).toContain("| `backend/db[StatefulSet]` | TCP 5432 | the internet | Service `backend/db` (NodePort, port 5432, nodePort 30432, `k8s.yaml:20`) |");
  });
});

describe("reach --format text", () => {
  it("lists exposures after the flows, each with its objects and lines", async () => {
    const { reachTextLines } = await import("../../src/render/reach-text.js");
    const out = [...reachTextLines(reach(files(db, service("backend", "db", "  type: LoadBalancer\n  selector: {app: db}\n  ports: [{port: 5432}]\n"))))].join("");
    expect(out.slice(out.indexOf("\nexposed"))).toBe(
      "\nexposed outside the cluster (1):\n  backend/db[StatefulSet] TCP 5432 from 0.0.0.0/0 through Service backend/db (LoadBalancer, port 5432) [k8s.yaml:20]\n",
    );
  });
});
