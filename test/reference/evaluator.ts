// A naive reference evaluator for Kubernetes NetworkPolicy v1 (with the admin tiers of
// admin-evaluator.ts and Cilium's policies of cilium-evaluator.ts), written for tests only, straight
// from the spec (DESIGN section 3), one connection at a time: is `protocol`/`port` from `src`
// to `dst` allowed? No compilation, no caching, no sharing of code with the engine.
//
// Input is a valid cluster of plain API objects (see kube.ts). An endpoint is a Pod object of
// the cluster or an external IP address (IPv4 or IPv6 text).

import { adminDecision } from "./admin-evaluator.js";
import { ciliumSide, type CiliumSide } from "./cilium-evaluator.js";
import { isHostNetwork, isPod, namespaceLabels, podLabels, samePod, selectorMatches, type Endpoint } from "./match.js";
import {
  namespaceOf,
  type Cluster,
  type NetworkPolicy,
  type NetworkPolicyPeer,
  type NetworkPolicyPort,
  type Pod,
  type PolicyType,
  type Protocol,
} from "./kube.js";
import { cidrContains, parseCidr, parseIp } from "./ip.js";

export type { Cluster, Protocol } from "./kube.js";

export type { Endpoint } from "./match.js";
export { namespaceLabels, selectorMatches } from "./match.js";

/** policyTypes as the API server defaults them: [Ingress], plus Egress if egress has a rule. */
export function policyTypes(policy: NetworkPolicy): PolicyType[] {
  const written = policy.spec.policyTypes;
  if (written !== undefined && written !== null && written.length > 0) return written;
  const types: PolicyType[] = ["Ingress"];
  if ((policy.spec.egress ?? []).length > 0) types.push("Egress");
  return types;
}

/** The policy's podSelector picks this pod: same namespace, labels match, not hostNetwork. */
function policySelectsPod(cluster: Cluster, policy: NetworkPolicy, pod: Pod): boolean {
  if (isHostNetwork(pod)) return false;
  if (namespaceOf(policy) !== namespaceOf(pod)) return false;
  return selectorMatches(policy.spec.podSelector, podLabels(cluster, pod));
}

/** One peer of one rule of `policy` against one endpoint. */
function peerMatches(cluster: Cluster, policy: NetworkPolicy, peer: NetworkPolicyPeer, endpoint: Endpoint): boolean {
  if (peer.ipBlock !== undefined && peer.ipBlock !== null) {
    // ipBlocks match external addresses only, never pods.
    if (isPod(endpoint)) return false;
    const ip = parseIp(endpoint);
    if (!cidrContains(parseCidr(peer.ipBlock.cidr), ip)) return false;
    for (const except of peer.ipBlock.except ?? []) {
      if (cidrContains(parseCidr(except), ip)) return false;
    }
    return true;
  }
  // Selector peers match pods only, and never hostNetwork pods.
  if (!isPod(endpoint)) return false;
  if (isHostNetwork(endpoint)) return false;
  const podSelector = peer.podSelector ?? undefined;
  const namespaceSelector = peer.namespaceSelector ?? undefined;
  if (namespaceSelector === undefined) {
    // podSelector alone: pods of the policy's own namespace.
    return namespaceOf(endpoint) === namespaceOf(policy) && selectorMatches(podSelector, podLabels(cluster, endpoint));
  }
  // namespaceSelector, ANDed with the podSelector when both are in the same peer.
  if (!selectorMatches(namespaceSelector, namespaceLabels(cluster, namespaceOf(endpoint)))) return false;
  return podSelector === undefined || selectorMatches(podSelector, podLabels(cluster, endpoint));
}

/** `from`/`to`: omitted or empty = everything (pods of any kind and external addresses); else any peer. */
function peersMatch(
  cluster: Cluster,
  policy: NetworkPolicy,
  peers: NetworkPolicyPeer[] | null | undefined,
  endpoint: Endpoint,
): boolean {
  if (peers === undefined || peers === null || peers.length === 0) return true;
  return peers.some((peer) => peerMatches(cluster, policy, peer, endpoint));
}

/** One port entry; named ports resolve on the destination pod's container ports (name and protocol). */
function portEntryMatches(entry: NetworkPolicyPort, protocol: Protocol, port: number, destination: Endpoint): boolean {
  const entryProtocol = entry.protocol ?? "TCP";
  if (entryProtocol !== protocol) return false;
  if (entry.port === undefined || entry.port === null) return true;
  if (typeof entry.port === "number") {
    if (entry.endPort !== undefined && entry.endPort !== null) return entry.port <= port && port <= entry.endPort;
    return entry.port === port;
  }
  // A named port toward an external address matches nothing.
  if (!isPod(destination)) return false;
  for (const container of destination.spec.containers) {
    for (const containerPort of container.ports ?? []) {
      if (
        containerPort.name === entry.port &&
        (containerPort.protocol ?? "TCP") === entryProtocol &&
        containerPort.containerPort === port
      ) {
        return true;
      }
    }
  }
  return false;
}

/** `ports`: omitted or empty = all protocols, all ports; else any entry. */
function portsMatch(ports: NetworkPolicyPort[] | null | undefined, protocol: Protocol, port: number, destination: Endpoint): boolean {
  if (ports === undefined || ports === null || ports.length === 0) return true;
  return ports.some((entry) => portEntryMatches(entry, protocol, port, destination));
}

