// A v1 Service after validation and defaulting: which pods it selects and which of their ports
// each Service port forwards to. Plain data; exposure is computed from it elsewhere.
import type { Cidr } from "../net/ip.js";
import type { Protocol } from "../net/protocol.js";
import type { Labels } from "./labels.js";
import type { FieldRef, SourceRef } from "./policy.js";

export type ServiceType = "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";

/** A number is the pods' port; a name is looked up per pod in its container ports, as kube-proxy does. */
export type TargetPort = { readonly kind: "number"; readonly port: number } | { readonly kind: "name"; readonly name: string };

export interface ServicePort {
  /** Required (a DNS label) when the Service has more than one port. */
  readonly name: string | undefined;
  readonly port: number;
  readonly protocol: Protocol;
  /** Defaults to `port`. */
  readonly targetPort: TargetPort;
  /** Only for NodePort and LoadBalancer; undefined: allocated by the cluster when the type needs one. */
  readonly nodePort: number | undefined;
  readonly source: FieldRef;
}

export interface Service {
  /** "namespace/name" */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly type: ServiceType;
  /**
   * Equality-based pod selector; null when it selects no pod: selector missing or empty (endpoints
   * are managed by someone else) or type ExternalName (a DNS alias, no endpoints).
   */
  readonly selector: Labels | null;
  readonly ports: readonly ServicePort[];
  /** Addresses every node accepts traffic for, on `port`: exposure whatever the type. */
  readonly externalIPs: readonly string[];
  /** LoadBalancer only; empty: any source. */
  readonly loadBalancerSourceRanges: readonly Cidr[];
  /** Set (Cluster by default) only where the Service is reachable from outside: NodePort, LoadBalancer, or externalIPs. */
  readonly externalTrafficPolicy: "Cluster" | "Local" | undefined;
  /** ExternalName only: the DNS name it aliases. */
  readonly externalName: string | undefined;
  readonly source: SourceRef;
}
