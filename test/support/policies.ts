// NetworkPolicies more than one test fixture writes, kept in one place.

/** Default-deny ingress for every pod in `backend`. */
export const DENY_INGRESS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny-ingress, namespace: backend }
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;
