// The kinds that can expose a workload to outside traffic, and which loader reads each. Their
// diagnostics are kept apart from the reachability report's until the exposure report shows them:
// an invalid Service must not change what `reach` and `diff` say (nor their exit codes) today.
import type { ReferenceGrant, Gateway } from "../../model/gateway.js";
import type { Route } from "../../model/route.js";
import type { Service } from "../../model/service.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { loadGateway } from "./gateway.js";
import { isGatewayApi } from "./gateway-api.js";
import { GATEWAY_ROUTE_KINDS, loadGatewayRoute } from "./gateway-route.js";
import { loadIngress } from "./ingress.js";
import { loadOpenShiftRoute } from "./openshift-route.js";
import { loadReferenceGrant } from "./reference-grant.js";
import { loadService } from "./service.js";
import type { KubeObject } from "../object/source.js";
import { isIstioRouting, ISTIO_ROUTING_KINDS } from "../istio/istio-api.js";
import { loadIstioObject, type IstioObject } from "../istio/istio-objects.js";

/** All namespaced; the kind alone decides placement in the run's namespace (see namespace-option). */
export const EXPOSURE_KINDS: readonly string[] = ["Service", "Ingress", "Route", "Gateway", "ReferenceGrant", ...GATEWAY_ROUTE_KINDS, ...ISTIO_ROUTING_KINDS.filter((k) => k !== "Gateway")];

export type ExposureObject =
  | { readonly type: "service"; readonly value: Service }
  | { readonly type: "route"; readonly value: Route }
  | { readonly type: "gateway"; readonly value: Gateway }
  | { readonly type: "grant"; readonly value: ReferenceGrant }
  | IstioObject;

export function isExposureObject(obj: KubeObject): boolean {
  return (
    (obj.kind === "Service" && obj.apiVersion === "v1") ||
    (obj.kind === "Ingress" && obj.apiVersion === "networking.k8s.io/v1") ||
    (obj.kind === "Route" && obj.apiVersion === "route.openshift.io/v1") ||
    isGatewayApi(obj.kind, obj.apiVersion) ||
    isIstioRouting(obj.kind, obj.apiVersion)
  );
}

/** Reads an object for which isExposureObject holds. */
export function loadExposureObject(obj: KubeObject): { loaded: ExposureObject | undefined; diagnostics: readonly Diagnostic[] } {
  // Istio's Gateway shares its kind with Gateway API's: the group decides.
  if (isIstioRouting(obj.kind, obj.apiVersion)) return loadIstioObject(obj);
  switch (obj.kind) {
    case "Service": {
      const r = loadService(obj);
      return { loaded: r.service && { type: "service", value: r.service }, diagnostics: r.diagnostics };
    }
    case "Ingress": {
      const r = loadIngress(obj);
      return { loaded: r.route && { type: "route", value: r.route }, diagnostics: r.diagnostics };
    }
    case "Route": {
      const r = loadOpenShiftRoute(obj);
      return { loaded: r.route && { type: "route", value: r.route }, diagnostics: r.diagnostics };
    }
    case "Gateway": {
      const r = loadGateway(obj);
      return { loaded: r.gateway && { type: "gateway", value: r.gateway }, diagnostics: r.diagnostics };
    }
    case "ReferenceGrant": {
      const r = loadReferenceGrant(obj);
      return { loaded: r.grant && { type: "grant", value: r.grant }, diagnostics: r.diagnostics };
    }
    default: {
      const r = loadGatewayRoute(obj);
      return { loaded: r.route && { type: "route", value: r.route }, diagnostics: r.diagnostics };
    }
  }
}
