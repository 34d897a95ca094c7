// Ingress, Gateway API objects and OpenShift Routes: fields, defaults and rejections at their line.
import { describe, expect, it } from "vitest";
import { loadSources } from "../../src/load/load-sources.js";

const load = (text: string) => loadSources([{ path: "r.yaml", text }]);
const errors = (text: string) => load(text).diagnostics.filter((d) => d.severity === "error").map((d) => [d.line, d.message]);

const ingress = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\nspec:\n${spec}`;

describe("Ingress", () => {
  it("one backend per path with its host, path and pathType, and the default backend; hosts and class kept", () => {
    const r = load(
      ingress(
        "  ingressClassName: nginx\n  defaultBackend: {service: {name: fallback, port: {number: 80}}}\n  rules:\n  - host: shop.example.com\n    http:\n      paths:\n" +
          "      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}\n      - {path: /img, pathType: Exact, backend: {resource: {apiGroup: k8s.example.com, kind: Bucket, name: img}}}\n",
      ),
    );
    const route = r.cluster.routes[0]!;
    expect(route).toMatchObject({ id: "shop/web[Ingress]", kind: "Ingress", hosts: ["shop.example.com"], ingressClassName: "nginx", parents: [] });
    expect(route.backends.map((b) => [b.serviceNamespace, b.serviceName, b.port, b.match])).toEqual([
      ["shop", "fallback", { kind: "service-port", port: 80 }, undefined],
      ["shop", "web", { kind: "service-port-name", name: "http" }, { host: "shop.example.com", path: "/", pathType: "Prefix" }],
    ]);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: "note", line: 12, message: expect.stringMatching(/resource backend reaches no Service/) }));
    // The resource backend is not a missing Service.
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  const cases: [string, string, number, RegExp][] = [
    ["neither rules nor defaultBackend", "  ingressClassName: nginx\n", 4, /either defaultBackend or rules must be specified/],
    ["pathType missing", "  rules:\n  - http:\n      paths:\n      - path: /\n        backend: {service: {name: web, port: {number: 80}}}\n", 8, /pathType: is required/],
    ["pathType in lower case", "  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: prefix\n        backend: {service: {name: web, port: {number: 80}}}\n", 9, /unsupported value "prefix"/],
    ["relative path", "  rules:\n  - http:\n      paths:\n      - path: api\n        pathType: Prefix\n        backend: {service: {name: web, port: {number: 80}}}\n", 8, /"api" must be an absolute path/],
    ["both port name and number", "  defaultBackend:\n    service:\n      name: web\n      port: {name: http, number: 80}\n", 8, /exactly one of name and number, not both/],
    ["neither port name nor number", "  defaultBackend:\n    service:\n      name: web\n      port: {}\n", 8, /exactly one of name and number/],
    ["both service and resource", "  defaultBackend:\n    service: {name: web, port: {number: 80}}\n    resource: {kind: Bucket, name: b}\n", 5, /exactly one of service and resource, not both/],
    ["an IP address as host", "  rules:\n  - host: 10.0.0.1\n", 6, /must be a DNS name, not an IP address/],
  ];
  for (const [title, spec, line, message] of cases) {
    it(`rejects: ${title}, at its line`, () => {
      const e = errors(ingress(spec));
      expect(e).toHaveLength(1);
      expect(e[0]![0]).toBe(line);
      expect(e[0]![1]).toMatch(message);
      expect(e[0]![1]).toMatch(/the API server rejects this Ingress$/);
      expect(load(ingress(spec)).cluster.routes).toEqual([]);
    });
  }
});

const gw = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: infra}
spec:
  gatewayClassName: cloud
  listeners:
  - {name: https, port: 443, protocol: HTTPS, hostname: "*.example.com", allowedRoutes: {namespaces: {from: All}}}
  - {name: internal, port: 80, protocol: HTTP}
`;

