// The pods prometheus-operator makes for its custom resources, as policies see them: their labels
// (selected by the operator's own selector labels, spec.podMetadata.labels and the version label)
// and their container ports (named ports in policies resolve to the operator's numbers).
import { describe, expect, it } from "vitest";
import { analyzeReach } from "../../src/render/reach-json.js";
import { loadSources } from "../../src/load/load-sources.js";
import type { SourceFile } from "../../src/load/object/source.js";

const client = `apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: mon}
spec:
  template:
    metadata: {labels: {app: client}}
    spec: {containers: [{name: c, image: x}]}
`;

/** A policy in mon selecting `selector` and admitting app=client on the named ports. */
function policy(name: string, selector: Record<string, string>, ports: readonly string[]): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: mon}
spec:
  podSelector:
    matchLabels: ${JSON.stringify(selector)}
  policyTypes: [Ingress]
  ingress:
  - from: [{podSelector: {matchLabels: {app: client}}}]
    ports: ${JSON.stringify(ports.map((p) => (p.includes("/") ? { port: p.split("/")[0], protocol: p.split("/")[1] } : { port: p })))}
`;
}

const file = (text: string): SourceFile[] => [{ path: "mon.yaml", text }];
const conn = (files: SourceFile[], dst: string) => analyzeReach(files, { pods: "declared" }).flows.find((f) => f.src === "mon/client[Deployment]" && f.dst === dst)?.conn;

describe("prometheus-operator custom resources as workloads", () => {
  it("Prometheus: the operator's labels win over spec.podMetadata.labels; web, reloader-web and the Thanos sidecar's ports", () => {
    const prometheus = `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: main, namespace: mon, labels: {only: on-the-cr}}
spec:
  version: v2.45
  podMetadata:
    labels: {team: a, app.kubernetes.io/name: mine}
  thanos: {}
`;
    const selector = {
      "app.kubernetes.io/name": "prometheus",
      "app.kubernetes.io/managed-by": "prometheus-operator",
      "app.kubernetes.io/instance": "main",
      "app.kubernetes.io/version": "2.45.0",
      prometheus: "main",
      "operator.prometheus.io/name": "main",
      "operator.prometheus.io/shard": "0",
      team: "a",
    };
    const files = file([client, prometheus, policy("p", selector, ["web", "reloader-web", "grpc", "http"])].join("---\n"));
    expect(conn(files, "mon/main[Prometheus]")).toBe("TCP 8080,9090,10901-10902");
    // The CR's own metadata labels are not the pods'.
    expect(conn(file([client, prometheus, policy("p", { only: "on-the-cr" }, ["web"])].join("---\n")), "mon/main[Prometheus]")).toBe("All Connections");
    const w = loadSources(files).cluster.workloads.find((x) => x.kind === "Prometheus");
    expect({ id: w?.id, file: w?.source.file, line: w?.source.line, hostNetwork: w?.hostNetwork }).toEqual({ id: "mon/main[Prometheus]", file: "mon.yaml", line: 9, hostNetwork: false });
  });

  it("Alertmanager: web 9093, mesh-tcp 9094, mesh-udp 9094/UDP and reloader-web 8080; a custom spec.portName", () => {
    const am = `apiVersion: monitoring.coreos.com/v1
kind: Alertmanager
metadata: {name: main, namespace: mon}
spec: {portName: http-web, version: 0.27.0}
`;
    const selector = { "app.kubernetes.io/name": "alertmanager", "app.kubernetes.io/instance": "main", alertmanager: "main", "app.kubernetes.io/version": "0.27.0" };
    expect(conn(file([client, am, policy("p", selector, ["http-web", "mesh-tcp", "mesh-udp/UDP", "reloader-web"])].join("---\n")), "mon/main[Alertmanager]")).toBe(
      "TCP 8080,9093-9094,UDP 9094",
    );
    // The default name is not served when spec.portName renames it.
    expect(conn(file([client, am, policy("p", selector, ["web"])].join("---\n")), "mon/main[Alertmanager]")).toBeUndefined();
  });

  it("ThanosRuler with listenLocal: only grpc 10901 is a container port; spec.containers add theirs", () => {
    const ruler = `apiVersion: monitoring.coreos.com/v1
kind: ThanosRuler
metadata: {name: rules, namespace: mon}
spec:
  listenLocal: true
  containers:
  - name: proxy
    ports: [{name: proxy, containerPort: 4180}]
`;
    const selector = { "app.kubernetes.io/name": "thanos-ruler", "app.kubernetes.io/managed-by": "prometheus-operator", "thanos-ruler": "rules" };
    expect(conn(file([client, ruler, policy("p", selector, ["grpc", "web", "reloader-web", "proxy"])].join("---\n")), "mon/rules[ThanosRuler]")).toBe("TCP 4180,10901");
  });

  it("spec.hostNetwork makes a hostNetwork workload; another group's kind named Prometheus is not read", () => {
    const files = file(`apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: host, namespace: mon}
spec: {hostNetwork: true}
---
apiVersion: example.com/v1
kind: Prometheus
metadata: {name: other, namespace: mon}
`);
    const loaded = loadSources(files);
    expect(loaded.cluster.workloads.map((w) => [w.id, w.hostNetwork])).toEqual([["mon/host[Prometheus]", true]]);
    expect(loaded.skipped.kinds.get("Prometheus")).toBe(1);
  });
});
