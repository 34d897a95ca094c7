// The admin tiers of the naive reference evaluator, straight from SEMANTICS.md 2.2, one
// connection and one direction at a time: which verdict, if any, does the first matching rule of
// one tier give? No compilation, no sharing of code with the engine (src/reach) or the loader.
//
// Readings (SEMANTICS.md section 10): each direction on its own (10.1); equal priorities ordered
// by name, then kind (10.2, as netreach's adminOrder); a BaselineAdminNetworkPolicy after every
// baseline ClusterNetworkPolicy; a named port the destination pod does not declare matches
// nothing (10.5), and toward an address nothing; a v1alpha1 protocol other than TCP/UDP/SCTP
// matches nothing (10.7); domainNames match no known endpoint.

import type { AdminObject, AdminPeerObject, AdminPortV1, AdminProtocolV2, AdminRuleObject, DestinationPort } from "./admin-kube.js";
import { cidrContains, parseCidr, parseIp, type Ip } from "./ip.js";
import type { Cluster, Pod, Protocol } from "./kube.js";
import { namespaceOf } from "./kube.js";
import { declaresPort, isHostNetwork, isPod, namespaceLabels, podLabels, selectorMatches, type Endpoint } from "./match.js";

export type AdminTier = "admin" | "baseline";
export type AdminVerdict = "accept" | "deny" | "pass";
export type Direction = "ingress" | "egress";

export function tierOf(policy: AdminObject): AdminTier {
  if (policy.kind === "AdminNetworkPolicy") return "admin";
  if (policy.kind === "BaselineAdminNetworkPolicy") return "baseline";
  return policy.spec.tier === "Admin" ? "admin" : "baseline";
}

/** The BaselineAdminNetworkPolicy has no priority: it comes after every baseline ClusterNetworkPolicy. */
export function priorityOf(policy: AdminObject): number {
  return policy.kind === "BaselineAdminNetworkPolicy" ? Number.POSITIVE_INFINITY : policy.spec.priority;
}

/** Ascending priority; equal priorities (undefined upstream) by name, then kind. */
export function consultOrder(a: AdminObject, b: AdminObject): number {
  const pa = priorityOf(a);
  const pb = priorityOf(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.metadata.name !== b.metadata.name) return a.metadata.name < b.metadata.name ? -1 : 1;
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}

function verdictOf(action: string): AdminVerdict {
  if (action === "Allow" || action === "Accept") return "accept";
  if (action === "Deny") return "deny";
  if (action === "Pass") return "pass";
  throw new Error(`unknown action ${JSON.stringify(action)}`);
}

/** `namespaces` selects every pod of matching namespaces; `pods` both selectors (v1alpha2 namespaceSelector absent = all). */
function podsMatch(cluster: Cluster, namespaces: AdminPeerObject["namespaces"], pods: AdminPeerObject["pods"], pod: Pod): boolean {
  // Host-network pods are neither subjects nor pod peers.
  if (isHostNetwork(pod)) return false;
  const nsLabels = namespaceLabels(cluster, namespaceOf(pod));
  if (namespaces !== undefined && namespaces !== null) return selectorMatches(namespaces, nsLabels);
  if (pods !== undefined && pods !== null) return selectorMatches(pods.namespaceSelector, nsLabels) && selectorMatches(pods.podSelector, podLabels(cluster, pod));
  throw new Error("a subject or pod peer with neither namespaces nor pods");
}

/** The addresses an endpoint is known by: an external address; a pod's status.podIP(s), if the input has them. */
function addressesOf(endpoint: Endpoint): Ip[] {
  if (!isPod(endpoint)) return [parseIp(endpoint)];
  const status = endpoint.status ?? {};
  const texts = new Set<string>();
  if (status.podIP) texts.add(status.podIP);
  for (const entry of status.podIPs ?? []) texts.add(entry.ip);
  return [...texts].map(parseIp);
}

function sameIp(a: Ip, b: Ip): boolean {
  return a.family === b.family && a.value === b.value;
}

/** A `nodes` peer: a hostNetwork pod on a matching node, or an address of a matching node. */
function nodesMatch(cluster: Cluster, selector: NonNullable<AdminPeerObject["nodes"]>, remote: Endpoint): boolean {
  const nodes = (cluster.nodes ?? []).filter((node) => selectorMatches(selector, node.metadata.labels ?? {}));
  if (isPod(remote) && isHostNetwork(remote) && remote.spec.nodeName) {
    if (nodes.some((node) => node.metadata.name === remote.spec.nodeName)) return true;
  }
  const addresses = addressesOf(remote);
  return nodes.some((node) =>
    (node.status?.addresses ?? []).some((a) => {
      let ip: Ip;
      try {
        ip = parseIp(a.address);
      } catch {
        return false; // a Hostname entry
      }
      return addresses.some((x) => sameIp(x, ip));
    }),
  );
}

