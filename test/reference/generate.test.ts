// The cluster generator makes valid clusters that round-trip through YAML and, over a sample,
// use every NetworkPolicy v1 feature the property test is meant to exercise.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { clusterArbitrary, type GeneratedCluster } from "./generate.js";
import { parseCidr } from "./ip.js";
import { clusterFromObjects, validateCluster, type KubeObject, type LabelSelector, type NetworkPolicyPeer, type NetworkPolicyPort } from "./kube.js";

function selectorFeatures(prefix: string, selector: LabelSelector, out: Set<string>): void {
  if (Object.keys(selector).length === 0) out.add(`${prefix} {}`);
  if (selector.matchLabels != null) out.add(`${prefix} matchLabels`);
  for (const req of selector.matchExpressions ?? []) out.add(`${prefix} ${req.operator}`);
  if (selector.matchLabels?.["kubernetes.io/metadata.name"] !== undefined) out.add(`${prefix} by name`);
  if ((selector.matchExpressions ?? []).some((r) => r.key === "kubernetes.io/metadata.name")) out.add(`${prefix} by name`);
}

function peersFeatures(dir: string, peers: NetworkPolicyPeer[] | null | undefined, out: Set<string>): void {
  if (peers === undefined) out.add(`${dir} peers omitted`);
  else if (peers === null || peers.length === 0) out.add(`${dir} peers []`);
  else if (peers.length > 1) out.add(`${dir} several peers`);
  for (const peer of peers ?? []) {
    if (peer.ipBlock != null) {
      out.add(`ipBlock IPv${parseCidr(peer.ipBlock.cidr).family}`);
      if ((peer.ipBlock.except ?? []).length > 0) out.add(`ipBlock except IPv${parseCidr(peer.ipBlock.cidr).family}`);
      continue;
    }
    if (peer.podSelector != null && peer.namespaceSelector != null) out.add("peer podSelector AND namespaceSelector");
    else if (peer.podSelector != null) out.add("peer podSelector alone");
    else out.add("peer namespaceSelector alone");
    if (peer.podSelector != null) selectorFeatures("peer podSelector", peer.podSelector, out);
    if (peer.namespaceSelector != null) selectorFeatures("peer namespaceSelector", peer.namespaceSelector, out);
  }
}

function portsFeatures(ports: NetworkPolicyPort[] | null | undefined, out: Set<string>): void {
  if (ports === undefined) out.add("ports omitted");
  else if (ports === null || ports.length === 0) out.add("ports []");
  for (const port of ports ?? []) {
    if (Object.keys(port).length === 0) out.add("port {}");
    out.add(`port protocol ${port.protocol ?? "omitted"}`);
    if (port.port === undefined && port.protocol !== undefined) out.add("port protocol only");
    if (typeof port.port === "number" && port.endPort === undefined) out.add("port numeric");
    if (typeof port.port === "string") out.add("port named");
    if (port.endPort !== undefined) out.add("port range");
  }
}

