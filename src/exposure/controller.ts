// The ingress controller (or gateway data plane) as a pod: the source of every Ingress, Gateway
// route and OpenShift Route's traffic. Unnamed, it is netpol-analyzer's stand-in: a pod in a
// namespace of its own with no labels, so only rules that admit pods of any namespace admit it.
// Named (--ingress-controller NS/SELECTOR), it is a pod of that namespace with those labels, and
// the policies of that namespace govern its egress too.
import type { Namespace } from "../model/cluster.js";
import { INGRESS_CONTROLLER_ID, type IngressController, type IngressControllerEndpoint } from "../model/exposure.js";
import { NAMESPACE_NAME_LABEL } from "../model/labels.js";
import { parsePodSetOption } from "../load/pod-set-option.js";

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
  const c = parsePodSetOption(text, "ingress-controller", "ingress-nginx/app.kubernetes.io/name=ingress-nginx");
  return c.ok ? { ok: true, value: { ...c.value, named: true } } : c;
}

export function describeController(c: IngressController): string {
  const labels = Object.entries(c.labels).map(([k, v]) => `${k}=${v}`).join(",");
  return labels === "" ? `any pod in namespace ${c.namespace}` : `pods labelled ${labels} in namespace ${c.namespace}`;
}
