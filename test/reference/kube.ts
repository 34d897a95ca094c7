// Plain Kubernetes API objects, as they appear in YAML, for the reference evaluator and the
// random cluster generator. Only the fields reachability depends on: NetworkPolicy v1, the
// admin tiers (admin-kube.ts), and where the input has them, Nodes and pod IPs.

import type { AdminObject, NodeObject } from "./admin-kube.js";
import { CILIUM_KINDS, type CiliumObject } from "./cilium-kube.js";
import { cidrStrictlyInside, parseCidr } from "./ip.js";

export const PROTOCOLS = ["SCTP", "TCP", "UDP"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

export type Labels = Record<string, string>;

export interface ObjectMeta {
  name: string;
  namespace?: string | null;
  labels?: Labels | null;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values?: string[] | null;
}

export interface LabelSelector {
  matchLabels?: Labels | null;
  matchExpressions?: LabelSelectorRequirement[] | null;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: Protocol;
}

export interface Container {
  name: string;
  image?: string;
  ports?: ContainerPort[] | null;
}

export interface Namespace {
  apiVersion: "v1";
  kind: "Namespace";
  metadata: ObjectMeta;
}

export interface Pod {
  apiVersion: "v1";
  kind: "Pod";
  metadata: ObjectMeta;
  spec: {
    hostNetwork?: boolean | null;
    nodeName?: string | null;
    /** Cilium labels the pod io.cilium.k8s.policy.serviceaccount with it ("default" when absent). */
    serviceAccountName?: string | null;
    containers: Container[];
  };
  /** As `kubectl get -o yaml` dumps have it; a hostNetwork pod's IP is its node's. */
  status?: { podIP?: string | null; podIPs?: { ip: string }[] | null } | null;
}

export interface NetworkPolicyPort {
  protocol?: Protocol;
  port?: number | string;
  endPort?: number;
}

export interface IPBlock {
  cidr: string;
  except?: string[] | null;
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector | null;
  namespaceSelector?: LabelSelector | null;
  ipBlock?: IPBlock | null;
}

export interface NetworkPolicyIngressRule {
  from?: NetworkPolicyPeer[] | null;
  ports?: NetworkPolicyPort[] | null;
}

export interface NetworkPolicyEgressRule {
  to?: NetworkPolicyPeer[] | null;
  ports?: NetworkPolicyPort[] | null;
}

export type PolicyType = "Ingress" | "Egress";

export interface NetworkPolicy {
  apiVersion: "networking.k8s.io/v1";
  kind: "NetworkPolicy";
  metadata: ObjectMeta;
  spec: {
    podSelector?: LabelSelector | null;
    policyTypes?: PolicyType[] | null;
    ingress?: NetworkPolicyIngressRule[] | null;
    egress?: NetworkPolicyEgressRule[] | null;
  };
}

export type KubeObject = Namespace | Pod | NetworkPolicy | AdminObject | NodeObject | CiliumObject;

/** Which plugin enforces policy: "auto" (the default) is Cilium when the cluster holds a Cilium policy. */
export type CniChoice = "auto" | "cilium" | "generic";

export interface Cluster {
  namespaces: Namespace[];
  pods: Pod[];
  policies: NetworkPolicy[];
  /** AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy; absent = none. */
  admin?: AdminObject[];
  /** Absent = none declared: `nodes` peers then match nothing. */
  nodes?: NodeObject[];
  /** CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy, CiliumCIDRGroup; absent = none. */
  cilium?: CiliumObject[];
  /** Absent = "auto". */
  cni?: CniChoice;
  /** Cilium's cluster-name (the io.cilium.k8s.policy.cluster label); absent = "default". */
  ciliumClusterName?: string;
}

/** Objects without a namespace are in `default`. */
export function namespaceOf(object: Pod | NetworkPolicy): string {
  const ns = object.metadata.namespace;
  return ns === undefined || ns === null || ns === "" ? "default" : ns;
}

/** The endpoint id netreach gives a bare Pod (DESIGN section 4). */
export function podId(pod: Pod): string {
  return `${namespaceOf(pod)}/${pod.metadata.name}[Pod]`;
}

/** Sorts parsed YAML documents into a cluster; anything else is an error (the generator made it). */
export function clusterFromObjects(objects: readonly unknown[]): Cluster {
  const cluster: Cluster = { namespaces: [], pods: [], policies: [] };
  for (const object of objects) {
    const kind = (object as { kind?: unknown } | null)?.kind;
    if (kind === "Namespace") cluster.namespaces.push(object as Namespace);
    else if (kind === "Pod") cluster.pods.push(object as Pod);
    else if (kind === "NetworkPolicy") cluster.policies.push(object as NetworkPolicy);
    else if (kind === "AdminNetworkPolicy" || kind === "BaselineAdminNetworkPolicy" || kind === "ClusterNetworkPolicy") (cluster.admin ??= []).push(object as AdminObject);
    else if (kind === "Node") (cluster.nodes ??= []).push(object as NodeObject);
    else if ((CILIUM_KINDS as readonly unknown[]).includes(kind)) (cluster.cilium ??= []).push(object as CiliumObject);
    else throw new Error(`unexpected object: ${JSON.stringify(object)}`);
  }
  return cluster;
}

function isPositivePort(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65535;
}

function validateSelector(selector: LabelSelector | null | undefined, where: string): void {
  if (selector === null || selector === undefined) return;
  for (const req of selector.matchExpressions ?? []) {
    const values = req.values ?? [];
    if (req.operator === "In" || req.operator === "NotIn") {
      if (values.length === 0) throw new Error(`${where}: ${req.operator} needs values`);
    } else if (req.operator === "Exists" || req.operator === "DoesNotExist") {
      if (values.length !== 0) throw new Error(`${where}: ${req.operator} takes no values`);
    } else {
      throw new Error(`${where}: unknown operator ${String(req.operator)}`);
    }
  }
}

function validatePeers(peers: NetworkPolicyPeer[] | null | undefined, where: string): void {
  for (const peer of peers ?? []) {
    const selectors = peer.podSelector != null || peer.namespaceSelector != null;
    if (peer.ipBlock != null) {
      if (selectors) throw new Error(`${where}: ipBlock mixed with a selector`);
      const cidr = parseCidr(peer.ipBlock.cidr);
      for (const except of peer.ipBlock.except ?? []) {
        if (!cidrStrictlyInside(parseCidr(except), cidr)) throw new Error(`${where}: except ${except} not inside ${peer.ipBlock.cidr}`);
      }
    } else if (!selectors) {
      throw new Error(`${where}: empty peer`);
    }
    validateSelector(peer.podSelector, where);
    validateSelector(peer.namespaceSelector, where);
  }
}

function validatePorts(ports: NetworkPolicyPort[] | null | undefined, where: string): void {
  for (const port of ports ?? []) {
    if (port.protocol !== undefined && !PROTOCOLS.includes(port.protocol)) throw new Error(`${where}: bad protocol`);
    if (port.endPort !== undefined) {
      if (!isPositivePort(port.port) || !isPositivePort(port.endPort) || port.endPort < port.port) {
        throw new Error(`${where}: bad endPort ${JSON.stringify(port)}`);
      }
    } else if (port.port !== undefined && typeof port.port !== "string" && !isPositivePort(port.port)) {
      throw new Error(`${where}: bad port ${JSON.stringify(port)}`);
    }
  }
}

/**
 * Throws if the cluster is not what the API server would accept. The reference evaluator is
 * only defined on valid clusters; this guards the generator.
 */
export function validateCluster(cluster: Cluster): void {
  const podKeys = new Set<string>();
  for (const pod of cluster.pods) {
    const key = podId(pod);
    if (podKeys.has(key)) throw new Error(`duplicate pod ${key}`);
    podKeys.add(key);
    const names = new Set<string>();
    for (const container of pod.spec.containers) {
      for (const port of container.ports ?? []) {
        if (!isPositivePort(port.containerPort)) throw new Error(`${key}: bad containerPort`);
        if (port.name !== undefined) {
          if (names.has(port.name)) throw new Error(`${key}: duplicate port name ${port.name}`);
          names.add(port.name);
        }
      }
    }
  }
  const policyKeys = new Set<string>();
  for (const policy of cluster.policies) {
    const key = `${namespaceOf(policy)}/${policy.metadata.name}`;
    if (policyKeys.has(key)) throw new Error(`duplicate policy ${key}`);
    policyKeys.add(key);
    validateSelector(policy.spec.podSelector, key);
    (policy.spec.ingress ?? []).forEach((rule, i) => {
      validatePeers(rule.from, `${key} ingress[${i}]`);
      validatePorts(rule.ports, `${key} ingress[${i}]`);
    });
    (policy.spec.egress ?? []).forEach((rule, i) => {
      validatePeers(rule.to, `${key} egress[${i}]`);
      validatePorts(rule.ports, `${key} egress[${i}]`);
    });
  }
}
