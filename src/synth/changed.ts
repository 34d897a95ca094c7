// The namespaces whose pods the policy changes of a diff can tell apart: where a NetworkPolicy
// (or admin-tier policy) differs between base and head, its subject and pod peers select pods,
// so undeclared pods there may fare differently from every declared workload. A repository or
// chart that declares one workload of a namespace is a partial view of it; these are the places
// where that view hides what the change does (DESIGN section 4, `auto`).
import type { Cluster } from "../model/cluster.js";
import type { AdminPeer, AdminPolicy } from "../model/admin-policy.js";
import type { Labels } from "../model/labels.js";
import type { Peer, Policy, Rule } from "../model/policy.js";
import { middles } from "../model/revision-lists.js";
import { selectorKey, selects, type Selector } from "../model/selector.js";

/**
 * Names of namespaces in `named` (name -> its label sets on either side) that a changed policy's
 * subject or pod peers can reach into. Empty unless two revisions are compared.
 */
export function changedNamespaces(clusters: readonly Cluster[], named: ReadonlyMap<string, readonly Labels[]>): Set<string> {
  const out = new Set<string>();
  if (clusters.length !== 2) return out;
  const [base, head] = clusters as [Cluster, Cluster];
  // Selectors written alike are one object (model/selector.ts): each is matched against the namespaces once.
  const matched = new Set<Selector>();
  const byMatch = (selector: Selector) => {
    if (matched.has(selector)) return;
    matched.add(selector);
    for (const [name, labelSets] of named) if (!out.has(name) && labelSets.some((l) => selects(selector, l))) out.add(name);
  };
  for (const p of changed(base.policies, head.policies, policySignature)) {
    if (p.subjectNamespaces !== undefined) byMatch(p.subjectNamespaces);
    else out.add(p.namespace);
    for (const rule of [...(p.ingress ?? []), ...(p.egress ?? [])]) {
      if (rule.peers === "any") continue;
      for (const peer of rule.peers) if (peer.kind === "pods" && peer.namespaces.kind === "selector") byMatch(peer.namespaces.selector);
    }
  }
  for (const p of changed(base.adminPolicies, head.adminPolicies, adminSignature)) {
    byMatch(p.subject.namespaces);
    for (const rule of [...p.ingress, ...p.egress]) for (const peer of rule.peers) if (peer.kind === "pods") byMatch(peer.namespaces);
  }
  return out;
}

/** Policies of either side whose id is on one side only, or whose meaning differs (positions aside). */
function changed<T extends { readonly id: string }>(allBase: readonly T[], allHead: readonly T[], signature: (p: T) => string): T[] {
  // The objects both revisions hold in the same places are unchanged, and no other object of
  // either has their ids (ids are unique within a revision).
  const { a: base, b: head } = middles(allBase, allHead);
  const baseById = new Map(base.map((p) => [p.id, p]));
  const headById = new Map(head.map((p) => [p.id, p]));
  const out: T[] = [];
  for (const p of head) {
    const b = baseById.get(p.id);
    // Objects of files the pull request left alone are shared by both revisions.
    if (b === p) continue;
    if (b === undefined || signature(b) !== signature(p)) out.push(p, ...(b === undefined ? [] : [b]));
  }
  for (const p of base) if (!headById.has(p.id)) out.push(p);
  return out;
}

function policySignature(p: Policy): string {
  const rules = (rs: readonly Rule[] | null) => (rs === null ? null : rs.map((r) => [r.peers === "any" ? "any" : r.peers.map(peerSignature), r.ports]));
  return text([selectorKey(p.subject), p.subjectNamespaces ? selectorKey(p.subjectNamespaces) : null, p.isolates ?? null, rules(p.ingress), rules(p.egress)]);
}

function peerSignature(peer: Peer): unknown {
  if (peer.kind === "ipBlock") return [peer.cidr, peer.except];
  if (peer.kind === "hostNetwork") return "hostNetwork";
  return [peer.namespaces.kind === "own" ? null : selectorKey(peer.namespaces.selector), selectorKey(peer.pods)];
}

function adminSignature(p: AdminPolicy): string {
  const peer = (x: AdminPeer): unknown =>
    x.kind === "pods" ? [selectorKey(x.namespaces), selectorKey(x.pods)] : x.kind === "nodes" ? ["nodes", selectorKey(x.selector)] : x;
  const rules = p.ingress.concat(p.egress).map((r) => [r.direction, r.index, r.name, r.action, r.peers.map(peer), r.ports]);
  return text([p.tier, p.priority, selectorKey(p.subject.namespaces), selectorKey(p.subject.pods), rules]);
}

/** Addresses are bigints, which JSON cannot hold. */
function text(x: unknown): string {
  return JSON.stringify(x, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}
