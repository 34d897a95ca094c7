// Pods made by operators: kube-prometheus's Prometheus and Alertmanager custom resources are
// workloads, a policy that selects nothing says so, and --pods auto builds representatives for
// selectors no declared workload matches (an operator netreach does not know).
import { describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";
import { analyzeReach } from "../../src/render/reach-json.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { diffJson } from "../../src/render/diff-json.js";
import { kubePrometheusGateway, type RealPr } from "./prs.js";

const flows = (pr: RealPr, options: Parameters<typeof diff>[2] = {}) =>
  diffJson(diff(pr.base, pr.head, options)).changes.map((c) => ({ type: c.type, src: c.src, dst: c.dst, opened: c.opened, closed: c.closed }));

/** The Prometheus CR turned into a PrometheusAgent: a real operator kind netreach does not model. */
function asAgent(files: readonly SourceFile[]): SourceFile[] {
  return files.map((f) => {
    if (f.path !== "prometheus-prometheus.yaml") return f;
    const text = f.text.replace("apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\n", "apiVersion: monitoring.coreos.com/v1alpha1\nkind: PrometheusAgent\n");
    if (text === f.text) throw new Error("the Prometheus CR was not found");
    return { ...f, text };
  });
}

describe("kube-prometheus: admit gateway-system", () => {
  it("reports the flows opened to grafana, prometheus and alertmanager, on the ports each policy lists", () => {
    // grafana's rule lists TCP 3000; prometheus-k8s's first rule TCP 9090 and 8080; alertmanager-main's TCP 9093 and 8080.
    expect(flows(kubePrometheusGateway())).toEqual([
      { type: "added", src: "gateway-system/[*]", dst: "monitoring/grafana[Deployment]", opened: "TCP 3000", closed: "No Connections" },
      { type: "added", src: "gateway-system/[*]", dst: "monitoring/k8s[Prometheus]", opened: "TCP 8080,9090", closed: "No Connections" },
      { type: "added", src: "gateway-system/[*]", dst: "monitoring/main[Alertmanager]", opened: "TCP 8080,9093", closed: "No Connections" },
    ]);
  });

  it("lists the Prometheus and Alertmanager custom resources as workloads that the policies select and admit", () => {
    const r = analyzeReach(kubePrometheusGateway().head);
    const workloads = r.endpoints.filter((e) => e.type === "workload").map((e) => e.id);
    expect(workloads).toContain("monitoring/k8s[Prometheus]");
    expect(workloads).toContain("monitoring/main[Alertmanager]");
    expect(r.endpoints.filter((e) => e.type === "synthetic").map((e) => e.id)).toEqual(["[*]/[*]", "gateway-system/[*]"]);
    // prometheus-k8s admits prometheus itself on 9090 and 8080: the operator's pods match its selectors.
    expect(r.flows.find((f) => f.src === "monitoring/k8s[Prometheus]" && f.dst === "monitoring/main[Alertmanager]")?.conn).toBe("TCP 8080,9093");
    expect(r.flows.find((f) => f.src === "monitoring/main[Alertmanager]" && f.dst === "monitoring/main[Alertmanager]")).toBeUndefined();
    expect(r.flows.find((f) => f.src === "monitoring/grafana[Deployment]" && f.dst === "monitoring/k8s[Prometheus]")?.conn).toBe("TCP 9090");
    // No policy there selects nothing any more.
    expect(r.diagnostics.filter((d) => d.message.includes("declared here") || d.message.includes("admits no workload"))).toEqual([]);
  });
});

describe("kube-prometheus with an operator kind netreach does not model (PrometheusAgent)", () => {
  const pr = kubePrometheusGateway();
  const agent: RealPr = { name: "agent", base: asAgent(pr.base), head: asAgent(pr.head) };

  it("warns at the line of each policy that selects, or admits, no declared workload, naming the unread kind", () => {
    const d = diff(agent.base, agent.head).diagnostics.filter((x) => x.severity === "warning" && x.message.includes("netreach does not read"));
    // Every policy admits scrapes from app.kubernetes.io/name=prometheus: one warning each, at its first line.
    const peerOnly = (file: string, policy: string) =>
      `${file}:1:1 NetworkPolicy monitoring/${policy}: a pod peer of ingress[0] admits no workload declared in its namespaces; those pods may come from a controller netreach does not read (kind PrometheusAgent found)`;
    expect(d.map((x) => `${x.file}:${x.line}:${x.column} ${x.message}`)).toEqual([
      peerOnly("alertmanager-networkPolicy.yaml", "alertmanager-main"),
      peerOnly("blackboxExporter-networkPolicy.yaml", "blackbox-exporter"),
      peerOnly("grafana-networkPolicy.yaml", "grafana"),
      peerOnly("kubeStateMetrics-networkPolicy.yaml", "kube-state-metrics"),
      peerOnly("nodeExporter-networkPolicy.yaml", "node-exporter"),
      "prometheus-networkPolicy.yaml:1:1 NetworkPolicy monitoring/prometheus-k8s selects no workload declared here, and a pod peer of ingress[0] admits none declared in its namespaces; its pods may come from a controller netreach does not read (kind PrometheusAgent found)",
      peerOnly("prometheusOperator-networkPolicy.yaml", "prometheus-operator"),
    ]);
  });

  it("in --pods auto, builds representatives for those selectors, so the flows the PR opens to them are reported", () => {
    expect(flows(agent)).toEqual([
      {
        type: "added",
        src: "gateway-system/[*]",
        dst: "monitoring/[app.kubernetes.io/component=prometheus,app.kubernetes.io/instance=k8s,app.kubernetes.io/name=prometheus,app.kubernetes.io/part-of=kube-prometheus]",
        opened: "TCP 8080,9090",
        closed: "No Connections",
      },
      { type: "added", src: "gateway-system/[*]", dst: "monitoring/grafana[Deployment]", opened: "TCP 3000", closed: "No Connections" },
      { type: "added", src: "gateway-system/[*]", dst: "monitoring/main[Alertmanager]", opened: "TCP 8080,9093", closed: "No Connections" },
    ]);
    // --pods declared has no pod for prometheus-k8s to select, nor any in gateway-system: nothing opens.
    expect(flows(agent, { pods: "declared" })).toEqual([]);
  });
});
