// Policies whose selectors match no declared workload: usually their pods come from something
// netreach does not read (an operator's custom resource, another repository). Without a word the
// report would look complete while such a policy's effect is missing from it.
import type { Cluster, Workload } from "../model/cluster.js";
import type { Policy } from "../model/policy.js";
import { selects, type Selector } from "../model/selector.js";
import { mayMakePods } from "./built-in-kinds.js";
import { diagnostic, type Diagnostic } from "./diagnostic.js";
import { quoted } from "./object-meta.js";
import type { KubeObject } from "./source.js";

/**
 * One warning per policy at most. Only namespaces that declare workloads are judged: where none is
 * declared, nothing is expected to match (and --pods auto builds representatives there).
 */
export function unselectedPolicies(cluster: Cluster, skippedKinds: ReadonlyMap<string, number>, policyObjects: ReadonlyMap<string, KubeObject>): Diagnostic[] {
  const byNamespace = new Map<string, Workload[]>();
  for (const w of cluster.workloads) {
    const list = byNamespace.get(w.namespace);
    if (list) list.push(w);
    else byNamespace.set(w.namespace, [w]);
  }
  const unread = [...skippedKinds.keys()].filter(mayMakePods).sort();
  const out: Diagnostic[] = [];
  const matches = new Matches(cluster, byNamespace);
  for (const p of cluster.policies) {
    const obj = policyObjects.get(p.id);
    if (obj === undefined) continue;
    const selectsNone = byNamespace.has(p.namespace) && !matches.anyWorkload([p.namespace], p.subject);
    const peers = emptyPeers(p, matches);
    if (!selectsNone && peers.length === 0) continue;
    const rules = peers.join(", ");
    const message = selectsNone
      ? `NetworkPolicy ${p.id} selects no workload declared here${peers.length > 0 ? `, and a pod peer of ${rules} admits none declared in its namespaces` : ""}; its pods may come from a controller netreach does not read${found(unread)}`
      : `NetworkPolicy ${p.id}: a pod peer of ${rules} admits no workload declared in its namespaces; those pods may come from a controller netreach does not read${found(unread)}`;
    out.push(diagnostic("warning", obj.file, obj.locate([]), message));
  }
  return out;
}

/** Rules ("ingress[0]") with a pod peer that matches no workload of the declaring namespaces it reaches. */
function emptyPeers(p: Policy, matches: Matches): string[] {
  const out: string[] = [];
  for (const rule of [...(p.ingress ?? []), ...(p.egress ?? [])]) {
    if (rule.peers === "any") continue;
    const empty = rule.peers.some((peer) => {
      if (peer.kind !== "pods") return false;
      const match = peer.namespaces;
      const declaring = match.kind === "own" ? matches.declaring([p.namespace]) : matches.declaringSelected(match.selector);
      return declaring.length > 0 && !matches.anyWorkload(declaring, peer.pods);
    });
    if (empty) out.push(`${rule.direction}[${rule.index}]`);
  }
  return out;
}

/**
 * Which namespaces a selector picks and whether a selector matches a workload there, each answered
 * once: a large repository repeats the same few selectors in thousands of policies.
 */
class Matches {
  private readonly selected = new Map<string, readonly string[]>();
  private readonly any = new Map<string, boolean>();

  constructor(
    private readonly cluster: Cluster,
    private readonly byNamespace: ReadonlyMap<string, readonly Workload[]>,
  ) {}

  /** Of `namespaces`, those that declare workloads. */
  declaring(namespaces: readonly string[]): readonly string[] {
    return namespaces.filter((n) => this.byNamespace.has(n));
  }

  /** The namespaces declaring workloads whose labels the selector matches. */
  declaringSelected(selector: Selector): readonly string[] {
    const key = selectorKey(selector);
    let names = this.selected.get(key);
    if (names === undefined) {
      names = this.declaring([...this.cluster.namespaces.values()].filter((n) => selects(selector, n.labels)).map((n) => n.name));
      this.selected.set(key, names);
    }
    return names;
  }

  /** Whether the selector matches some workload declared in these namespaces. */
  anyWorkload(namespaces: readonly string[], selector: Selector): boolean {
    const key = `${namespaces.join("\u0000")}\u0001${selectorKey(selector)}`;
    let found = this.any.get(key);
    if (found === undefined) {
      found = namespaces.some((n) => (this.byNamespace.get(n) ?? []).some((w) => selects(selector, w.labels)));
      this.any.set(key, found);
    }
    return found;
  }
}

function selectorKey(s: Selector): string {
  return JSON.stringify(s.requirements);
}

function found(kinds: readonly string[]): string {
  if (kinds.length === 0) return ", or be declared elsewhere";
  const shown = kinds.slice(0, 5).map((k) => (/^[A-Za-z][A-Za-z0-9]*$/.test(k) ? k : quoted(k)));
  const more = kinds.length > 5 ? ` and ${kinds.length - 5} more` : "";
  return ` (kind${kinds.length === 1 ? "" : "s"} ${shown.join(", ")}${more} found)`;
}
