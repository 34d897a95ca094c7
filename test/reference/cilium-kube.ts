// Cilium's policy objects as they appear in YAML (cilium.io/v2 CiliumNetworkPolicy and
// CiliumClusterwideNetworkPolicy, CiliumCIDRGroup), for the reference evaluator and the random
// generator. Written from Cilium's API types (pkg/policy/api: Rule, IngressRule, EgressRule,
// PortRule, CIDRRule), not from src/load: the reference must not share code with the product.

import type { LabelSelector, ObjectMeta } from "./kube.js";

export const CILIUM_V2 = "cilium.io/v2";
export const CILIUM_V2ALPHA1 = "cilium.io/v2alpha1";

/** `protocol` omitted or ANY: TCP, UDP and SCTP (ICMP is a rule of its own, `icmps`). */
export type CiliumProtocol = "TCP" | "UDP" | "SCTP" | "ANY";

/** PortProtocol: `port` is a string (a number, "0" = every port, or a named port of the destination). */
export interface PortProtocol {
  port?: string | null;
  endPort?: number | null;
  protocol?: CiliumProtocol | null;
}

export interface HttpRule {
  method?: string;
  path?: string;
  host?: string;
  headers?: string[];
}

export interface KafkaRule {
  role?: string;
  apiKey?: string;
  topic?: string;
  clientID?: string;
}

export interface DnsRule {
  matchName?: string;
  matchPattern?: string;
}

/** L7Rules: one kind per port rule. The reference only needs to know whether any is there. */
export interface L7Rules {
  http?: HttpRule[] | null;
  kafka?: KafkaRule[] | null;
  dns?: DnsRule[] | null;
  l7proto?: string | null;
  l7?: Record<string, string>[] | null;
}

export interface PortRule {
  ports?: PortProtocol[] | null;
  rules?: L7Rules | null;
}

/** PortDenyRule: no L7. */
export interface PortDenyRule {
  ports?: PortProtocol[] | null;
}

/** CIDRRule: `cidr` or `cidrGroupRef`, `except` inside `cidr`. */
export interface CIDRRule {
  cidr?: string | null;
  cidrGroupRef?: string | null;
  except?: string[] | null;
}

export type Entity =
  | "world"
  | "world-ipv4"
  | "world-ipv6"
  | "cluster"
  | "all"
  | "host"
  | "remote-node"
  | "kube-apiserver"
  | "health"
  | "init"
  | "unmanaged"
  | "ingress";

export interface ICMPRule {
  fields: { type: number | string; family?: "IPv4" | "IPv6" }[];
}

/** IngressCommonRule + ToPorts: the peer fields are ORed, then ANDed with toPorts. */
export interface CiliumIngressRule {
  fromEndpoints?: LabelSelector[] | null;
  fromCIDR?: string[] | null;
  fromCIDRSet?: CIDRRule[] | null;
  fromEntities?: Entity[] | null;
  fromRequires?: LabelSelector[] | null;
  toPorts?: PortRule[] | null;
  icmps?: ICMPRule[] | null;
}

export interface CiliumIngressDenyRule extends Omit<CiliumIngressRule, "toPorts"> {
  toPorts?: PortDenyRule[] | null;
}

export interface FQDNSelector {
  matchName?: string;
  matchPattern?: string;
}

export interface CiliumEgressRule {
  toEndpoints?: LabelSelector[] | null;
  toCIDR?: string[] | null;
  toCIDRSet?: CIDRRule[] | null;
  toEntities?: Entity[] | null;
  toRequires?: LabelSelector[] | null;
  toServices?: unknown[] | null;
  toGroups?: unknown[] | null;
  toFQDNs?: FQDNSelector[] | null;
  toPorts?: PortRule[] | null;
  icmps?: ICMPRule[] | null;
}

export interface CiliumEgressDenyRule extends Omit<CiliumEgressRule, "toPorts" | "toFQDNs"> {
  toPorts?: PortDenyRule[] | null;
}

/** api.Rule: endpointSelector or nodeSelector (host firewall, not analyzed). */
export interface CiliumRule {
  endpointSelector?: LabelSelector | null;
  nodeSelector?: LabelSelector | null;
  ingress?: CiliumIngressRule[] | null;
  ingressDeny?: CiliumIngressDenyRule[] | null;
  egress?: CiliumEgressRule[] | null;
  egressDeny?: CiliumEgressDenyRule[] | null;
  /** Absent: true in both directions. */
  enableDefaultDeny?: { ingress?: boolean | null; egress?: boolean | null } | null;
  description?: string;
}

export interface CiliumNetworkPolicyObject {
  apiVersion: typeof CILIUM_V2;
  kind: "CiliumNetworkPolicy";
  metadata: ObjectMeta;
  spec?: CiliumRule | null;
  specs?: CiliumRule[] | null;
}

export interface CiliumClusterwideNetworkPolicyObject {
  apiVersion: typeof CILIUM_V2;
  kind: "CiliumClusterwideNetworkPolicy";
  metadata: ObjectMeta;
  spec?: CiliumRule | null;
  specs?: CiliumRule[] | null;
}

export interface CiliumCIDRGroupObject {
  apiVersion: typeof CILIUM_V2ALPHA1 | typeof CILIUM_V2;
  kind: "CiliumCIDRGroup";
  metadata: ObjectMeta;
  spec: { externalCIDRs: string[] };
}

export type CiliumPolicyObject = CiliumNetworkPolicyObject | CiliumClusterwideNetworkPolicyObject;
export type CiliumObject = CiliumPolicyObject | CiliumCIDRGroupObject;

export const CILIUM_KINDS = ["CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy", "CiliumCIDRGroup"] as const;

export function isCiliumPolicy(object: CiliumObject): object is CiliumPolicyObject {
  return object.kind === "CiliumNetworkPolicy" || object.kind === "CiliumClusterwideNetworkPolicy";
}

/** `spec` first, then every entry of `specs`, each with the path reasons name it by. */
export function specsOf(policy: CiliumPolicyObject): { rule: CiliumRule; path: string }[] {
  const out: { rule: CiliumRule; path: string }[] = [];
  if (policy.spec != null) out.push({ rule: policy.spec, path: "spec" });
  (policy.specs ?? []).forEach((rule, i) => out.push({ rule, path: `specs[${i}]` }));
  return out;
}
