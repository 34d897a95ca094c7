// The reference evaluator's admin tiers on hand-made clusters: one reading of SEMANTICS.md each.

import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { allowed } from "./evaluator.js";
import { clusterFromObjects, type Cluster, type Pod } from "./kube.js";

function cluster(yaml: string): Cluster {
  return clusterFromObjects(parseAllDocuments(yaml).map((d) => d.toJS() as unknown).filter((o) => o != null));
}

const PODS = `
apiVersion: v1
kind: Namespace
metadata: {name: a, labels: {team: a}}
---
apiVersion: v1
kind: Namespace
metadata: {name: b, labels: {team: b}}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: a, labels: {app: web}}
spec: {nodeName: n1, containers: [{name: c, ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]}]}
status: {podIP: 10.0.0.5}
---
apiVersion: v1
kind: Pod
metadata: {name: cli, namespace: b, labels: {app: cli}}
spec: {nodeName: n1, containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: agent, namespace: b}
spec: {hostNetwork: true, nodeName: n1, containers: [{name: c}]}
status: {podIP: 172.18.0.2}
---
apiVersion: v1
kind: Node
metadata: {name: n1, labels: {role: infra}}
status: {addresses: [{type: InternalIP, address: 172.18.0.2}, {type: Hostname, address: n1}]}
`;

function pods(c: Cluster): Record<string, Pod> {
  return Object.fromEntries(c.pods.map((p) => [p.metadata.name, p]));
}

const anp = (priority: number, name: string, rules: string, subject = "{namespaces: {}}") =>
  `---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n  priority: ${priority}\n  subject: ${subject}\n${rules}`;
const cnp = (tier: string, priority: number, name: string, rules: string) =>
  `---\napiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n  tier: ${tier}\n  priority: ${priority}\n  subject: {namespaces: {}}\n${rules}`;
