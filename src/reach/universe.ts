// One universe for everything analyzed together (one revision for `reach`, both for `diff`):
// pods grouped into classes that no policy can tell apart, and external address classes.
// Every revision is evaluated over the same classes, so a flow has one name on both sides.
import type { Namespace } from "../model/cluster.js";
import type { ExternalEndpoint, PodEndpoint } from "../model/endpoint.js";
import type { IngressControllerEndpoint } from "../model/exposure.js";
import { NAMESPACE_NAME_LABEL, type Labels } from "../model/labels.js";
import type { Cidr } from "../net/ip.js";
import type { Policy, Rule } from "../model/policy.js";
import { adminRulePeers, type AdminPolicy, type MatchPeer } from "../model/admin-policy.js";
import type { Node } from "../model/node.js";
import { selectorKey, selects } from "../model/selector.js";
import { cidrRange, formatCidr, type IpAddress } from "../net/ip.js";
import { LimitError } from "../load/limits.js";
import { alignment, unionOf, unmatched } from "../model/revision-lists.js";
import type { Selector } from "../model/selector.js";
import type { Protocol } from "../net/protocol.js";
import { buildExternalSpace, type IpBlockPeer } from "./external-space.js";

/** One revision's inputs to the engine. */
export interface Side {
  readonly namespaces: ReadonlyMap<string, Namespace>;
  readonly pods: readonly PodEndpoint[];
  readonly policies: readonly Policy[];
  readonly adminPolicies: readonly AdminPolicy[];
  /** Nodes the input declares (`nodes` peers select them). */
  readonly nodes?: readonly Node[];
  /** Where Ingress and Gateway traffic comes from: a pod of its own class, when routes exist. */
  readonly controller?: IngressControllerEndpoint;
  /** Address sets exposure is limited to (loadBalancerSourceRanges): external classes are cut at their bounds too. */
  readonly addressCuts?: readonly Cidr[];
}

/** Pods that every selector and named port of the universe treats alike. */
export interface PodClass {
  readonly namespace: string;
  readonly nsLabels: Labels;
  /** Restricted to the keys some selector uses. */
  readonly labels: Labels;
  /** "name/PROTOCOL" -> port number, restricted to names some policy uses. */
  readonly namedPorts: ReadonlyMap<string, number>;
  readonly hostNetwork: boolean;
  /** The admin `networks` CIDRs (formatted) holding every known IP of its pods; empty when none are known. */
  readonly inNetworks: ReadonlySet<string>;
  /** The admin `nodes` selectors (selectorKey) selecting every node its hostNetwork pods run on. */
  readonly onNodes: ReadonlySet<string>;
}


export interface Universe {
  readonly podClasses: readonly PodClass[];
  readonly externals: readonly ExternalEndpoint[];
  /** For each distinct ipBlock key, the external class indexes it contains. */
  readonly externalsOf: ReadonlyMap<string, readonly number[]>;
  /** Per side: endpoint id -> pod class index. */
  readonly classOf: readonly ReadonlyMap<string, number>[];
  /** Per side: the pod class of each endpoint by its place in the side's pods (the ingress controller, when the side has one, after them). */
  readonly classAt: readonly Int32Array[];
}

export function namedPortKey(name: string, protocol: Protocol): string {
  return `${name}/${protocol}`;
}

/**
 * How hostNetwork pods meet policies. "exempt" (the default) is what CNIs do: they share the
 * node's network, so no policy selects them and no pod selector matches them. "pod" treats them
 * as ordinary pods, as netpol-analyzer does; it exists to compare with that tool.
 */
export type HostNetworkMode = "exempt" | "pod";

export interface UniverseOptions {
  readonly hostNetwork?: HostNetworkMode;
  /** More pod classes than this: LimitError, before any evaluation (load/limits.ts). */
  readonly maxPodClasses?: number;
}

