// The file of one isolated tenant, for the policy-only step (bench-tenants.ts) and the tenants shape (bench-shapes.ts).
/** One isolated tenant's file (of n): see bench-tenants.ts and bench-shapes.ts. */
export function isolatedTenant(i: number, n: number, edited: boolean): string {
  return `apiVersion: v1
kind: Namespace
metadata: {name: tenant-${i}, labels: {tier: tenant, tenant: t${i}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: tenant-${i}}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-dns, namespace: tenant-${i}}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
      podSelector: {matchLabels: {k8s-app: kube-dns}}
    ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-ingress-controller, namespace: tenant-${i}}
spec:
  podSelector: {matchLabels: {app.kubernetes.io/component: web}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}
    ports: [{port: ${edited ? 8443 : 8080}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-egress, namespace: tenant-${i}}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock: {cidr: 10.${(i >> 8) & 255}.${i & 255}.0/24}
  - to:
    - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}
    ports: [{port: 443}]
  - to:
    - podSelector: {}
  - to:
    - namespaceSelector: {matchLabels: {tenant: t${(i + 1) % n}}}
      podSelector: {matchLabels: {app.kubernetes.io/component: api}}
    ports: [{port: 9000}]
`;
}

/**
 * One isolated tenant's file that also admits Prometheus from every namespace (`namespaceSelector:
 * {}`), as charts that expose metrics write it: each tenant's ingress names the Prometheus
 * representative of every namespace, so `reach --group` has a thousand groups of thousands of sources.
 */
export function scrapedTenant(i: number, n: number, edited: boolean): string {
  return `${isolatedTenant(i, n, edited)}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-scrape, namespace: tenant-${i}}
spec:
  podSelector: {}
  ingress:
  - from:
    - namespaceSelector: {}
      podSelector: {matchLabels: {app: prometheus}}
    ports: [{port: 9090}]
`;
}
