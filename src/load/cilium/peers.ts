// The L3 part of a Cilium rule: endpoints, CIDRs, CIDR sets and entities, OR-ed, as the peers the
// evaluator matches; fields that name what this report cannot know (FQDNs, services, groups) are
// stated and match no known endpoint.
import { cidrRange, formatCidr, parseCidr, type Cidr } from "../../net/ip.js";
import { NAMESPACE_NAME_LABEL } from "../../model/labels.js";
import type { Direction, NamespaceMatch, Peer } from "../../model/policy.js";
import { SELECT_ALL, type Selector } from "../../model/selector.js";
import type { Checker } from "../object/checker.js";
import type { DocPath } from "../object/source.js";
import { parseEndpointSelector, selectorWords } from "./endpoint-selector.js";
import type { CidrGroup } from "./cidr-group.js";
import { parseSelector } from "../networkpolicy/selector.js";
import { selects } from "../../model/selector.js";

/** Where a policy's endpoint selectors look: its namespace (CiliumNetworkPolicy) or the whole cluster. */
export type Scope = { readonly kind: "namespace"; readonly namespace: string } | { readonly kind: "cluster" };

/** CiliumCIDRGroup name -> its CIDRs and labels. */
export type CidrGroups = ReadonlyMap<string, CidrGroup>;

export interface RulePeers {
  /** "any": the rule names no L3 peer at all (only ports): every peer. */
  readonly peers: readonly Peer[] | "any";
  /** The peers in the rule's own words ("fromEntities world; fromEndpoints {app: web}"). */
  readonly said: string;
}

const WORLD_V4 = cidr("0.0.0.0/0");
const WORLD_V6 = cidr("::/0");
const ALL_PODS: Peer = { kind: "pods", namespaces: { kind: "selector", selector: SELECT_ALL }, pods: SELECT_ALL };
const HOST: Peer = { kind: "hostNetwork" };

function cidr(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(`bad built-in CIDR ${text}`);
  return r.cidr;
}

const world = (family?: "v4" | "v6"): Peer[] =>
  [WORLD_V4, WORLD_V6].filter((c) => family === undefined || c.family === family).map((c) => ({ kind: "ipBlock", cidr: c, except: [] }));

/** Every peer there is, for a rule that names none. */
export const EVERY_PEER: readonly Peer[] = [ALL_PODS, HOST, ...world()];

/** Entities netreach has no endpoint for: stated, never silently dropped. */
const UNKNOWN_ENTITIES: Readonly<Record<string, string>> = {
  "kube-apiserver": "the API server's addresses are not in the input",
  health: "Cilium's health endpoints are not workloads of the input",
  init: "endpoints still being set up have no identity yet",
  unmanaged: "pods Cilium does not manage are not told apart in the input",
  ingress: "Cilium's own ingress proxy is not a workload of the input",
};

/** Unset fields aside, which L3 fields the rule uses, in the order read. */
const L3_FIELDS: Record<Direction, readonly string[]> = {
  ingress: ["fromEndpoints", "fromCIDR", "fromCIDRSet", "fromEntities", "fromNodes", "fromGroups", "fromRequires"],
  egress: ["toEndpoints", "toCIDR", "toCIDRSet", "toEntities", "toNodes", "toGroups", "toRequires", "toServices", "toFQDNs"],
};

export function ruleFields(dir: Direction): readonly string[] {
  return L3_FIELDS[dir];
}

/** Undefined when something is invalid (reported): Cilium refuses the policy. */
export function parseRulePeers(c: Checker, at: DocPath, dir: Direction, scope: Scope, groups: CidrGroups): RulePeers | undefined {
  const peers: Peer[] = [];
  const words: string[] = [];
  let any = true;
  let ok = true;
  for (const field of L3_FIELDS[dir]) {
    const path = [...at, field];
    if (c.isUnset(path)) continue;
    const list = c.list(path);
    if (list === undefined) {
      ok = false;
      continue;
    }
    // An empty list is no selector: the field is not used (Cilium's omitempty).
    if (list.length === 0) continue;
    any = false;
    const said: string[] = [];
    list.forEach((item, i) => {
      const r = peerItem(c, [...path, i], field, item, scope, groups);
      if (r === undefined) ok = false;
      else {
        peers.push(...r.peers);
        said.push(r.said);
      }
    });
    words.push(`${field} ${said.join(", ")}`);
  }
  if (!ok) return undefined;
  return any ? { peers: "any", said: "any peer" } : { peers, said: words.join("; ") };
}

