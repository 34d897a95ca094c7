// Istio's networking.istio.io routing objects, as plain data: a Gateway (servers on the gateway
// pods its selector picks), a VirtualService (routes from those gateways to Services) and a
// DestinationRule (subsets: which of a Service's pods a route may name).
import type { Labels } from "./labels.js";
import type { FieldRef, SourceRef } from "./policy.js";

export interface IstioServer {
  readonly port: number;
  /** HTTP, HTTPS, GRPC, HTTP2, MONGO, TCP, TLS (upper case, as Istio compares them). */
  readonly protocol: string;
  readonly name: string | undefined;
  /** "[namespace/]host": which VirtualServices (by namespace) and hosts bind to the server. */
  readonly hosts: readonly string[];
  /** tls.mode, upper case; undefined when not written. PASSTHROUGH sends TLS to `tls` routes. */
  readonly tlsMode: string | undefined;
  readonly at: FieldRef;
}

export interface IstioGateway {
  /** "namespace/name" */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  /** The gateway pods' labels; undefined when none is written (then `istio: ingressgateway` is assumed). */
  readonly selector: Labels | undefined;
  readonly servers: readonly IstioServer[];
  readonly source: SourceRef;
}

/** One entry of a VirtualService's `gateways`: a gateway by namespace and name, or the mesh. */
export type GatewayRef = { readonly mesh: true; readonly at: FieldRef } | { readonly mesh: false; readonly namespace: string; readonly name: string; readonly at: FieldRef };

export interface IstioDestination {
  /** As written: "reviews", "reviews.prod", "reviews.prod.svc.cluster.local", "api.example.com". */
  readonly host: string;
  /** The Service the host names; undefined when the host is not a cluster Service's name. */
  readonly service: { readonly namespace: string; readonly name: string } | undefined;
  /** The Service's port; undefined: not written (a single-port Service's only port). */
  readonly port: number | undefined;
  readonly subset: string | undefined;
  /** 0 receives nothing; undefined when not written. */
  readonly weight: number | undefined;
  /** An http route's mirror: sent a copy of each request. */
  readonly mirror: boolean;
  readonly at: FieldRef;
}

export type IstioRouteKind = "http" | "tcp" | "tls";

export interface IstioRoute {
  readonly kind: IstioRouteKind;
  /** "http[0]": where the route is, for a reader. */
  readonly label: string;
  /** The gateway ports its matches name; undefined: some match names none (every port). */
  readonly ports: readonly number[] | undefined;
  /** Per match: the gateways it is limited to; undefined: a match that names none (all of the VirtualService's). */
  readonly gateways: readonly (readonly string[])[] | undefined;
  /** http routes: the uri matches ("= /hello", "/static", "~ ^/re"); undefined: every path. */
  readonly paths: readonly string[] | undefined;
  readonly destinations: readonly IstioDestination[];
  /** Matches every request on every port and gateway (no match, or one that tests nothing but uri prefix "/"). */
  readonly catchAll: boolean;
  readonly at: FieldRef;
}

export interface VirtualService {
  /** "namespace/name" */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly hosts: readonly string[];
  /** Empty: not written, which means the mesh only. */
  readonly gateways: readonly GatewayRef[];
  readonly routes: readonly IstioRoute[];
  /** exportTo: the namespaces whose gateways may use it ("." its own, "*" all); undefined: all. */
  readonly exportTo: readonly string[] | undefined;
  readonly source: SourceRef;
}

export interface Subset {
  readonly name: string;
  readonly labels: Labels;
  readonly at: FieldRef;
}

export interface DestinationRule {
  /** "namespace/name" */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly host: string;
  /** The Service the host names, as for a destination. */
  readonly service: { readonly namespace: string; readonly name: string } | undefined;
  readonly subsets: readonly Subset[];
  readonly source: SourceRef;
}

export interface IstioObjects {
  readonly gateways: readonly IstioGateway[];
  readonly virtualServices: readonly VirtualService[];
  readonly destinationRules: readonly DestinationRule[];
}

export const NO_ISTIO: IstioObjects = { gateways: [], virtualServices: [], destinationRules: [] };

/** Istio's default ingress gateway's labels: what a Gateway without a selector is taken to run on. */
export const DEFAULT_GATEWAY_SELECTOR: Labels = { istio: "ingressgateway" };

/**
 * The Service a host names, as Istio reads it in an object of `namespace`: a short name is a
 * Service of that namespace; "name.ns" and "name.ns.svc.cluster.local" name one of namespace ns.
 * Anything else (an external name, a wildcard) is not a Service of the cluster.
 */
export function serviceOfHost(host: string, namespace: string): { namespace: string; name: string } | undefined {
  if (host.includes("*")) return undefined;
  const parts = host.split(".");
  if (parts.some((p) => p === "")) return undefined;
  if (parts.length === 1) return { namespace, name: parts[0]! };
  if (parts.length === 2) return { namespace: parts[1]!, name: parts[0]! };
  if (parts.length === 5 && parts[2] === "svc" && parts[3] === "cluster" && parts[4] === "local") return { namespace: parts[1]!, name: parts[0]! };
  return undefined;
}
