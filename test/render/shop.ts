// The examples/ pull request, in memory: a web front end, an API and a database in backend, DNS
// in kube-system. Head lets the API and an outside reporting box reach the database, and locks
// down backend egress, forgetting DNS.
import type { SourceFile } from "../../src/load/object/source.js";
import { DENY_INGRESS } from "../support/policies.js";

export const WORKLOADS = `apiVersion: v1
kind: Namespace
metadata: { name: frontend }
---
apiVersion: v1
kind: Namespace
metadata: { name: backend }
---
apiVersion: v1
kind: Namespace
metadata: { name: kube-system }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: frontend }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx, ports: [{ name: http, containerPort: 8080 }] }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: backend }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec: { containers: [{ name: api, image: api, ports: [{ name: http, containerPort: 8000 }] }] }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: backend }
spec:
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: pg, image: postgres, ports: [{ name: postgres, containerPort: 5432 }] }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: coredns, namespace: kube-system }
spec:
  selector: { matchLabels: { k8s-app: kube-dns } }
  template:
    metadata: { labels: { k8s-app: kube-dns } }
    spec:
      containers:
        - name: coredns
          image: coredns
          ports:
            - { name: dns, containerPort: 53, protocol: UDP }
            - { name: dns-tcp, containerPort: 53, protocol: TCP }
`;

export const WEB_TO_API = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-web-to-api, namespace: backend }
spec:
  podSelector: { matchLabels: { app: api } }
  ingress:
    - from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: frontend } }, podSelector: { matchLabels: { app: web } } }]
      ports: [{ port: http }]
`;

/** The same policy, re-indented and with its default protocol spelled out: no semantic change. */
export const WEB_TO_API_REFORMATTED = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  namespace: backend
  name: allow-web-to-api
spec:
  podSelector:
    matchLabels:
      app: api
  ingress:
    - ports:
        - port: http
          protocol: TCP
      from:
        - podSelector:
            matchLabels:
              app: web
          namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: frontend
`;

export const BASE_POLICIES = [DENY_INGRESS, WEB_TO_API].join("---\n");

export const ALLOW_DB = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-db-clients, namespace: backend }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress:
    - from: [{ podSelector: { matchLabels: { app: api } } }, { ipBlock: { cidr: 203.0.113.0/24 } }]
      ports: [{ protocol: TCP, port: 5432 }]
`;

export const DENY_EGRESS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny-egress, namespace: backend }
spec:
  podSelector: {}
  policyTypes: [Egress]
`;

export const ALLOW_API_TO_DB = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-api-to-db, namespace: backend }
spec:
  podSelector: { matchLabels: { app: api } }
  policyTypes: [Egress]
  egress:
    - to: [{ podSelector: { matchLabels: { app: db } } }]
      ports: [{ port: 5432 }]
`;

export const ALLOW_DNS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-dns, namespace: backend }
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } } }]
      ports: [{ protocol: UDP, port: 53 }, { protocol: TCP, port: 53 }]
`;

export const workloads: SourceFile = { path: "deploy/workloads.yaml", text: WORKLOADS };
export const basePolicies: SourceFile = { path: "deploy/backend-policies.yaml", text: BASE_POLICIES };

/** Base: ingress locked down; head: + allow-db-clients, + default-deny-egress, + allow-api-to-db (+ allow-dns if asked). */
export function shopPr(options: { allowDns?: boolean } = {}): { base: SourceFile[]; head: SourceFile[]; headPolicies: SourceFile } {
  const headPolicies: SourceFile = {
    path: "deploy/backend-policies.yaml",
    text: [DENY_INGRESS, WEB_TO_API_REFORMATTED, ALLOW_DB, DENY_EGRESS, ALLOW_API_TO_DB, ...(options.allowDns ? [ALLOW_DNS] : [])].join("---\n"),
  };
  return { base: [workloads, basePolicies], head: [workloads, headPolicies], headPolicies };
}