describe("Gateway API", () => {
  it("Gateway listeners: allowedRoutes defaults to Same", () => {
    const g = load(gw).cluster.gateways[0]!;
    expect(g).toMatchObject({ id: "infra/public", gatewayClassName: "cloud" });
    expect(g.listeners).toEqual([
      { name: "https", port: 443, protocol: "HTTPS", hostname: "*.example.com", allowedNamespaces: { from: "All" } },
      { name: "internal", port: 80, protocol: "HTTP", hostname: undefined, allowedNamespaces: { from: "Same" } },
    ]);
  });

  it("HTTPRoute (v1 and v1beta1), GRPCRoute and TCPRoute: parents default to a Gateway in the route's namespace, backends to Services", () => {
    for (const [kind, version] of [["HTTPRoute", "v1"], ["HTTPRoute", "v1beta1"], ["GRPCRoute", "v1"], ["TCPRoute", "v1alpha2"]]) {
      const r = load(`apiVersion: gateway.networking.k8s.io/${version}
kind: ${kind}
metadata: {name: web, namespace: shop}
spec:
  parentRefs:
  - {name: public, namespace: infra, sectionName: https}
  - name: local
  rules:
  - backendRefs:
    - {name: web, port: 8080, weight: 3}
    - {name: other, namespace: shared, port: 80}
    - {group: example.com, kind: Bucket, name: b}
`);
      const route = r.cluster.routes[0]!;
      expect(route.id).toBe(`shop/web[${kind}]`);
      expect(route.parents.map((p) => [p.group, p.kind, p.namespace, p.name, p.sectionName])).toEqual([
        ["gateway.networking.k8s.io", "Gateway", "infra", "public", "https"],
        ["gateway.networking.k8s.io", "Gateway", "shop", "local", undefined],
      ]);
      expect(route.backends.map((b) => [b.serviceNamespace, b.serviceName, b.port, b.weight])).toEqual([
        ["shop", "web", { kind: "service-port", port: 8080 }, 3],
        ["shared", "other", { kind: "service-port", port: 80 }, 1],
      ]);
      expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: "note", line: 12, message: expect.stringMatching(/kind "Bucket".*is not a Service/) }));
    }
  });

  it("rejects a Service backendRef without a port, and a listener port out of range, at their lines", () => {
    expect(errors("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web}\nspec:\n  rules:\n  - backendRefs:\n    - name: web\n")).toEqual([
      [7, expect.stringMatching(/port: is required for a Service backend; the API server rejects this HTTPRoute \(CRD validation\)$/)],
    ]);
    expect(errors(gw.replace("port: 80,", "port: 0,"))).toEqual([[8, expect.stringMatching(/port number 0 is out of range/)]]);
    expect(errors(gw.replace("name: internal", "name: https"))).toEqual([[8, expect.stringMatching(/duplicate listener name "https"/)]]);
  });

  it("versions not read stay in the skipped kinds", () => {
    const r = load("apiVersion: gateway.networking.k8s.io/v1alpha1\nkind: HTTPRoute\nmetadata: {name: old}\nspec: {}\n");
    expect(r.cluster.routes).toEqual([]);
    expect(r.skipped.kinds.get("HTTPRoute")).toBe(1);
  });
});

describe("OpenShift Route", () => {
  const route = (spec: string) => `apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: web, namespace: shop}\nspec:\n${spec}`;

  it("to and alternateBackends, weights defaulting to 100, targetPort by name or number, host", () => {
    const r = load(route("  host: web.example.com\n  to: {kind: Service, name: web}\n  alternateBackends:\n  - {kind: Service, name: canary, weight: 10}\n  port: {targetPort: http}\n"));
    const rt = r.cluster.routes[0]!;
    expect(rt).toMatchObject({ id: "shop/web[Route]", hosts: ["web.example.com"] });
    expect(rt.backends.map((b) => [b.serviceName, b.weight, b.port])).toEqual([
      ["web", 100, { kind: "service-port-name", name: "http" }],
      ["canary", 10, { kind: "service-port-name", name: "http" }],
    ]);
    expect(load(route("  to: {name: web}\n  port: {targetPort: 8080}\n")).cluster.routes[0]!.backends[0]!.port).toEqual({ kind: "target-port", port: 8080 });
    expect(load(route("  to: {name: web}\n")).cluster.routes[0]!.backends[0]!.port).toEqual({ kind: "all" });
  });

  it("rejects a target that is not a Service and a weight over 256, at their lines", () => {
    expect(errors(route("  to: {kind: Deployment, name: web}\n"))).toEqual([[5, expect.stringMatching(/must be Service, not the string "Deployment"/)]]);
    expect(errors(route("  to:\n    name: web\n    weight: 300\n"))).toEqual([[7, expect.stringMatching(/weight number 300 must be an integer 0-256/)]]);
  });
});
