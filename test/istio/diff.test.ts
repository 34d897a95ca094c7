// A pull request that publishes a port through an Istio gateway: the reviewer is told which pod
// port is newly exposed, through which Gateway server, VirtualService route and Service, and the
// gate fails it. Diagnostics point at the line of a reference that leads nowhere.
import { describe, expect, it } from "vitest";
import { diff, reach, type DiffReport } from "../../src/analyze.js";
import { diffJson } from "../../src/render/diff-json.js";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import { reachJson } from "../../src/render/reach-json.js";
import type { SourceFile } from "../../src/load/object/source.js";

const web = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: web, ports: [{containerPort: 8080, name: http}, {containerPort: 9090, name: admin}]}]}
`;
const svc = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}, {name: admin, port: 9000, targetPort: admin}]
`;
const gateway = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: public, namespace: istio-system}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: ['*/shop.example.com']
    tls: {mode: SIMPLE, credentialName: shop-cert}
`;
const vs = (routes: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: shop}
spec:
  hosts: [shop.example.com]
  gateways: [istio-system/public]
  http:
${routes}`;
const app = "  - match: [{uri: {prefix: /}}]\n    route: [{destination: {host: web, port: {number: 80}}}]\n";
const admin = "  - match: [{uri: {prefix: /admin}}]\n    route: [{destination: {host: web.shop.svc.cluster.local, port: {number: 9000}}}]\n";

const files = (...docs: string[]): SourceFile[] => [{ path: "k8s.yaml", text: docs.join("---\n") }];
const sentences = (r: DiffReport) => renderDiffText(r).split("\n").filter((l) => l.startsWith("exposed ") || l.startsWith("unexposed "));

describe("a pull request adds an Istio route to an admin port", () => {
  const base = files(web, svc, gateway, vs(app));
  // Istio takes the first route that matches: the PR puts /admin before the catch-all.
  const head = files(web, svc, gateway, vs(admin + app));

  it("the admin port is a new exposure through every hop, and the gate fails it", () => {
    const r = diff(base, head);
    expect(r.exposureChanges.map((c) => [c.dst.id, c.opened.toString(), c.closed.toString()])).toEqual([["shop/web[Deployment]", "TCP 9090", "No Connections"]]);
    expect(sentences(r)).toEqual([
      "exposed shop/web[Deployment] TCP 9090 newly reachable from the ingress controller through Gateway istio-system/public [k8s.yaml:23] (Istio, server https: HTTPS port 443, hosts */shop.example.com, selector istio=ingressgateway) → VirtualService shop/web [k8s.yaml:35] (http[0], host shop.example.com, path /admin, to web.shop.svc.cluster.local port 9000, destination web.shop.svc.cluster.local port 9000 new in this PR) → Service shop/web [k8s.yaml:15] (ClusterIP, port 9000 (admin) → targetPort admin = 9090); no NetworkPolicy selects it for ingress",
    ]);
    expect(r.gate.violations.map((v) => `${v.rule}: ${v.change.dst.id} ${v.conn.toString()}`)).toEqual(["exposed: shop/web[Deployment] TCP 9090"]);
    expect(r.gate.passed).toBe(false);
    expect(diffJson(r).changes).toEqual([expect.objectContaining({ src: "{ingress-controller}", dst: "shop/web[Deployment]", type: "changed", opened: "TCP 9090" })]);
    const comment = renderComment(r, { marker: "" });
    for (const hop of ["`istio-system/public`", "`shop/web`", "VirtualService", "targetPort admin = 9090"]) expect(comment).toContain(hop);
  });

  it("removing the route closes the exposure, and the base chain says the destination is gone", () => {
    const r = diff(head, base);
    expect(r.exposureChanges.map((c) => [c.dst.id, c.opened.toString(), c.closed.toString()])).toEqual([["shop/web[Deployment]", "No Connections", "TCP 9090"]]);
    expect(sentences(r)[0]).toContain("destination web.shop.svc.cluster.local port 9000 removed in this PR");
    expect(r.gate.passed).toBe(true);
  });

  it("after the catch-all route the /admin route is never used: nothing new is exposed, and a note says why", () => {
    const r = diff(base, files(web, svc, gateway, vs(app + admin)));
    expect(r.exposureChanges).toEqual([]);
    expect(r.gate.passed).toBe(true);
    expect(r.diagnostics.map((d) => `${d.line}: ${d.message}`)).toContainEqual("36: VirtualService shop/web: http[1] comes after http[0], which matches every request; Istio never uses it");
  });

  it("a route inside the mesh only (no gateways) publishes nothing: the gate passes", () => {
    const mesh = vs(admin + app).replace("  gateways: [istio-system/public]\n", "");
    const r = diff(files(web, svc), files(web, svc, gateway, mesh));
    expect(r.exposureChanges).toEqual([]);
    expect(r.gate.passed).toBe(true);
  });
});

describe("diagnostics at the line of a reference that leads nowhere", () => {
  const lines = (...docs: string[]) => reachJson(reach(files(...docs), { pods: "declared" })).diagnostics.map((d) => `${d.severity} ${d.file}:${d.line} ${d.message}`);

  it("a port the Service lacks, a subset no DestinationRule defines, a Gateway that does not exist; the rest still works", () => {
    const routes = `  - match: [{uri: {prefix: /a}}]
    route: [{destination: {host: web, port: {number: 8443}}}]
  - match: [{uri: {prefix: /b}}]
    route: [{destination: {host: web, port: {number: 80}, subset: canary}}]
  - route: [{destination: {host: web, port: {number: 80}}}]
`;
    const missing = vs(routes).replace("gateways: [istio-system/public]", "gateways: [istio-system/public, edge/none]");
    expect(lines(web, svc, gateway, missing)).toEqual([
      "warning k8s.yaml:32 VirtualService shop/web: the Gateway edge/none is not declared in these manifests; where it listens cannot be followed",
      "warning k8s.yaml:35 VirtualService shop/web: Service shop/web has no TCP port 8443; the gateway sends this destination nothing",
      "warning k8s.yaml:37 VirtualService shop/web: no DestinationRule for shop/web defines subset canary; Istio answers this route with an error (no healthy upstream) and reaches no pod",
    ]);
    const j = reachJson(reach(files(web, svc, gateway, missing), { pods: "declared" }));
    expect(j.exposures.map((e) => [e.dst, e.conn, e.via.map((v) => v.chain[0]!.name)])).toEqual([["shop/web[Deployment]", "TCP 8080", ["public", "none"]]]);
  });

  it("an external host is said, not followed; an invalid server is refused at its line", () => {
    const external = vs("  - route: [{destination: {host: api.partner.example.com}}]\n");
    expect(lines(web, svc, gateway, external)).toEqual([
      "warning k8s.yaml:34 VirtualService shop/web: destination host api.partner.example.com is not the name of a Service in the cluster (an external host or a ServiceEntry?); where it leads is not followed",
    ]);
    const bad = gateway.replace("number: 443", "number: 70000");
    expect(lines(web, svc, bad, vs(app))).toEqual([
      "error k8s.yaml:23 Gateway istio-system/public: spec.servers[0].port.number: port number 70000 is out of range: use 1-65535; Istio's validation rejects this Gateway",
      "warning k8s.yaml:32 VirtualService shop/web: the Gateway istio-system/public is not declared in these manifests; where it listens cannot be followed",
    ]);
  });
});
