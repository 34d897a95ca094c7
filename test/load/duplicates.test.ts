// An object declared twice is the later declaration, as `kubectl apply` leaves it (it applies
// each in turn), whatever its kind; the warning names both lines. A later declaration the API
// server would refuse leaves the earlier one in force.
import { describe, expect, it } from "vitest";
import { buildCluster } from "../../src/load/cluster.js";
import { parseDocuments } from "../../src/load/yaml/documents.js";
import { extractObjects } from "../../src/load/objects.js";

function cluster(...files: [string, string][]) {
  const objects = files.flatMap(([path, text]) => {
    const file = { path, text };
    return extractObjects(file, parseDocuments(file).docs).objects;
  });
  return buildCluster(objects);
}

const warnings = (r: ReturnType<typeof cluster>) => r.diagnostics.filter((d) => d.message.includes("declared more than once")).map((d) => `${d.file}:${d.line}: ${d.message}`);

describe("declared twice: the later declaration is used", () => {
  it("Namespace, Deployment and Service: the later one's labels, template and type", () => {
    const first = `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {env: old}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {template: {metadata: {labels: {app: old}}, spec: {containers: [{name: c}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;
    const later = first.replace("env: old", "env: new").replace("app: old", "app: new").replace("spec: {selector", "spec: {type: NodePort, selector");
    const r = cluster(["a.yaml", first], ["b.yaml", later]);
    expect(r.cluster.namespaces.get("shop")!.labels["env"]).toBe("new");
    expect(r.cluster.workloads.map((w) => [w.id, w.labels["app"], w.source.file])).toEqual([["shop/web[Deployment]", "new", "b.yaml"]]);
    expect(r.cluster.services.map((s) => [s.id, s.type])).toEqual([["shop/web", "NodePort"]]);
    expect(warnings(r)).toEqual([
      "b.yaml:1: Namespace shop is declared more than once (at a.yaml:1 and b.yaml:1); the later declaration (b.yaml:1) is used, as kubectl apply would keep it",
      "b.yaml:5: Deployment shop/web is declared more than once (at a.yaml:5 and b.yaml:5); the later declaration (b.yaml:5) is used, as kubectl apply would keep it",
      "b.yaml:10: Service shop/web is declared more than once (at a.yaml:10 and b.yaml:10); the later declaration (b.yaml:10) is used, as kubectl apply would keep it",
    ]);
  });

  const policy = (ingress: string, name = "p") => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: shop}
spec:
  podSelector: {}
  ingress: ${ingress}
`;

  it("NetworkPolicy: the later one is analyzed and is the text shown as its change; an invalid later one leaves the earlier in force", () => {
    const r = cluster(["a.yaml", policy("[]")], ["b.yaml", policy("[{}]")]);
    expect(r.cluster.policies.map((p) => [p.id, p.source.file, (p.ingress ?? []).length])).toEqual([["shop/p", "b.yaml", 1]]);
    expect(r.policyObjects.get("shop/p")!.file).toBe("b.yaml");
    const invalid = cluster(["a.yaml", policy("[]")], ["b.yaml", policy("[{ports: [{port: 0}]}]")]);
    expect(invalid.cluster.policies.map((p) => p.source.file)).toEqual(["a.yaml"]);
    expect(invalid.policyObjects.get("shop/p")!.file).toBe("a.yaml");
    expect(invalid.diagnostics.some((d) => d.severity === "error" && d.file === "b.yaml")).toBe(true);
  });

  it("a pod of a controller listed twice (two dumps read together): the later one, warned", () => {
    const pod = (role: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web-0
  namespace: shop
  labels: {app: web, role: ${role}}
  ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: web, controller: true, uid: u}]
spec: {containers: [{name: c}]}
`;
    const r = cluster(["a.yaml", pod("old")], ["b.yaml", pod("new")]);
    expect(r.cluster.workloads.map((w) => [w.id, w.labels["role"]])).toEqual([["shop/web[StatefulSet]", "new"]]);
    expect(warnings(r)).toEqual(["b.yaml:1: Pod shop/web-0 is declared more than once (at a.yaml:1 and b.yaml:1); the later declaration (b.yaml:1) is used, as kubectl apply would keep it"]);
  });
});
