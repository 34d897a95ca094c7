// Exposure moves and chains (issue 19): a (workload, port) public before and after, under
// another object, is a move — shown once with both paths, not gated as new; a Gateway route's
// chain names the Gateway, its listener's port and hostname, the route's path, the Service port
// and target port, and the Namespace label that let the route attach.
import { describe, expect, it } from "vitest";
import { diff, type DiffReport } from "../../src/analyze.js";
import { diffJson } from "../../src/render/diff-json.js";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { edgeGrant, shopGateway, shopIngress, webDeployment } from "./shop-web.js";

const web = webDeployment("{containerPort: 8080, name: http}", "{containerPort: 5432, name: pg}");
const svc = (type: string) => `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: ${type}
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
`;
const gateway = (listener: string) => shopGateway(listener);
const route = (ns = "shop") => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: store, namespace: ${ns}}
spec:
  parentRefs: [{name: public, namespace: shop}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /shop}}]
    backendRefs: [{name: web, namespace: shop, port: 80}]
`;
const grant = edgeGrant("HTTPRoute");
const files = (...docs: string[]): SourceFile[] => [{ path: "k8s.yaml", text: docs.join("---\n") }];
const lines = (r: DiffReport, prefix: RegExp) => renderDiffText(r).split("\n").filter((l) => prefix.test(l));
const HTTP = "{name: http, port: 80, protocol: HTTP}";

describe("a LoadBalancer replaced by a Gateway and an HTTPRoute for the same port", () => {
  const r = diff(files(web, svc("LoadBalancer")), files(web, svc("ClusterIP"), gateway(HTTP), route()));

  it("passes the gate with the default fail-on: the port was public before and is after", () => {
    expect(r.gate.violations.map((v) => v.rule)).toEqual([]);
    expect(r.gate.passed).toBe(true);
  });

  it("is shown once, as moved, with the path before and the path after", () => {
    expect(lines(r, /^(exposed|unexposed|moved) /)).toEqual([
      expect.stringMatching(/^moved shop\/web\[Deployment\] TCP 8080 moved: was reachable from the internet through Service shop\/web \[base k8s\.yaml:\d+\] \(LoadBalancer, port 80 \(http\) → targetPort http = 8080, now ClusterIP\); now from the ingress controller through Gateway shop\/public .* → HTTPRoute shop\/store .* → Service shop\/web /),
    ]);
    const md = renderComment(r, { marker: "" });
    expect(md).not.toContain("Newly exposed");
    expect(md).not.toContain("No longer exposed");
    expect(md.match(/#### Public before and after, through other objects \(1\)/g)).toHaveLength(1);
    expect(md.split("\n").filter((l: string) => l.includes("moved: was reachable")).length).toBe(1);
  });

  it("JSON keeps each source's change and marks the moved part with both paths", () => {
    const json = diffJson(r);
    const moved = json.exposures.map((e) => [e.source, e.src, e.type, e.moved?.conn, e.moved?.public, e.moved?.via.base.map((v) => v.chain[0]?.kind), e.moved?.via.head.map((v) => v.chain[0]?.kind)]);
    expect(moved).toEqual([
      ["ingress-controller", "{ingress-controller}", "added", "TCP 8080", "TCP 8080", ["Service"], ["Gateway"]],
      ["internet", "0.0.0.0/0", "removed", "TCP 8080", "TCP 8080", ["Service"], ["Gateway"]],
    ]);
  });

  it("a Gateway added in front of a port a LoadBalancer keeps public: already reachable, now also through the Gateway; not gated", () => {
    const both = diff(files(web, svc("LoadBalancer")), files(web, svc("LoadBalancer"), gateway(HTTP), route()));
    expect(both.gate.passed).toBe(true);
    expect(lines(both, /^(exposed|unexposed|moved) /)).toEqual([
      expect.stringMatching(/^moved shop\/web\[Deployment\] TCP 8080 already reachable from the internet through Service shop\/web .*; now also from the ingress controller through Gateway shop\/public /),
    ]);
  });

  it("an exposure to only some addresses is not public: moving it behind a Gateway is new", () => {
    const ranged = svc("LoadBalancer").replace("  selector:", "  loadBalancerSourceRanges: [10.0.0.0/8]\n  selector:");
    const narrow = diff(files(web, ranged), files(web, svc("ClusterIP"), gateway(HTTP), route()));
    expect(narrow.gate.violations.map((v) => `${v.rule}: ${v.change.dst.id} ${v.conn.toString()}`)).toEqual(["exposed: shop/web[Deployment] TCP 8080"]);
    expect(lines(narrow, /^moved /)).toEqual([]);
  });

  it("a sensitive port newly public still fails sensitive-ports; a moved one does not", () => {
    const sensitive = diff(files(web, svc("LoadBalancer")), files(web, svc("LoadBalancer")), {}).gateConfig.sensitive;
    const pg = (type: string) => svc(type).replace("[{name: http, port: 80, targetPort: http}]", "[{name: pg, port: 5432, targetPort: pg}]");
    const pgRoute = route().replace("port: 80}", "port: 5432}");
    const moved = diff(files(web, pg("LoadBalancer")), files(web, pg("ClusterIP"), gateway(HTTP), pgRoute), { gate: { failOn: ["sensitive-ports"], sensitive } });
    expect(moved.gate.passed).toBe(true);
    const fresh = diff(files(web, pg("ClusterIP")), files(web, pg("ClusterIP"), gateway(HTTP), pgRoute), { gate: { failOn: ["sensitive-ports"], sensitive } });
    expect(fresh.gate.violations.map((v) => v.rule)).toEqual(["sensitive-ports"]);
  });
});

describe("a Gateway route's chain names every hop", () => {
  it("the Gateway, its listener's port and hostname, the route's path, the Service port and target port", () => {
    const hosted = gateway("{name: web, port: 443, protocol: HTTPS, hostname: shop.example.com}");
    const r = diff(files(web, svc("ClusterIP")), files(web, svc("ClusterIP"), hosted, route()));
    expect(lines(r, /^exposed /)).toEqual([
      "exposed shop/web[Deployment] TCP 8080 newly reachable from the ingress controller through Gateway shop/public [k8s.yaml:22] (listener web: HTTPS port 443, host shop.example.com, new in this PR) → HTTPRoute shop/store [k8s.yaml:36] (path /shop, new in this PR) → Service shop/web [k8s.yaml:20] (ClusterIP, port 80 (http) → targetPort http = 8080); no NetworkPolicy selects it for ingress",
    ]);
    expect(renderDiffText(r)).not.toContain("any host");
  });

  it("a route that attaches because the PR labelled its Namespace says so", () => {
    const ns = (labels: string) => `apiVersion: v1
