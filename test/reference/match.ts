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

export function podLabels(pod: Pod): Labels {
  return pod.metadata.labels ?? {};
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
