// A pod peer that admits no workload declared in the namespaces it names gets a warning at its
// policy: its pods may come from something netreach does not read.
import { describe, expect, it } from "vitest";
import { reach } from "../../src/analyze.js";

const ns = (name: string, team: string) => `apiVersion: v1
kind: Namespace
metadata: {name: ${name}, labels: {team: ${team}}}
`;
const deployment = (namespace: string, app: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${app}, namespace: ${namespace}}
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec: {containers: [{name: c, image: x}]}
`;
const fromTeam = (name: string, team: string, app: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {team: ${team}}}
      podSelector: {matchLabels: {app: ${app}}}
`;

describe("pod peers that admit no declared workload", () => {
  it("looks in every namespace a namespaceSelector picks: a workload in the first or the last is enough, none in any warns", () => {
    const files = [
      { path: "ns.yaml", text: [ns("shop", "shop"), ns("a", "x"), ns("b", "x"), ns("c", "y")].join("---\n") },
      { path: "apps.yaml", text: [deployment("shop", "web"), deployment("a", "one"), deployment("b", "two"), deployment("c", "ghost")].join("---\n") },
      { path: "first.yaml", text: fromTeam("first", "x", "one") },
      { path: "last.yaml", text: fromTeam("last", "x", "two") },
      { path: "ghost.yaml", text: fromTeam("ghost", "x", "ghost") },
    ];
    const warnings = reach(files, { pods: "declared" }).diagnostics.filter((d) => d.message.includes("admits no workload"));
    expect(warnings.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      "ghost.yaml:1 NetworkPolicy shop/ghost: a pod peer of ingress[0] admits no workload declared in its namespaces; those pods may come from a controller netreach does not read, or be declared elsewhere",
    ]);
  });
});
