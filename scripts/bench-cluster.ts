// Generated clusters for `npm run bench`, shaped like a repository of a large platform: one file
// per namespace holding its Namespace, its workloads (Deployments and StatefulSets with app and
// tier labels and named ports) and its policies (default deny, DNS, allow rules within the
// namespace and from other teams' namespaces, some ipBlocks), plus 50 admin-tier policies of the
// platform team in one file. The head revision is the base with
// a pull request applied that edits about 20 policies in as many files and one admin policy; every other file is
// byte-for-byte the same on both sides, as in a real pull request.
import type { SourceFile } from "../src/load/object/source.js";

export interface ClusterSize {
  readonly label: string;
  readonly workloads: number;
  readonly namespaces: number;
}

export const SIZES: readonly ClusterSize[] = [
  { label: "1k", workloads: 1_000, namespaces: 50 },
  { label: "10k", workloads: 10_000, namespaces: 500 },
  { label: "100k", workloads: 100_000, namespaces: 2_000 },
  // Not run by default: where the analysis stops fitting (npm run bench -- 20k 30k). 20k stays
  // just under the default pod-class limit (src/load/limits.ts).
  { label: "20k", workloads: 19_800, namespaces: 660 },
  { label: "30k", workloads: 30_000, namespaces: 1_000 },
  // Not run by default: small enough for the naive per-pair evaluator to finish
  // (npm run bench -- 48 --naive-cap 0: a few minutes, the 50 admin-tier policies weigh on every pair).
  { label: "48", workloads: 48, namespaces: 4 },
];

const APPS = ["web", "api", "gateway", "auth", "orders", "payments", "search", "db", "cache", "queue", "worker", "metrics"];
const FRONT = new Set(["web", "api", "gateway"]);
const TEAMS = 25;
/** Policies the pull request edits. */
const EDITED = 20;
/** Admin-tier policies of the platform team, in one file; the pull request edits one of them. */
const ADMIN = 50;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export interface Generated {
  readonly base: SourceFile[];
  readonly head: SourceFile[];
  readonly policies: number;
  readonly bytes: number;
}

export function generate(size: ClusterSize): Generated {
  const perNs = Math.round(size.workloads / size.namespaces);
  // Which policies the pull request edits: spread over the namespaces.
  const editedNs = new Set<number>();
  for (let k = 0; k < EDITED; k++) editedNs.add(Math.floor((k * size.namespaces) / EDITED));
  const base: SourceFile[] = [];
  const head: SourceFile[] = [];
  let policies = 0;
  let bytes = 0;
  for (let n = 0; n < size.namespaces; n++) {
    const b = namespaceFile(n, perNs, false);
    base.push({ path: `clusters/prod/${b.name}.yaml`, text: b.text });
    head.push({ path: `clusters/prod/${b.name}.yaml`, text: editedNs.has(n) ? namespaceFile(n, perNs, true).text : b.text });
    policies += b.policies;
    bytes += b.text.length;
  }
  const admin = adminFile(false);
  base.push({ path: "clusters/prod/platform/admin-policies.yaml", text: admin });
  head.push({ path: "clusters/prod/platform/admin-policies.yaml", text: adminFile(true) });
  bytes += admin.length;
  return { base, head, policies: policies + ADMIN, bytes };
}

/**
 * The platform's guard rails: per team, an Admin-tier ClusterNetworkPolicy that always admits
 * monitoring, passes traffic within the team to NetworkPolicy and denies the internet on a few
 * admin ports; Baseline-tier ones that deny cross-env traffic where no NetworkPolicy decides;
 * v1alpha1 AdminNetworkPolicies among them, and the BaselineAdminNetworkPolicy. The pull request
 * changes one port of one team's egress Deny (rows of that team's classes are compared again).
 */
function adminFile(edited: boolean): string {
  const docs: string[] = [];
  for (let k = 0; k < ADMIN - 1; k++) {
    const team = `t${k % TEAMS}`;
    if (k < TEAMS) {
      docs.push(`apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: guard-${team}
spec:
  tier: Admin
  priority: ${10 + k}
  subject:
    namespaces:
      matchLabels:
        team: ${team}
  ingress:
    - name: always-monitoring
      action: Accept
      from:
        - pods:
            namespaceSelector:
              matchLabels:
                kubernetes.io/metadata.name: monitoring
            podSelector:
              matchLabels:
                app: prometheus
      protocols:
        - destinationNamedPort: metrics
    - name: within-team
      action: Pass
      from:
        - namespaces:
            matchLabels:
              team: ${team}
  egress:
    - name: no-admin-ports-out
      action: Deny
      to:
        - networks: ["0.0.0.0/0"]
      protocols:
        - tcp:
            destinationPort:
              range: { start: 22, end: 23 }
        - tcp:
            destinationPort:
              number: ${edited && k === 0 ? 3390 : 3389}
`);
    } else if (k % 2 === 0) {
      docs.push(`apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: sensitive-${k}
spec:
  priority: ${100 + k}
  subject:
    pods:
      namespaceSelector:
        matchLabels:
          env: prod
      podSelector:
        matchLabels:
          app: ${APPS[k % APPS.length]}
  ingress:
    - name: deny-dev
      action: Deny
      from:
        - namespaces:
            matchLabels:
              env: dev
      ports:
        - portRange:
            protocol: TCP
            start: 5000
            end: 6999
`);
    } else {
      docs.push(`apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: baseline-${k}
spec:
  tier: Baseline
  priority: ${k}
  subject:
    namespaces:
      matchLabels:
        env: ${["prod", "staging", "dev"][k % 3]}
  ingress:
    - name: deny-other-env
      action: Deny
      from:
        - namespaces:
            matchExpressions:
              - key: env
                operator: NotIn
                values: [${["prod", "staging", "dev"][k % 3]}]
`);
    }
  }
  docs.push(`apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata:
  name: default
spec:
  subject:
    namespaces: {}
  egress:
    - name: deny-metadata
      action: Deny
      to:
        - networks: ["169.254.169.254/32"]
`);
  return docs.join("---\n");
}

