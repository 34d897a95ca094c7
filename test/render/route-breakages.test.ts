// Routes whose backend Service the pull request removes (issue 19): the Ingress or route at the
// head sends traffic nowhere. Listed under "Stops working" and named by the verdict, like a
// Service whose named targetPort matches no container port.
import { describe, expect, it } from "vitest";
import { diff, type DiffReport } from "../../src/analyze.js";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { WEB as web, shopGateway, shopIngress } from "../exposure/shop-web.js";

const svc = (name: string, app: string, ports = "[{name: http, port: 80, targetPort: 8080}, {name: https, port: 443, targetPort: 8443}]") => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {app: ${app}}
  ports: ${ports}
`;
const ingress = (service: string) => shopIngress("/", service, "site");
const gateway = shopGateway("{name: http, port: 80, protocol: HTTP}");
const route = (service: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: legacy, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules:
  - backendRefs: [{name: ${service}, port: 80}]
`;
const files = (...docs: string[]): SourceFile[] => [{ path: "k8s.yaml", text: docs.join("---\n") }];
const md = (r: DiffReport) => renderComment(r, { marker: "" });
const verdict = (r: DiffReport) => md(r).split("\n").find((l) => l.startsWith("**"))!;
const items = (r: DiffReport) => md(r).split("\n").filter((l) => /^- \*\*(Sends to nothing|No longer exposed|Forwards to nothing):\*\*/.test(l));

describe("a route whose backend Service the pull request removes", () => {
  it("the Service of pods not declared here: Stops working and the verdict name the route and the Service", () => {
    // A Service without a selector (its endpoints kept by hand): no pod behind it here, so no flow
    // or exposure changes, only the route left pointing at nothing.
    const external = svc("legacy", "legacy").replace("  selector: {app: legacy}\n", "");
    const r = diff(files(web, external, gateway, route("legacy")), files(web, gateway, route("legacy")));
    expect(r.routeBreakages?.map((b) => `${b.route.id} ${b.service} ${b.cause}`)).toEqual(["shop/legacy[HTTPRoute] shop/legacy service-removed"]);
    expect(items(r)).toEqual([
      "- **Sends to nothing:** HTTPRoute `shop/legacy` (`k8s.yaml:27`) → Service `shop/legacy` port 80: the Service was removed in this pull request (was at `k8s.yaml:14`); the route sends traffic nowhere",
    ]);
    expect(verdict(r)).toContain("⚠️ **Stops working:** HTTPRoute `shop/legacy` → Service `shop/legacy` port 80: the Service was removed in this pull request; the route sends traffic nowhere");
    // Not "no change to reachability" above it.
    expect(renderDiffText(r).split("\n")[0]).toBe("netreach: 0 flows opened, 0 closed — gate passed");
    expect(renderDiffText(r)).toContain("! stops working: HTTPRoute shop/legacy → Service shop/legacy port 80: the Service was removed in this pull request; the route sends traffic nowhere");
  });

  it("the Service of a declared workload: the lost exposure's cause is the route left pointing at nothing, said once", () => {
    const r = diff(files(web, svc("web", "web"), ingress("web")), files(web, ingress("web")));
    expect(items(r)).toEqual([
      expect.stringMatching(/^- \*\*No longer exposed:\*\* `shop\/web\[Deployment\]` TCP 8080 no longer reachable from the ingress controller \(was through Ingress `shop\/site` .* → Service `shop\/web` \(ClusterIP, port 80 \\\(http\\\) → targetPort 8080, removed in this PR\)\) — Ingress `shop\/site` \(`k8s\.yaml:\d+`\) → Service `shop\/web` port 80: the Service was removed in this pull request \(was at `k8s\.yaml:14`\); the route sends traffic nowhere$/),
    ]);
    expect(verdict(r)).toContain("⚠️ **Stops working:** `shop/web[Deployment]` TCP 8080 no longer reachable through Ingress `shop/site`: its backend Service `shop/web` was removed in this pull request; the Ingress sends traffic nowhere.");
  });

  it("the Service keeps its name but drops the port the Ingress names", () => {
    const only443 = "[{name: https, port: 443, targetPort: 8443}]";
    const r = diff(files(svc("legacy", "legacy"), ingress("legacy")), files(svc("legacy", "legacy", only443), ingress("legacy")));
    expect(items(r)).toEqual([
      expect.stringMatching(/^- \*\*No longer exposed:\*\* `shop\/\[app=legacy\]` TCP 8080 no longer reachable from the ingress controller .* — Ingress `shop\/site` \(`k8s\.yaml:\d+`\) → Service `shop\/legacy` port 80: port 80 was removed from the Service in this pull request \(was at `k8s\.yaml:\d+`\); the route sends traffic nowhere$/),
    ]);
  });

  it("a route that names a Service never declared here is no breakage of this pull request (the loader warns)", () => {
    const r = diff(files(web, ingress("elsewhere")), files(web, ingress("elsewhere")));
    expect(r.routeBreakages).toEqual([]);
  });
});

it("JSON lists the route under stopsWorking.routes (an added field)", async () => {
  const { diffJson } = await import("../../src/render/diff-json.js");
  const r = diff(files(web, svc("web", "web"), ingress("web")), files(web, ingress("web")));
  expect(diffJson(r).stopsWorking?.routes).toEqual([
    { kind: "Ingress", route: "shop/site[Ingress]", file: "k8s.yaml", line: expect.any(Number), service: "shop/web", port: 80, cause: "service-removed", was: { file: "k8s.yaml", line: 14 } },
  ]);
});

it("the comments parse as GitHub parses them: no broken table, no raw HTML, nothing too wide", async () => {
  const { gfmProblems } = await import("./gfm-check.js");
  const external = svc("legacy", "legacy").replace("  selector: {app: legacy}\n", "");
  const reports = [
    diff(files(web, external, gateway, route("legacy")), files(web, gateway, route("legacy"))),
    diff(files(web, svc("web", "web"), ingress("web")), files(web, ingress("web"))),
  ];
  for (const r of reports) expect(gfmProblems(renderComment(r, { marker: "<!-- netreach -->" }), "<!-- netreach -->")).toEqual([]);
});