export function buildUniverse(sides: readonly Side[], options: UniverseOptions = {}): Universe {
  const exempt = (options.hostNetwork ?? "exempt") === "exempt";
  const podKeys = new Set<string>();
  const nsKeys = new Set<string>();
  const portNames = new Set<string>();
  const blocks: IpBlockPeer[] = [];
  const addKeys = (s: Selector, into: Set<string>) => s.requirements.forEach((r) => into.add(r.key));
  const networks = new Map<string, Cidr>();
  const nodeSelectors = new Map<string, Selector>();
  const addRule = (ports: Rule["ports"], peers: readonly MatchPeer[] | "any") => {
    if (ports !== "any") for (const s of ports) if (s.port.kind === "named") portNames.add(s.port.name);
    if (peers === "any") return;
    for (const peer of peers) {
      switch (peer.kind) {
        case "ipBlock":
          blocks.push(peer);
          break;
        case "networks":
          blocks.push({ kind: "ipBlock", cidr: peer.cidr, except: [] });
          networks.set(formatCidr(peer.cidr), peer.cidr);
          break;
        case "nodes":
          nodeSelectors.set(selectorKey(peer.selector), peer.selector);
          break;
        case "pods":
          addKeys(peer.pods, podKeys);
          if (peer.namespaces.kind === "selector") addKeys(peer.namespaces.selector, nsKeys);
      }
    }
  };
  // The revisions of a diff share the policy objects of the files a pull request left alone:
  // what one says is gathered once.
  for (const p of unionOf(sides.map((side) => side.policies))) {
    addKeys(p.subject, podKeys);
    if (p.subjectNamespaces !== undefined) addKeys(p.subjectNamespaces, nsKeys);
    for (const rule of [...(p.ingress ?? []), ...(p.egress ?? [])]) addRule(rule.ports, rule.peers);
  }
  for (const p of unionOf(sides.map((side) => side.adminPolicies))) {
    addKeys(p.subject.pods, podKeys);
    addKeys(p.subject.namespaces, nsKeys);
    for (const rule of [...p.ingress, ...p.egress]) addRule(rule.ports, adminRulePeers(rule));
  }

  for (const side of sides) for (const cidr of side.addressCuts ?? []) blocks.push({ kind: "ipBlock", cidr, except: [] });

  const podClasses: PodClass[] = [];
  const byKey = new Map<string, number>();
  // A class is built once, from its first pod: the others only compute its key. Namespace label
  // projections are made once per namespace object, and pods without IPs or nodes share empty sets.
  const NONE: ReadonlySet<string> = new Set();
  // Per namespace object (or name): its labels as selectors see them, and a number for them
  // with its name (equal names and labels, equal numbers: the sides' Namespace objects differ).
  const nsProjection = new Map<Namespace | string, { labels: Labels; id: number }>();
  const nsIds = new Map<string, number>();
  // Classes with the same named ports share one map: what is worked out per map is worked out once.
  const namedMaps = new Map<string, ReadonlyMap<string, number>>();
  const nodesOf = sides.map((side) => new Map((side.nodes ?? []).map((n) => [n.name, n])));
  const place = (ep: PodEndpoint | IngressControllerEndpoint, ns: Namespace | undefined, nodes: ReadonlyMap<string, Node>): number => {
    let nsp = nsProjection.get(ns ?? ep.pod.namespace);
    if (!nsp) {
      const labels = project(ns?.labels ?? { [NAMESPACE_NAME_LABEL]: ep.pod.namespace }, nsKeys);
      const text = `${ep.pod.namespace}\n${JSON.stringify(labels)}`;
      let id = nsIds.get(text);
      if (id === undefined) nsIds.set(text, (id = nsIds.size));
      nsProjection.set(ns ?? ep.pod.namespace, (nsp = { labels, id }));
    }
    // The key is made of text only: the projected labels and the named ports as objects are
    // made for a class's first pod alone. Label keys and values hold no control characters.
    const kept = keptKeys(ep.pod.labels, podKeys);
    let labelsText = "";
    for (const k of kept) labelsText += `${k}\u0001${ep.pod.labels[k]}\u0002`;
    let named: [string, number][] | undefined;
    for (const p of ep.pod.ports) if (p.name !== undefined && portNames.has(p.name)) (named ??= []).push([namedPortKey(p.name, p.protocol), p.port]);
    if (named !== undefined && named.length > 1) insertionSort(named, (x, y) => x[0] < y[0]);
    const namedKey = named === undefined ? "" : named.map(([k, n]) => `${k}=${n}`).join(" ");
    const ips = "ips" in ep.pod ? ep.pod.ips : [];
    const nodeNames = onNodes(ep);
    const inNetworks = ips.length === 0 ? NONE : new Set([...networks].filter(([, cidr]) => holdsAll(cidr, ips)).map(([k]) => k));
    const onSelected =
      nodeNames.length === 0 ? NONE : new Set([...nodeSelectors].filter(([, sel]) => nodeNames.every((n) => nodes.has(n) && selects(sel, nodes.get(n)!.labels))).map(([k]) => k));
    const hostNetwork = exempt && ep.pod.hostNetwork;
    const key = `${nsp.id}\n${labelsText}\n${namedKey}\n${hostNetwork ? 1 : 0}\n${inNetworks.size === 0 ? "" : [...inNetworks].join(" ")}\n${onSelected.size === 0 ? "" : [...onSelected].join(" ")}`;
    let index = byKey.get(key);
    if (index === undefined) {
      index = podClasses.length;
      let namedPorts = namedMaps.get(namedKey);
      if (namedPorts === undefined) namedMaps.set(namedKey, (namedPorts = new Map(named)));
      const labels: Record<string, string> = {};
      for (const k of kept) labels[k] = ep.pod.labels[k]!;
      podClasses.push({ namespace: ep.pod.namespace, nsLabels: nsp.labels, labels, namedPorts, hostNetwork, inNetworks, onNodes: onSelected });
      byKey.set(key, index);
    }
    return index;
  };

  // The revisions of a diff share the pod objects of the files a pull request left alone, and list
  // them in the same order: the first side's pods are placed, and another side's are compared
  // with them place by place (model/revision-lists.ts). A pod in the same place, in the same
  // namespace object, is in the class it was in (hostNetwork pods with nodes are worked out anew,
  // since their classes depend on each side's Nodes); the others are looked up by object, then placed.
  const lists = sides.map((side) => (side.controller ? [...side.pods, side.controller] : side.pods));
  const first = lists[0] ?? [];
  const firstNs = first.map((ep) => sides[0]!.namespaces.get(ep.pod.namespace));
  const firstIndex = new Int32Array(first.length);
  const aligned = lists.map((list) => alignment(first, list, (x, y) => x.pod === y.pod));
  // The first side's pods in no shared place of some other side, for lookups by object.
  const elsewhere = new Map<object, number>();
  const classOf: ReadonlyMap<string, number>[] = [];
  const classAt: Int32Array[] = [];
  sides.forEach((side, s) => {
    const list = lists[s]!;
    const at = aligned[s]!;
    // A side with every pod of the first in its place, in the same namespace objects: the same classes.
    if (s > 0 && list.length === first.length && list.every((ep, i) => at[i] === i && onNodes(ep).length === 0 && side.namespaces.get(ep.pod.namespace) === firstNs[i])) {
      classOf.push(classOf[0]!);
      classAt.push(firstIndex);
      return;
    }
    const map = new Map<string, number>();
    const positions = s === 0 ? firstIndex : new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const ep = list[i]!;
      const ns = s === 0 ? firstNs[i] : side.namespaces.get(ep.pod.namespace);
      let index: number | undefined;
      if (s > 0 && onNodes(ep).length === 0) {
        const j = at[i]! >= 0 ? at[i]! : (elsewhere.get(ep.pod) ?? -1);
        if (j >= 0 && firstNs[j] === ns) index = firstIndex[j]!;
      }
      index ??= place(ep, ns, nodesOf[s]!);
      positions[i] = index;
      map.set(ep.id, index);
    }
    if (s === 0) for (const other of aligned.slice(1)) for (const i of unmatched(other, first.length)) elsewhere.set(first[i]!.pod, i);
    classOf.push(map);
    classAt.push(positions);
  });

  if (options.maxPodClasses !== undefined && podClasses.length > options.maxPodClasses) {
    throw new LimitError("podClasses", podClasses.length, options.maxPodClasses, "(kinds of pod that policies tell apart)");
  }
  const external = buildExternalSpace(blocks);
  return { podClasses, externals: external.classes, externalsOf: external.classesOf, classOf, classAt };
}

