// The pod peers of every policy and admin-tier policy, and the port names their rules use: what
// the representative pods are built from (synthesize.ts), gathered in one pass over every rule.
import { adminPeerAsPeers, adminRulePeers, type AdminPolicy, type AdminRule } from "../model/admin-policy.js";
import type { Peer, Policy, Rule } from "../model/policy.js";
import type { Selector } from "../model/selector.js";

export type PodPeer = Extract<Peer, { kind: "pods" }>;

export interface PodPeers {
  /** Pod peers with the namespace of the policy that names them (for peers of its own namespace; "" for the others), first seen first. */
  readonly peers: readonly { readonly namespace: string; readonly peer: PodPeer }[];
  /** "name/PROTOCOL" of every named port a rule names: a new set, the caller's to add to. */
  readonly portNames: Set<string>;
}

export function podPeers(policies: readonly Policy[], admin: readonly AdminPolicy[]): PodPeers {
  const peers: { namespace: string; peer: PodPeer }[] = [];
  // A pod peer says where it looks (its policy's namespace, or a namespaceSelector) and which
  // pods. Thousands of rules repeat a few of these, and a repeat adds nothing (each namespace
  // keeps the first peer of each pod selector): the first of each pair of objects is kept.
  // By where first: a namespace's policies come one after another, so its set is at hand.
  const seen = new Map<string | Selector, Set<Selector>>();
  let lastWhere: string | Selector | undefined;
  let lastSeen = new Set<Selector>();
  const addPeer = (namespace: string, peer: PodPeer) => {
    const where = peer.namespaces.kind === "own" ? namespace : peer.namespaces.selector;
    if (where !== lastWhere) {
      let pods = seen.get(where);
      if (pods === undefined) seen.set(where, (pods = new Set()));
      [lastWhere, lastSeen] = [where, pods];
    }
    if (lastSeen.has(peer.pods)) return;
    lastSeen.add(peer.pods);
    peers.push({ namespace, peer });
  };
  const portNames = new Set<string>();
  const namedPorts = (ports: Rule["ports"] | AdminRule["ports"]) => {
    if (ports === "any") return;
    for (const s of ports) if (s.port.kind === "named") portNames.add(`${s.port.name}/${s.protocol}`);
  };
  // Indexed loops: this walks every rule of every policy once, before the JIT has warmed to it,
  // and a for-of loop then makes an iterator result per step.
  const addRules = (namespace: string, rules: readonly Rule[] | null) => {
    if (rules === null) return;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      namedPorts(rule.ports);
      if (rule.peers === "any") continue;
      for (let k = 0; k < rule.peers.length; k++) {
        const peer = rule.peers[k]!;
        if (peer.kind === "pods") addPeer(namespace, peer);
      }
    }
  };
  for (let i = 0; i < policies.length; i++) {
    const p = policies[i]!;
    // A CiliumClusterwideNetworkPolicy selects across namespaces, as an admin-tier subject does.
    if (p.subjectNamespaces !== undefined) addPeer("", { kind: "pods", namespaces: { kind: "selector", selector: p.subjectNamespaces }, pods: p.subject });
    addRules(p.namespace, p.ingress);
    addRules(p.namespace, p.egress);
  }
  // Admin-tier subjects and pod peers select across namespaces, as namespaceSelector peers do.
  for (const p of admin) {
    const asPeers = [adminPeerAsPeers({ kind: "pods", ...p.subject }), ...[...p.ingress, ...p.egress].flatMap(adminRulePeers)];
    for (const peer of asPeers.flat()) if (peer.kind === "pods") addPeer("", peer);
    for (const rule of p.ingress) namedPorts(rule.ports);
    for (const rule of p.egress) namedPorts(rule.ports);
  }
  return { peers, portNames };
}