function peerMatches(cluster: Cluster, peer: AdminPeerObject, remote: Endpoint): boolean {
  if (peer.namespaces != null || peer.pods != null) return isPod(remote) && podsMatch(cluster, peer.namespaces, peer.pods, remote);
  if (peer.networks != null) {
    // External addresses, and pods whose IPs the input gives (a CNI sees the pod IP).
    const cidrs = peer.networks.map(parseCidr);
    return addressesOf(remote).some((ip) => cidrs.some((c) => cidrContains(c, ip)));
  }
  if (peer.nodes != null) return nodesMatch(cluster, peer.nodes, remote);
  if (peer.domainNames != null) return false;
  throw new Error(`a peer with no field: ${JSON.stringify(peer)}`);
}

function inPort(spec: DestinationPort, port: number): boolean {
  if (spec.number != null) return spec.number === port;
  if (spec.range != null) return spec.range.start <= port && port <= spec.range.end;
  throw new Error("a destinationPort with neither number nor range");
}

/** A named port resolves on the destination pod, protocol included; toward an address, nothing. */
function namedPortMatches(name: string, protocol: Protocol, port: number, destination: Endpoint): boolean {
  return isPod(destination) && declaresPort(destination, name, protocol, port);
}

function portV1Matches(entry: AdminPortV1, protocol: Protocol, port: number, destination: Endpoint): boolean {
  if (entry.portNumber != null) return (entry.portNumber.protocol ?? "TCP") === protocol && entry.portNumber.port === port;
  if (entry.portRange != null) {
    const r = entry.portRange;
    return (r.protocol ?? "TCP") === protocol && r.start <= port && port <= r.end;
  }
  if (entry.namedPort != null) return namedPortMatches(entry.namedPort, protocol, port, destination);
  throw new Error(`a port with no field: ${JSON.stringify(entry)}`);
}

function protocolV2Matches(entry: AdminProtocolV2, protocol: Protocol, port: number, destination: Endpoint): boolean {
  if (entry.tcp != null) return protocol === "TCP" && inPort(entry.tcp.destinationPort, port);
  if (entry.udp != null) return protocol === "UDP" && inPort(entry.udp.destinationPort, port);
  if (entry.sctp != null) return protocol === "SCTP" && inPort(entry.sctp.destinationPort, port);
  if (entry.destinationNamedPort != null) return namedPortMatches(entry.destinationNamedPort, protocol, port, destination);
  throw new Error(`a protocol with no field: ${JSON.stringify(entry)}`);
}

/** `ports`/`protocols` absent: every protocol and port. */
function portsMatch(rule: AdminRuleObject, protocol: Protocol, port: number, destination: Endpoint): boolean {
  if (rule.ports != null) return rule.ports.some((e) => portV1Matches(e, protocol, port, destination));
  if (rule.protocols != null) return rule.protocols.some((e) => protocolV2Matches(e, protocol, port, destination));
  return true;
}

/**
 * The verdict of `tier` for one direction of one connection: `subject` is the pod whose side this
 * is (the source for egress, the destination for ingress), `remote` the other end, `destination`
 * where named ports resolve. Undefined: no rule of the tier matched.
 */
export function adminDecision(
  cluster: Cluster,
  tier: AdminTier,
  direction: Direction,
  subject: Pod,
  remote: Endpoint,
  destination: Endpoint,
  protocol: Protocol,
  port: number,
): AdminVerdict | undefined {
  const policies = (cluster.admin ?? [])
    .filter((p) => tierOf(p) === tier && podsMatch(cluster, p.spec.subject.namespaces, p.spec.subject.pods, subject))
    .sort(consultOrder);
  for (const policy of policies) {
    for (const rule of policy.spec[direction] ?? []) {
      const peers = (direction === "ingress" ? rule.from : rule.to) ?? [];
      if (peers.some((peer) => peerMatches(cluster, peer, remote)) && portsMatch(rule, protocol, port, destination)) {
        return verdictOf(rule.action);
      }
    }
  }
  return undefined;
}
