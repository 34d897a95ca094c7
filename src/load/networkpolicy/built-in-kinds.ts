// Kinds that run no pods of their own (or whose pods netreach reads another way): when a policy
// selects nothing, the other skipped kinds, custom resources mostly, are where its pods may come from.
const KINDS = [
  // Kubernetes
  "APIService", "Binding", "CertificateSigningRequest", "ClusterRole", "ClusterRoleBinding", "ComponentStatus",
  "ConfigMap", "ControllerRevision", "CSIDriver", "CSINode", "CSIStorageCapacity", "CustomResourceDefinition",
  "Endpoints", "EndpointSlice", "Event", "FlowSchema", "HorizontalPodAutoscaler", "Ingress", "IngressClass",
  "Lease", "LimitRange", "List", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
  "MutatingWebhookConfiguration", "Namespace", "NetworkPolicy", "Node", "PersistentVolume",
  "PersistentVolumeClaim", "PodDisruptionBudget", "PodSecurityPolicy", "PodTemplate", "PriorityClass",
  "PriorityLevelConfiguration", "ResourceQuota", "Role", "RoleBinding", "RuntimeClass", "Secret", "Service",
  "ServiceAccount", "StorageClass", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration", "VerticalPodAutoscaler", "VolumeAttachment",
  // Kustomize and Helm files that are not objects in a cluster
  "Kustomization", "Component",
  // Custom resources known to configure rather than run pods
  "ServiceMonitor", "PodMonitor", "PrometheusRule", "Probe", "ScrapeConfig", "AlertmanagerConfig",
  "Certificate", "CertificateRequest", "Issuer", "ClusterIssuer",
  "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy", "CiliumNetworkPolicy",
  "CiliumClusterwideNetworkPolicy", "GlobalNetworkPolicy",
];

const BUILT_IN = new Set(KINDS);

/** Skipped kinds that may make pods netreach does not see: those not known to make none. */
export function mayMakePods(kind: string): boolean {
  return !BUILT_IN.has(kind);
}
