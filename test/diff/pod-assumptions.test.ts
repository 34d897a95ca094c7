// What a diff states of its pods comes from both revisions: a hostNetwork workload or a pod IP
// that only one of them holds is stated too, whichever it is.
import { describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { webDeployment } from "../exposure/shop-web.js";

const web = webDeployment();
const agent = `apiVersion: v1
kind: Pod
metadata: {name: agent, namespace: kube-system, labels: {app: agent}}
spec: {hostNetwork: true, containers: [{name: a, image: agent}]}
`;
const withIp = `apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec: {containers: [{name: d, image: db}]}
status: {podIP: 10.1.2.3}
`;
const banp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  egress:
    - {name: out, action: Deny, to: [{networks: [0.0.0.0/0]}]}
`;

const files = (...texts: string[]): SourceFile[] => texts.map((text, i) => ({ path: `f${i}.yaml`, text }));
const hostNetworkNote = (assumptions: readonly string[]) => assumptions.find((a) => a.startsWith("hostNetwork workloads"));
const noPodIpsNote = (assumptions: readonly string[]) => assumptions.find((a) => a.includes("the input gives no pod IPs"));

describe("a diff's assumptions about its pods", () => {
  it("name a hostNetwork workload the head adds, and one the head removes", () => {
    const added = diff(files(web), files(web, agent), { pods: "declared" });
    expect(hostNetworkNote(added.assumptions)).toContain("kube-system/agent");
    const removed = diff(files(web, agent), files(web), { pods: "declared" });
    expect(hostNetworkNote(removed.assumptions)).toContain("kube-system/agent");
    expect(hostNetworkNote(diff(files(web), files(web), { pods: "declared" }).assumptions)).toBeUndefined();
  });

  it("know of pod IPs that only one revision gives", () => {
    expect(noPodIpsNote(diff(files(web, banp), files(web, banp), { pods: "declared" }).assumptions)).toBeDefined();
    expect(noPodIpsNote(diff(files(web, banp), files(web, banp, withIp), { pods: "declared" }).assumptions)).toBeUndefined();
    expect(noPodIpsNote(diff(files(web, banp, withIp), files(web, banp), { pods: "declared" }).assumptions)).toBeUndefined();
  });
});
