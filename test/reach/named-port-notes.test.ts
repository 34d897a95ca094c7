// A named port no pod it could apply to defines matches nothing: `reach` says so at the rule.
import { describe, expect, it } from "vitest";
import { reach } from "../../src/analyze.js";

const pod = (ns: string, app: string, port: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${app}, namespace: ${ns}, labels: {app: ${app}}}
spec:
  containers:
  - name: c
    image: x
    ports: [{name: ${port}, containerPort: 8080}]
`;
const policy = (ns: string, name: string, app: string, ingress: string, egress: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: ${ns}}
spec:
  podSelector: {matchLabels: {app: ${app}}}
  policyTypes: [Ingress, Egress]
  ingress:
  - ports: [{port: ${ingress}}]
  egress:
  - ports: [{port: ${egress}}]
`;

describe("named ports that match nothing", () => {
  it("notes an ingress port its selected pods lack (even when a pod elsewhere has it) and an egress port no pod has; not the others", () => {
    const files = [
      { path: "pods.yaml", text: [pod("shop", "web", "http"), pod("shop", "db", "sql"), pod("other", "db", "grpc")].join("---\n") },
      { path: "web.yaml", text: policy("shop", "web", "web", "http", "sql") },
      { path: "db.yaml", text: policy("shop", "db", "db", "grpc", "nowhere") },
      { path: "numbers.yaml", text: policy("shop", "numbers", "web", "80", "443") },
    ];
    const notes = reach(files, { pods: "declared" }).diagnostics.filter((d) => /matches nothing/.test(d.message));
    expect(notes.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      'db.yaml:8 NetworkPolicy shop/db: ingress[0]: named port "grpc" (TCP) is not a container port of the pods the policy selects; it matches nothing',
      'db.yaml:10 NetworkPolicy shop/db: egress[0]: named port "nowhere" (TCP) is not a container port of any pod the rule reaches; it matches nothing',
    ]);
  });
});
