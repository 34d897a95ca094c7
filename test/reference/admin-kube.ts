// Admin-tier policy objects and Nodes as they appear in YAML (SEMANTICS.md sections 3-5), for
// the reference evaluator and the random generator. Written from the API types, not from
// src/load: the reference must not share code with the product.

import type { LabelSelector, ObjectMeta } from "./kube.js";

export const ADMIN_V1ALPHA1 = "policy.networking.k8s.io/v1alpha1";
export const ADMIN_V1ALPHA2 = "policy.networking.k8s.io/v1alpha2";

/** `pods` subject or peer: v1alpha1 requires both selectors; v1alpha2's namespaceSelector is optional (= all). */
export interface NamespacedPod {
  namespaceSelector?: LabelSelector | null;
  podSelector: LabelSelector;
}

/** Exactly one field set. */
export interface AdminSubject {
  namespaces?: LabelSelector | null;
  pods?: NamespacedPod | null;
}

/** Exactly one field set; `networks`, `nodes`, `domainNames` in egress only. */
export interface AdminPeerObject {
  namespaces?: LabelSelector | null;
  pods?: NamespacedPod | null;
  networks?: string[] | null;
  nodes?: LabelSelector | null;
  domainNames?: string[] | null;
}

/** v1alpha1 `ports[]` entry: exactly one field. `protocol` defaults to TCP and is a free string. */
export interface AdminPortV1 {
  portNumber?: { protocol?: string; port: number } | null;
  portRange?: { protocol?: string; start: number; end: number } | null;
  namedPort?: string | null;
}

export interface DestinationPort {
  number?: number | null;
  range?: { start: number; end: number } | null;
}

/** v1alpha2 `protocols[]` entry: exactly one field. */
export interface AdminProtocolV2 {
  tcp?: { destinationPort: DestinationPort } | null;
  udp?: { destinationPort: DestinationPort } | null;
  sctp?: { destinationPort: DestinationPort } | null;
  destinationNamedPort?: string | null;
}

export interface AdminRuleObject {
  name?: string;
  /** v1alpha1: Allow | Deny | Pass (BANP: Allow | Deny); v1alpha2: Accept | Deny | Pass. */
  action: string;
  from?: AdminPeerObject[];
  to?: AdminPeerObject[];
  ports?: AdminPortV1[];
  protocols?: AdminProtocolV2[];
}

export interface AdminNetworkPolicyObject {
  apiVersion: typeof ADMIN_V1ALPHA1;
  kind: "AdminNetworkPolicy";
  metadata: ObjectMeta;
  spec: { priority: number; subject: AdminSubject; ingress?: AdminRuleObject[] | null; egress?: AdminRuleObject[] | null };
}

export interface BaselineAdminNetworkPolicyObject {
  apiVersion: typeof ADMIN_V1ALPHA1;
  kind: "BaselineAdminNetworkPolicy";
  metadata: ObjectMeta;
  spec: { subject: AdminSubject; ingress?: AdminRuleObject[] | null; egress?: AdminRuleObject[] | null };
}

export interface ClusterNetworkPolicyObject {
  apiVersion: typeof ADMIN_V1ALPHA2;
  kind: "ClusterNetworkPolicy";
  metadata: ObjectMeta;
  spec: {
    tier: "Admin" | "Baseline";
    priority: number;
    subject: AdminSubject;
    ingress?: AdminRuleObject[] | null;
    egress?: AdminRuleObject[] | null;
  };
}

export type AdminObject = AdminNetworkPolicyObject | BaselineAdminNetworkPolicyObject | ClusterNetworkPolicyObject;

export interface NodeObject {
  apiVersion: "v1";
  kind: "Node";
  metadata: ObjectMeta;
  status?: { addresses?: { type: string; address: string }[] | null } | null;
}
