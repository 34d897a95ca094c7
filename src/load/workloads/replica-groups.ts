// The pods of one controller found in the input (a `kubectl get pods -o yaml` dump), and its own
// declaration, made into endpoints. Pods that every selector and named port treats alike are one
// endpoint, as they always were; pods a policy or Service can tell apart (a pod relabelled
// `role: quarantine`, a different container port) are endpoints of their own, named by their pods,
// so that no pod's labels stand for another's and the answer does not depend on the input's order.
import type { Workload } from "../../model/cluster.js";
import type { IpAddress } from "../../net/ip.js";
import type { AdminPolicy } from "../../model/admin-policy.js";
import type { Policy } from "../../model/policy.js";
import { selectorKey, selects, type Selector } from "../../model/selector.js";
import type { Service } from "../../model/service.js";
import { compareNames } from "./walk-order.js";

/** Every pod selector that can tell two pods of one namespace apart: policies', admin policies' and Services'. */
export function podSelectors(c: { readonly policies: readonly Policy[]; readonly adminPolicies: readonly AdminPolicy[]; readonly services: readonly Service[] }): Selector[] {
  const out: Selector[] = [];
  const add = (s: Selector) => {
    if (s.requirements.length > 0) out.push(s);
  };
  for (const p of c.policies) {
    add(p.subject);
    for (const rule of [...(p.ingress ?? []), ...(p.egress ?? [])]) if (rule.peers !== "any") for (const peer of rule.peers) if (peer.kind === "pods") add(peer.pods);
  }
  for (const p of c.adminPolicies) {
    add(p.subject.pods);
    for (const rule of [...p.ingress, ...p.egress]) for (const peer of rule.peers) if (peer.kind === "pods") add(peer.pods);
  }
  for (const s of c.services) {
    if (s.selector !== null) add({ requirements: Object.entries(s.selector).map(([key, value]) => ({ key, op: "In", values: [value] })) });
  }
  return uniqueSelectors(out);
}

/** Each selector once (equal requirements in any order are one). */
export function uniqueSelectors(selectors: readonly Selector[]): Selector[] {
  return [...new Map(selectors.map((s) => [selectorKey(s), s])).values()];
}

function portsKey(w: Workload): string[] {
  return w.ports.map((p) => `${p.protocol} ${p.port} ${p.name ?? ""}`).sort();
}

/** What the given selectors and any named port can tell of a pod. */
function signature(w: Workload, selectors: readonly Selector[]): string {
  return JSON.stringify([selectors.map((s) => (selects(s, w.labels) ? 1 : 0)).join(""), portsKey(w), w.hostNetwork]);
}

export interface Replicas {
  /** The controller's own declaration (the last one), when the input has it. */
  readonly declared: Workload | undefined;
  /** Its pods by pod name (a pod declared twice: the later one). */
  readonly pods: ReadonlyMap<string, Workload>;
}

/**
 * The label keys some pods of this controller (or its declaration) differ in: only selectors that
 * name one of them can tell its pods apart, so only they can change its endpoints.
 */
export function replicaKeys(r: Replicas): Set<string> {
  return differingKeys([...(r.declared ? [r.declared] : []), ...r.pods.values()]);
}

/** The label keys that some of these have and others lack, or have with another value. */
function differingKeys(members: readonly Workload[]): Set<string> {
  const out = new Set<string>();
  const first = members[0]!.labels;
  for (const w of members) {
    for (const k of Object.keys(w.labels)) if (first[k] !== w.labels[k]) out.add(k);
    for (const k of Object.keys(first)) if (!Object.prototype.hasOwnProperty.call(w.labels, k)) out.add(k);
  }
  return out;
}

/** How many pod names an endpoint's id lists before "and N more". */
const NAMES_SHOWN = 3;

/**
 * The endpoints of one controller: one, with its plain id, when all its pods (and its declaration)
 * look alike to `selectors`; else one per look, those without the declaration named by their pods
 * (`ns/web[StatefulSet] (pods web-1, web-2)`), in pod name order. Each stands for its pods: their
 * IPs and nodes are merged into it.
 */
export function settleReplicas(r: Replicas, all: readonly Selector[]): Workload[] {
  const names = [...r.pods.keys()].sort(comparePodNames);
  // Only a selector naming a label some of them differ in can tell them apart.
  const differ = replicaKeys(r);
  const selectors = differ.size === 0 ? [] : all.filter((s) => s.requirements.some((q) => differ.has(q.key)));
  const groups = new Map<string, { declared: Workload | undefined; pods: string[] }>();
  if (r.declared) groups.set(signature(r.declared, selectors), { declared: r.declared, pods: [] });
  for (const name of names) {
    const key = signature(r.pods.get(name)!, selectors);
    const g = groups.get(key);
    if (g) g.pods.push(name);
    else groups.set(key, { declared: undefined, pods: [name] });
  }
  const split = groups.size > 1;
  return [...groups.values()].map((g) => {
    const pods = g.pods.map((n) => r.pods.get(n)!);
    const first = g.declared ?? pods[0]!;
    const w = withPlacement(first, pods);
    if (!split) return w;
    if (g.declared) return g.pods.length === 0 ? w : { ...w, pods: g.pods };
    const shown = g.pods.slice(0, NAMES_SHOWN).join(", ") + (g.pods.length > NAMES_SHOWN ? ` and ${g.pods.length - NAMES_SHOWN} more` : "");
    return { ...w, id: `${w.id} (pods ${shown})`, pods: g.pods };
  });
}

/** Pod names as people count them (web-2 before web-10), ties by bytes: the same order for any input order. */
export function comparePodNames(a: string, b: string): number {
  const xs = a.match(/\d+|\D+/g) ?? [];
  const ys = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const [u, v] = [x.replace(/^0+/, ""), y.replace(/^0+/, "")];
      if (u.length !== v.length) return u.length - v.length;
      if (u !== v) return u < v ? -1 : 1;
    }
    break;
  }
  return compareNames(a, b);
}

/** The workload with the IPs and nodes of its pods added (each pod runs somewhere else, with an IP of its own). */
function withPlacement(w: Workload, pods: readonly Workload[]): Workload {
  if (pods.every((p) => p === w || (p.ips.length === 0 && p.nodeNames.length === 0))) return w;
  const ips = new Map<string, IpAddress>();
  const nodes = new Set<string>();
  for (const p of [w, ...pods]) {
    for (const ip of p.ips) ips.set(`${ip.family} ${ip.value}`, ip);
    for (const n of p.nodeNames) nodes.add(n);
  }
  return { ...w, ips: [...ips.values()], nodeNames: [...nodes] };
}