interface Item {
  readonly peers: readonly Peer[];
  readonly said: string;
}

function peerItem(c: Checker, at: DocPath, field: string, item: unknown, scope: Scope, groups: CidrGroups): Item | undefined {
  switch (field) {
    case "fromEndpoints":
    case "toEndpoints":
      return endpoints(c, at, scope);
    case "fromCIDR":
    case "toCIDR": {
      const block = cidrText(c, at);
      return block && { peers: [{ kind: "ipBlock", cidr: block, except: [] }], said: formatCidr(block) };
    }
    case "fromCIDRSet":
    case "toCIDRSet":
      return cidrSet(c, at, groups);
    case "fromEntities":
    case "toEntities":
      return entity(c, at, item);
    case "fromNodes":
    case "toNodes":
      c.note(at, `${field} is read as every hostNetwork pod: which node a pod runs on is not known, so the node selector does not narrow it`);
      return { peers: [HOST], said: selectorWords(c, at) };
    case "toRequires":
    case "fromRequires":
      c.warning(at, `${field} is not modelled: it narrows the rule's other peers, which are read without it, so this rule may allow more than the cluster does`);
      return { peers: [], said: selectorWords(c, at) };
    default:
      // toFQDNs, toServices, toGroups: addresses known only in the running cluster.
      c.warning(at, `${field} is not modelled: the addresses it allows are known only in the running cluster, so this entry matches no endpoint of the report`);
      return { peers: [], said: summary(item) };
  }
}

function endpoints(c: Checker, at: DocPath, scope: Scope): Item | undefined {
  const sel = parseEndpointSelector(c, at);
  if (sel === undefined) return undefined;
  const said = selectorWords(c, at);
  if (sel.reserved.length > 0) {
    const peers: Peer[] = [];
    for (const name of sel.reserved) {
      const e = entityPeers(name);
      if (e === undefined) c.note(at, `reserved:${name} matches no endpoint of the report (${UNKNOWN_ENTITIES[name] ?? "an identity netreach does not know"})`);
      else peers.push(...e);
    }
    return { peers, said };
  }
  if (sel.foreign) {
    c.note(at, "names a label source no pod of the report carries: it matches no endpoint");
    return { peers: [], said };
  }
  return { peers: [{ kind: "pods", namespaces: namespaceMatch(sel.namespaces, sel.namesNamespace, scope), pods: sel.pods }], said };
}

/** A namespaced policy keeps its endpoint selectors in its namespace unless they name one. */
function namespaceMatch(namespaces: Selector, namesNamespace: boolean, scope: Scope): NamespaceMatch {
  if (scope.kind === "cluster" || namesNamespace) return { kind: "selector", selector: namespaces };
  if (namespaces.requirements.length === 0) return { kind: "own" };
  return { kind: "selector", selector: { requirements: [...namespaces.requirements, { key: NAMESPACE_NAME_LABEL, op: "In", values: [scope.namespace] }] } };
}

function entity(c: Checker, at: DocPath, item: unknown): Item | undefined {
  if (typeof item !== "string") {
    c.error(at, "an entity must be a string (world, cluster, host, remote-node, all, …); Cilium refuses this policy");
    return undefined;
  }
  const peers = entityPeers(item);
  if (peers !== undefined) return { peers, said: item };
  const why = UNKNOWN_ENTITIES[item];
  if (why !== undefined) {
    c.note(at, `entity ${item} matches no endpoint of the report: ${why}`);
    return { peers: [], said: item };
  }
  c.error(at, `unknown entity "${item}": use world, cluster, host, remote-node, kube-apiserver, health, init, ingress, unmanaged or all; Cilium refuses this policy`);
  return undefined;
}

