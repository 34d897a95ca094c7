// The one evaluator of NetworkPolicy semantics, over classes rather than pods.
//
// Nodes: pod classes are 0..P-1, external classes P..P+E-1. For each destination the allowed
// ingress from every source is a row; for each source the allowed egress to every destination
// is a row. Rows depend only on which rules apply (and, with named ports, on the destination's
// port names), so classes with the same applicable rules share one computation and one row.
import type { Direction, Peer, Policy, Rule } from "../model/policy.js";
import { selects } from "../model/selector.js";
import { ConnInterner } from "../net/conn-interner.js";
import { ConnSet } from "../net/conn-set.js";
import { ipBlockKey } from "./external-space.js";
import { hasNamedPorts, rulePorts, type PortNames } from "./rule-ports.js";
import type { Universe } from "./universe.js";

export interface Reachability {
  readonly universe: Universe;
  /** Number of nodes: pod classes then external classes. */
  readonly size: number;
  /** Allowed connections from node `src` to node `dst` (not both external). */
  conn(src: number, dst: number): ConnSet;
  /** The policies selecting a pod class that isolate the given direction. */
  isolating(cls: number, dir: Direction): readonly Policy[];
  /**
   * The rules that allow traffic between `src` and `dst` in one direction (ingress: rules of
   * policies selecting dst that match src; egress: of policies selecting src that match dst),
   * each with what it allows. For explanations: called for changed pairs only.
   */
  matchingRules(src: number, dst: number, dir: Direction): readonly RuleMatch[];
}

export interface RuleMatch {
  readonly policy: Policy;
  readonly rule: Rule;
  readonly conn: ConnSet;
}

interface AppliedRule {
  readonly policy: Policy;
  readonly rule: Rule;
  /** Nodes the rule's peers match. */
  readonly peers: Int32Array;
  readonly named: boolean;
}

export function evaluate(universe: Universe, policies: readonly Policy[], interner = new ConnInterner()): Reachability {
  const P = universe.podClasses.length;
  const E = universe.externals.length;
  const size = P + E;
  const allNodes = Int32Array.from({ length: size }, (_, i) => i);

  // Classes in each namespace, so selectors are only evaluated where they can match.
  const byNamespace = new Map<string, number[]>();
  universe.podClasses.forEach((c, i) => {
    let list = byNamespace.get(c.namespace);
    if (!list) byNamespace.set(c.namespace, (list = []));
    list.push(i);
  });

  const peerCache = new Map<string, Int32Array>();
  const peerNodes = (policy: Policy, peers: readonly Peer[] | "any"): Int32Array => {
    if (peers === "any") return allNodes;
    const key = JSON.stringify([policy.namespace, peers.map(peerCacheKey)]);
    let nodes = peerCache.get(key);
    if (!nodes) {
      // Each peer's nodes come out ascending; a rule's peers are their union (OR).
      const lists = peers.map((peer) => matchPeer(universe, byNamespace, policy.namespace, peer, P));
      nodes = lists.length === 1 ? Int32Array.from(lists[0]!) : unionSorted(lists, size);
      peerCache.set(key, nodes);
    }
    return nodes;
  };

  // Policies and rules applying to each pod class, per direction.
  const isolatingIn: Policy[][] = Array.from({ length: P }, () => []);
  const isolatingOut: Policy[][] = Array.from({ length: P }, () => []);
  const rulesIn: AppliedRule[][] = Array.from({ length: P }, () => []);
  const rulesOut: AppliedRule[][] = Array.from({ length: P }, () => []);
  for (const policy of policies) {
    // hostNetwork pods share the node's network namespace: no policy selects them.
    const subjects = (byNamespace.get(policy.namespace) ?? []).filter(
      (i) => !universe.podClasses[i]!.hostNetwork && selects(policy.subject, universe.podClasses[i]!.labels),
    );
    if (subjects.length === 0) continue;
    const applied = (rules: readonly Rule[]) => rules.map((rule) => ({ policy, rule, peers: peerNodes(policy, rule.peers), named: hasNamedPorts(rule) }));
    const ins = policy.ingress ? applied(policy.ingress) : [];
    const outs = policy.egress ? applied(policy.egress) : [];
    for (const s of subjects) {
      if (policy.ingress) {
        isolatingIn[s]!.push(policy);
        rulesIn[s]!.push(...ins);
      }
      if (policy.egress) {
        isolatingOut[s]!.push(policy);
        rulesOut[s]!.push(...outs);
      }
    }
  }

  const portNamesOf = (node: number): PortNames => (node < P ? universe.podClasses[node]!.namedPorts : null);
  const portsKey = (node: number): string => (node < P ? JSON.stringify([...universe.podClasses[node]!.namedPorts]) : "ext");

  // Ingress rows: for destination d, allowed from each source node.
  const ingressRows: (ConnSet[] | null)[] = new Array(P).fill(null);
  const rowCache = new Map<string, ConnSet[]>();
  const ruleIds = new Map<Rule, number>();
  for (let d = 0; d < P; d++) {
    if (isolatingIn[d]!.length === 0) continue; // not isolated: everything allowed
    const rules = rulesIn[d]!;
    const named = rules.some((r) => r.named);
    const key = "in:" + signature(rules, ruleIds) + (named ? ":" + portsKey(d) : "");
    let row = rowCache.get(key);
    if (!row) {
      row = new Array<ConnSet>(size).fill(ConnSet.NONE);
      const names = portNamesOf(d);
      for (const r of rules) {
        const ports = rulePorts(r.rule, names);
        if (ports.isEmpty) continue;
        for (const s of r.peers) row[s] = row[s]!.union(ports);
      }
      for (let i = 0; i < size; i++) row[i] = interner.intern(row[i]!);
      rowCache.set(key, row);
    }
    ingressRows[d] = row;
  }

  // Egress rows: for source s, allowed to each destination node (ports resolved per destination).
  const egressRows: (ConnSet[] | null)[] = new Array(P).fill(null);
  for (let s = 0; s < P; s++) {
    if (isolatingOut[s]!.length === 0) continue;
    const rules = rulesOut[s]!;
    const key = "out:" + signature(rules, ruleIds);
    let row = rowCache.get(key);
    if (!row) {
      row = new Array<ConnSet>(size).fill(ConnSet.NONE);
      for (const r of rules) {
        const plain = r.named ? undefined : rulePorts(r.rule, null);
        const perDst = new Map<string, ConnSet>();
        for (const d of r.peers) {
          let ports = plain;
          if (!ports) {
            const k = portsKey(d);
            ports = perDst.get(k);
            if (!ports) perDst.set(k, (ports = rulePorts(r.rule, portNamesOf(d))));
          }
          if (!ports.isEmpty) row[d] = row[d]!.union(ports);
        }
      }
      for (let i = 0; i < size; i++) row[i] = interner.intern(row[i]!);
      rowCache.set(key, row);
    }
    egressRows[s] = row;
  }

  return {
    universe,
    size,
    conn(src: number, dst: number): ConnSet {
      const out = src < P ? (egressRows[src]?.[dst] ?? ConnSet.ALL) : ConnSet.ALL;
      const inn = dst < P ? (ingressRows[dst]?.[src] ?? ConnSet.ALL) : ConnSet.ALL;
      return interner.intersect(out, inn);
    },
    isolating(cls: number, dir: Direction): readonly Policy[] {
      return (dir === "ingress" ? isolatingIn : isolatingOut)[cls] ?? [];
    },
    matchingRules(src: number, dst: number, dir: Direction): readonly RuleMatch[] {
      const [subject, peer] = dir === "ingress" ? [dst, src] : [src, dst];
      if (subject >= P) return [];
      const rules = (dir === "ingress" ? rulesIn : rulesOut)[subject]!;
      return rules
        .filter((r) => includes(r.peers, peer))
        .map((r) => ({ policy: r.policy, rule: r.rule, conn: rulePorts(r.rule, portNamesOf(dst)) }))
        .filter((m) => !m.conn.isEmpty);
    },
  };
}

