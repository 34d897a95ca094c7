// The Cilium tier of the naive reference evaluator, straight from CILIUM-SEMANTICS (the readings
// netreach adopts, written down in the README), one connection and one direction at a time. No
// compilation, no sharing of code with the engine (src/reach) or the loader (src/load).
//
// What it answers for one side of a connection (the subject is the pod whose side it is):
// - does an ingressDeny/egressDeny rule of a spec selecting the subject match? (deny tier)
// - does some spec selecting the subject isolate this direction (default deny)?
// - does an allow rule match, and is every matching allow one with L7 filters?
// evaluator.ts puts these together with NetworkPolicy and the admin tiers.

import {
  isCiliumPolicy,
  specsOf,
  type CIDRRule,
  type CiliumEgressRule,
  type CiliumIngressRule,
  type CiliumPolicyObject,
  type CiliumRule,
  type Entity,
  type PortProtocol,
  type PortRule,
} from "./cilium-kube.js";
import { cidrContains, parseCidr, parseIp, type Ip } from "./ip.js";
import { namespaceOf, PROTOCOLS, type Cluster, type LabelSelector, type Labels, type Pod, type Protocol } from "./kube.js";
import { CILIUM_NAMESPACE_LABEL, ciliumEnforced, isHostNetwork, isPod, podLabels, selectorMatches, type Endpoint } from "./match.js";

export type Direction = "ingress" | "egress";

/** What a hostNetwork pod looks like to a Cilium selector: the host's identity (which node is unknown: both). */
const HOST_IDENTITY: Labels = { "reserved:host": "", "reserved:remote-node": "" };

// ---------------------------------------------------------------------------------------------
// Selectors

/** `k8s:app` and `any:app` are `app`; other sources (`reserved:`) keep their prefix. */
export function stripSource(key: string): string {
  if (key.startsWith("k8s:")) return key.slice(4);
  if (key.startsWith("any:")) return key.slice(4);
  return key;
}

function stripped(selector: LabelSelector): LabelSelector {
  const matchLabels: Labels = {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) matchLabels[stripSource(key)] = value;
  return {
    matchLabels,
    matchExpressions: (selector.matchExpressions ?? []).map((req) => ({ ...req, key: stripSource(req.key) })),
  };
}

function keysOf(selector: LabelSelector): string[] {
  return [...Object.keys(selector.matchLabels ?? {}), ...(selector.matchExpressions ?? []).map((r) => r.key)].map(stripSource);
}

function hasReservedKey(selector: LabelSelector): boolean {
  return keysOf(selector).some((key) => key.startsWith("reserved:"));
}

/** Labels as Cilium sees a pod: its own plus Cilium's implicit ones. */
function ciliumLabels(cluster: Cluster, pod: Pod): Labels {
  return podLabels(cluster, pod);
}

function policyNamespace(policy: CiliumPolicyObject): string | undefined {
  if (policy.kind === "CiliumClusterwideNetworkPolicy") return undefined;
  const ns = policy.metadata.namespace;
  return ns === undefined || ns === null || ns === "" ? "default" : ns;
}

/** endpointSelector: pods (never hostNetwork ones) of the CNP's namespace, or of any namespace for a CCNP. */
function specSelects(cluster: Cluster, policy: CiliumPolicyObject, rule: CiliumRule, pod: Pod): boolean {
  // nodeSelector specs (host firewall) select nodes, not pods: not analyzed.
  if (rule.endpointSelector === undefined || rule.endpointSelector === null) return false;
  if (isHostNetwork(pod)) return false;
  const ns = policyNamespace(policy);
  if (ns !== undefined && namespaceOf(pod) !== ns) return false;
  return selectorMatches(stripped(rule.endpointSelector), ciliumLabels(cluster, pod));
}

/**
 * fromEndpoints/toEndpoints: in a CNP scoped to the policy's namespace unless the selector names
 * io.kubernetes.pod.namespace; a selector with a reserved: key is not scoped and sees hostNetwork
 * pods as the host; others never match hostNetwork pods or addresses.
 */
function endpointSelectorMatches(cluster: Cluster, policy: CiliumPolicyObject, selector: LabelSelector, remote: Endpoint): boolean {
  if (!isPod(remote)) return false;
  const sel = stripped(selector);
  if (hasReservedKey(selector)) {
    return selectorMatches(sel, isHostNetwork(remote) ? HOST_IDENTITY : ciliumLabels(cluster, remote));
  }
  if (isHostNetwork(remote)) return false;
  const ns = policyNamespace(policy);
  if (ns !== undefined && !keysOf(selector).includes(CILIUM_NAMESPACE_LABEL) && namespaceOf(remote) !== ns) return false;
  return selectorMatches(sel, ciliumLabels(cluster, remote));
}

