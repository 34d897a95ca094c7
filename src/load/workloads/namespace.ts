import type { Namespace } from "../../model/cluster.js";
import { NAMESPACE_NAME_LABEL } from "../../model/labels.js";
import { Checker, describe } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { objectMeta } from "../object/object-meta.js";
import type { KubeObject } from "../object/source.js";
import { sourceRef } from "../object/source-ref.js";

export function loadNamespace(obj: KubeObject): { namespace: Namespace | undefined; diagnostics: readonly Diagnostic[] } {
  const meta = objectMeta(obj, "namespace-object");
  const c = new Checker(obj, `Namespace ${meta.nameShown}`);
  for (const p of meta.problems) c.error(p.path, `${p.message}; the API server rejects this Namespace`);
  if (meta.name === undefined) return { namespace: undefined, diagnostics: c.diagnostics };
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(meta.labels)) {
    if (typeof v === "string") labels[k] = v;
    else c.warning(["metadata", "labels", k], `label values must be strings, not ${describe(v)}; the label is ignored`);
  }
  if (labels[NAMESPACE_NAME_LABEL] !== undefined && labels[NAMESPACE_NAME_LABEL] !== meta.name) {
    c.warning(["metadata", "labels", NAMESPACE_NAME_LABEL], `the API server sets ${NAMESPACE_NAME_LABEL} to the namespace's name ("${meta.name}"); the declared value is replaced`);
  }
  labels[NAMESPACE_NAME_LABEL] = meta.name;
  return {
    namespace: { name: meta.name, labels, source: sourceRef(obj) },
    diagnostics: c.diagnostics,
  };
}

export function implicitNamespace(name: string): Namespace {
  return { name, labels: { [NAMESPACE_NAME_LABEL]: name }, source: null };
}
