// Services and routes without a namespace go where kubectl apply (-n) puts them; with -n, one
// naming another namespace is refused, among the exposure diagnostics, not today's reports'.
import { describe, expect, it } from "vitest";
import { loadSources } from "../../src/load/load-sources.js";
import { namespaceOption } from "../../src/load/namespace-option.js";

const text = `apiVersion: v1
kind: Service
metadata: {name: web}
spec: {ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: other}
spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {containers: []}
`;

describe("namespace option", () => {
  it("objects without a namespace go to the default one, and are counted with workloads and policies", () => {
    const l = loadSources([{ path: "a.yaml", text }]);
    expect(l.cluster.services.map((s) => s.id)).toEqual(["default/web"]);
    expect(l.cluster.routes.map((r) => r.id)).toEqual(["other/web[Ingress]"]);
    expect(l.withoutNamespace).toBe(2);
  });

  it("with -n, they go to it, and one naming another namespace is refused at its line", () => {
    const l = loadSources([{ path: "a.yaml", text }], namespaceOption("shop"));
    expect(l.cluster.services.map((s) => s.id)).toEqual(["shop/web"]);
    expect(l.cluster.routes).toEqual([]);
    expect(l.diagnostics).toEqual([
      expect.objectContaining({ severity: "error", line: 8, message: expect.stringMatching(/^Ingress other\/web: metadata\.namespace: the namespace from the provided object "other" does not match/) }),
    ]);
  });
});
