// The admin tiers over pod classes (AdminNetworkPolicy, BaselineAdminNetworkPolicy,
// ClusterNetworkPolicy). Per direction and subject class: admin rules in policy order, then rule
// order, the first rule matching a peer and port decides (accept, deny, or pass on to
// NetworkPolicy); NetworkPolicy decides for classes it isolates; else baseline rules in the same
// way; else the connection is allowed. Both directions must allow, as for NetworkPolicy.
//
// A tier walk yields two rows: what it accepts and what it denies (pass and no match leave the
// rest to the next tier). Then, per node, allowed = accepted ∪ (next tier − denied).
import { adminOrder, type AdminPolicy, type AdminRule, type AdminTier } from "../model/admin-policy.js";
import type { Direction } from "../model/policy.js";
import type { ConnInterner } from "../net/conn-interner.js";
import { ConnSet } from "../net/conn-set.js";
import type { PeerNodes } from "./peer-nodes.js";
import { EMPTY_ROW, RowBuilder, rowSubtract, rowUnion, type Row } from "./row.js";
import { hasNamedPorts, rulePorts, type PortNames } from "./rule-ports.js";

export interface AppliedAdminRule {
  readonly policy: AdminPolicy;
  readonly rule: AdminRule;
}

/**
 * A pod class's rules of one tier and direction, in the order they are consulted (lists shared by
 * the classes the same policies select, never changed). Made when a class is first asked about:
 * a diff asks about the classes a change touches.
 */
export type TierRules = (tier: AdminTier, dir: Direction, cls: number) => readonly AppliedAdminRule[];

export function tierRules(policies: readonly AdminPolicy[], peers: PeerNodes, podClasses: number): TierRules {
  const sorted = [...policies].sort(adminOrder);
  // A class's policies are found when it is first asked about (a diff asks about the classes a
  // change touches), by the marks of each policy's subjects: shared by every revision holding it.
  const of = (tier: AdminTier, dir: Direction) => sorted.flatMap((policy, i) => (policy.tier === tier && policy[dir].length > 0 ? [{ i, subjects: peers.marked(peers.ofAdminSubject(policy.subject)) }] : []));
  const candidates: Record<AdminTier, Record<Direction, readonly { readonly i: number; readonly subjects: Uint8Array }[]>> = {
    admin: { ingress: of("admin", "ingress"), egress: of("admin", "egress") },
    deny: { ingress: of("deny", "ingress"), egress: of("deny", "egress") },
    baseline: { ingress: of("baseline", "ingress"), egress: of("baseline", "egress") },
  };
  const applied = sorted.map((policy) => ({ ingress: policy.ingress.map((rule) => ({ policy, rule })), egress: policy.egress.map((rule) => ({ policy, rule })) }));
  // Classes that are subjects of the same policies share one list: what is worked out from a list
  // (its text for signatures, its walk) is worked out once.
  type Made = { readonly byClass: (readonly AppliedAdminRule[] | undefined)[]; readonly byPolicies: Map<string, AppliedAdminRule[]> };
  const made = (): Made => ({ byClass: new Array(podClasses), byPolicies: new Map() });
  const lists: Record<AdminTier, Record<Direction, Made>> = {
    admin: { ingress: made(), egress: made() },
    deny: { ingress: made(), egress: made() },
    baseline: { ingress: made(), egress: made() },
  };
  return (tier, dir, cls) => {
    const { byClass, byPolicies } = lists[tier][dir];
    let l = byClass[cls];
    if (l === undefined) {
      // Host-network pods are never subjects: PeerNodes leaves them out of pod peers.
      const idx: number[] = [];
      for (const c of candidates[tier][dir]) if (c.subjects[cls] === 1) idx.push(c.i);
      const key = idx.join(",");
      l = byPolicies.get(key);
      if (l === undefined) byPolicies.set(key, (l = idx.flatMap((i) => applied[i]![dir])));
      byClass[cls] = l;
    }
    return l;
  };
}

export interface TierWalk {
  readonly accepted: Row;
  readonly denied: Row;
}

/**
 * One tier's rules for one subject class: what the first matching rule accepts and denies.
 * `portsAt(node)` gives the destination's named ports (ingress: the subject; egress: the peer).
 */
export function walkTier(
  rules: readonly AppliedAdminRule[],
  peers: PeerNodes,
  portsAt: (node: number) => PortNames,
  interner: ConnInterner,
  /** What a rule without named ports matches, by rule: the same in every walk over these peers, interner and `portsOf`. */
  plainRows: WeakMap<AdminRule, Row> = new WeakMap(),
  /** A rule's ports on a destination of these port names (a walk within a port set: cut to it). */
  portsOf: (rule: AdminRule, names: PortNames) => ConnSet = rulePorts,
): TierWalk {
  let decided = EMPTY_ROW;
  let accepted = EMPTY_ROW;
  let denied = EMPTY_ROW;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!.rule;
    const plain = !hasNamedPorts(rule);
    let row = plain ? plainRows.get(rule) : undefined;
    if (row === undefined && plain) {
      // Ports without names are the same at every peer: the row is the peers, each given them.
      // No builder's map per node: a thousand tenants' rules denying every other tenant list
      // thousands of nodes each.
      const nodes = peers.ofAdminRule(rule);
      const ports = nodes.length === 0 ? ConnSet.NONE : interner.intern(portsOf(rule, portsAt(nodes[0]!)));
      row = ports.isEmpty ? EMPTY_ROW : nodes.length > peers.all.length / 2 ? allBut(nodes, peers.all.length, ports) : { fallback: ConnSet.NONE, nodes, conns: new Array<ConnSet>(nodes.length).fill(ports) };
      plainRows.set(rule, row);
    }
    if (row === undefined) {
      const b = new RowBuilder(interner);
      const perNames = new Map<PortNames, ConnSet>();
      for (const node of peers.ofAdminRule(rule)) {
        const names = portsAt(node);
        let ports = perNames.get(names);
        if (!ports) perNames.set(names, (ports = portsOf(rule, names)));
        if (!ports.isEmpty) b.add(node, ports);
      }
      row = b.build();
      if (plain) plainRows.set(rule, row);
    }
    const matched = rowSubtract(row, decided, interner);
    if (matched.nodes.length === 0 && matched.fallback.isEmpty) continue;
    // Nothing ∪ a row is that row (rows are kept without entries equal to their fallback).
    const join = (a: Row) => (a === EMPTY_ROW ? matched : rowUnion(a, matched, interner));
    if (rule.action === "accept") accepted = join(accepted);
    else if (rule.action === "deny") denied = join(denied);
    // What is decided matters only to the rules after: the last one's (often the widest) is not made.
    if (i < rules.length - 1) decided = join(decided);
  }
  return { accepted, denied };
}

/**
 * `ports` to every node but those `nodes` (ascending) leaves out, of `size`: a rule whose peers are
 * nearly everything (a team denying every other team, `NotIn`) lists the few it leaves out, not
 * the thousands it names.
 */
function allBut(nodes: Int32Array, size: number, ports: ConnSet): Row {
  const out: number[] = [];
  let j = 0;
  for (let n = 0; n < size; n++) {
    if (j < nodes.length && nodes[j] === n) j++;
    else out.push(n);
  }
  return { fallback: ports, nodes: Int32Array.from(out), conns: new Array<ConnSet>(out.length).fill(ConnSet.NONE) };
}

/** allowed = accepted ∪ (next − denied): what a tier lets through, given what comes after it. */
export function foldTier(walk: TierWalk, next: Row, interner: ConnInterner): Row {
  return rowUnion(walk.accepted, rowSubtract(next, walk.denied, interner), interner);
}