/** The Nodes a hostNetwork pod is known to run on (their labels may differ between revisions). */
function onNodes(ep: PodEndpoint | IngressControllerEndpoint): readonly string[] {
  return "nodeNames" in ep.pod && ep.pod.hostNetwork ? ep.pod.nodeNames : [];
}

/** Whether a CIDR holds every one of some known IPs (none known: no). */
function holdsAll(cidr: Cidr, ips: readonly IpAddress[]): boolean {
  const r = cidrRange(cidr);
  return ips.length > 0 && ips.every((ip) => ip.family === r.family && ip.value >= r.lo && ip.value <= r.hi);
}

/** The label keys some selector names, sorted (not all of them: most labels are ones no selector names). */
function keptKeys(labels: Labels, keys: ReadonlySet<string>): string[] {
  const kept: string[] = [];
  for (const k in labels) if (keys.has(k)) kept.push(k);
  if (kept.length > 1) insertionSort(kept, (x, y) => x < y);
  return kept;
}

/**
 * Sorts a few items in place, stably. A pod's kept labels and named ports are a handful: the
 * built-in sort makes a work array per call, which over every pod of a cluster was most of what
 * assigning pods to classes allocated.
 */
function insertionSort<T>(items: T[], less: (x: T, y: T) => boolean): void {
  for (let i = 1; i < items.length; i++) {
    const x = items[i]!;
    let j = i - 1;
    for (; j >= 0 && less(x, items[j]!); j--) items[j + 1] = items[j]!;
    items[j + 1] = x;
  }
}

function project(labels: Labels, keys: ReadonlySet<string>): Labels {
  const out: Record<string, string> = {};
  for (const k of keptKeys(labels, keys)) out[k] = labels[k]!;
  return out;
}