/** What an entity (or a reserved identity) stands for; undefined for those with no endpoint here. */
function entityPeers(name: string): Peer[] | undefined {
  switch (name) {
    case "world":
      return world();
    case "world-ipv4":
      return world("v4");
    case "world-ipv6":
      return world("v6");
    case "cluster":
      return [ALL_PODS, HOST];
    case "all":
      return [ALL_PODS, HOST, ...world()];
    case "host":
    case "remote-node":
      return [HOST];
    default:
      return undefined;
  }
}

function cidrText(c: Checker, at: DocPath): Cidr | undefined {
  const text = c.string(at);
  if (text === undefined) return undefined;
  const parsed = parseCidr(text.trim());
  if (!parsed.ok) {
    c.error(at, `"${text}" ${parsed.reason}; Cilium refuses this policy`);
    return undefined;
  }
  if (parsed.hostBitsSet) c.warning(at, `"${text}" has host bits set; it is read as ${formatCidr(parsed.cidr)}`);
  return parsed.cidr;
}

function cidrSet(c: Checker, at: DocPath, groups: CidrGroups): Item | undefined {
  if (c.map(at) === undefined) return undefined;
  c.knownKeys(at, ["cidr", "except", "cidrGroupRef", "cidrGroupSelector"]);
  let blocks: readonly Cidr[];
  let said: string;
  if (!c.isUnset([...at, "cidrGroupRef"])) {
    const name = c.string([...at, "cidrGroupRef"]);
    if (name === undefined) return undefined;
    const group = groups.get(name);
    if (group === undefined) c.warning([...at, "cidrGroupRef"], `no CiliumCIDRGroup "${name}" in the input: this entry matches no address`);
    blocks = group?.cidrs ?? [];
    said = `group ${name}`;
  } else if (!c.isUnset([...at, "cidrGroupSelector"])) {
    const selector = parseSelector(c, [...at, "cidrGroupSelector"]);
    if (selector === undefined) return undefined;
    const chosen = [...groups.entries()].filter(([, g]) => selects(selector, g.labels)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (chosen.length === 0) c.warning([...at, "cidrGroupSelector"], "selects no CiliumCIDRGroup of the input: this entry matches no address");
    blocks = chosen.flatMap(([, g]) => g.cidrs);
    said = `groups ${selectorWords(c, [...at, "cidrGroupSelector"])}`;
  } else {
    const block = cidrText(c, [...at, "cidr"]);
    if (block === undefined) {
      if (c.isUnset([...at, "cidr"])) c.error(at, "a CIDR set needs cidr, cidrGroupRef or cidrGroupSelector; Cilium refuses this policy");
      return undefined;
    }
    blocks = [block];
    said = formatCidr(block);
  }
  const except: Cidr[] = [];
  let ok = true;
  (c.list([...at, "except"]) ?? []).forEach((_, i) => {
    const e = cidrText(c, [...at, "except", i]);
    if (e === undefined) ok = false;
    else except.push(e);
  });
  if (!ok) return undefined;
  if (except.length > 0) said += ` except ${except.map(formatCidr).join(", ")}`;
  // Each exception applies to the blocks it lies in (a group's CIDRs each); one as wide as its
  // block leaves nothing of that block.
  const peers: Peer[] = [];
  for (const block of blocks) {
    const outer = cidrRange(block);
    const inside = except.filter((e) => e.family === block.family && cidrRange(e).lo >= outer.lo && cidrRange(e).hi <= outer.hi);
    if (inside.some((e) => e.prefix <= block.prefix)) continue;
    peers.push({ kind: "ipBlock", cidr: block, except: inside });
  }
  except.forEach((e, i) => {
    const within = blocks.some((b) => b.family === e.family && cidrRange(e).lo >= cidrRange(b).lo && cidrRange(e).hi <= cidrRange(b).hi);
    if (!within && blocks.length > 0) c.warning([...at, "except", i], `except ${formatCidr(e)} lies outside every CIDR of this set: it excludes nothing`);
  });
  return { peers, said };
}

function summary(item: unknown): string {
  if (typeof item === "string") return item;
  if (item !== null && typeof item === "object") {
    const values = Object.values(item as Record<string, unknown>).filter((v) => typeof v === "string");
    if (values.length > 0) return values.join(" ");
  }
  return "(entry)";
}