function namespaceFile(n: number, workloads: number, edited: boolean): { name: string; text: string; policies: number } {
  const r = rng(1000 + n);
  const name = `team${n % TEAMS}-svc${Math.floor(n / TEAMS)}`;
  const team = `t${n % TEAMS}`;
  const env = ["prod", "staging", "dev"][n % 3]!;
  const docs: string[] = [];
  docs.push(`apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
    team: ${team}
    env: ${env}
`);
  const apps: string[] = [];
  for (let w = 0; w < workloads; w++) {
    const app = APPS[w % APPS.length]!;
    apps.push(app);
    const stateful = app === "db" || app === "cache" || app === "queue";
    docs.push(workload(name, `${app}-${w}`, app, stateful, r));
  }
  let policies = 0;
  const policy = (text: string) => {
    docs.push(text);
    policies++;
  };
  policy(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: ${name}
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
`);
  policy(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns
  namespace: ${name}
spec:
  podSelector: {}
  policyTypes:
    - Egress
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - protocol: UDP
          port: 53
        - protocol: TCP
          port: 53
`);
  // About two policies for every three workloads, as in the measured repositories.
  const target = Math.max(2, Math.round((workloads * 2) / 3));
  const distinct = [...new Set(apps)];
  for (let k = 0; policies < target; k++) {
    const app = distinct[k % distinct.length]!;
    const round = Math.floor(k / distinct.length);
    const otherTeam = `t${(n + 1 + round) % TEAMS}`;
    const changed = edited && k === 0;
    if (FRONT.has(app)) {
      policy(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-${app}-ingress-${round}
  namespace: ${name}
  labels:
    app.kubernetes.io/managed-by: platform
spec:
  podSelector:
    matchLabels:
      app: ${app}
  policyTypes:
    - Ingress
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              team: ${otherTeam}
          podSelector:
            matchLabels:
              tier: front
        - ipBlock:
            cidr: 10.${n % 250}.0.0/16
            except:
              - 10.${n % 250}.${round % 250}.0/24
      ports:
        - port: http
        - port: ${changed ? 8443 : 443}
`);
    } else if (round % 2 === 0) {
      policy(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-${app}-from-front-${round}
  namespace: ${name}
spec:
  podSelector:
    matchLabels:
      app: ${app}
  ingress:
    - from:
        - podSelector:
            matchLabels:
              tier: front
      ports:
        - port: http
          protocol: TCP${changed ? "\n        - port: 22" : ""}
    - from:
        - namespaceSelector:
            matchLabels:
              env: ${env}
          podSelector:
            matchExpressions:
              - key: app
                operator: In
                values: [metrics]
      ports:
        - port: metrics
`);
    } else {
      policy(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-${app}-egress-${round}
  namespace: ${name}
spec:
  podSelector:
    matchLabels:
      app: ${app}
      tier: back
  policyTypes:
    - Egress
  egress:
    - to:
        - podSelector:
            matchLabels:
              app: ${changed ? "cache" : "db"}
      ports:
        - port: 5432
        - port: 6379
    - to:
        - namespaceSelector:
            matchLabels:
              team: ${otherTeam}
      ports:
        - port: http
`);
    }
  }
  return { name, text: docs.join("---\n"), policies };
}

function workload(ns: string, name: string, app: string, stateful: boolean, r: () => number): string {
  const tier = FRONT.has(app) ? "front" : "back";
  const port = 8080 + APPS.indexOf(app); // one port per application, as its image listens
  return `apiVersion: apps/v1
kind: ${stateful ? "StatefulSet" : "Deployment"}
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app: ${app}
    app.kubernetes.io/part-of: ${ns}
spec:
  replicas: ${1 + Math.floor(r() * 3)}${stateful ? `\n  serviceName: ${name}` : ""}
  selector:
    matchLabels:
      app: ${app}
      instance: ${name}
  template:
    metadata:
      labels:
        app: ${app}
        tier: ${tier}
        instance: ${name}
      annotations:
        prometheus.io/scrape: "true"
    spec:
      serviceAccountName: ${app}
      containers:
        - name: ${app}
          image: registry.example.com/${app}:1.${Math.floor(r() * 20)}.${Math.floor(r() * 10)}
          ports:
            - name: http
              containerPort: ${port}
            - name: metrics
              containerPort: 9090
`;
}
