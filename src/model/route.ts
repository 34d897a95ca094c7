// Objects that route traffic from outside (or from a gateway) to Services: Ingress, Gateway API
// routes and OpenShift Routes, reduced to what decides exposure: hosts, parents and backends.
import type { FieldRef, SourceRef } from "./policy.js";

export type RouteKind = "Ingress" | "HTTPRoute" | "GRPCRoute" | "TCPRoute" | "TLSRoute" | "UDPRoute" | "Route";

/**
 * Which port of the Service a backend names. Ingress and Gateway API name the Service's port;
 * an OpenShift Route names an endpoint port: by name the Service port's name, by number the pods'
 * port (the Service port's resolved targetPort); without a port it reaches every Service port.
 */
export type BackendPort =
  | { readonly kind: "service-port"; readonly port: number }
  | { readonly kind: "service-port-name"; readonly name: string }
  | { readonly kind: "target-port"; readonly port: number }
  | { readonly kind: "all" };

export interface RouteBackend {
  readonly serviceNamespace: string;
  readonly serviceName: string;
  readonly port: BackendPort;
  /** Relative share of traffic where the kind has one (Gateway API, OpenShift); 0 receives none. */
  readonly weight: number | undefined;
  /** Ingress: the rule's host and path; undefined for the default backend and other kinds. */
  readonly match: { readonly host: string | undefined; readonly path: string | undefined; readonly pathType: PathType | undefined } | undefined;
  /** Gateway API HTTP routes: the rule's path matches ("/shop", "= /exact", "~ ^/re"); undefined: none named (every path). */
  readonly paths?: readonly string[];
  readonly source: FieldRef;
}

export type PathType = "Exact" | "Prefix" | "ImplementationSpecific";

/** A Gateway API route's attachment to a Gateway (or a listener of it). */
export interface ParentRef {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly sectionName: string | undefined;
  readonly port: number | undefined;
  readonly source: FieldRef;
}

export interface Route {
  /** "namespace/name[Kind]" */
  readonly id: string;
  readonly kind: RouteKind;
  readonly namespace: string;
  readonly name: string;
  /** Ingress rules' hosts, Gateway API hostnames, an OpenShift Route's host; empty: any host. */
  readonly hosts: readonly string[];
  /** Ingress only. */
  readonly ingressClassName: string | undefined;
  /** Gateway API routes only. */
  readonly parents: readonly ParentRef[];
  readonly backends: readonly RouteBackend[];
  readonly source: SourceRef;
}
