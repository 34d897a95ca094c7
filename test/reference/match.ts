// Label selectors, namespaces' labels and named ports, for the reference evaluator's tiers
// (NetworkPolicy in evaluator.ts, admin tiers in admin-evaluator.ts).

import { NAMESPACE_NAME_LABEL, namespaceOf, type Cluster, type Labels, type LabelSelector, type Pod } from "./kube.js";

export type Endpoint = Pod | string;

export function isPod(endpoint: Endpoint): endpoint is Pod {
  return typeof endpoint !== "string";
}

export function samePod(a: Pod, b: Pod): boolean {
  return namespaceOf(a) === namespaceOf(b) && a.metadata.name === b.metadata.name;
}

function hasLabel(labels: Labels, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

/** matchLabels and every matchExpressions entry, ANDed. A null/omitted selector selects everything. */
export function selectorMatches(selector: LabelSelector | null | undefined, labels: Labels): boolean {
  if (selector === null || selector === undefined) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (!hasLabel(labels, key) || labels[key] !== value) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    const present = hasLabel(labels, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case "In":
        if (!present || !values.includes(labels[req.key]!)) return false;
        break;
      case "NotIn":
        // An absent key is "not in" any set.
        if (present && values.includes(labels[req.key]!)) return false;
        break;
      case "Exists":
        if (!present) return false;
        break;
      case "DoesNotExist":
        if (present) return false;
        break;
      default:
        throw new Error(`unknown operator ${String(req.operator)}`);
    }
  }
  return true;
}

/** A namespace's labels: those of its Namespace object, if any, plus the implicit name label. */
export function namespaceLabels(cluster: Cluster, name: string): Labels {
  const declared = cluster.namespaces.find((ns) => ns.metadata.name === name);
  return { ...(declared?.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: name };
}

/**
 * The labels selectors see on a pod: its own, and on a Cilium cluster the labels Cilium gives
 * every pod (which NetworkPolicy selectors see too, as Cilium enforces them).
 */
export function podLabels(cluster: Cluster, pod: Pod): Labels {
  const own = pod.metadata.labels ?? {};
  return ciliumEnforced(cluster) ? { ...own, ...ciliumImplicitLabels(cluster, pod) } : own;
}

/** Cilium's policy applies: chosen, or "auto" with a CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy in the input. */
export function ciliumEnforced(cluster: Cluster): boolean {
  const choice = cluster.cni ?? "auto";
  if (choice !== "auto") return choice === "cilium";
  return (cluster.cilium ?? []).some((o) => o.kind === "CiliumNetworkPolicy" || o.kind === "CiliumClusterwideNetworkPolicy");
}

export const CILIUM_NAMESPACE_LABEL = "io.kubernetes.pod.namespace";
export const CILIUM_SERVICE_ACCOUNT_LABEL = "io.cilium.k8s.policy.serviceaccount";
export const CILIUM_CLUSTER_LABEL = "io.cilium.k8s.policy.cluster";
export const CILIUM_NAMESPACE_LABELS_PREFIX = "io.cilium.k8s.namespace.labels.";

/** Namespace, service account, cluster name, and every label of the pod's namespace under a prefix. */
export function ciliumImplicitLabels(cluster: Cluster, pod: Pod): Labels {
  const ns = namespaceOf(pod);
  const labels: Labels = {
    [CILIUM_NAMESPACE_LABEL]: ns,
    [CILIUM_SERVICE_ACCOUNT_LABEL]: pod.spec.serviceAccountName || "default",
    [CILIUM_CLUSTER_LABEL]: cluster.ciliumClusterName ?? "default",
  };
  for (const [key, value] of Object.entries(namespaceLabels(cluster, ns))) labels[`${CILIUM_NAMESPACE_LABELS_PREFIX}${key}`] = value;
  return labels;
}

export function isHostNetwork(pod: Pod): boolean {
  return pod.spec.hostNetwork === true;
}

/** The destination pod declares a container port `name` with this number (and protocol, when given). */
export function declaresPort(pod: Pod, name: string, protocol: string | undefined, port: number): boolean {
  return pod.spec.containers.some((container) =>
    (container.ports ?? []).some(
      (p) => p.name === name && p.containerPort === port && (protocol === undefined || (p.protocol ?? "TCP") === protocol),
    ),
  );
}
