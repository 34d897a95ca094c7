// Objects of kinds that matter to the network but that netreach does not analyze (Cilium, Calico,
// Istio, Linkerd, Antrea policies), added, removed or edited by a pull request: a report that
// says "no change to reachability" must also say what it did not look at (DESIGN section 4b).
import type { KubeObject } from "../load/object/source.js";
import { unanalyzedReason } from "../load/unanalyzed-kinds.js";

export interface UnanalyzedChange {
  readonly change: "added" | "removed" | "changed";
  readonly apiVersion: string;
  readonly kind: string;
  /** Undefined for cluster-scoped objects. */
  readonly namespace: string | undefined;
  readonly name: string;
  /** Where it is written: at the head, or at the base for a removed object. */
  readonly file: string;
  readonly line: number;
  /** Why it matters to the network. */
  readonly why: string;
}

interface Identified {
  readonly key: string;
  readonly obj: KubeObject;
  readonly namespace: string | undefined;
  readonly name: string;
}

function identify(objects: readonly KubeObject[]): Map<string, Identified> {
  const out = new Map<string, Identified>();
  for (const obj of objects) {
    const meta = (obj.body["metadata"] ?? {}) as Record<string, unknown>;
    const name = typeof meta["name"] === "string" ? meta["name"] : typeof meta["generateName"] === "string" ? `${meta["generateName"]}*` : "(unnamed)";
    const namespace = typeof meta["namespace"] === "string" ? meta["namespace"] : undefined;
    const group = obj.apiVersion.includes("/") ? obj.apiVersion.slice(0, obj.apiVersion.indexOf("/")) : "";
    const key = `${group}\0${obj.kind}\0${namespace ?? obj.defaultNamespace}\0${name}`;
    // As kubectl apply: the last declaration of an object stands.
    out.set(key, { key, obj, namespace, name });
  }
  return out;
}

/** Stable text of an object's content: the same object written with other spacing or key order compares equal. */
function content(body: unknown): string {
  return JSON.stringify(body, (_k, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The unanalyzed objects that differ between the revisions, sorted by kind, namespace, name. */
export function unanalyzedChanges(base: readonly KubeObject[], head: readonly KubeObject[]): UnanalyzedChange[] {
  const before = identify(base);
  const after = identify(head);
  const out: UnanalyzedChange[] = [];
  const entry = (change: UnanalyzedChange["change"], x: Identified): UnanalyzedChange => ({
    change,
    apiVersion: x.obj.apiVersion,
    kind: x.obj.kind,
    // Cluster-wide kinds have none; the others go where kubectl apply would put them.
    namespace: x.namespace ?? (/^(Cilium(Clusterwide|CIDRGroup|EgressGateway)|Global|Cluster|Tier|Staged(Global))/.test(x.obj.kind) ? undefined : x.obj.defaultNamespace),
    name: x.name,
    file: x.obj.file,
    line: x.obj.locate([]).line,
    why: unanalyzedReason(x.obj) ?? "",
  });
  for (const [key, h] of after) {
    const b = before.get(key);
    if (b === undefined) out.push(entry("added", h));
    else if (b.obj !== h.obj && content(b.obj.body) !== content(h.obj.body)) out.push(entry("changed", h));
  }
  for (const [key, b] of before) if (!after.has(key)) out.push(entry("removed", b));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort((a, b) => cmp(a.kind, b.kind) || cmp(a.namespace ?? "", b.namespace ?? "") || cmp(a.name, b.name));
}
