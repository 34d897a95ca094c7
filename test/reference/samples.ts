// Sample points at which the reference evaluator is asked about a pair: every protocol, ports at
// every boundary any object mentions, addresses at every ipBlock and admin `networks` boundary. Shared by the property
// test (test/property.test.ts) and the naive bench (scripts/bench-naive.ts).
import { policyTypes } from "./evaluator.js";
import { familyMax, formatIp, parseCidr, type Family, type Ip } from "./ip.js";
import type { Cluster } from "./kube.js";
import { isCiliumPolicy, specsOf, type CiliumIngressRule, type CiliumEgressRule } from "./cilium-kube.js";
import { ciliumEnforced } from "./match.js";

type CiliumAnyRule = CiliumIngressRule & CiliumEgressRule;

/** Every rule of every Cilium spec that selects pods, with whether Cilium's policy applies at all. */
function ciliumRules(cluster: Cluster): { rule: CiliumAnyRule; effective: boolean }[] {
  const effective = ciliumEnforced(cluster);
  const out: { rule: CiliumAnyRule; effective: boolean }[] = [];
  for (const policy of (cluster.cilium ?? []).filter(isCiliumPolicy)) {
    for (const { rule: spec } of specsOf(policy)) {
      const selects = spec.endpointSelector != null;
      for (const rule of [...(spec.ingress ?? []), ...(spec.ingressDeny ?? []), ...(spec.egress ?? []), ...(spec.egressDeny ?? [])]) {
        out.push({ rule: rule as CiliumAnyRule, effective: effective && selects });
      }
    }
  }
  return out;
}

/** The CIDRs a Cilium rule names: fromCIDR/toCIDR, CIDR sets with their excepts, the groups they refer to. */
function ciliumCidrs(cluster: Cluster, rule: CiliumAnyRule): string[] {
  const out: string[] = [...(rule.fromCIDR ?? []), ...(rule.toCIDR ?? [])];
  for (const set of [...(rule.fromCIDRSet ?? []), ...(rule.toCIDRSet ?? [])]) {
    if (set.cidr != null) out.push(set.cidr);
    out.push(...(set.except ?? []));
    if (set.cidrGroupRef != null) {
      const group = (cluster.cilium ?? []).find((o) => o.kind === "CiliumCIDRGroup" && o.metadata.name === set.cidrGroupRef);
      if (group?.kind === "CiliumCIDRGroup") out.push(...group.spec.externalCIDRs);
    }
  }
  return out;
}

function clampPort(port: number): number {
  return Math.min(65535, Math.max(1, port));
}

/** 1, 65535, and every port number in a policy or a container port, each with its neighbours. */
export function samplePorts(cluster: Cluster): number[] {
  const mentioned = new Set<number>([1, 65535]);
  for (const pod of cluster.pods) {
    for (const container of pod.spec.containers) {
      for (const port of container.ports ?? []) mentioned.add(port.containerPort);
    }
  }
  for (const policy of cluster.policies) {
    for (const rule of [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])]) {
      for (const entry of rule.ports ?? []) {
        if (typeof entry.port === "number") mentioned.add(entry.port);
        if (typeof entry.endPort === "number") mentioned.add(entry.endPort);
      }
    }
  }
  for (const policy of cluster.admin ?? []) {
    for (const rule of [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])]) {
      for (const entry of rule.ports ?? []) {
        if (entry.portNumber) mentioned.add(entry.portNumber.port);
        if (entry.portRange) mentioned.add(entry.portRange.start).add(entry.portRange.end);
      }
      for (const entry of rule.protocols ?? []) {
        for (const p of [entry.tcp, entry.udp, entry.sctp]) {
          if (p?.destinationPort.number != null) mentioned.add(p.destinationPort.number);
          if (p?.destinationPort.range != null) mentioned.add(p.destinationPort.range.start).add(p.destinationPort.range.end);
        }
      }
    }
  }
  for (const { rule } of ciliumRules(cluster)) {
    for (const portRule of rule.toPorts ?? []) {
      for (const entry of portRule.ports ?? []) {
        if (entry.port != null && /^[0-9]+$/.test(entry.port) && entry.port !== "0") mentioned.add(Number(entry.port));
        if (entry.endPort != null) mentioned.add(entry.endPort);
      }
    }
  }
  const out = new Set<number>();
  for (const port of mentioned) for (const p of [port - 1, port, port + 1]) out.add(clampPort(p));
  return [...out].sort((a, b) => a - b);
}

/** Every ipBlock cidr and except, with whether its rule is in effect (its direction is in policyTypes). */
export function ipBlockCidrs(cluster: Cluster): { cidr: string; effective: boolean }[] {
  const out: { cidr: string; effective: boolean }[] = [];
  for (const policy of cluster.policies) {
    const types = policyTypes(policy);
    const peers = [
      ...(policy.spec.ingress ?? []).flatMap((rule) => (rule.from ?? []).map((peer) => ({ peer, effective: types.includes("Ingress") }))),
      ...(policy.spec.egress ?? []).flatMap((rule) => (rule.to ?? []).map((peer) => ({ peer, effective: types.includes("Egress") }))),
    ];
    for (const { peer, effective } of peers) {
      if (peer.ipBlock == null) continue;
      for (const cidr of [peer.ipBlock.cidr, ...(peer.ipBlock.except ?? [])]) out.push({ cidr, effective });
    }
  }
  // Admin-tier `networks` peers cut the address space too (egress only; no policyTypes there).
  for (const policy of cluster.admin ?? []) {
    for (const rule of policy.spec.egress ?? []) for (const peer of rule.to ?? []) for (const cidr of peer.networks ?? []) out.push({ cidr, effective: true });
  }
  // Cilium's CIDR peers; the entities world, world-ipv6 and all reach into IPv6 (as ::/0).
  for (const { rule, effective } of ciliumRules(cluster)) {
    for (const cidr of ciliumCidrs(cluster, rule)) out.push({ cidr, effective });
    const entities = [...(rule.fromEntities ?? []), ...(rule.toEntities ?? [])];
    if (entities.some((e) => e === "world" || e === "world-ipv6" || e === "all")) out.push({ cidr: "::/0", effective });
    if (entities.some((e) => e === "world" || e === "world-ipv4" || e === "all")) out.push({ cidr: "0.0.0.0/0", effective });
  }
  return out;
}

/**
 * First, last, just before and just after every ipBlock cidr/except; the ends of IPv4. IPv6
 * addresses (its ends and the IPv6 boundaries) only when an ipBlock in effect is IPv6: without
 * one, netreach need not show the IPv6 space at all (rules of a direction missing from
 * policyTypes are ignored, and so are their ipBlocks).
 */
export function sampleAddresses(cluster: Cluster): string[] {
  const values = new Map<string, Ip>();
  const add = (family: Family, value: bigint): void => {
    if (value < 0n || value > familyMax(family)) return;
    const ip = { family, value };
    values.set(formatIp(ip), ip);
  };
  const blocks = ipBlockCidrs(cluster).map(({ cidr, effective }) => ({ cidr: parseCidr(cidr), effective }));
  const ipv6 = blocks.some(({ cidr, effective }) => effective && cidr.family === 6);
  add(4, 0n);
  add(4, familyMax(4));
  if (ipv6) {
    add(6, 0n);
    add(6, familyMax(6));
  }
  for (const { cidr } of blocks) {
    if (cidr.family === 6 && !ipv6) continue;
    add(cidr.family, cidr.first - 1n);
    add(cidr.family, cidr.first);
    add(cidr.family, cidr.last);
    add(cidr.family, cidr.last + 1n);
  }
  return [...values.keys()];
}
