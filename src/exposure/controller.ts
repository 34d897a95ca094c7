// The ingress controller (or gateway data plane) as a pod: the source of every Ingress, Gateway
// route and OpenShift Route's traffic. Unnamed, it is netpol-analyzer's stand-in: a pod in a
// namespace of its own with no labels, so only rules that admit pods of any namespace admit it.
// Named (--ingress-controller NS/SELECTOR), it is a pod of that namespace with those labels, and
// the policies of that namespace govern its egress too.
import type { Namespace } from "../model/cluster.js";
import { INGRESS_CONTROLLER_ID, type IngressController, type IngressControllerEndpoint } from "../model/exposure.js";
import { NAMESPACE_NAME_LABEL } from "../model/labels.js";
import { labelKeyProblem, labelValueProblem } from "../load/label-syntax.js";
import { isDnsLabel } from "../load/object-meta.js";

/** No real namespace can have this name (it is not a DNS label). */
export const STAND_IN_NAMESPACE = "{ingress-controller}";

export const STAND_IN: IngressController = { namespace: STAND_IN_NAMESPACE, labels: {}, named: false };

export function controllerEndpoint(c: IngressController): IngressControllerEndpoint {
  return { type: "ingress-controller", id: INGRESS_CONTROLLER_ID, pod: { namespace: c.namespace, labels: c.labels, ports: [], hostNetwork: false }, controller: c };
}

/** The stand-in's namespace, labelled with its name only; a named controller's namespace comes from the manifests. */
export function standInNamespace(): Namespace {
  return { name: STAND_IN_NAMESPACE, labels: { [NAMESPACE_NAME_LABEL]: STAND_IN_NAMESPACE }, source: null };
}

export type ControllerParse = { ok: true; value: IngressController } | { ok: false; error: string };

/** "ingress-nginx/app.kubernetes.io/name=ingress-nginx,app.kubernetes.io/component=controller" */
export function parseIngressController(text: string): ControllerParse {
  const fail = (why: string): ControllerParse => ({ ok: false, error: `ingress-controller: ${JSON.stringify(text)}: ${why}; expected NAMESPACE/KEY=VALUE[,KEY=VALUE...], e.g. ingress-nginx/app.kubernetes.io/name=ingress-nginx` });
  const slash = text.indexOf("/");
  const namespace = (slash < 0 ? text : text.slice(0, slash)).trim();
  if (!isDnsLabel(namespace)) return fail(`"${namespace}" is not a namespace name (a DNS label)`);
  const labels: Record<string, string> = {};
  const rest = slash < 0 ? "" : text.slice(slash + 1).trim();
  for (const item of rest === "" ? [] : rest.split(",")) {
    const eq = item.indexOf("=");
    if (eq < 0) return fail(`"${item.trim()}" is not KEY=VALUE (the controller's pods need concrete labels)`);
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim().replace(/^=/, "");
    const problem = labelKeyProblem(key) ?? labelValueProblem(value);
    if (problem !== undefined) return fail(problem);
    labels[key] = value;
  }
  return { ok: true, value: { namespace, labels, named: true } };
}

export function describeController(c: IngressController): string {
  const labels = Object.entries(c.labels).map(([k, v]) => `${k}=${v}`).join(",");
  return labels === "" ? `any pod in namespace ${c.namespace}` : `pods labelled ${labels} in namespace ${c.namespace}`;
}