const denyAllNp = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: a}\nspec: {podSelector: {}}\n`;

describe("reference evaluator: admin tiers", () => {
  it("no admin policy: NetworkPolicy alone, as before", () => {
    const c = cluster(PODS + denyAllNp);
    const p = pods(c);
    expect(allowed(c, p["cli"]!, p["web"]!, "TCP", 80)).toBe(false);
    expect(allowed(c, p["web"]!, p["cli"]!, "TCP", 80)).toBe(true);
  });

  it("admin Allow overrides a NetworkPolicy deny; lower priority first; Pass hands over to NetworkPolicy", () => {
    const allow = "  ingress: [{action: Allow, from: [{namespaces: {matchLabels: {team: b}}}]}]\n";
    const pass = "  ingress: [{action: Pass, from: [{namespaces: {}}]}]\n";
    const c1 = cluster(PODS + denyAllNp + anp(5, "allow", allow) + anp(9, "pass", pass));
    expect(allowed(c1, pods(c1)["cli"]!, pods(c1)["web"]!, "TCP", 80)).toBe(true);
    const c2 = cluster(PODS + denyAllNp + anp(5, "pass", pass) + anp(9, "allow", allow));
    expect(allowed(c2, pods(c2)["cli"]!, pods(c2)["web"]!, "TCP", 80)).toBe(false);
    // Equal priorities: by name.
    const c3 = cluster(PODS + denyAllNp + anp(5, "b-pass", pass) + anp(5, "a-allow", allow));
    expect(allowed(c3, pods(c3)["cli"]!, pods(c3)["web"]!, "TCP", 80)).toBe(true);
  });

  it("baseline applies only where no NetworkPolicy isolates; a baseline Pass ends at the default allow; BANP after baseline CNPs", () => {
    const banpDeny = `---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec:\n  subject: {namespaces: {}}\n  ingress: [{action: Deny, from: [{namespaces: {}}]}]\n`;
    const c1 = cluster(PODS + banpDeny);
    expect(allowed(c1, pods(c1)["cli"]!, pods(c1)["web"]!, "TCP", 80)).toBe(false);
    const allowNp = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow, namespace: a}\nspec: {podSelector: {}, ingress: [{}]}\n`;
    const c2 = cluster(PODS + banpDeny + allowNp);
    expect(allowed(c2, pods(c2)["cli"]!, pods(c2)["web"]!, "TCP", 80)).toBe(true);
    const c3 = cluster(PODS + banpDeny + cnp("Baseline", 1000, "pass", "  ingress: [{action: Pass, from: [{namespaces: {}}]}]\n"));
    expect(allowed(c3, pods(c3)["cli"]!, pods(c3)["web"]!, "TCP", 80)).toBe(true);
  });

  it("both directions: an egress Accept does not override the destination's ingress Deny", () => {
    const c = cluster(PODS + cnp("Admin", 1, "eg", "  egress: [{action: Accept, to: [{namespaces: {}}]}]\n") + cnp("Admin", 2, "in", "  ingress: [{action: Deny, from: [{namespaces: {}}]}]\n"));
    expect(allowed(c, pods(c)["cli"]!, pods(c)["web"]!, "TCP", 80)).toBe(false);
  });

  it("named ports resolve on the destination pod, protocol included; never toward an address", () => {
    const c = cluster(PODS + cnp("Admin", 1, "np", "  ingress: [{action: Deny, from: [{namespaces: {}}], protocols: [{destinationNamedPort: dns}]}]\n"));
    const p = pods(c);
    expect(allowed(c, p["cli"]!, p["web"]!, "UDP", 53)).toBe(false);
    expect(allowed(c, p["cli"]!, p["web"]!, "TCP", 53)).toBe(true);
    expect(allowed(c, p["cli"]!, p["web"]!, "UDP", 54)).toBe(true);
  });

  it("host-network pods: neither subjects nor pod peers; reached through nodes and networks (by node IP)", () => {
    const denyPods = cnp("Admin", 1, "pods", "  egress: [{action: Deny, to: [{namespaces: {}}]}]\n");
    const c1 = cluster(PODS + denyPods);
    const p1 = pods(c1);
    expect(allowed(c1, p1["cli"]!, p1["agent"]!, "TCP", 80)).toBe(true); // not a pod peer
    expect(allowed(c1, p1["agent"]!, p1["cli"]!, "TCP", 80)).toBe(true); // not a subject
    const c2 = cluster(PODS + cnp("Admin", 1, "nodes", "  egress: [{action: Deny, to: [{nodes: {matchLabels: {role: infra}}}]}]\n"));
    expect(allowed(c2, pods(c2)["cli"]!, pods(c2)["agent"]!, "TCP", 80)).toBe(false);
    expect(allowed(c2, pods(c2)["cli"]!, "172.18.0.2", "TCP", 80)).toBe(false);
    expect(allowed(c2, pods(c2)["cli"]!, "172.18.0.3", "TCP", 80)).toBe(true);
    const c3 = cluster(PODS + cnp("Admin", 1, "net", "  egress: [{action: Deny, to: [{networks: [172.18.0.0/16]}]}]\n"));
    expect(allowed(c3, pods(c3)["cli"]!, pods(c3)["agent"]!, "TCP", 80)).toBe(false);
  });

  it("networks match pod IPs where the input gives them, and only there", () => {
    const c = cluster(PODS + cnp("Admin", 1, "net", "  egress: [{action: Deny, to: [{networks: [10.0.0.0/24]}]}]\n"));
    const p = pods(c);
    expect(allowed(c, p["cli"]!, p["web"]!, "TCP", 80)).toBe(false); // web has status.podIP 10.0.0.5
    expect(allowed(c, p["web"]!, p["cli"]!, "TCP", 80)).toBe(true); // cli has no IP: not matched
    expect(allowed(c, p["cli"]!, "10.0.0.9", "TCP", 80)).toBe(false);
  });
});
