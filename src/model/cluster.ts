// What the analysis runs on: namespaces, pod-like endpoints and policies of one revision, and the
// Services and routes that may expose them.
import type { IpAddress } from "../net/ip.js";
import type { Protocol } from "../net/protocol.js";
import type { AdminPolicy } from "./admin-policy.js";
import type { Gateway, ReferenceGrant } from "./gateway.js";
import type { IstioObjects } from "./istio.js";
import type { Labels } from "./labels.js";
import type { Node } from "./node.js";
import type { Policy, SourceRef } from "./policy.js";
import type { Route } from "./route.js";
import type { Service } from "./service.js";

export interface ContainerPort {
  readonly name: string | undefined;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface Namespace {
  readonly name: string;
  /** Always includes kubernetes.io/metadata.name. */
  readonly labels: Labels;
  readonly source: SourceRef | null; // null: named but not declared
}

/** A declared workload: one endpoint per controller (or bare Pod). */
export interface Workload {
  /** "ns/name[Kind]" */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  /** `serviceAccountName` (or the older `serviceAccount`); undefined: not set, which runs the pods as "default". */
  readonly serviceAccount?: string;
  /**
   * Its pods' IPs (status.podIP/podIPs, as `kubectl get -o yaml` dumps have them; a hostNetwork
   * pod's is its node's), so that `networks` peers can match it as a CNI would. Empty when the
   * input does not say: manifests never do, and then only external addresses are matched.
   */
  readonly ips: readonly IpAddress[];
  /** The nodes its pods are known to run on (a Pod's spec.nodeName); empty when unknown. */
  readonly nodeNames: readonly string[];
  readonly source: SourceRef;
  /**
   * Set when a controller's pods (in a cluster dump) differ in what policies can see, so that it
   * is several endpoints: the names of the pods this one stands for. `id` then names them too.
   */
  readonly pods?: readonly string[];
}

export interface Cluster {
  readonly namespaces: ReadonlyMap<string, Namespace>;
  readonly workloads: readonly Workload[];
  readonly policies: readonly Policy[];
  /**
   * AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy objects, valid ones,
   * and the deny rules of Cilium policies (tier "deny"; their allow rules are in `policies`).
   */
  readonly adminPolicies: readonly AdminPolicy[];
  /** Declared Nodes (labels, addresses), for `nodes` peers; empty in most repositories. */
  readonly nodes: readonly Node[];
  /** What may expose workloads to outside traffic; read for the exposure report, not for reachability. */
  readonly services: readonly Service[];
  /** Ingresses, Gateway API routes and OpenShift Routes. */
  readonly routes: readonly Route[];
  readonly gateways: readonly Gateway[];
  readonly referenceGrants: readonly ReferenceGrant[];
  /** Istio Gateways, VirtualServices and DestinationRules (networking.istio.io). */
  readonly istio: IstioObjects;
}
