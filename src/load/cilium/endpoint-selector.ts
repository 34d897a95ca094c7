// Cilium's EndpointSelector: a Kubernetes label selector whose keys may carry a source
// (`k8s:app`), name the pod's namespace (`io.kubernetes.pod.namespace`), its namespace's labels
// (`io.cilium.k8s.namespace.labels.team`) or a reserved identity (`reserved:host`).
import type { Requirement, Selector } from "../../model/selector.js";
import { NAMESPACE_NAME_LABEL } from "../../model/labels.js";
import { isPlainObject, type Checker } from "../object/checker.js";
import type { DocPath } from "../object/source.js";
import { parseSelector } from "../networkpolicy/selector.js";
import { NAMESPACE_LABELS_PREFIX, POD_NAMESPACE_LABEL, readCiliumKey } from "./labels.js";

export interface EndpointSelector {
  /** On the pod's labels, Cilium's service account and cluster among them. */
  readonly pods: Selector;
  /** On the labels of the pod's namespace, its name among them (empty: any namespace). */
  readonly namespaces: Selector;
  /** Whether it names the pod's namespace: then a namespaced policy's selector is not kept to its own. */
  readonly namesNamespace: boolean;
  /** Reserved identities it names (`host`, `world`, …), in the order written. */
  readonly reserved: readonly string[];
  /** Whether it names a key of a source no pod label of this report has (`cidr:`, `fqdn:`…): it selects no pod. */
  readonly foreign: boolean;
}

/** Undefined when invalid (errors reported); an unset selector selects every pod. */
export function parseEndpointSelector(c: Checker, path: DocPath): EndpointSelector | undefined {
  const reserved: string[] = [];
  let foreign = false;
  let namesNamespace = false;
  const written = writtenKeys(c, path);
  for (const key of written) {
    const k = readCiliumKey(key);
    if (k.kind === "reserved") reserved.push(k.name);
    else if (k.kind === "other") foreign = true;
    else if (k.kind === "pod" && k.key === POD_NAMESPACE_LABEL) namesNamespace = true;
  }
  // Read once, source prefixes dropped and reserved or foreign keys left to the lines above; then
  // the requirements about the pod's namespace go onto the namespace — its labels, and its name
  // (every namespace carries it as a label) — so that they pick namespaces as a namespaceSelector does.
  const all = parseSelector(c, path, (key) => {
    const k = readCiliumKey(key);
    return k.kind === "pod" ? k.key : k.kind === "namespace" ? key.slice(key.indexOf(NAMESPACE_LABELS_PREFIX)) : null;
  });
  if (all === undefined) return undefined;
  const podRequirements: Requirement[] = [];
  const nsRequirements: Requirement[] = [];
  for (const r of all.requirements) {
    if (r.key === POD_NAMESPACE_LABEL) nsRequirements.push({ ...r, key: NAMESPACE_NAME_LABEL });
    else if (r.key.startsWith(NAMESPACE_LABELS_PREFIX)) nsRequirements.push({ ...r, key: r.key.slice(NAMESPACE_LABELS_PREFIX.length) });
    else podRequirements.push(r);
  }
  const pods: Selector = { requirements: podRequirements };
  const namespaces: Selector = { requirements: nsRequirements };
  return { pods, namespaces, namesNamespace, reserved: [...new Set(reserved)], foreign };
}

/** The keys a selector names, as written: in matchLabels and in matchExpressions. */
function writtenKeys(c: Checker, path: DocPath): string[] {
  const out: string[] = [];
  const labels = c.get([...path, "matchLabels"]);
  if (isPlainObject(labels)) out.push(...Object.keys(labels));
  const exprs = c.get([...path, "matchExpressions"]);
  if (Array.isArray(exprs)) for (const e of exprs) if (isPlainObject(e) && typeof e["key"] === "string") out.push(e["key"]);
  return out;
}

/** A selector in words, as written: "{app: web}", "{}" — for rules' descriptions. */
export function selectorWords(c: Checker, path: DocPath): string {
  const labels = c.get([...path, "matchLabels"]);
  const exprs = c.get([...path, "matchExpressions"]);
  const parts: string[] = [];
  if (isPlainObject(labels)) for (const [k, v] of Object.entries(labels)) parts.push(`${k}: ${String(v)}`);
  if (Array.isArray(exprs)) {
    for (const e of exprs) {
      if (!isPlainObject(e)) continue;
      const values = Array.isArray(e["values"]) ? ` (${(e["values"] as unknown[]).map(String).join(", ")})` : "";
      parts.push(`${String(e["key"])} ${String(e["operator"])}${values}`);
    }
  }
  return `{${parts.join(", ")}}`;
}