function features(generated: GeneratedCluster): Set<string> {
  const out = new Set<string>();
  const cluster = clusterFromObjects(generated.objects);
  out.add(`files ${generated.files.length}`);
  out.add(`pods ${cluster.pods.length}`);
  out.add(`policies ${cluster.policies.length}`);
  if (cluster.namespaces.some((ns) => ns.metadata.labels != null)) out.add("namespace with labels");
  const used = new Set([...cluster.pods, ...cluster.policies].map((o) => o.metadata.namespace ?? "default"));
  if ([...used].some((name) => !cluster.namespaces.some((ns) => ns.metadata.name === name))) out.add("undeclared namespace");
  for (const pod of cluster.pods) {
    if (pod.spec.hostNetwork === true) out.add("hostNetwork");
    if (pod.metadata.namespace === undefined) out.add("namespace omitted");
    for (const port of pod.spec.containers.flatMap((c) => c.ports ?? [])) {
      if (port.name !== undefined) out.add(`container port named ${port.protocol ?? "TCP"}`);
    }
  }
  // The same port name mapped to different numbers on two pods.
  const byName = new Map<string, Set<number>>();
  for (const pod of cluster.pods) {
    for (const port of pod.spec.containers.flatMap((c) => c.ports ?? [])) {
      if (port.name !== undefined) byName.set(port.name, (byName.get(port.name) ?? new Set()).add(port.containerPort));
    }
  }
  if ([...byName.values()].some((numbers) => numbers.size > 1)) out.add("named port with several numbers");
  for (const policy of cluster.policies) {
    const spec = policy.spec;
    if (!("podSelector" in spec)) out.add("policy podSelector omitted");
    else if (spec.podSelector === null) out.add("policy podSelector null");
    else selectorFeatures("policy podSelector", spec.podSelector!, out);
    out.add(`policyTypes ${spec.policyTypes === undefined ? "omitted" : spec.policyTypes?.join("+")}`);
    for (const [dir, rules] of [
      ["ingress", spec.ingress],
      ["egress", spec.egress],
    ] as const) {
      if (rules === undefined) out.add(`${dir} omitted`);
      else if (rules === null || rules.length === 0) out.add(`${dir} []`);
      else if (rules.some((r) => Object.keys(r).length === 0)) out.add(`${dir} [{}]`);
    }
    for (const rule of spec.ingress ?? []) {
      peersFeatures("from", rule.from, out);
      portsFeatures(rule.ports, out);
    }
    for (const rule of spec.egress ?? []) {
      peersFeatures("to", rule.to, out);
      portsFeatures(rule.ports, out);
    }
  }
  return out;
}

const EXPECTED_FEATURES = [
  "files 1",
  "files 2",
  "files 3",
  "pods 1",
  "pods 5",
  "policies 0",
  "policies 4",
  "namespace with labels",
  "undeclared namespace",
  "namespace omitted",
  "hostNetwork",
  "container port named TCP",
  "container port named UDP",
  "container port named SCTP",
  "named port with several numbers",
  "policy podSelector omitted",
  "policy podSelector null",
  "policy podSelector {}",
  "policy podSelector matchLabels",
  "policy podSelector In",
  "policy podSelector NotIn",
  "policy podSelector Exists",
  "policy podSelector DoesNotExist",
  "policyTypes omitted",
  "policyTypes Ingress",
  "policyTypes Egress",
  "policyTypes Ingress+Egress",
  "policyTypes Egress+Ingress",
  "ingress omitted",
  "ingress []",
  "ingress [{}]",
  "egress omitted",
  "egress []",
  "egress [{}]",
  "from peers omitted",
  "from peers []",
  "from several peers",
  "to peers omitted",
  "to peers []",
  "to several peers",
  "peer podSelector alone",
  "peer namespaceSelector alone",
  "peer podSelector AND namespaceSelector",
  "peer podSelector {}",
  "peer namespaceSelector {}",
  "peer namespaceSelector by name",
  "peer namespaceSelector NotIn",
  "peer namespaceSelector DoesNotExist",
  "peer podSelector In",
  "peer podSelector Exists",
  "ipBlock IPv4",
  "ipBlock IPv6",
  "ipBlock except IPv4",
  "ipBlock except IPv6",
  "ports omitted",
  "ports []",
  "port {}",
  "port protocol only",
  "port protocol omitted",
  "port protocol TCP",
  "port protocol UDP",
  "port protocol SCTP",
  "port numeric",
  "port named",
  "port range",
];

describe("cluster generator", () => {
  const samples = fc.sample(clusterArbitrary, { numRuns: 1000, seed: 20240601 });

  it("makes valid clusters that survive the YAML round trip", () => {
    for (const generated of samples) {
      const parsed = generated.files.flatMap((file) => parseAllDocuments(file.text).map((doc) => doc.toJS() as unknown));
      validateCluster(clusterFromObjects(parsed));
      // Files split the objects, so compare in a fixed order.
      const key = (o: unknown): string => {
        const { kind, metadata } = o as KubeObject;
        return `${kind}/${metadata.namespace ?? ""}/${metadata.name}`;
      };
      const byKey = (a: unknown, b: unknown): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
      expect([...parsed].sort(byKey)).toEqual([...generated.objects].sort(byKey));
    }
  });

  it("uses every feature", () => {
    const seen = new Set<string>();
    for (const generated of samples) for (const f of features(generated)) seen.add(f);
    expect(EXPECTED_FEATURES.filter((f) => !seen.has(f))).toEqual([]);
  });
});
