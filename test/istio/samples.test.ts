// Istio's samples expose exactly what their tasks show: the workload, on its port, through every
// hop (Gateway server → VirtualService → [DestinationRule subset] → Service), and nothing else.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diff, reach } from "../../src/analyze.js";
import { reachJson } from "../../src/render/reach-json.js";
import type { SourceFile } from "../../src/load/object/source.js";

const dir = new URL("../fixtures/istio/", import.meta.url);
const load = (...names: string[]): SourceFile[] => names.map((n) => ({ path: `test/fixtures/istio/${n}`, text: readFileSync(new URL(n, dir), "utf8") }));
const run = (...names: string[]) => reachJson(reach(load(...names), { pods: "declared" }));
const exposures = (j: ReturnType<typeof run>) => j.exposures.map((e) => [e.source, e.dst, e.conn]);
const hops = (j: ReturnType<typeof run>, dst: string) =>
  j.exposures.filter((e) => e.dst === dst).flatMap((e) => e.via.map((v) => v.chain.map((h) => `${h.kind} ${h.namespace}/${h.name} (${h.detail})`)));

describe("Istio samples", () => {
  it("helloworld: both versions behind Service helloworld, on TCP 5000, through the gateway's port 80 and path = /hello", () => {
    const j = run("helloworld.yaml", "helloworld-gateway.yaml");
    expect(exposures(j)).toEqual([
      ["ingress-controller", "default/helloworld-v1[Deployment]", "TCP 5000"],
      ["ingress-controller", "default/helloworld-v2[Deployment]", "TCP 5000"],
    ]);
    expect(hops(j, "default/helloworld-v1[Deployment]")).toEqual([
      [
        "Gateway default/helloworld-gateway (Istio, server http: HTTP port 80, hosts *, selector istio=ingressgateway)",
        "VirtualService default/helloworld (http[0], host *, path = /hello, to helloworld port 5000)",
        "Service default/helloworld (ClusterIP, port 5000 (http))",
      ],
    ]);
    expect(j.diagnostics).toEqual([]);
  });

  it("httpbin without a Gateway: not exposed", () => {
    const j = run("httpbin.yaml");
    expect(j.exposures).toEqual([]);
    expect(j.endpoints.some((e) => e.type === "ingress-controller")).toBe(false);
  });

  it("bookinfo: productpage-v1 on TCP 9080 through the gateway's port 8080 only; details, ratings, reviews not exposed", () => {
    const j = run("bookinfo.yaml", "bookinfo-gateway.yaml", "destination-rule-all.yaml");
    expect(exposures(j)).toEqual([["ingress-controller", "default/productpage-v1[Deployment]", "TCP 9080"]]);
    expect(hops(j, "default/productpage-v1[Deployment]")).toEqual([
      [
        "Gateway default/bookinfo-gateway (Istio, server http: HTTP port 8080, hosts *, selector istio=ingressgateway)",
        "VirtualService default/bookinfo (http[0], host *, path = /productpage, /static, = /login, = /logout, /api/v1/products, to productpage port 9080)",
        "Service default/productpage (ClusterIP, port 9080 (http))",
      ],
    ]);
    const line = j.exposures[0]!.via[0]!.chain.map((h) => `${h.file}:${h.line}`);
    expect(line).toEqual(["test/fixtures/istio/bookinfo-gateway.yaml:15", "test/fixtures/istio/bookinfo-gateway.yaml:44", "test/fixtures/istio/bookinfo.yaml:302"]);
  });

  it("tcp-echo: subset v1 only, port 9000 only, through the gateway's TCP port 31400", () => {
    const j = run("tcp-echo-services.yaml", "tcp-echo-all-v1.yaml");
    expect(exposures(j)).toEqual([["ingress-controller", "default/tcp-echo-v1[Deployment]", "TCP 9000"]]);
    expect(hops(j, "default/tcp-echo-v1[Deployment]")).toEqual([
      [
        "Gateway default/tcp-echo-gateway (Istio, server tcp: TCP port 31400, hosts *, selector istio=ingressgateway)",
        "VirtualService default/tcp-echo (tcp[0] (tcp), host *, to tcp-echo port 9000 subset v1)",
        "DestinationRule default/tcp-echo-destination (subset v1: pods labelled version=v1)",
        "Service default/tcp-echo (ClusterIP, port 9000 (tcp))",
      ],
    ]);
  });

  it("httpbin with its Gateway: httpbin on TCP 8080 (Service port 8000) through the gateway's port 80", () => {
    const j = run("httpbin.yaml", "httpbin-gateway.yaml");
    expect(exposures(j)).toEqual([["ingress-controller", "default/httpbin[Deployment]", "TCP 8080"]]);
    expect(hops(j, "default/httpbin[Deployment]")).toEqual([
      [
        "Gateway default/httpbin-gateway (Istio, server http: HTTP port 80, hosts *, selector istio=ingressgateway)",
        "VirtualService default/httpbin (http[0], host *, to httpbin port 8000)",
        "Service default/httpbin (ClusterIP, port 8000 (http) → targetPort 8080)",
      ],
    ]);
  });

  it("tcp-echo traffic shifting: applying tcp-echo-20-v2 over all-v1 newly exposes tcp-echo-v2 on TCP 9000, through subset v2", () => {
    const r = diff(load("tcp-echo-services.yaml", "tcp-echo-all-v1.yaml"), load("tcp-echo-services.yaml", "tcp-echo-all-v1.yaml", "tcp-echo-20-v2.yaml"));
    expect(r.exposureChanges.map((c) => [c.dst.id, c.opened.toString(), c.closed.toString()])).toEqual([["default/tcp-echo-v2[Deployment]", "TCP 9000", "No Connections"]]);
    // The later declaration replaces the earlier one, as kubectl apply does; the duplicate is said.
    expect(r.diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining("VirtualService default/tcp-echo"));
    const head = run("tcp-echo-services.yaml", "tcp-echo-all-v1.yaml", "tcp-echo-20-v2.yaml");
    expect(exposures(head)).toEqual([
      ["ingress-controller", "default/tcp-echo-v1[Deployment]", "TCP 9000"],
      ["ingress-controller", "default/tcp-echo-v2[Deployment]", "TCP 9000"],
    ]);
    expect(hops(head, "default/tcp-echo-v2[Deployment]")[0]?.[2]).toBe("DestinationRule default/tcp-echo-destination (subset v2: pods labelled version=v2)");
  });
});
