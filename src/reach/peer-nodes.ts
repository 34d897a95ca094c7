// Which nodes a rule's peers match, computed once per distinct peer list of a namespace.
// A namespaceSelector is tested once per namespace (and its labels), not once per pod class.
import { adminRulePeers, type AdminPods, type AdminRule, type MatchPeer } from "../model/admin-policy.js";
import { selectorKey, selects, type Selector } from "../model/selector.js";
import { LabelSetIndex } from "../model/selector-index.js";
import { formatCidr } from "../net/ip.js";
import { ipBlockKey } from "./external-space.js";
import type { Universe } from "./universe.js";

export class PeerNodes {
  private readonly cache = new Map<string, Int32Array>();
  // The same list object asks again and again (each row and each explanation that names its
  // rule): answered without building its text key.
  private readonly byList = new WeakMap<readonly MatchPeer[], { readonly ns: string; readonly nodes: Int32Array }>();
  private readonly byAdminRule = new WeakMap<AdminRule, Int32Array>();
  private readonly bySubject = new WeakMap<AdminPods, Int32Array>();
  private readonly marks = new WeakMap<Int32Array, Uint8Array>();
  /** Pod classes (policy-selectable: not hostNetwork) per namespace and per namespace-label group. */
  private readonly byNamespace = new Map<string, number[]>();
  private readonly nsGroups: { readonly classes: number[]; readonly nsLabels: Universe["podClasses"][number]["nsLabels"] }[] = [];
  /** The namespace-label groups by their labels, for namespaceSelectors to find theirs. */
  private readonly nsIndex: LabelSetIndex;
  readonly all: Int32Array;
  /** The pod classes, 0..P-1: one array, so that rows over every pod can be shared by it. */
  readonly pods: Int32Array;

  constructor(private readonly universe: Universe) {
    const P = universe.podClasses.length;
    this.all = Int32Array.from({ length: P + universe.externals.length }, (_, i) => i);
    this.pods = this.all.subarray(0, P);
    const groups = new Map<string, number[]>();
    // Classes of one namespace share its projected labels object: its group is found by text once.
    const groupOf = new Map<object, { readonly namespace: string; readonly g: number[] }>();
    universe.podClasses.forEach((c, i) => {
      if (c.hostNetwork) return;
      let list = this.byNamespace.get(c.namespace);
      if (!list) this.byNamespace.set(c.namespace, (list = []));
      list.push(i);
      const known = groupOf.get(c.nsLabels);
      let g = known?.namespace === c.namespace ? known.g : undefined;
      if (!g) {
        const key = JSON.stringify([c.namespace, c.nsLabels]);
        g = groups.get(key);
        if (!g) {
          groups.set(key, (g = []));
          this.nsGroups.push({ classes: g, nsLabels: c.nsLabels });
        }
        groupOf.set(c.nsLabels, { namespace: c.namespace, g });
      }
      g.push(i);
    });
    this.nsIndex = new LabelSetIndex(this.nsGroups.map((g) => g.nsLabels));
  }

  /** The policy-selectable pod classes of a namespace, ascending. */
  inNamespace(ns: string): readonly number[] {
    return this.byNamespace.get(ns) ?? [];
  }

  /** The policy-selectable pod classes of the namespaces a selector picks (by their labels), ascending. */
  inNamespaces(selector: Selector): readonly number[] {
    const out: number[] = [];
    for (const g of this.nsIndex.selectedBy(selector)) out.push(...this.nsGroups[g]!.classes);
    return out.sort((a, b) => a - b);
  }

  /** The pod classes an admin-tier policy's subject selects, once per subject object. */
  ofAdminSubject(subject: AdminPods): Int32Array {
    let nodes = this.bySubject.get(subject);
    if (!nodes) this.bySubject.set(subject, (nodes = this.of("", [{ kind: "pods", namespaces: { kind: "selector", selector: subject.namespaces }, pods: subject.pods }])));
    return nodes;
  }