kind: Namespace
metadata: {name: edge, labels: {${labels}}}
`;
    const selecting = gateway("{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {gateway-access: shared}}}}}");
    const objects = (labels: string) => files(web, svc("ClusterIP"), selecting, grant, route("edge"), ns(labels));
    const r = diff(objects("team: edge"), objects("team: edge, gateway-access: shared"));
    expect(lines(r, /^exposed /)).toEqual([
      expect.stringContaining("through Gateway shop/public [k8s.yaml:22] (listener http: HTTP port 80, any host, admits Namespace edge by its label gateway-access=shared (added in this PR)) → HTTPRoute edge/store"),
    ]);
    expect(r.gate.violations.map((v) => v.rule)).toEqual(["exposed"]);
  });

  it("a route that attaches because the PR opened the listener to all namespaces says so", () => {
    const same = gateway("{name: http, port: 80, protocol: HTTP}");
    const all = gateway("{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}");
    const r = diff(files(web, svc("ClusterIP"), same, grant, route("edge")), files(web, svc("ClusterIP"), all, grant, route("edge")));
    expect(lines(r, /^exposed /)).toEqual([expect.stringContaining("(listener http: HTTP port 80, any host, allowedRoutes changed in this PR (was its own namespace)) → HTTPRoute edge/store")]);
  });

  it("an Ingress replaced by an HTTPRoute (the same reach from the ingress controller) is shown as moved, not as nothing", () => {
    const ingress = shopIngress("/shop");
    const r = diff(files(web, svc("ClusterIP"), ingress), files(web, svc("ClusterIP"), gateway("{name: http, port: 80, protocol: HTTP, hostname: shop.example.com}"), route()));
    expect(r.gate.passed).toBe(true);
    expect(r.changes).toEqual([]);
    expect(lines(r, /^(exposed|unexposed|moved) /)).toEqual([
      expect.stringMatching(/^moved shop\/web\[Deployment\] TCP 8080 moved: was reachable from the ingress controller through Ingress shop\/web .*\(host shop\.example\.com, path \/shop, removed in this PR\).*; now from the ingress controller through Gateway shop\/public .*\(listener http: HTTP port 80, host shop\.example\.com, new in this PR\) → HTTPRoute shop\/store/),
    ]);
  });
});
