// Repository shapes for `npm run bench` beside the generated platform clusters: each one drew
// costs that grew with the square of its size where the change grows linearly, found by trying
// it, so that the bench keeps them linear. The head revision is the base with a pull request
// applied; the files it leaves alone are byte for byte the same.
// - crowded: one namespace of 8,000 Deployments, each with a policy admitting the next; the pull
//   request edits the port of 20 of them.
// - teams: 8,000 namespaces in 400 teams, one Deployment each, and an AdminNetworkPolicy per team
//   denying ingress from every other team (NotIn) and egress to port 5432; the pull request edits one.
// - tenants: 1,000 isolated tenants (a labelled Namespace, default-deny both ways, DNS, ingress
//   from the ingress controller, its own /24, the internet on 443, the next tenant's API through a
//   namespaceSelector of its own) with 10 Deployments each; the pull request edits a port in every file.
import type { SourceFile } from "../src/load/object/source.js";
import { isolatedTenant } from "./bench-tenants-shape.js";

export interface Shape {
  readonly base: SourceFile[];
  readonly head: SourceFile[];
  readonly bytes: number;
}

const deployment = (ns: string, app: string, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${app}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}${extra}}}
    spec: {containers: [{name: c, image: registry.example/${app}:1, ports: [{name: http, containerPort: 8080}]}]}
`;

function shape(files: (edited: boolean) => [string, string][]): Shape {
  const toFiles = (list: [string, string][]) => list.map(([path, text]) => ({ path, text }));
  const base = toFiles(files(false));
  return { base, head: toFiles(files(true)), bytes: base.reduce((n, f) => n + f.text.length, 0) };
}

function crowded(n = 8000): Shape {
  return shape((edited) =>
    Array.from({ length: n }, (_, i): [string, string] => [
      `mono/svc-${i}.yaml`,
      deployment("mono", `svc-${i}`) +
        `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: svc-${i}, namespace: mono}
spec:
  podSelector: {matchLabels: {app: svc-${i}}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: svc-${(i + 1) % n}}}}]
    ports: [{port: ${edited && i % (n / 20) === 0 ? 9090 : 8080}}]
`,
    ]),
  );
}

function teams(n = 8000, teamCount = 400): Shape {
  const ns = (i: number) => `apiVersion: v1
kind: Namespace
metadata: {name: ns-${i}, labels: {team: t${i % teamCount}}}
---
${deployment(`ns-${i}`, `app-${i % 5}`)}`;
  const anp = (t: number, edited: boolean) => `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: team-${t}}
spec:
  priority: ${t % 1000}
  subject:
    namespaces: {matchLabels: {team: t${t}}}
  ingress:
  - name: deny-other-teams
    action: Deny
    from:
    - namespaces:
        matchExpressions: [{key: team, operator: NotIn, values: [t${t}]}]
  egress:
  - name: no-db-out
    action: Deny
    to:
    - networks: ["0.0.0.0/0"]
    ports: [{portNumber: {protocol: TCP, port: ${edited ? 5433 : 5432}}}]
`;
  return shape((edited) => [
    ...Array.from({ length: n }, (_, i): [string, string] => [`namespaces/ns-${i}.yaml`, ns(i)]),
    ...Array.from({ length: teamCount }, (_, t): [string, string] => [`platform/team-${t}.yaml`, anp(t, edited && t === 3)]),
  ]);
}

function tenants(n = 1000, perTenant = 10): Shape {
  const kinds = ["web", "api", "worker"];
  return shape((edited) =>
    Array.from({ length: n }, (_, i): [string, string] => [
      `tenants/tenant-${i}.yaml`,
      isolatedTenant(i, n, edited) +
        Array.from({ length: perTenant }, (_, k) => `---\n${deployment(`tenant-${i}`, `app-${k}`, `, app.kubernetes.io/component: ${kinds[k % 3]}`)}`).join(""),
    ]),
  );
}

export const SHAPES: Readonly<Record<string, () => Shape>> = { crowded, teams, tenants };
