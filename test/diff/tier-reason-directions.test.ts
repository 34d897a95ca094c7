// A baseline policy with rules each way, whose ingress and egress rules bear the same names
// (egress[0] and ingress[0] of one policy): each flow's reasons name the rule of each direction,
// however many pairs were explained before it and in which order.
import { describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";

const pods = ["a", "b", "c"]
  .map(
    (n) => `apiVersion: v1
kind: Pod
metadata:
  name: ${n}
  namespace: shop
  labels:
    app: ${n}
spec:
  containers:
    - name: c
      image: registry.example/app:1
`,
  )
  .join("---\n");

const banp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata:
  name: default
spec:
  subject:
    namespaces: {}
  ingress:
    - name: no-pods-in
      action: Deny
      from:
        - namespaces: {}
  egress:
    - name: no-pods-out
      action: Deny
      to:
        - namespaces: {}
`;

describe("reasons of a baseline policy denying both ways", () => {
  it("name the egress rule for the source and the ingress rule for the destination, on every pair", () => {
    const report = diff([{ path: "pods.yaml", text: pods }], [{ path: "pods.yaml", text: pods }, { path: "banp.yaml", text: banp }], { pods: "declared" });
    expect(report.changes).toHaveLength(6);
    for (const c of report.changes) {
      const why = c.why.map((r) => `${r.direction} ${r.rule} ${r.effect}`).sort();
      expect(why, `${c.src.id} -> ${c.dst.id}`).toEqual(["egress egress[0] denies", "ingress ingress[0] denies"]);
    }
  });
});
