// Following references: Services to the workloads they select (named targetPorts per pod), route
// backends to Service ports, ReferenceGrants, and references to what is not there.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSources } from "../../src/load/load-sources.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { resolveExposure } from "../../src/model/service-resolution.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

function readTree(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...readTree(p));
    else if (/\.ya?ml$/.test(name)) out.push({ path: relative(FIXTURES, p), text: readFileSync(p, "utf8") });
  }
  return out;
}

const resolve = (text: string) => {
  const loaded = loadSources([{ path: "c.yaml", text }]);
  return { loaded, resolution: resolveExposure(loaded.cluster) };
};

const pods = `apiVersion: apps/v1
kind: Deployment
metadata: {name: a, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web, v: a}}
    spec: {containers: [{name: c, ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: b, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web, v: b}}
    spec: {containers: [{name: c, ports: [{name: http, containerPort: 9090}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: other, namespace: elsewhere}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c}]}
`;

describe("Service targets", () => {
  it("a named targetPort resolves per workload on its own container ports (same protocol); unresolved gives none, with a note", () => {
    const { resolution } = resolve(`${pods}---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: http}
  - {name: dns, port: 53, protocol: UDP, targetPort: dns}
  - {name: raw, port: 81, targetPort: 7000}
`);
    const t = resolution.services[0]!;
    const table = t.ports.map((p) => [p.port.name, p.workloads.map((w) => [w.workload.id, w.port])]);
    expect(table).toEqual([
      ["http", [["shop/a[Deployment]", 8080], ["shop/b[Deployment]", 9090]]],
      ["dns", [["shop/a[Deployment]", 53], ["shop/b[Deployment]", undefined]]],
      ["raw", [["shop/a[Deployment]", 7000], ["shop/b[Deployment]", 7000]]],
    ]);
    expect(resolution.findings).toEqual([
      expect.objectContaining({ severity: "note", at: expect.objectContaining({ file: "c.yaml", line: 32 }), message: expect.stringMatching(/^Service shop\/web: targetPort "dns" names no UDP container port of shop\/b\[Deployment\]/) }),
    ]);
  });

  it("a selector-less Service selects nothing; selectors only reach the Service's namespace", () => {
    const { resolution } = resolve(`${pods}---
apiVersion: v1
kind: Service
metadata: {name: manual, namespace: shop}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: elsewhere}
spec: {selector: {app: web}, ports: [{port: 80}]}
`);
    expect(resolution.services.map((s) => [s.service.id, s.ports[0]!.workloads.map((w) => w.workload.id)])).toEqual([
      ["shop/manual", []],
      ["elsewhere/web", ["elsewhere/other[Deployment]"]],
    ]);
  });
});