/** NetworkPolicy tier, ingress: undefined when no policy isolates `dst`; else whether some rule of some policy admits. */
function networkPolicyIngress(cluster: Cluster, src: Endpoint, dst: Pod, protocol: Protocol, port: number): boolean | undefined {
  const isolating = cluster.policies.filter((p) => policyTypes(p).includes("Ingress") && policySelectsPod(cluster, p, dst));
  if (isolating.length === 0) return undefined;
  return isolating.some((policy) =>
    (policy.spec.ingress ?? []).some(
      (rule) => peersMatch(cluster, policy, rule.from, src) && portsMatch(rule.ports, protocol, port, dst),
    ),
  );
}

/** NetworkPolicy tier, egress: undefined when no policy isolates `src`; else whether some rule of some policy lets it out. */
function networkPolicyEgress(cluster: Cluster, src: Pod, dst: Endpoint, protocol: Protocol, port: number): boolean | undefined {
  const isolating = cluster.policies.filter((p) => policyTypes(p).includes("Egress") && policySelectsPod(cluster, p, src));
  if (isolating.length === 0) return undefined;
  return isolating.some((policy) =>
    (policy.spec.egress ?? []).some(
      (rule) => peersMatch(cluster, policy, rule.to, dst) && portsMatch(rule.ports, protocol, port, dst),
    ),
  );
}

/** One side's answer: allowed or not, and whether only rules with L7 filters let it through. */
export interface SideDecision {
  readonly allowed: boolean;
  readonly l7: boolean;
}

const DENY: SideDecision = { allowed: false, l7: false };
const ALLOW: SideDecision = { allowed: true, l7: false };

/**
 * One direction through the tiers (SEMANTICS.md 2.2, CILIUM-SEMANTICS): the admin tier's first
 * matching rule decides unless it passes; then a Cilium deny rule denies; then, for a pod some
 * policy isolates, the allows of NetworkPolicy and Cilium add up and nothing else gets through;
 * for a pod nothing isolates, the baseline tier's first matching rule decides (a Pass there ends
 * at the default), and what it leaves is allowed — the allows of a Cilium spec with
 * enableDefaultDeny off only mark L7 filtering there: the baseline is consulted by isolation, as
 * for NetworkPolicy, the reading netreach documents (README, Cilium policies).
 */
function tiers(
  admin: () => string | undefined,
  cilium: () => CiliumSide,
  networkPolicy: () => boolean | undefined,
  baseline: () => string | undefined,
): SideDecision {
  const a = admin();
  if (a === "accept") return ALLOW;
  if (a === "deny") return DENY;
  const c = cilium();
  if (c.denied) return DENY;
  const n = networkPolicy();
  if (n !== undefined || c.isolated) {
    if (n === true || c.allows === "l4") return ALLOW;
    if (c.allows === "l7") return { allowed: true, l7: true };
    return DENY;
  }
  const b = baseline();
  if (b === "deny") return DENY;
  if (b === "accept") return ALLOW;
  return c.allows === "l7" ? { allowed: true, l7: true } : ALLOW;
}

/** Does `dst`'s ingress side admit the connection? */
export function ingressDecision(cluster: Cluster, src: Endpoint, dst: Pod, protocol: Protocol, port: number): SideDecision {
  return tiers(
    () => adminDecision(cluster, "admin", "ingress", dst, src, dst, protocol, port),
    () => ciliumSide(cluster, "ingress", dst, src, dst, protocol, port),
    () => networkPolicyIngress(cluster, src, dst, protocol, port),
    () => adminDecision(cluster, "baseline", "ingress", dst, src, dst, protocol, port),
  );
}

/** Does `src`'s egress side let the connection out? */
export function egressDecision(cluster: Cluster, src: Pod, dst: Endpoint, protocol: Protocol, port: number): SideDecision {
  return tiers(
    () => adminDecision(cluster, "admin", "egress", src, dst, dst, protocol, port),
    () => ciliumSide(cluster, "egress", src, dst, dst, protocol, port),
    () => networkPolicyEgress(cluster, src, dst, protocol, port),
    () => adminDecision(cluster, "baseline", "egress", src, dst, dst, protocol, port),
  );
}

export function ingressAllows(cluster: Cluster, src: Endpoint, dst: Pod, protocol: Protocol, port: number): boolean {
  return ingressDecision(cluster, src, dst, protocol, port).allowed;
}

export function egressAllows(cluster: Cluster, src: Pod, dst: Endpoint, protocol: Protocol, port: number): boolean {
  return egressDecision(cluster, src, dst, protocol, port).allowed;
}

/**
 * Is a `protocol` connection to `port` from `src` to `dst` allowed, and is it L7-filtered (only
 * rules with L7 filters allow it, on either side)?
 * pod->pod: src egress AND dst ingress; external->pod: dst ingress; pod->external: src egress.
 */
export function decide(cluster: Cluster, src: Endpoint, dst: Endpoint, protocol: Protocol, port: number): SideDecision {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`bad port ${port}`);
  if (!isPod(src) && !isPod(dst)) throw new Error("external to external is not a flow");
  if (isPod(src) && isPod(dst) && samePod(src, dst)) throw new Error("a pod to itself is not evaluated");
  const egress = isPod(src) ? egressDecision(cluster, src, dst, protocol, port) : ALLOW;
  if (!egress.allowed) return DENY;
  const ingress = isPod(dst) ? ingressDecision(cluster, src, dst, protocol, port) : ALLOW;
  if (!ingress.allowed) return DENY;
  return { allowed: true, l7: egress.l7 || ingress.l7 };
}

/** Is a `protocol` connection to `port` from `src` to `dst` allowed? */
export function allowed(cluster: Cluster, src: Endpoint, dst: Endpoint, protocol: Protocol, port: number): boolean {
  return decide(cluster, src, dst, protocol, port).allowed;
}