  /** `nodes` (one of these arrays) as a mark per node: whether it holds a node, at a glance. Once per array. */
  marked(nodes: Int32Array): Uint8Array {
    let m = this.marks.get(nodes);
    if (m === undefined) {
      m = new Uint8Array(this.all.length);
      for (const n of nodes) m[n] = 1;
      this.marks.set(nodes, m);
    }
    return m;
  }

  /** Nodes an admin-tier rule's peers match, worked out once per rule (rows of many classes ask). */
  ofAdminRule(rule: AdminRule): Int32Array {
    let nodes = this.byAdminRule.get(rule);
    if (!nodes) this.byAdminRule.set(rule, (nodes = this.of("", adminRulePeers(rule))));
    return nodes;
  }

  /** Nodes matched by any of the peers (OR), ascending; "any" matches every node. */
  of(policyNamespace: string, peers: readonly MatchPeer[] | "any"): Int32Array {
    if (peers === "any") return this.all;
    const seen = this.byList.get(peers);
    if (seen !== undefined && seen.ns === policyNamespace) return seen.nodes;
    // Only peers of the policy's own namespace depend on it: a namespaceSelector rule written alike
    // in a thousand namespaces matches the same nodes in each, worked out once.
    const key = JSON.stringify([peers.some(ownNamespace) ? policyNamespace : "", peers.map(peerKey)]);
    let nodes = this.cache.get(key);
    if (!nodes) {
      const mark = new Uint8Array(this.all.length);
      for (const peer of peers) for (const n of this.match(policyNamespace, peer)) mark[n] = 1;
      const out: number[] = [];
      for (let i = 0; i < mark.length; i++) if (mark[i] === 1) out.push(i);
      nodes = Int32Array.from(out);
      this.cache.set(key, nodes);
    }
    this.byList.set(peers, { ns: policyNamespace, nodes });
    return nodes;
  }

  private match(policyNs: string, peer: MatchPeer): readonly number[] {
    const P = this.universe.podClasses.length;
    const classes = this.universe.podClasses;
    switch (peer.kind) {
      case "ipBlock":
        // ipBlocks match external addresses only: CNIs differ on ipBlocks over pod addresses.
        return (this.universe.externalsOf.get(ipBlockKey(peer)) ?? []).map((e) => P + e);
      case "networks": {
        // Admin networks: outside addresses, and every pod whose known IPs all lie inside.
        const key = formatCidr(peer.cidr);
        const pods = classes.flatMap((c, i) => (c.inNetworks.has(key) ? [i] : []));
        return [...pods, ...(this.universe.externalsOf.get(ipBlockKey({ kind: "ipBlock", cidr: peer.cidr, except: [] })) ?? []).map((e) => P + e)];
      }
      case "nodes": {
        const key = selectorKey(peer.selector);
        return classes.flatMap((c, i) => (c.onNodes.has(key) ? [i] : []));
      }
      case "hostNetwork":
        return classes.flatMap((c, i) => (c.hostNetwork ? [i] : []));
    }
    const out: number[] = [];
    if (peer.namespaces.kind === "own") {
      for (const i of this.inNamespace(policyNs)) if (selects(peer.pods, classes[i]!.labels)) out.push(i);
      return out;
    }
    for (const g of this.nsIndex.selectedBy(peer.namespaces.selector)) {
      for (const i of this.nsGroups[g]!.classes) if (selects(peer.pods, classes[i]!.labels)) out.push(i);
    }
    return out;
  }
}

function ownNamespace(peer: MatchPeer): boolean {
  return peer.kind === "pods" && peer.namespaces.kind === "own";
}

// Peers are immutable model data: each one's key is worked out once.
const peerKeys = new WeakMap<MatchPeer, string>();

export function peerKey(peer: MatchPeer): string {
  let key = peerKeys.get(peer);
  if (key === undefined) peerKeys.set(peer, (key = peerText(peer)));
  return key;
}

function peerText(peer: MatchPeer): string {
  switch (peer.kind) {
    case "ipBlock":
      return "ip:" + ipBlockKey(peer);
    case "networks":
      return "net:" + formatCidr(peer.cidr);
    default:
      return JSON.stringify(peer);
  }
}
