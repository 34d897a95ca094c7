// What differs between the three admin-tier kinds as the API server validates them
// (kubernetes-sigs/network-policy-api: v1alpha1 CRDs bundle v0.1.7, v1alpha2 CRDs bundle v0.2.0;
// SEMANTICS.md sections 3-6 and 9). The loader reads all three with one set of functions and
// asks this table where they differ, so a version difference lives in one place.
import type { AdminAction, AdminKind } from "../../model/admin-policy.js";
import type { KubeObject } from "../object/source.js";

export const ADMIN_V1ALPHA1 = "policy.networking.k8s.io/v1alpha1";
export const ADMIN_V1ALPHA2 = "policy.networking.k8s.io/v1alpha2";

export interface AdminDialect {
  readonly kind: AdminKind;
  readonly apiVersion: string;
  /** v1alpha2 has `spec.tier`; v1alpha1 has it by kind. */
  readonly hasTier: boolean;
  /** Every kind but the BaselineAdminNetworkPolicy has a required `spec.priority`. */
  readonly hasPriority: boolean;
  /** The enum of `action`, as written, to the model's verb. */
  readonly actions: Readonly<Record<string, AdminAction>>;
  /** maxItems of `ingress`/`egress`, and of `from`/`to` and the port list of a rule. */
  readonly maxRules: number;
  readonly maxPeers: number;
  readonly maxPorts: number;
  /** `ports` (v1alpha1) or `protocols` (v1alpha2). */
  readonly portsKey: "ports" | "protocols";
  /** Fields of an egress peer (the experimental channel's included: nodes, domainNames). */
  readonly egressPeerKeys: readonly string[];
  /** v1alpha1 requires `pods.namespaceSelector`; v1alpha2 reads its absence as "every namespace". */
  readonly podsNeedNamespaceSelector: boolean;
  /** The experimental CRD's CEL message forbidding named ports beside networks/nodes(/domainNames) peers. */
  readonly namedPortMixMessage: string;
}

const ANP_MIX = "networks/nodes/domainNames peer cannot be set with namedPorts since there are no namedPorts for networks/nodes/domainNames";

const ANP: AdminDialect = {
  kind: "AdminNetworkPolicy",
  apiVersion: ADMIN_V1ALPHA1,
  hasTier: false,
  hasPriority: true,
  actions: { Allow: "accept", Deny: "deny", Pass: "pass" },
  maxRules: 100,
  maxPeers: 100,
  maxPorts: 100,
  portsKey: "ports",
  egressPeerKeys: ["namespaces", "pods", "networks", "nodes", "domainNames"],
  podsNeedNamespaceSelector: true,
  namedPortMixMessage: ANP_MIX,
};

const BANP: AdminDialect = {
  ...ANP,
  kind: "BaselineAdminNetworkPolicy",
  hasPriority: false,
  // Pass is admin-tier only in v1alpha1.
  actions: { Allow: "accept", Deny: "deny" },
  egressPeerKeys: ["namespaces", "pods", "networks", "nodes"],
  namedPortMixMessage: "networks/nodes peer cannot be set with namedPorts since there are no namedPorts for networks/nodes",
};

const CNP: AdminDialect = {
  kind: "ClusterNetworkPolicy",
  apiVersion: ADMIN_V1ALPHA2,
  hasTier: true,
  hasPriority: true,
  actions: { Accept: "accept", Deny: "deny", Pass: "pass" },
  maxRules: 25,
  maxPeers: 25,
  maxPorts: 25,
  portsKey: "protocols",
  egressPeerKeys: ["namespaces", "pods", "networks", "nodes", "domainNames"],
  podsNeedNamespaceSelector: false,
  namedPortMixMessage: ANP_MIX,
};

/** The dialect of an admin-tier object, or undefined for any other object (other versions are not served). */
export function adminDialect(obj: Pick<KubeObject, "kind" | "apiVersion">): AdminDialect | undefined {
  for (const d of [ANP, BANP, CNP]) if (obj.kind === d.kind && obj.apiVersion === d.apiVersion) return d;
  return undefined;
}

/** `networks` and `domainNames` hold 1 to 25 entries in every version. */
export const MAX_NETWORKS = 25;
/** The CRD's maxLength of a CIDR string (an IPv6 address with a prefix). */
export const MAX_CIDR_LENGTH = 43;
/** maxLength of a rule's `name`. */
export const MAX_RULE_NAME = 100;
export const MIN_PRIORITY = 0;
export const MAX_PRIORITY = 1000;

/** The suffix of every rejection: what the API server does, and what it says. */
export function rejects(d: AdminDialect, says?: string): string {
  return `; the API server rejects this ${d.kind}${says === undefined ? "" : ` (${says})`}`;
}
