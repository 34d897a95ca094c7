// Nodes (labels, status.addresses) and pods' IPs and nodes (status.podIP/podIPs, spec.nodeName),
// read when the input is a cluster dump, so that admin-tier `nodes` and `networks` peers can be
// decided for in-cluster addresses; manifests have none of them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCluster } from "../../src/load/cluster.js";
import { parseDocuments } from "../../src/load/yaml/documents.js";
import { extractObjects } from "../../src/load/objects.js";
import { formatAddress } from "../../src/net/ip.js";
import { REPO_ROOT } from "../conformance/cases.js";

function cluster(text: string, path = "dump.yaml") {
  const file = { path, text };
  return buildCluster(extractObjects(file, parseDocuments(file).docs).objects);
}

const shown = (ips: readonly { family: "v4" | "v6"; value: bigint }[]) => ips.map((ip) => formatAddress(ip.family, ip.value));

const NODE = `apiVersion: v1
kind: Node
metadata:
  name: worker-1
  labels: {role: infra, kubernetes.io/hostname: worker-1}
status:
  addresses:
  - {type: InternalIP, address: 172.18.0.3}
  - {type: InternalIP, address: 'fd00::3'}
  - {type: Hostname, address: worker-1}
  - {type: ExternalIP, address: 203.0.113.9}
`;

describe("Nodes", () => {
  it("name, labels and the addresses that are IPs (Hostname entries name none)", () => {
    const r = cluster(NODE);
    expect(r.diagnostics.filter((d) => d.severity !== "note")).toEqual([]);
    expect(r.cluster.nodes).toHaveLength(1);
    const n = r.cluster.nodes[0]!;
    expect(n).toMatchObject({ name: "worker-1", labels: { role: "infra", "kubernetes.io/hostname": "worker-1" } });
    expect(n.addresses.map((a) => [a.type, formatAddress(a.address.family, a.address.value)])).toEqual([
      ["InternalIP", "172.18.0.3"],
      ["InternalIP", "fd00::3"],
      ["ExternalIP", "203.0.113.9"],
    ]);
    expect(n.source.line).toBe(1);
  });

  it("an address that is not an IP: a warning at its line, the entry ignored", () => {
    const r = cluster(NODE.replace("203.0.113.9", "203.0.113.999"));
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: "warning", line: 11, message: 'Node worker-1: status.addresses[3].address: "203.0.113.999" is not an IP address; it is ignored' })]);
    expect(r.cluster.nodes[0]!.addresses).toHaveLength(2);
  });

  it("an invalid name: an error, left out; a second Node of one name: the later one is used", () => {
    const bad = cluster(NODE.replace("name: worker-1", "name: Worker_1"));
    expect(bad.diagnostics.filter((d) => d.severity === "error")).toEqual([expect.objectContaining({ line: 4 })]);
    expect(bad.cluster.nodes).toEqual([]);
    const twice = cluster(`${NODE}---\n${NODE.replace("role: infra", "role: other")}`);
    expect(twice.cluster.nodes.map((n) => n.labels["role"])).toEqual(["other"]);
    expect(twice.diagnostics).toEqual([expect.objectContaining({ severity: "warning", line: 13, message: expect.stringContaining("Node worker-1 is declared more than once (at dump.yaml:1 and dump.yaml:13); the later declaration (dump.yaml:13) is used") })]);
  });

  it("manifests without Nodes: none", () => {
    expect(cluster("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n").cluster.nodes).toEqual([]);
  });
});

const POD = (name: string, status: string, extra = "") => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d9, controller: true}]
spec:
  nodeName: node-${name}${extra}
  containers: [{name: c}]
status:
${status}`;

describe("Pod IPs and nodes", () => {
  it("status.podIP and podIPs, once each; spec.nodeName", () => {
    const r = cluster(POD("a", "  podIP: 10.244.1.5\n  podIPs: [{ip: 10.244.1.5}, {ip: 'fd00:10:244::5'}]\n"));
    expect(r.diagnostics).toEqual([]);
    const w = r.cluster.workloads[0]!;
    expect(shown(w.ips)).toEqual(["10.244.1.5", "fd00:10:244::5"]);
    expect(w.nodeNames).toEqual(["node-a"]);
  });

  it("the replicas of one controller are one workload with all their IPs and nodes", () => {
    const r = cluster([POD("a", "  podIP: 10.244.1.5\n"), POD("b", "  podIP: 10.244.2.7\n"), POD("c", "  phase: Pending\n")].join("---\n"));
    expect(r.cluster.workloads).toHaveLength(1);
    const w = r.cluster.workloads[0]!;
    expect(w.id).toBe("shop/web-5d9[ReplicaSet]");
    expect(shown(w.ips)).toEqual(["10.244.1.5", "10.244.2.7"]);
    expect(w.nodeNames).toEqual(["node-a", "node-b", "node-c"]);
  });

  it("an IP that is not one: a warning at its line, ignored", () => {
    const r = cluster(POD("a", "  podIP: 10.244.1\n"));
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: "warning", line: 11, message: 'Pod shop/a: status.podIP: "10.244.1" is not an IP address; it is ignored' })]);
    expect(r.cluster.workloads[0]!.ips).toEqual([]);
  });

  it("manifests and controllers: no IPs, no nodes", () => {
    const r = cluster("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec: {nodeName: pinned, containers: [{name: c}]}\n");
    expect(r.cluster.workloads[0]).toMatchObject({ ips: [], nodeNames: [] });
  });

  it("the conformance cluster dump: three nodes, every pod with its IP, host-network pods with their node's", () => {
    const r = cluster(readFileSync(join(REPO_ROOT, "test/fixtures/admin-tiers/v1alpha2-CNPAdminTierGress/step1/cluster.yaml"), "utf8"), "cluster.yaml");
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.cluster.nodes.map((n) => n.name)).toEqual(["kind-control-plane", "kind-worker", "kind-worker2"]);
    const centaurs = r.cluster.workloads.filter((w) => w.hostNetwork);
    expect(centaurs.length).toBeGreaterThan(0);
    const nodeIps = new Set(r.cluster.nodes.flatMap((n) => shown(n.addresses.map((a) => a.address))));
    for (const w of centaurs) expect(shown(w.ips).every((ip) => nodeIps.has(ip))).toBe(true);
    for (const w of r.cluster.workloads) expect(w.ips.length).toBeGreaterThan(0);
  });
});