describe("route backends", () => {
  const service = `---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: http}
  - {name: admin, port: 9000, targetPort: 9000}
`;
  it("reach the Service port by number or name; an OpenShift number matches the pods' port (targetPort)", () => {
    const { resolution } = resolve(`${pods}${service}---
apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: by-target, namespace: shop}
spec: {to: {name: web}, port: {targetPort: 9090}}
---
apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: all, namespace: shop}
spec: {to: {name: web}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: in, namespace: shop}
spec: {defaultBackend: {service: {name: web, port: {name: admin}}}}
`);
    expect(resolution.backends.map((b) => [b.route.id, b.service?.id, b.ports.map((p) => p.name)])).toEqual([
      ["shop/by-target[Route]", "shop/web", ["http"]],
      ["shop/all[Route]", "shop/web", ["http", "admin"]],
      ["shop/in[Ingress]", "shop/web", ["admin"]],
    ]);
    expect(resolution.findings).toEqual([]);
  });

  it("a missing Service or port is a warning naming it, at the backend's line", () => {
    const { resolution, loaded } = resolve(`${pods}${service}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: in, namespace: shop}
spec:
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service: {name: gone, port: {number: 80}}
      - path: /x
        pathType: Prefix
        backend:
          service: {name: web, port: {number: 8080}}
`);
    const warnings = resolution.findings.map((f) => [f.severity, f.at.line, f.message]);
    expect(warnings).toEqual([
      ["warning", 44, "Ingress shop/in: the backend Service shop/gone is not declared in these manifests; its exposure cannot be followed"],
      ["warning", 48, "Ingress shop/in: the backend Service shop/web has no port 8080; no traffic is sent to it"],
    ]);
    // The same, as diagnostics of the load, with a column.
    expect(loaded.diagnostics.filter((d) => d.severity === "warning").map((d) => [d.line, d.column])).toEqual([[44, 11], [48, 11]]);
  });

  const crossNamespace = (grant: string) => `apiVersion: v1
kind: Service
metadata: {name: db, namespace: data}
spec: {ports: [{port: 5432}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: shop}
spec:
  rules:
  - backendRefs:
    - {name: db, namespace: data, port: 5432}
${grant}`;
  const grantFor = (from: string, to: string) => `---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: data}
spec:
  from: [${from}]
  to: [${to}]
`;
  const backend = (text: string) => {
    const r = resolve(text).resolution;
    return { service: r.backends[0]!.service?.id, warnings: r.findings.map((f) => [f.at.line, f.message]) };
  };

  it("a cross-namespace backendRef is followed where a ReferenceGrant in the target namespace admits it", () => {
    expect(backend(crossNamespace(grantFor("{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}", '{group: "", kind: Service}')))).toEqual({ service: "data/db", warnings: [] });
    expect(backend(crossNamespace(grantFor("{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}", '{group: "", kind: Service, name: db}')))).toEqual({ service: "data/db", warnings: [] });
  });

  const notAdmitted = [
    ["no grant", ""],
    ["a grant for another namespace", grantFor("{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: other}", '{group: "", kind: Service}')],
    ["a grant for another route kind", grantFor("{group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: shop}", '{group: "", kind: Service}')],
    ["a grant for another Service", grantFor("{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}", '{group: "", kind: Service, name: cache}')],
  ];
  for (const [title, grant] of notAdmitted) {
    it(`is not followed with ${title}: a warning at the backendRef`, () => {
      expect(backend(crossNamespace(grant!))).toEqual({
        service: undefined,
        warnings: [[12, "HTTPRoute shop/r: the backend Service data/db is in another namespace and no ReferenceGrant in data admits HTTPRoute from shop; the gateway does not send traffic to it"]],
      });
    });
  }

  it("a parent Gateway that is missing, or whose listeners do not admit the route's namespace, is a warning", () => {
    const route = (parent: string) => `${gatewayText}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [${parent}]
`;
    const gatewayText = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  listeners:
  - {name: open, port: 443, protocol: HTTPS, allowedRoutes: {namespaces: {from: All}}}
  - {name: own, port: 80, protocol: HTTP}
`;
    const messages = (parent: string) => resolve(route(parent)).resolution.findings.map((f) => f.message);
    expect(messages("{name: gw, namespace: infra}")).toEqual([]);
    expect(messages("{name: gw, namespace: infra, sectionName: own}")).toEqual(["HTTPRoute shop/r: no listener of Gateway infra/gw allows routes from namespace shop; the route is not attached"]);
    expect(messages("{name: gw, namespace: infra, sectionName: nope}")).toEqual(['HTTPRoute shop/r: Gateway infra/gw has no listener named "nope"; the route is not attached']);
    expect(messages("{name: gone}")).toEqual(["HTTPRoute shop/r: the parent Gateway shop/gone is not declared in these manifests; where it listens cannot be followed"]);
  });
});

describe("real manifests", () => {
  it("acs-security-demos: each Route reaches its Service by the port name http, and the workload's port behind it", () => {
    const loaded = loadSources(readTree(join(FIXTURES, "netpol-analyzer/tests/acs-security-demos")));
    const r = resolveExposure(loaded.cluster);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.cluster.routes.map((x) => x.id).sort()).toEqual(["frontend/asset-cache[Route]", "frontend/webapp[Route]"]);
    const webapp = r.backends.find((b) => b.route.id === "frontend/webapp[Route]")!;
    expect([webapp.service?.id, webapp.ports.map((p) => [p.name, p.port])]).toEqual(["frontend/webapp-service", [["http", 8080]]]);
    const targets = r.services.find((s) => s.service.id === "frontend/webapp-service")!;
    expect(targets.ports[0]!.workloads.map((w) => [w.workload.id, w.port])).toEqual([["frontend/webapp[Deployment]", 8080]]);
    expect(loaded.skipped.kinds.has("Service")).toBe(false);
    expect(loaded.skipped.kinds.has("Route")).toBe(false);
  });

  it("one_ingress_multiple_ports: the Service's three unnamed ports are rejected (names are required), so the Ingress's backends are warnings", () => {
    const loaded = loadSources(readTree(join(FIXTURES, "netpol-analyzer/tests/one_ingress_multiple_ports")));
    expect(loaded.cluster.services).toEqual([]);
    expect(loaded.diagnostics.filter((d) => d.severity === "error").map((d) => [d.file.split("/").pop(), d.line, d.message])).toEqual([
      ["deployment_with_multiple_ports.yaml", 40, "Service ingressworld/ingress-world: spec.ports[0].name: a name is required when a Service has more than one port; the API server rejects this Service"],
      ["deployment_with_multiple_ports.yaml", 43, "Service ingressworld/ingress-world: spec.ports[1].name: a name is required when a Service has more than one port; the API server rejects this Service"],
      ["deployment_with_multiple_ports.yaml", 46, "Service ingressworld/ingress-world: spec.ports[2].name: a name is required when a Service has more than one port; the API server rejects this Service"],
    ]);
    const ingress = loaded.cluster.routes[0]!;
    expect(ingress.hosts).toEqual(["ingress.nginx.example.com", "ingress-2.nginx.example.com"]);
    expect(ingress.backends.map((b) => b.port)).toEqual([{ kind: "service-port", port: 8090 }, { kind: "service-port", port: 8000 }]);
    expect(resolveExposure(loaded.cluster).findings.map((f) => [f.at.line, f.message])).toEqual([
      [14, "Ingress ingressworld/ingress-world: the backend Service ingressworld/ingress-world is not declared in these manifests; its exposure cannot be followed"],
      [24, "Ingress ingressworld/ingress-world: the backend Service ingressworld/ingress-world is not declared in these manifests; its exposure cannot be followed"],
    ]);
  });

  it("realworld: every Service is accepted; each with a selector selects a declared workload, except per-pod ones", () => {
    // The projects render the same apps several ways, so one revision of all of them declares
    // Services more than once (warned, the later one kept): 44 distinct ones.
    const loaded = loadSources(readTree(join(FIXTURES, "realworld")));
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const aboutExposure = /^(Service|Ingress|HTTPRoute|GRPCRoute|Gateway|Route) /;
    expect(loaded.diagnostics.filter((d) => aboutExposure.test(d.message) && !d.message.includes("is declared more than once"))).toEqual([]);
    expect(loaded.cluster.services).toHaveLength(44);
    expect(loaded.skipped.kinds.has("Service")).toBe(false);
    const r = resolveExposure(loaded.cluster);
    const empty = r.services.filter((s) => s.service.selector !== null && s.ports.every((p) => p.workloads.length === 0)).map((s) => s.service.id);
    // These select one StatefulSet pod by statefulset.kubernetes.io/pod-name, a label the
    // controller sets on each pod, not in the template: not known before deployment.
    expect(empty).toEqual([0, 1, 2].flatMap((i) => [`argocd/argocd-redis-ha-announce-${i}`, `default/argocd-redis-ha-announce-${i}`]).sort((a, b) => (a < b ? -1 : 1)));
    const frontend = r.services.find((s) => s.service.id === "default/frontend-external")!;
    expect(frontend.service.type).toBe("LoadBalancer");
    expect(frontend.ports.map((p) => [p.port.port, p.workloads.map((w) => [w.workload.id, w.port])])).toEqual([[80, [["default/frontend[Deployment]", 8080]]]]);
  });
});
