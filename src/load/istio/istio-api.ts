// Which networking.istio.io kinds and versions netreach reads, and the checks istiod's validating
// webhook makes that they share (ports, label maps). Istio serves each kind under v1, v1beta1 and
// v1alpha3 with one schema, so the version does not change the reading.
import type { Labels } from "../../model/labels.js";
import { describe, type Checker } from "../object/checker.js";
import type { DocPath } from "../object/source.js";
import { portNumber } from "../object/port-number.js";

export const ISTIO_GROUP = "networking.istio.io";
export const ISTIO_VERSIONS: readonly string[] = ["v1", "v1beta1", "v1alpha3"];
/** Read for exposure; Sidecar and ServiceEntry stay listed as not analyzed. */
export const ISTIO_ROUTING_KINDS: readonly string[] = ["Gateway", "VirtualService", "DestinationRule"];

export function isIstioRouting(kind: string, apiVersion: string): boolean {
  return ISTIO_ROUTING_KINDS.includes(kind) && ISTIO_VERSIONS.some((v) => apiVersion === `${ISTIO_GROUP}/${v}`);
}

/** istiod's rejection, in the words the report uses. */
export function rejects(kind: string): string {
  return `; Istio's validation rejects this ${kind}`;
}

/** An integer 1-65535, or undefined (with an error when written and wrong). */
export function istioPort(c: Checker, path: DocPath, kind: string): number | undefined {
  return portNumber(c, path, rejects(kind));
}

/** A map of label keys to string values (a Gateway's selector, a subset's labels); undefined when unset or wrong. */
export function labelMap(c: Checker, path: DocPath, kind: string): Labels | undefined {
  const m = c.map(path);
  if (m === undefined) return undefined;
  const out: Record<string, string> = {};
  let ok = true;
  for (const [k, v] of Object.entries(m)) {
    if (typeof v !== "string") {
      c.error([...path, k], `label value must be a string, not ${describe(v)}` + rejects(kind));
      ok = false;
    } else out[k] = v;
  }
  return ok ? out : undefined;
}
