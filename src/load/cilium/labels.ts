// Cilium's label keys: the sources it prefixes keys with, the labels it gives every pod, and the
// namespace labels it lets cluster-wide selectors name. Pure tables; the readers use them.
import type { Labels } from "../../model/labels.js";

/** Every pod's namespace, as Cilium labels it: selectors naming it leave the policy's namespace. */
export const POD_NAMESPACE_LABEL = "io.kubernetes.pod.namespace";
export const SERVICE_ACCOUNT_LABEL = "io.cilium.k8s.policy.serviceaccount";
export const CLUSTER_LABEL = "io.cilium.k8s.policy.cluster";
/** `io.cilium.k8s.namespace.labels.team: a` selects pods of namespaces labelled `team: a`. */
export const NAMESPACE_LABELS_PREFIX = "io.cilium.k8s.namespace.labels.";

/** A key as a selector writes it, read. */
export type CiliumKey =
  /** A pod label (`k8s:` and `any:` sources dropped: netreach's pods come from Kubernetes). */
  | { readonly kind: "pod"; readonly key: string }
  /** A label of the pod's namespace. */
  | { readonly kind: "namespace"; readonly key: string }
  /** `reserved:host`, `reserved:world`, …: an identity, not a label. */
  | { readonly kind: "reserved"; readonly name: string }
  /** Another source (`cidr:`, `fqdn:`, `container:`…): no label a pod of this report carries. */
  | { readonly kind: "other"; readonly source: string };

const POD_SOURCES = new Set(["k8s", "any"]);

export function readCiliumKey(written: string): CiliumKey {
  const colon = written.indexOf(":");
  // A Kubernetes label key never holds ":"; Cilium's source prefix ends at the first one.
  if (colon > 0) {
    const source = written.slice(0, colon);
    const rest = written.slice(colon + 1);
    if (source === "reserved") return { kind: "reserved", name: rest };
    if (!POD_SOURCES.has(source)) return { kind: "other", source };
    return plainKey(rest);
  }
  return plainKey(written);
}

function plainKey(key: string): CiliumKey {
  return key.startsWith(NAMESPACE_LABELS_PREFIX) && key.length > NAMESPACE_LABELS_PREFIX.length
    ? { kind: "namespace", key: key.slice(NAMESPACE_LABELS_PREFIX.length) }
    : { kind: "pod", key };
}

/** The labels Cilium gives a pod beside its own (they win over declared ones of the same key). */
export function implicitPodLabels(namespace: string, serviceAccount: string | undefined, cluster: string, namespaceLabels: Labels): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(namespaceLabels)) out[NAMESPACE_LABELS_PREFIX + k] = v;
  out[POD_NAMESPACE_LABEL] = namespace;
  out[SERVICE_ACCOUNT_LABEL] = serviceAccount ?? "default";
  out[CLUSTER_LABEL] = cluster;
  return out;
}
