// Gateway chains (issue 19): every hop named — the Gateway with its listener's port and hostname,
// the route, the Service port and the target port — and no route hop says "any host" where the
// listener it attaches to names one; a Namespace label that let the route attach is the reason.
import { describe, expect, it } from "vitest";
import { diff, type DiffReport } from "../../src/analyze.js";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { edgeGrant, shopGateway, webDeployment } from "./shop-web.js";

const web = webDeployment("{containerPort: 8443, name: tls}");
const svc = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: tls, port: 443, targetPort: tls}]
`;
const gateway = (listener: string) => shopGateway(listener, "edge");
const route = (kind: string, ns = "shop") => `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: ${kind}
metadata: {name: passthrough, namespace: ${ns}}
spec:
  parentRefs: [{name: edge, namespace: shop}]
  rules:
  - backendRefs: [{name: web, namespace: shop, port: 443}]
`;
const files = (...docs: string[]): SourceFile[] => [{ path: "k8s.yaml", text: docs.join("---\n") }];
const exposed = (r: DiffReport) => renderDiffText(r).split("\n").filter((l) => l.startsWith("exposed "));

describe("a Gateway chain names every hop", () => {
  it("a TLSRoute with no hostnames behind a listener that names one: the listener's host, never 'any host'", () => {
    const tls = gateway("{name: tls, port: 443, protocol: TLS, hostname: secure.example.com, tls: {mode: Passthrough}}");
    const r = diff(files(web, svc), files(web, svc, tls, route("TLSRoute")));
    expect(exposed(r)).toEqual([
      "exposed shop/web[Deployment] TCP 8443 newly reachable from the ingress controller through Gateway shop/edge [k8s.yaml:21] (listener tls: TLS port 443, host secure.example.com, new in this PR) → TLSRoute shop/passthrough [k8s.yaml:34] (all traffic the listener accepts, new in this PR) → Service shop/web [k8s.yaml:19] (ClusterIP, port 443 (tls) → targetPort tls = 8443); no NetworkPolicy selects it for ingress",
    ]);
    expect(renderComment(r, { marker: "" })).not.toContain("any host");
  });

  it("a TCPRoute: the listener's port, and the route carries every connection", () => {
    const r = diff(files(web, svc), files(web, svc, gateway("{name: tcp, port: 9443, protocol: TCP}"), route("TCPRoute")));
    expect(exposed(r)).toEqual([expect.stringContaining("through Gateway shop/edge [k8s.yaml:21] (listener tcp: TCP port 9443, new in this PR) → TCPRoute shop/passthrough [k8s.yaml:34] (all traffic the listener accepts, new in this PR) → Service shop/web")]);
  });

  it("a route in another namespace attached by a Namespace label the PR adds: the label is the reason, on the Gateway hop", () => {
    const ns = (labels: string) => `apiVersion: v1
kind: Namespace
metadata: {name: edge, labels: {${labels}}}
`;
    const grant = edgeGrant("TLSRoute");
    const selecting = gateway("{name: tls, port: 443, protocol: TLS, hostname: secure.example.com, tls: {mode: Passthrough}, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {edge-access: granted}}}}}");
    const objects = (labels: string) => files(web, svc, selecting, grant, route("TLSRoute", "edge"), ns(labels));
    const r = diff(objects("team: edge"), objects("team: edge, edge-access: granted"));
    expect(exposed(r)).toEqual([
      expect.stringContaining("(listener tls: TLS port 443, host secure.example.com, admits Namespace edge by its label edge-access=granted (added in this PR)) → TLSRoute edge/passthrough"),
    ]);
    // And the other way: the label removed closes it, the base chain says the label changed.
    const back = diff(objects("team: edge, edge-access: granted"), objects("team: edge"));
    expect(renderDiffText(back)).toContain("admits Namespace edge by its label edge-access=granted (changed in this PR)) → TLSRoute edge/passthrough");
  });
});
