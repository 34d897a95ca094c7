// Traffic from outside the cluster (DESIGN section 4a), as plain data: where it comes from, which
// objects carry it to a pod, and on which of the pod's ports.
import type { ConnSet } from "../net/conn-set.js";
import type { Cidr } from "../net/ip.js";
import type { FieldRef } from "./policy.js";

/**
 * internet: addresses outside the cluster, through a LoadBalancer, NodePort or externalIPs Service.
 * ingress-controller: the ingress controller or gateway data plane, through an Ingress, a Gateway
 * API route or an OpenShift Route (and the Service it names).
 */
export type ExposureSource = "internet" | "ingress-controller";

/** One object of the chain that carries outside traffic to a pod, at the field that does it. */
export interface Hop {
  /** "Service", "Ingress", "HTTPRoute", ..., "Route". */
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** What this object contributes, for a reader: "LoadBalancer, port 5432", "host a.example.com path /api". */
  readonly detail: string;
  readonly at: FieldRef;
  /** What the pull request did to this object (said in `detail` too); undefined: unchanged, or not compared. */
  readonly edit?: HopEdit;
}

/** "removed in this PR", "now ClusterIP": a base path's hop says what is gone, a head path's what is new. */
export interface HopEdit {
  readonly kind: "added" | "removed" | "changed";
  readonly words: string;
}

/** Objects in order from the outside in: [Ingress, Service] or [Service]. */
export type Chain = readonly Hop[];

/**
 * What the objects alone send to one pod endpoint, before any policy: a port set, from a source,
 * and for the internet the addresses that may send it (all of them, or loadBalancerSourceRanges).
 */
export interface ExposurePath {
  readonly dst: string;
  readonly source: ExposureSource;
  readonly routed: ConnSet;
  /** internet only; undefined: every external address. */
  readonly addresses: readonly Cidr[] | undefined;
  readonly chain: Chain;
}


export { INGRESS_CONTROLLER_ID, type IngressController, type IngressControllerEndpoint } from "./endpoint.js";