// ---------------------------------------------------------------------------------------------
// Entities and CIDRs

/** Entities match pods and the world; the named ones with no known endpoint match nothing. */
export function entityMatches(entity: Entity, remote: Endpoint): boolean {
  switch (entity) {
    case "all":
      return true;
    case "world":
      return !isPod(remote);
    case "world-ipv4":
      return !isPod(remote) && parseIp(remote).family === 4;
    case "world-ipv6":
      return !isPod(remote) && parseIp(remote).family === 6;
    case "cluster":
      return isPod(remote);
    case "host":
    case "remote-node":
      return isPod(remote) && isHostNetwork(remote);
    case "kube-apiserver":
    case "health":
    case "init":
    case "unmanaged":
    case "ingress":
      return false;
    default:
      throw new Error(`unknown entity ${JSON.stringify(entity)}`);
  }
}

function inCidr(text: string, ip: Ip): boolean {
  return cidrContains(parseCidr(text), ip);
}

/** CIDR peers match external addresses only (as ipBlocks do). */
function cidrMatches(cidr: string, remote: Endpoint): boolean {
  return !isPod(remote) && inCidr(cidr, parseIp(remote));
}

function cidrGroup(cluster: Cluster, name: string): string[] {
  const group = (cluster.cilium ?? []).find((o) => o.kind === "CiliumCIDRGroup" && o.metadata.name === name);
  return group !== undefined && group.kind === "CiliumCIDRGroup" ? group.spec.externalCIDRs : [];
}

function cidrRuleMatches(cluster: Cluster, rule: CIDRRule, remote: Endpoint): boolean {
  if (isPod(remote)) return false;
  const ip = parseIp(remote);
  const cidrs = rule.cidr != null ? [rule.cidr] : rule.cidrGroupRef != null ? cidrGroup(cluster, rule.cidrGroupRef) : [];
  if (!cidrs.some((c) => inCidr(c, ip))) return false;
  return !(rule.except ?? []).some((c) => inCidr(c, ip));
}

// ---------------------------------------------------------------------------------------------
// Peers of one rule

type AnyRule = CiliumIngressRule & CiliumEgressRule;

function present(list: readonly unknown[] | null | undefined): boolean {
  return list !== undefined && list !== null && list.length > 0;
}

/**
 * The peer fields of one rule, ORed. A rule with no peer field matches every peer if it has
 * toPorts, and no peer at all otherwise (`ingress: [{}]`). toFQDNs, toServices, toGroups,
 * toRequires/fromRequires name no known endpoint.
 */
