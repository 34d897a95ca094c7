// What netreach reads but does not analyze is counted and said, never silently dropped.
import { describe, expect, it } from "vitest";
import { analyzeReach } from "../src/render/reach-json.js";

const files = [
  {
    path: "k8s/all.yaml",
    text: `apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec: { ports: [ { port: 80 } ] }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: cfg, namespace: shop }
---
apiVersion: cilium.io/v2
kind: CiliumEgressGatewayPolicy
metadata: { name: egress-gw }
spec: { selectors: [] }
---
apiVersion: crd.projectcalico.org/v1
kind: NetworkPolicy
metadata: { name: calico, namespace: shop }
spec: {}
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop }
spec: { containers: [ { name: c, image: nginx } ] }
`,
  },
  { path: "k8s/values.json", text: '{"replicas": 3}' },
];

describe("objects read but not analyzed", () => {
  const json = analyzeReach(files, { pods: "declared" });

  it("are counted by kind, with non-manifest documents, in the JSON and the assumptions", () => {
    // The Service is read (for exposure), so it is no longer among them.
    expect(json.skipped).toEqual({ documents: 1, kinds: { CiliumEgressGatewayPolicy: 1, ConfigMap: 1, NetworkPolicy: 1 } });
    expect(json.assumptions.at(-1)).toBe(
      "Read but not analyzed: 1 document that is not a Kubernetes object; 3 objects of kinds not analyzed (CiliumEgressGatewayPolicy 1, ConfigMap 1, NetworkPolicy 1).",
    );
  });

  it("policy kinds that change traffic get a warning at their line", () => {
    const warnings = json.diagnostics.filter((d) => d.severity === "warning");
    expect(warnings).toEqual([
      expect.objectContaining({ file: "k8s/all.yaml", line: 10, message: expect.stringMatching(/^CiliumEgressGatewayPolicy \(cilium\.io\/v2\) is not analyzed: Cilium egress gateways change/) }),
      expect.objectContaining({ file: "k8s/all.yaml", line: 15, message: expect.stringMatching(/^NetworkPolicy \(crd\.projectcalico\.org\/v1\) is not analyzed: Calico/) }),
    ]);
  });
});

describe("Helm charts", () => {
  it("set their templates aside with one note per chart, and analyze the rest", () => {
    const json = analyzeReach(
      [
        { path: "charts/shop/Chart.yaml", text: "apiVersion: v2\nname: shop\nversion: 1.0.0\n" },
        { path: "charts/shop/values.yaml", text: "replicas: 2\n" },
        { path: "charts/shop/templates/deployment.yaml", text: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n" },
        { path: "charts/shop/templates/netpol.yaml", text: "{{- if .Values.netpol }}\nkind: NetworkPolicy\n{{- end }}\n" },
        { path: "k8s/pod.yaml", text: "apiVersion: v1\nkind: Pod\nmetadata: { name: web, namespace: shop }\nspec: { containers: [] }\n" },
      ],
      { pods: "declared" },
    );
    expect(json.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ severity: "note", file: "charts/shop/Chart.yaml", message: expect.stringMatching(/^Helm chart: 2 template files not analyzed/) }));
    expect(json.endpoints.map((e) => e.id)).toContain("shop/web[Pod]");
  });
});

describe("Kustomize patches", () => {
  it("are not analyzed as whole objects: a note at each, the bases still count", () => {
    const json = analyzeReach(
      [
        { path: "base/pods.yaml", text: "apiVersion: v1\nkind: Pod\nmetadata: { name: db, namespace: shop, labels: { app: db } }\nspec: { containers: [] }\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: web, namespace: shop, labels: { app: web } }\nspec: { containers: [] }\n" },
        { path: "overlays/prod/kustomization.yaml", text: "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\npatches:\n  - path: deny-patch.yaml\n" },
        // A fragment: on its own it would read as "deny all ingress to every pod in shop".
        { path: "overlays/prod/deny-patch.yaml", text: "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: db, namespace: shop }\nspec:\n  podSelector: {}\n" },
      ],
      { pods: "declared" },
    );
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ severity: "note", file: "overlays/prod/deny-patch.yaml", line: 1, message: expect.stringMatching(/Kustomize patch is not analyzed/) }));
    expect(json.flows).toContainEqual({ src: "shop/web[Pod]", dst: "shop/db[Pod]", conn: "All Connections" });
  });
});
