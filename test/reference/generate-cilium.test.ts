// The Cilium generator covers every form the property test is meant to exercise, makes only
// rules Cilium accepts (one peer kind per rule, no L7 on deny rules, DNS rules in egress only),
// and the reference evaluator answers on every cluster it makes.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import type { CiliumEgressRule, CiliumIngressRule, CiliumPolicyObject } from "./cilium-kube.js";
import { isCiliumPolicy, specsOf } from "./cilium-kube.js";
import { decide } from "./evaluator.js";
import { mixedClusterArbitrary } from "./generate-cilium.js";
import { clusterFromObjects, PROTOCOLS, type LabelSelector } from "./kube.js";

type AnyRule = CiliumIngressRule & CiliumEgressRule;

const PEER_FIELDS = ["Endpoints", "CIDR", "CIDRSet", "Entities"] as const;

function features(policy: CiliumPolicyObject, out: Set<string>): void {
  out.add(policy.kind);
  if (policy.spec != null) out.add("spec");
  if (policy.specs != null) out.add("specs");
  for (const { rule: spec } of specsOf(policy)) {
    if (spec.nodeSelector != null) out.add("nodeSelector");
    const sel = spec.endpointSelector as LabelSelector | null | undefined;
    for (const key of [...Object.keys(sel?.matchLabels ?? {}), ...(sel?.matchExpressions ?? []).map((r) => r.key)]) {
      if (key.startsWith("k8s:")) out.add("k8s: prefix");
      if (key.startsWith("any:")) out.add("any: prefix");
      if (key.includes("io.kubernetes.pod.namespace")) out.add("namespace label");
      if (key.includes("io.cilium.k8s.policy.serviceaccount")) out.add("serviceaccount label");
      if (key.includes("io.cilium.k8s.namespace.labels.")) out.add("namespace labels");
    }
    if (spec.enableDefaultDeny?.ingress === false) out.add("enableDefaultDeny ingress false");
    if (spec.enableDefaultDeny?.egress === false) out.add("enableDefaultDeny egress false");
    for (const list of ["ingress", "egress", "ingressDeny", "egressDeny"] as const) {
      const rules = (spec[list] ?? []) as AnyRule[];
      if (rules.length > 0) out.add(list);
      for (const rule of rules) {
        const dir = list.startsWith("ingress") ? "from" : "to";
        const peers = PEER_FIELDS.filter((f) => (rule[`${dir}${f}` as keyof AnyRule] as unknown[] | undefined)?.length);
        // Cilium refuses two peer kinds in one rule.
        expect(peers.length).toBeLessThanOrEqual(1);
        for (const f of peers) out.add(`${list} ${dir}${f}`);
        if (Object.keys(rule).length === 0) out.add(`${list} [{}]`);
        if (peers.length === 0 && rule.toPorts != null && rule.toFQDNs == null && rule.toServices == null) out.add(`${list} toPorts only`);
        if (rule.toFQDNs != null) out.add("toFQDNs");
        if (rule.icmps != null) {
          out.add("icmps");
          // Cilium: "The ICMPs block may only be present without ToPorts".
          expect(rule.toPorts).toBeUndefined();
        }
        if (rule.toServices != null) out.add("toServices");
        if (rule.fromRequires != null || rule.toRequires != null) out.add("requires");
        for (const e of [...(rule.fromEntities ?? []), ...(rule.toEntities ?? [])]) out.add(`entity ${e}`);
        for (const s of [...(rule.fromCIDRSet ?? []), ...(rule.toCIDRSet ?? [])]) {
          if (s.except != null) out.add("except");
          if (s.cidrGroupRef != null) out.add("cidrGroupRef");
        }
        for (const s of [...(rule.fromEndpoints ?? []), ...(rule.toEndpoints ?? [])]) if (s.matchLabels?.["reserved:host"] !== undefined) out.add("reserved:host");
        for (const pr of rule.toPorts ?? []) {
          if (pr.rules != null) {
            expect(list === "ingress" || list === "egress").toBe(true);
            for (const k of Object.keys(pr.rules)) out.add(`L7 ${k}`);
            if (pr.rules.dns != null) expect(list).toBe("egress");
          }
          for (const p of pr.ports ?? []) {
            out.add(`protocol ${p.protocol ?? "omitted"}`);
            if (p.endPort != null) out.add("endPort");
            if (p.port === "0") out.add("port 0");
            if (p.port == null) out.add("port omitted");
            if (p.port != null && !/^[0-9]+$/.test(p.port)) out.add("named port");
          }
        }
      }
    }
  }
}

describe("Cilium generator", () => {
  it("covers every form of CNP/CCNP the reference reads", () => {
    const seen = new Set<string>();
    let admin = 0;
    let serviceAccounts = 0;
    let podIps = 0;
    for (const generated of fc.sample(mixedClusterArbitrary(), { numRuns: 120, seed: 21 })) {
      for (const o of generated.objects) {
        if (o.kind === "CiliumNetworkPolicy" || o.kind === "CiliumClusterwideNetworkPolicy") features(o, seen);
        if (o.kind === "AdminNetworkPolicy" || o.kind === "ClusterNetworkPolicy") admin++;
        if (o.kind === "Pod" && o.spec.serviceAccountName != null) serviceAccounts++;
        if (o.kind === "Pod" && o.status?.podIP != null) podIps++;
      }
    }
    const wanted = [
      "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy", "spec", "specs", "nodeSelector",
      "k8s: prefix", "any: prefix", "namespace label", "serviceaccount label", "namespace labels",
      "enableDefaultDeny ingress false", "enableDefaultDeny egress false",
      "ingress", "egress", "ingressDeny", "egressDeny", "ingress [{}]", "egressDeny [{}]",
      "ingress fromEndpoints", "ingress fromCIDR", "ingress fromCIDRSet", "ingress fromEntities",
      "egress toEndpoints", "egress toCIDR", "egress toCIDRSet", "egress toEntities",
      "ingressDeny fromEndpoints", "egressDeny toEntities", "ingress toPorts only", "egressDeny toPorts only", "toFQDNs", "icmps", "toServices", "requires",
      "entity world", "entity world-ipv4", "entity world-ipv6", "entity cluster", "entity all", "entity host", "entity remote-node", "entity kube-apiserver",
      "except", "cidrGroupRef", "reserved:host",
      "L7 http", "L7 kafka", "L7 dns",
      "protocol omitted", "protocol TCP", "protocol UDP", "protocol SCTP", "protocol ANY", "endPort", "port 0", "port omitted", "named port",
    ];
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
    expect(admin).toBeGreaterThan(0);
    expect(serviceAccounts).toBeGreaterThan(0);
    expect(podIps).toBeGreaterThan(0);
  });

  it("makes clusters the reference answers on", () => {
    for (const generated of fc.sample(mixedClusterArbitrary(), { numRuns: 40, seed: 5 })) {
      const cluster = clusterFromObjects(generated.files.flatMap((f) => parseAllDocuments(f.text).map((d) => d.toJS() as unknown)));
      expect((cluster.cilium ?? []).filter(isCiliumPolicy).length).toBeGreaterThan(0);
      for (const src of cluster.pods) {
        for (const dst of cluster.pods) if (src !== dst) for (const p of PROTOCOLS) decide(cluster, src, dst, p, 80);
        decide(cluster, src, "8.8.8.8", "TCP", 53);
        decide(cluster, "2001:db8::1", src, "UDP", 53);
      }
    }
  });
});
