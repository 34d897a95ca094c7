// Policies whose selectors match no declared workload: usually their pods come from something
// netreach does not read (an operator's custom resource, another repository). Without a word the
// report would look complete while such a policy's effect is missing from it.
import type { Cluster, Namespace, Workload } from "../../model/cluster.js";
import type { Policy } from "../../model/policy.js";
import { policyName, rulePath } from "../../model/policy-names.js";
import { selectorKey, type Selector } from "../../model/selector.js";
import { LabelSetIndex } from "../../model/selector-index.js";
import { mayMakePods } from "./built-in-kinds.js";
import { diagnostic, type Diagnostic } from "../object/diagnostic.js";
import { quoted } from "../object/object-meta.js";
import type { KubeObject } from "../object/source.js";

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
    const selectsNone = byNamespace.has(p.namespace) && !matches.anyWorkload(matches.own(p.namespace), p.subject);
    const peers = emptyPeers(p, matches);
    if (!selectsNone && peers.length === 0) continue;
    // Looked up for the few that warn: most policies select something.
    const obj = policyObjects.get(p.id);
    if (obj === undefined) continue;
    const rules = peers.join(", ");
    const name = p.kind === undefined ? `NetworkPolicy ${p.id}` : `${p.kind} ${policyName(p)}`;
    const message = selectsNone
      ? `${name} selects no workload declared here${peers.length > 0 ? `, and a pod peer of ${rules} admits none declared in its namespaces` : ""}; its pods may come from a controller netreach does not read${found(unread)}`
      : `${name}: a pod peer of ${rules} admits no workload declared in its namespaces; those pods may come from a controller netreach does not read${found(unread)}`;
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
      const declaring = match.kind === "own" ? matches.own(p.namespace) : matches.selected(match.selector);
      return declaring.names.length > 0 && !matches.anyWorkload(declaring, peer.pods);
    });
    if (empty) out.push(rulePath(rule));
  }
  return out;
}

/**
 * Which namespaces a selector picks and whether a selector matches a workload there, each answered
 * once: a large repository repeats the same few selectors in thousands of policies. Looked up by
 * the objects first (a selector object is shared by every revision that reads its file), by their
 * text only when an object is new.
 */
class Matches {
  private readonly owns = new Map<string, NamespaceSet>();
  private readonly selections = new Map<Selector, NamespaceSet>();
  private readonly selectionsByKey = new Map<string, NamespaceSet>();
  private readonly any = new Map<NamespaceSet, Map<Selector, boolean>>();
  private readonly anyByKey = new Map<string, boolean>();
  /** The namespaces that declare workloads, filed by their labels (thousands of tenants' selectors ask). */
  private declaring: { readonly namespaces: readonly Namespace[]; readonly index: LabelSetIndex } | undefined;
  private readonly workloadIndexes = new Map<string, LabelSetIndex>();

  constructor(
    private readonly cluster: Cluster,
    private readonly byNamespace: ReadonlyMap<string, readonly Workload[]>,
  ) {}

  /** A policy's own namespace, if it declares workloads. */
  own(namespace: string): NamespaceSet {
    let set = this.owns.get(namespace);
    if (set === undefined) this.owns.set(namespace, (set = { key: `=${namespace}`, names: this.byNamespace.has(namespace) ? [namespace] : [] }));
    return set;
  }

  /**
   * Whether the selector matches a workload of the namespace: through an index of their labels
   * (a namespace of thousands of services, each with a policy of its own, tried every workload
   * for every policy).
   */
  private inNamespace(namespace: string, selector: Selector): boolean {
    const workloads = this.byNamespace.get(namespace) ?? [];
    let index = this.workloadIndexes.get(namespace);
    if (index === undefined) this.workloadIndexes.set(namespace, (index = new LabelSetIndex(workloads.map((w) => w.labels))));
    return index.selectedBy(selector).length > 0;
  }

  /** The namespaces declaring workloads whose labels the selector matches. */
  selected(selector: Selector): NamespaceSet {
    let set = this.selections.get(selector);
    if (set !== undefined) return set;
    const key = `~${selectorKey(selector)}`;
    set = this.selectionsByKey.get(key);
    if (set === undefined) {
      if (this.declaring === undefined) {
        const namespaces = [...this.cluster.namespaces.values()].filter((n) => this.byNamespace.has(n.name));
        this.declaring = { namespaces, index: new LabelSetIndex(namespaces.map((n) => n.labels)) };
      }
      const { namespaces, index } = this.declaring;
      const names = index.selectedBy(selector).map((i) => namespaces[i]!.name);
      this.selectionsByKey.set(key, (set = { key, names }));
    }
    this.selections.set(selector, set);
    return set;
  }

  /** Whether the selector matches some workload declared in these namespaces. */
  anyWorkload(namespaces: NamespaceSet, selector: Selector): boolean {
    // One namespace: asking its index costs less than a key.
    if (namespaces.names.length <= 1) return namespaces.names.some((n) => this.inNamespace(n, selector));
    let bySelector = this.any.get(namespaces);
    if (bySelector === undefined) this.any.set(namespaces, (bySelector = new Map()));
    let found = bySelector.get(selector);
    if (found !== undefined) return found;
    const key = `${namespaces.key}\u0000${selectorKey(selector)}`;
    found = this.anyByKey.get(key);
    if (found === undefined) {
      found = namespaces.names.some((n) => this.inNamespace(n, selector));
      this.anyByKey.set(key, found);
    }
    bySelector.set(selector, found);
    return found;
  }
}

/** Namespaces that declare workloads, with a key that names how they were chosen. */
interface NamespaceSet {
  readonly key: string;
  readonly names: readonly string[];
}

function found(kinds: readonly string[]): string {
  if (kinds.length === 0) return ", or be declared elsewhere";
  const shown = kinds.slice(0, 5).map((k) => (/^[A-Za-z][A-Za-z0-9]*$/.test(k) ? k : quoted(k)));
  const more = kinds.length > 5 ? ` and ${kinds.length - 5} more` : "";
  return ` (kind${kinds.length === 1 ? "" : "s"} ${shown.join(", ")}${more} found)`;
}
