// networking.istio.io DestinationRule: its host (a Service) and subsets, the label sets a
// VirtualService route's `subset` narrows the Service's pods to. Traffic policies (load
// balancing, TLS, outlier detection) change no reachability and are not read.
import { serviceOfHost, type DestinationRule, type Subset } from "../../model/istio.js";
import { Checker } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { objectMeta, quoted } from "../object/object-meta.js";
import type { KubeObject } from "../object/source.js";
import { fieldRef, sourceRef } from "../object/source-ref.js";
import { labelMap, rejects } from "./istio-api.js";

const REJECTS = rejects("DestinationRule");

export function loadDestinationRule(obj: KubeObject): { rule: DestinationRule | undefined; diagnostics: readonly Diagnostic[] } {
  const meta = objectMeta(obj);
  const c = new Checker(obj, `DestinationRule ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS));
  c.map(["spec"]);
  const host = c.string(["spec", "host"]);
  if (host === undefined || host === "") c.error(["spec", "host"], "is required" + REJECTS);
  const subsets: Subset[] = [];
  const names = new Set<string>();
  (c.list(["spec", "subsets"]) ?? []).forEach((_, i) => {
    const at = ["spec", "subsets", i];
    if (c.map(at) === undefined) return;
    const name = c.string([...at, "name"]);
    if (name === undefined || name === "") {
      c.error([...at, "name"], "is required" + REJECTS);
      return;
    }
    if (names.has(name)) c.error([...at, "name"], `duplicate subset name ${quoted(name)}` + REJECTS);
    names.add(name);
    // A subset without labels is every pod of the host.
    const labels = c.isUnset([...at, "labels"]) ? {} : labelMap(c, [...at, "labels"], "DestinationRule");
    if (labels !== undefined) subsets.push({ name, labels, at: fieldRef(obj, at) });
  });
  if (c.hasErrors || meta.name === undefined || host === undefined) return { rule: undefined, diagnostics: c.diagnostics };
  return {
    rule: { id: `${meta.namespace}/${meta.name}`, namespace: meta.namespace, name: meta.name, host, service: serviceOfHost(host, meta.namespace), subsets, source: sourceRef(obj) },
    diagnostics: c.diagnostics,
  };
}