function rulePeerMatches(cluster: Cluster, policy: CiliumPolicyObject, rule: AnyRule, direction: Direction, remote: Endpoint): boolean {
  const endpoints = direction === "ingress" ? rule.fromEndpoints : rule.toEndpoints;
  const cidrs = direction === "ingress" ? rule.fromCIDR : rule.toCIDR;
  const cidrSets = direction === "ingress" ? rule.fromCIDRSet : rule.toCIDRSet;
  const entities = direction === "ingress" ? rule.fromEntities : rule.toEntities;
  const unknown = direction === "ingress" ? [rule.fromRequires] : [rule.toRequires, rule.toServices, rule.toGroups, rule.toFQDNs];
  const anyPeer = [endpoints, cidrs, cidrSets, entities, ...unknown].some(present);
  if (!anyPeer) return present(rule.toPorts);
  if ((endpoints ?? []).some((s) => endpointSelectorMatches(cluster, policy, s, remote))) return true;
  if ((cidrs ?? []).some((c) => cidrMatches(c, remote))) return true;
  if ((cidrSets ?? []).some((c) => cidrRuleMatches(cluster, c, remote))) return true;
  if ((entities ?? []).some((e) => entityMatches(e, remote))) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Ports

/** A named port resolves on the destination pod: a container port of that name, number and protocol. */
function namedPortMatches(name: string, protocol: Protocol, port: number, destination: Endpoint): boolean {
  if (!isPod(destination)) return false;
  return destination.spec.containers.some((c) =>
    (c.ports ?? []).some((p) => p.name === name && p.containerPort === port && (p.protocol ?? "TCP") === protocol),
  );
}

function portProtocolMatches(entry: PortProtocol, protocol: Protocol, port: number, destination: Endpoint): boolean {
  const written = entry.protocol ?? "ANY";
  if (written !== "ANY" && written !== protocol) return false;
  if (written === "ANY" && !PROTOCOLS.includes(protocol)) return false;
  const text = entry.port ?? "0";
  if (/^[0-9]+$/.test(text)) {
    const first = Number(text);
    if (first === 0) return true;
    const last = entry.endPort !== undefined && entry.endPort !== null && entry.endPort > first ? entry.endPort : first;
    return first <= port && port <= last;
  }
  return namedPortMatches(text, protocol, port, destination);
}

function portRuleMatches(entry: PortRule, protocol: Protocol, port: number, destination: Endpoint): boolean {
  if (!present(entry.ports)) return true;
  return entry.ports!.some((p) => portProtocolMatches(p, protocol, port, destination));
}

export function hasL7(entry: PortRule): boolean {
  const r = entry.rules;
  if (r === undefined || r === null) return false;
  return present(r.http) || present(r.kafka) || present(r.dns) || present(r.l7) || (typeof r.l7proto === "string" && r.l7proto !== "");
}

/**
 * How a rule's toPorts let the connection through: "l4" by a port rule without L7 filters (or
 * no toPorts at all), "l7" only by port rules with L7 filters, undefined not at all. A rule with
 * `icmps` and no toPorts is ICMP only: no TCP, UDP or SCTP connection.
 */
function rulePortsMatch(rule: AnyRule, protocol: Protocol, port: number, destination: Endpoint): "l4" | "l7" | undefined {
  if (!present(rule.toPorts)) return present(rule.icmps) ? undefined : "l4";
  const matching = rule.toPorts!.filter((entry) => portRuleMatches(entry, protocol, port, destination));
  if (matching.length === 0) return undefined;
  return matching.every(hasL7) ? "l7" : "l4";
}

// ---------------------------------------------------------------------------------------------
// One side of a connection

export interface CiliumSide {
  /** A deny rule matches: the connection is denied, whatever allows it (the admin tier aside). */
  readonly denied: boolean;
  /** Some selecting spec isolates this direction (default deny). */
  readonly isolated: boolean;
  /** How Cilium's allow rules let it through: "l4" some rule without L7 filters, "l7" only rules with them. */
  readonly allows: "l4" | "l7" | undefined;
}

const NOTHING: CiliumSide = { denied: false, isolated: false, allows: undefined };

/** Every spec of every Cilium policy that selects `subject`, with its policy. */
function selectingSpecs(cluster: Cluster, subject: Pod): { policy: CiliumPolicyObject; rule: CiliumRule }[] {
  const out: { policy: CiliumPolicyObject; rule: CiliumRule }[] = [];
  for (const object of cluster.cilium ?? []) {
    if (!isCiliumPolicy(object)) continue;
    for (const { rule } of specsOf(object)) if (specSelects(cluster, object, rule, subject)) out.push({ policy: object, rule });
  }
  return out;
}

/**
 * Cilium's verdicts for one direction of one connection: `subject` is the pod whose side this is
 * (the destination for ingress, the source for egress), `remote` the other end, `destination`
 * where named ports resolve.
 */
export function ciliumSide(
  cluster: Cluster,
  direction: Direction,
  subject: Pod,
  remote: Endpoint,
  destination: Endpoint,
  protocol: Protocol,
  port: number,
): CiliumSide {
  if (!ciliumEnforced(cluster)) return NOTHING;
  let denied = false;
  let isolated = false;
  let allows: "l4" | "l7" | undefined;
  for (const { policy, rule } of selectingSpecs(cluster, subject)) {
    const allowRules = ((direction === "ingress" ? rule.ingress : rule.egress) ?? []) as AnyRule[];
    const denyRules = ((direction === "ingress" ? rule.ingressDeny : rule.egressDeny) ?? []) as AnyRule[];
    const defaultDeny = rule.enableDefaultDeny?.[direction] ?? true;
    if (defaultDeny && (allowRules.length > 0 || denyRules.length > 0)) isolated = true;
    for (const r of denyRules) {
      if (rulePeerMatches(cluster, policy, r, direction, remote) && rulePortsMatch(r, protocol, port, destination) !== undefined) denied = true;
    }
    for (const r of allowRules) {
      if (!rulePeerMatches(cluster, policy, r, direction, remote)) continue;
      const how = rulePortsMatch(r, protocol, port, destination);
      if (how === "l4" || (how === "l7" && allows === undefined)) allows = how;
    }
  }
  return { denied, isolated, allows };
}
