// Policies whose selectors match no declared workload: usually their pods come from something
// netreach does not read (an operator's custom resource, another repository). Without a word the
// report would look complete while such a policy's effect is missing from it.
import type { Cluster, Workload } from "../model/cluster.js";
import type { Policy } from "../model/policy.js";
import { selects } from "../model/selector.js";
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
  for (const w of cluster.workloads) byNamespace.set(w.namespace, [...(byNamespace.get(w.namespace) ?? []), w]);
  const unread = [...skippedKinds.keys()].filter(mayMakePods).sort();
  const out: Diagnostic[] = [];
  for (const p of cluster.policies) {
    const obj = policyObjects.get(p.id);
    if (obj === undefined) continue;
    const own = byNamespace.get(p.namespace);
    const selectsNone = own !== undefined && !own.some((w) => selects(p.subject, w.labels));
    const peers = emptyPeers(p, cluster, byNamespace);
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
function emptyPeers(p: Policy, cluster: Cluster, byNamespace: ReadonlyMap<string, readonly Workload[]>): string[] {
  const out: string[] = [];
  for (const rule of [...(p.ingress ?? []), ...(p.egress ?? [])]) {
    if (rule.peers === "any") continue;
    const empty = rule.peers.some((peer) => {
      if (peer.kind !== "pods") return false;
      const match = peer.namespaces;
      const namespaces =
        match.kind === "own" ? [p.namespace] : [...cluster.namespaces.values()].filter((n) => selects(match.selector, n.labels)).map((n) => n.name);
      const workloads = namespaces.flatMap((n) => byNamespace.get(n) ?? []);
      const declaring = namespaces.filter((n) => byNamespace.has(n));
      return declaring.length > 0 && !workloads.some((w) => selects(peer.pods, w.labels));
    });
    if (empty) out.push(`${rule.direction}[${rule.index}]`);
  }
  return out;
}

function found(kinds: readonly string[]): string {
  if (kinds.length === 0) return ", or be declared elsewhere";
  const shown = kinds.slice(0, 5).map((k) => (/^[A-Za-z][A-Za-z0-9]*$/.test(k) ? k : quoted(k)));
  const more = kinds.length > 5 ? ` and ${kinds.length - 5} more` : "";
  return ` (kind${kinds.length === 1 ? "" : "s"} ${shown.join(", ")}${more} found)`;
}
