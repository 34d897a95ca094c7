// Admin-tier policies after validation and defaulting: AdminNetworkPolicy and
// BaselineAdminNetworkPolicy (v1alpha1) and ClusterNetworkPolicy (v1alpha2) in one shape, so
// the evaluator (src/reach) reads one kind of data. Differences between the versions are
// resolved by the loader: `Allow` is read as "accept", a v1alpha1 `portNumber` as a PortSpec,
// a BaselineAdminNetworkPolicy as the baseline tier after every baseline ClusterNetworkPolicy.
import type { Cidr } from "../net/ip.js";
import type { Direction, Peer, PortSpec, SourceRef } from "./policy.js";
import type { Selector } from "./selector.js";

export type AdminKind = "AdminNetworkPolicy" | "BaselineAdminNetworkPolicy" | "ClusterNetworkPolicy" | "CiliumNetworkPolicy" | "CiliumClusterwideNetworkPolicy";

/**
 * Admin decides before NetworkPolicy; "deny" is Cilium's `ingressDeny`/`egressDeny` rules, which
 * win over every allow of NetworkPolicy and Cilium, after the admin tier (whose Pass leads to
 * them); baseline only for pods no NetworkPolicy (or Cilium policy) isolates.
 */
export type AdminTier = "admin" | "deny" | "baseline";

/** v1alpha1 `Allow` and v1alpha2 `Accept` are both "accept". */
export type AdminAction = "accept" | "deny" | "pass";

/** Pods of non-hostNetwork workloads in namespaces matching `namespaces` with labels matching `pods`. */
export interface AdminPods {
  readonly namespaces: Selector;
  /** SELECT_ALL for a `namespaces:` subject or peer. */
  readonly pods: Selector;
}

export type AdminPeer =
  | ({ readonly kind: "pods" } & AdminPods)
  /** Addresses; inside the cluster only where pod or node IPs are known (README, assumptions). */
  | { readonly kind: "networks"; readonly cidrs: readonly Cidr[] }
  /** Node IPs (status.addresses) and the hostNetwork pods on those nodes. */
  | { readonly kind: "nodes"; readonly selector: Selector }
  /** Addresses a name resolves to: unknown before run time, so they match no known endpoint. */
  | { readonly kind: "domainNames"; readonly names: readonly string[] }
  /** Cilium CIDR peers: addresses outside the cluster only, as ipBlocks are. */
  | { readonly kind: "ipBlock"; readonly cidr: Cidr; readonly except: readonly Cidr[] }
  /** Cilium's host/remote-node entities: hostNetwork pods (policy.ts). */
  | { readonly kind: "hostNetwork" };

export interface AdminRule {
  readonly direction: Direction;
  /** Position among the policy's rules of this direction: earlier rules decide first. */
  readonly index: number;
  /** `name` as written, for explanations; null when absent. */
  readonly name: string | null;
  readonly action: AdminAction;
  /** Never empty (the API requires 1..N peers): OR over peers. */
  readonly peers: readonly AdminPeer[];
  /** "any": `ports`/`protocols` absent. Named ports resolve on the destination pod. */
  readonly ports: readonly PortSpec[] | "any";
  readonly source: SourceRef;
  /** Cilium: where the rule is ("ingressDeny[0]", "specs[1].egressDeny[2]"); undefined for admin kinds. */
  readonly path?: string;
  /** Cilium: the peers in its own words ("fromEntities world"); undefined for admin kinds. */
  readonly said?: string;
}

export interface AdminPolicy {
  /** "Kind/name": cluster-scoped, and names are unique per kind only. */
  readonly id: string;
  readonly kind: AdminKind;
  readonly name: string;
  /** A CiliumNetworkPolicy's namespace (its deny rules); undefined for the cluster-scoped kinds. */
  readonly namespace?: string;
  readonly tier: AdminTier;
  /** 0..1000, lower first. null: the BaselineAdminNetworkPolicy, which has none and comes last, and Cilium's (the deny tier has no order: every rule denies). */
  readonly priority: number | null;
  readonly subject: AdminPods;
  readonly ingress: readonly AdminRule[];
  readonly egress: readonly AdminRule[];
  readonly source: SourceRef;
}

/**
 * The order policies of one tier are consulted in: ascending priority; at equal priority (which
 * upstream leaves undefined, and the loader warns about) by name, then kind, so that a report
 * never depends on file order.
 */
export function adminOrder(a: AdminPolicy, b: AdminPolicy): number {
  const pa = a.priority ?? Number.POSITIVE_INFINITY;
  const pb = b.priority ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}

/**
 * What the evaluator matches: NetworkPolicy's peers, and two that only admin rules have. Unlike
 * an ipBlock, a `networks` CIDR also matches pods (hostNetwork ones included) whose IPs the input
 * gives inside it; `nodes` matches the hostNetwork pods on the nodes it selects.
 */
export type MatchPeer =
  | Peer
  | { readonly kind: "networks"; readonly cidr: Cidr }
  | { readonly kind: "nodes"; readonly selector: Selector };

/** An admin peer as the peers the evaluator matches. */
export function adminPeerAsPeers(peer: AdminPeer): MatchPeer[] {
  switch (peer.kind) {
    case "pods":
      return [{ kind: "pods", namespaces: { kind: "selector", selector: peer.namespaces }, pods: peer.pods }];
    case "networks":
      return peer.cidrs.map((cidr) => ({ kind: "networks", cidr }));
    case "nodes":
      return [{ kind: "nodes", selector: peer.selector }];
    case "domainNames":
      // The addresses a name resolves to are known only at run time: no known endpoint.
      return [];
    case "ipBlock":
      return [{ kind: "ipBlock", cidr: peer.cidr, except: peer.except }];
    case "hostNetwork":
      return [{ kind: "hostNetwork" }];
  }
}

// One list per rule, the same each time: what is keyed by peer objects (peer-nodes.ts) finds it again.
const rulePeers = new WeakMap<AdminRule, readonly MatchPeer[]>();

export function adminRulePeers(rule: AdminRule): readonly MatchPeer[] {
  let peers = rulePeers.get(rule);
  if (peers === undefined) rulePeers.set(rule, (peers = rule.peers.flatMap(adminPeerAsPeers)));
  return peers;
}