/** Union of ascending lists of nodes below `size`, ascending. */
function unionSorted(lists: readonly (readonly number[])[], size: number): Int32Array {
  const mark = new Uint8Array(size);
  let count = 0;
  for (const list of lists) for (const n of list) if (mark[n] === 0) (mark[n] = 1), count++;
  const out = new Int32Array(count);
  for (let i = 0, k = 0; i < size; i++) if (mark[i] === 1) out[k++] = i;
  return out;
}

function includes(sorted: Int32Array, v: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! === v) return true;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Identifies a set of applied rules, so classes governed by the same rules share one row. */
function signature(rules: readonly AppliedRule[], ids: Map<Rule, number>): string {
  return rules
    .map((r) => {
      let id = ids.get(r.rule);
      if (id === undefined) ids.set(r.rule, (id = ids.size));
      return id;
    })
    .sort((a, b) => a - b)
    .join(",");
}

function peerCacheKey(peer: Peer): string {
  return peer.kind === "ipBlock" ? "ip:" + ipBlockKey(peer) : JSON.stringify(peer);
}

function matchPeer(universe: Universe, byNamespace: ReadonlyMap<string, readonly number[]>, policyNs: string, peer: Peer, P: number): number[] {
  if (peer.kind === "ipBlock") {
    // ipBlocks match external addresses only: pod IPs are not known statically.
    return (universe.externalsOf.get(ipBlockKey(peer)) ?? []).map((e) => P + e);
  }
  const out: number[] = [];
  const candidates =
    peer.namespaces.kind === "own" ? (byNamespace.get(policyNs) ?? []) : universe.podClasses.map((_, i) => i);
  for (const i of candidates) {
    const c = universe.podClasses[i]!;
    if (c.hostNetwork) continue;
    if (peer.namespaces.kind === "selector" && !selects(peer.namespaces.selector, c.nsLabels)) continue;
    if (selects(peer.pods, c.labels)) out.push(i);
  }
  return out;
}
