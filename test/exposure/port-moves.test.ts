// Moves judged port by port (issue 19): a (workload, port) public before and after is moved,
// shown with both paths and not gated; beside it, in the same change, a port that is truly new
// is newly exposed and a port no longer public is no longer exposed.
import { describe, expect, it } from "vitest";
import { diff, type DiffReport } from "../../src/analyze.js";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { WEB as web, shopGateway, shopIngress } from "./shop-web.js";

const HTTP = "{name: http, port: 80, targetPort: http}";
const HTTPS = "{name: https, port: 443, targetPort: https}";
const svc = (type: string, ports: string[], name = "web") => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: shop}
spec:
  type: ${type}
  selector: {app: web}
  ports: [${ports.join(", ")}]
`;
const gateway = shopGateway("{name: https, port: 443, protocol: HTTPS, hostname: shop.example.com}");
/** One rule per Service port: `/` to the first, `/p<port>` to the rest. */
const route = (service: string, ports: number[]) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: store, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules:
${ports.map((p, i) => `  - ${i === 0 ? "" : `matches: [{path: {type: PathPrefix, value: /p${p}}}]\n    `}backendRefs: [{name: ${service}, port: ${p}}]`).join("\n")}
`;
const ingress = shopIngress();
const files = (...docs: string[]): SourceFile[] => [{ path: "k8s.yaml", text: docs.join("---\n") }];
const lines = (r: DiffReport) => renderDiffText(r).split("\n").filter((l) => /^(exposed|unexposed|moved) /.test(l));
const violations = (r: DiffReport) => r.gate.violations.map((v) => `${v.rule}: ${v.change.dst.id} ${v.conn.toString()}`);

describe("a LoadBalancer for TCP 80 and 443 replaced by a Gateway route for 443 only", () => {
  const r = diff(files(web, svc("LoadBalancer", [HTTP, HTTPS])), files(web, svc("ClusterIP", [HTTP, HTTPS]), gateway, route("web", [443])));

  it("443 is moved, 80 no longer exposed; nothing is gated", () => {
    expect(r.gate.passed).toBe(true);
    expect(lines(r)).toEqual([
      expect.stringMatching(/^moved shop\/web\[Deployment\] TCP 8443 moved: was reachable from the internet through Service shop\/web .*port 443 .*; now from the ingress controller through Gateway shop\/public /),
      expect.stringMatching(/^unexposed shop\/web\[Deployment\] TCP 8080 no longer reachable from the internet \(was through Service shop\/web .*port 80 /),
    ]);
  });

  it("the verdict's breakage names 80 alone: 443 is still public", () => {
    const md = renderComment(r, { marker: "" });
    const verdict = md.split("\n").find((l) => l.includes("Stops working:**"))!;
    expect(verdict).toContain("`shop/web[Deployment]` TCP 8080 no longer reachable from the internet");
    expect(verdict).not.toContain("8443");
  });
});

describe("a route beside a LoadBalancer", () => {
  it("a route adding port 443 beside the LoadBalancer's port 80: only 443 is newly exposed, 80 is also reachable through the route", () => {
    const r = diff(files(web, svc("LoadBalancer", [HTTP])), files(web, svc("LoadBalancer", [HTTP]), svc("ClusterIP", [HTTP, HTTPS], "web-int"), gateway, route("web-int", [80, 443])));
    expect(violations(r)).toEqual(["exposed: shop/web[Deployment] TCP 8443"]);
    expect(lines(r)).toEqual([
      expect.stringMatching(/^exposed shop\/web\[Deployment\] TCP 8443 newly reachable from the ingress controller through Gateway shop\/public .*HTTPRoute shop\/store .*\(path \/p443, new in this PR\)/),
      expect.stringMatching(/^moved shop\/web\[Deployment\] TCP 8080 already reachable from the internet through Service shop\/web .*; now also from the ingress controller through Gateway shop\/public /),
    ]);
    // The gate's line names the newly public port alone.
    expect(renderDiffText(r)).toContain("  shop/web[Deployment] TCP 8443 newly reachable from the ingress controller through Gateway shop/public (exposed)");
  });

  it("one port moved to a Gateway and one kept on the LoadBalancer and added to the Gateway read as two moves, each true of its port", () => {
    const r = diff(files(web, svc("LoadBalancer", [HTTP, HTTPS])), files(web, svc("LoadBalancer", [HTTPS]), svc("ClusterIP", [HTTP, HTTPS], "web-int"), gateway, route("web-int", [80, 443])));
    expect(r.gate.passed).toBe(true);
    expect(lines(r)).toEqual([
      expect.stringMatching(/^moved shop\/web\[Deployment\] TCP 8080 moved: was reachable from the internet through Service shop\/web .*port 80 .*; now from the ingress controller through Gateway [^;]*port 80 [^;]*$/),
      expect.stringMatching(/^moved shop\/web\[Deployment\] TCP 8443 already reachable from the internet through Service shop\/web .*port 443 .*; now also from the ingress controller through Gateway [^;]*port 443 [^;]*$/),
    ]);
  });

  it("an Ingress for 80 replaced by an HTTPRoute for 80 and 443: 80 moved, 443 newly exposed", () => {
    const r = diff(files(web, svc("ClusterIP", [HTTP, HTTPS]), ingress), files(web, svc("ClusterIP", [HTTP, HTTPS]), gateway, route("web", [80, 443])));
    expect(violations(r)).toEqual(["exposed: shop/web[Deployment] TCP 8443"]);
    expect(lines(r)).toEqual([
      expect.stringMatching(/^exposed shop\/web\[Deployment\] TCP 8443 newly reachable from the ingress controller through Gateway /),
      expect.stringMatching(/^moved shop\/web\[Deployment\] TCP 8080 moved: was reachable from the ingress controller through Ingress shop\/web .*; now from the ingress controller through Gateway shop\/public /),
    ]);
  });
});
