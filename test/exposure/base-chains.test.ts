// A path that existed at the base and is gone (a port no longer exposed, the old path of a move)
// names the objects that made it at their base lines and says what this pull request did to them
// (issue 19): "was through Service `shop/web` (LoadBalancer, port 80, removed in this PR)".
import { describe, expect, it } from "vitest";
import { diff, type DiffReport } from "../../src/analyze.js";
import { diffJson } from "../../src/render/diff-json.js";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { WEB as web, shopGateway, shopIngress } from "./shop-web.js";

const svc = (type: string, ports = "[{name: http, port: 80, targetPort: http}]") => `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: ${type}
  selector: {app: web}
  ports: ${ports}
`;
const gateway = (listener: string) => shopGateway(listener);
const route = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: store, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules:
  - backendRefs: [{name: web, port: 80}]
`;
const ingress = shopIngress();
const files = (...docs: string[]): SourceFile[] => [{ path: "k8s.yaml", text: docs.join("---\n") }];
const unexposed = (r: DiffReport) => renderDiffText(r).split("\n").filter((l) => l.startsWith("unexposed "));
const stops = (r: DiffReport) => renderComment(r, { marker: "" }).split("\n").filter((l) => l.startsWith("- **No longer exposed:**"));

describe("a path gone at the head names what the pull request did to its objects", () => {
  it("a LoadBalancer Service removed: its hop at the base line says so, and so does the cause", () => {
    const r = diff(files(web, svc("LoadBalancer")), files(web));
    expect(unexposed(r)).toEqual([
      "unexposed shop/web[Deployment] TCP 8080 no longer reachable from the internet (was through Service shop/web [base k8s.yaml:20] (LoadBalancer, port 80 (http) → targetPort http = 8080, removed in this PR))",
    ]);
    expect(stops(r)).toEqual([
      "- **No longer exposed:** `shop/web[Deployment]` TCP 8080 no longer reachable from the internet (was through Service `shop/web` (LoadBalancer, port 80 \\(http\\) → targetPort http = 8080, removed in this PR)) — Service `shop/web` (`k8s.yaml:20`) was removed in this pull request",
    ]);
    // The verdict names the Service once: what the pull request did to it is said of "it".
    expect(renderComment(r, { marker: "" })).toContain("⚠️ **Stops working:** `shop/web[Deployment]` TCP 8080 no longer reachable from the internet through Service `shop/web`: it was removed in this pull request.");
  });

  it("JSON marks the hop the pull request removed (an added field)", () => {
    const r = diff(files(web, svc("LoadBalancer")), files(web));
    expect(diffJson(r).exposures.map((e) => e.via.base.map((v) => v.chain.map((h) => [h.kind, h.line, h.edit])))).toEqual([[[["Service", 20, "removed"]]]]);
  });

  it("a LoadBalancer turned ClusterIP: 'now ClusterIP', and the cause names the change", () => {
    const r = diff(files(web, svc("LoadBalancer")), files(web, svc("ClusterIP")));
    expect(unexposed(r)).toEqual([expect.stringContaining("(LoadBalancer, port 80 (http) → targetPort http = 8080, now ClusterIP))")]);
    expect(stops(r)).toEqual([expect.stringContaining(" — Service `shop/web` (`k8s.yaml:20`) changed in this pull request (now ClusterIP)")]);
    expect(renderComment(r, { marker: "" })).toContain("through Service `shop/web`: it changed in this pull request (now ClusterIP).");
  });

  it("one port dropped from a LoadBalancer: the port is named as removed, the other is unchanged", () => {
    const both = "[{name: http, port: 80, targetPort: http}, {name: https, port: 443, targetPort: https}]";
    const r = diff(files(web, svc("LoadBalancer", both)), files(web, svc("LoadBalancer", "[{name: https, port: 443, targetPort: https}]")));
    expect(unexposed(r)).toEqual([expect.stringMatching(/^unexposed shop\/web\[Deployment\] TCP 8080 .*\(LoadBalancer, port 80 \(http\) → targetPort http = 8080, port 80 removed in this PR\)\)$/)]);
    expect(stops(r)).toEqual([expect.stringContaining(" — Service `shop/web` (`k8s.yaml:20`) changed in this pull request (port 80 removed in this PR)")]);
  });

  it("an Ingress removed: the Ingress hop says so and is the cause", () => {
    const r = diff(files(web, svc("ClusterIP"), ingress), files(web, svc("ClusterIP")));
    expect(unexposed(r)).toEqual([
      expect.stringContaining("(was through Ingress shop/web [base k8s.yaml:30] (host shop.example.com, path /, removed in this PR) → Service shop/web [base k8s.yaml:20] (ClusterIP, port 80 (http) → targetPort http = 8080))"),
    ]);
    expect(stops(r)).toEqual([expect.stringContaining(" — Ingress `shop/web` (`k8s.yaml:30`) was removed in this pull request")]);
  });

  it("a Gateway removed: the Gateway hop says so and is the cause", () => {
    // (A route whose Gateway is not in the manifests counts as attached: both go.)
    const gone = diff(files(web, svc("ClusterIP"), gateway("{name: http, port: 80, protocol: HTTP}"), route), files(web, svc("ClusterIP")));
    expect(unexposed(gone)).toEqual([expect.stringContaining("(was through Gateway shop/public [base k8s.yaml:22] (listener http: HTTP port 80, any host, removed in this PR) → HTTPRoute shop/store")]);
    expect(stops(gone)).toEqual([expect.stringContaining(" — Gateway `shop/public` (`k8s.yaml:22`) was removed in this pull request")]);
  });

  it("the old path of a move says what was removed", () => {
    const r = diff(files(web, svc("ClusterIP"), ingress), files(web, svc("ClusterIP"), gateway("{name: http, port: 80, protocol: HTTP}"), route));
    expect(renderDiffText(r)).toMatch(/moved: was reachable from the ingress controller through Ingress shop\/web \[base k8s\.yaml:30\] \(host shop\.example\.com, path \/, removed in this PR\)/);
  });
});
