// Cilium's policy semantics as a user sees them in netreach's reach and diff: where they differ
// from NetworkPolicy, Cilium's rule wins (CiliumNetworkPolicy docs, "Policy Language").
import { describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";
import { diffJson } from "../../src/render/diff-json.js";
import { analyzeReach } from "../../src/render/reach-json.js";
import { renderComment } from "../../src/render/diff-md.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { analyze, reachOf } from "../scenarios/reach.js";

const deploy = (ns: string, name: string, port: number, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      ${extra}containers: [{name: c, image: i, ports: [{containerPort: ${port}, name: web}]}]
`;

const cluster = [
  deploy("shop", "web", 8080, "serviceAccountName: frontend\n      "),
  deploy("shop", "api", 9090),
  deploy("batch", "job", 7000),
  deploy("kube-system", "agent", 9100, "hostNetwork: true\n      "),
].join("---\n");

const files = (...policies: string[]): SourceFile[] => [
  { path: "apps.yaml", text: cluster },
  ...policies.map((text, i) => ({ path: `policy-${i}.yaml`, text })),
];

const cnp = (name: string, spec: string, ns = "shop") => `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: ${name}, namespace: ${ns}}
spec:
${spec}`;

const ccnp = (name: string, spec: string) => `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: ${name}}
spec:
${spec}`;

const EXTERNAL = "203.0.113.9";

describe("Cilium endpoint selectors", () => {
  it("keep a CiliumNetworkPolicy's fromEndpoints in its namespace, unless they name io.kubernetes.pod.namespace (k8s: prefix read)", () => {
    const own = analyze(files(cnp("p", "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {'k8s:app': job}}]\n")));
    expect(own.conn("batch/job", "shop/api")).toBe("No Connections");
    const named = analyze(files(cnp("p", "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {'k8s:app': job, 'k8s:io.kubernetes.pod.namespace': batch}}]\n")));
    expect(named.conn("batch/job", "shop/api")).toBe("All Connections");
    expect(named.conn("shop/web", "shop/api")).toBe("No Connections");
  });

  it("read {} as this namespace in a CiliumNetworkPolicy and as the whole cluster in a CiliumClusterwideNetworkPolicy", () => {
    const ns = analyze(files(cnp("p", "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{}]\n")));
    expect(ns.conn("shop/web", "shop/api")).toBe("All Connections");
    expect(ns.conn("batch/job", "shop/api")).toBe("No Connections");
    const all = analyze(files(ccnp("p", "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{}]\n")));
    expect(all.conn("batch/job", "shop/api")).toBe("All Connections");
    expect(all.conn(EXTERNAL, "shop/api")).toBe("No Connections");
  });

  it("see Cilium's own pod labels: service account and namespace, from Cilium and NetworkPolicy selectors alike", () => {
    const sa = analyze(files(cnp("p", "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {io.cilium.k8s.policy.serviceaccount: frontend}}]\n")));
    expect(sa.conn("shop/web", "shop/api")).toBe("All Connections");
    const np = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: only-default-cluster, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{namespaceSelector: {}, podSelector: {matchLabels: {io.cilium.k8s.policy.cluster: prod}}}]
`;
    // On a Cilium cluster named "prod" the label matches every pod; named otherwise, none.
    const prod = analyze(files(np, cnp("noop", "  endpointSelector: {matchLabels: {app: none}}\n  ingress: [{}]\n")), { pods: "declared", ciliumCluster: "prod" });
    expect(prod.conn("batch/job", "shop/api")).toBe("All Connections");
    const other = analyze(files(np, cnp("noop", "  endpointSelector: {matchLabels: {app: none}}\n  ingress: [{}]\n")), { pods: "declared" });
    expect(other.conn("batch/job", "shop/api")).toBe("No Connections");
  });
});

describe("Cilium rules", () => {
  it("ingress: [{}] isolates and allows nothing; toPorts alone allows every peer on those ports, the world included", () => {
    const none = analyze(files(cnp("p", "  endpointSelector: {matchLabels: {app: api}}\n  ingress: [{}]\n")));
    expect(none.conn("shop/web", "shop/api")).toBe("No Connections");
    expect(none.conn(EXTERNAL, "shop/api")).toBe("No Connections");
    const ports = analyze(files(cnp("p", "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - toPorts: [{ports: [{port: '9090', protocol: TCP}]}]\n")));
    expect(ports.conn("batch/job", "shop/api")).toBe("TCP 9090");
    expect(ports.conn(EXTERNAL, "shop/api")).toBe("TCP 9090");
  });

  it("read protocol ANY (or none) as every protocol, endPort as a range, and a port name on the destination", () => {
    const r = analyze(files(cnp("p", "  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - fromEndpoints: [{}]\n    toPorts: [{ports: [{port: '53'}, {port: '7000', endPort: 7002, protocol: UDP}, {port: web, protocol: TCP}]}]\n")));
    expect(r.conn("shop/api", "shop/web")).toBe("SCTP 53,TCP 53,8080,UDP 53,7000-7002");
  });

  it("read entities: world is outside the cluster, cluster is every pod and host, host is the hostNetwork pods", () => {
    const r = analyze(files(cnp("p", "  endpointSelector: {matchLabels: {app: api}}\n  egress:\n  - toEntities: [world]\n    toPorts: [{ports: [{port: '443', protocol: TCP}]}]\n  - toEntities: [host]\n")));
    expect(r.conn("shop/api", EXTERNAL)).toBe("TCP 443");
    expect(r.conn("shop/api", "shop/web")).toBe("No Connections");
    expect(r.conn("shop/api", "kube-system/agent")).toBe("All Connections");
    const c = analyze(files(cnp("p", "  endpointSelector: {matchLabels: {app: api}}\n  egress:\n  - toEntities: [cluster]\n")));
    expect(c.conn("shop/api", "batch/job")).toBe("All Connections");
    expect(c.conn("shop/api", EXTERNAL)).toBe("No Connections");
  });

  it("enableDefaultDeny off: the rules allow without isolating", () => {
    const r = analyze(files(cnp("p", "  endpointSelector: {matchLabels: {app: api}}\n  enableDefaultDeny: {ingress: false}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: web}}]\n")));
    expect(r.conn("batch/job", "shop/api")).toBe("All Connections");
  });

  it("a policy with only deny rules still isolates its direction (Cilium's default deny)", () => {
    const r = analyze(files(cnp("p", "  endpointSelector: {matchLabels: {app: api}}\n  ingressDeny:\n  - fromEntities: [world]\n")));
    expect(r.conn("shop/web", "shop/api")).toBe("No Connections");
  });

  it("CIDR sets with except, and CIDR groups by reference", () => {
    const group = `apiVersion: cilium.io/v2alpha1
kind: CiliumCIDRGroup
metadata: {name: partners}
spec: {externalCIDRs: ["198.51.100.0/24"]}
`;
    const r = analyze(files(group, cnp("p", "  endpointSelector: {matchLabels: {app: api}}\n  egress:\n  - toCIDRSet: [{cidr: 203.0.113.0/24, except: [203.0.113.0/28]}, {cidrGroupRef: partners}]\n")));
    expect(r.conn("shop/api", "203.0.113.99")).toBe("All Connections");
    expect(r.conn("shop/api", "203.0.113.1")).toBe("No Connections");
    expect(r.conn("shop/api", "198.51.100.7")).toBe("All Connections");
    expect(r.conn("shop/api", "192.0.2.1")).toBe("No Connections");
  });

  it("specs: every spec applies, each with its own subject", () => {
    const text = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: two, namespace: shop}
specs:
- endpointSelector: {matchLabels: {app: api}}
  ingress: [{fromEndpoints: [{matchLabels: {app: web}}]}]
- endpointSelector: {matchLabels: {app: web}}
  ingress: [{}]
`;
    const r = analyze(files(text));
    expect(r.conn("shop/web", "shop/api")).toBe("All Connections");
    expect(r.conn("shop/api", "shop/web")).toBe("No Connections");
  });
});

describe("Cilium deny rules", () => {
  const np = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-all, namespace: shop}
spec:
  podSelector: {}
  ingress: [{}]
`;
  it("win over every allow, NetworkPolicy's and Cilium's", () => {
    const r = analyze(files(np, cnp("deny-web", "  endpointSelector: {matchLabels: {app: api}}\n  ingress: [{fromEndpoints: [{}]}]\n  ingressDeny:\n  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: '9090', protocol: TCP}]}]\n")));
    expect(r.conn("shop/web", "shop/api")).toBe("SCTP 1-65535,TCP 1-9089,9091-65535,UDP 1-65535");
    expect(r.conn("batch/job", "shop/api")).toBe("All Connections");
  });

  it("come after the admin tier: an AdminNetworkPolicy Allow wins, a Pass leads to them", () => {
    const anp = (action: string) => `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: ops}
spec:
  priority: 1
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}
  ingress:
  - {name: web, action: ${action}, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}]}
`;
    const deny = cnp("deny-web", "  endpointSelector: {matchLabels: {app: api}}\n  ingress: [{fromEndpoints: [{}]}]\n  ingressDeny: [{fromEndpoints: [{matchLabels: {app: web}}]}]\n");
    expect(analyze(files(anp("Allow"), deny)).conn("shop/web", "shop/api")).toBe("All Connections");
    expect(analyze(files(anp("Pass"), deny)).conn("shop/web", "shop/api")).toBe("No Connections");
  });

  it("are named in Cilium's words in a diff's reasons and its comment", () => {
    const base = files(np);
    const head = files(np, cnp("deny-world", "  endpointSelector: {}\n  ingress: [{fromEntities: [all]}]\n  ingressDeny:\n  - fromEntities: [world]\n"));
    const report = diff(base, head, { pods: "declared" });
    const json = diffJson(report);
    const closed = json.changes.find((c) => c.dst === "shop/api[Deployment]" && c.src === "0.0.0.0/0");
    expect(closed?.closed).toBe("All Connections");
    expect(closed!.why).toContainEqual(expect.objectContaining({ policy: "shop/deny-world", rule: "ingressDeny[0]", kind: "CiliumNetworkPolicy", said: "fromEntities world" }));
    const md = renderComment(report, { marker: "<!-- m -->" });
    expect(md).toContain("denied by CiliumNetworkPolicy `shop/deny-world` ingressDeny\\[0\\] (fromEntities world)");
  });
});

describe("Cilium L7 rules", () => {
  const l7 = cnp("l7", "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts:\n    - ports: [{port: '9090', protocol: TCP}]\n      rules: {http: [{method: GET, path: /v1/.*}]}\n");
  it("leave the port reachable and mark the flow L7-filtered, with the rule", () => {
    const json = analyzeReach(files(l7), { pods: "declared" });
    const r = reachOf(json);
    expect(r.conn("shop/web", "shop/api")).toBe("TCP 9090");
    const flow = json.flows.find((f) => f.src === r.id("shop/web") && f.dst === r.id("shop/api"));
    expect(flow?.l7).toEqual({
      conn: "TCP 9090",
      by: [expect.objectContaining({ policy: "shop/l7", kind: "CiliumNetworkPolicy", rule: "ingress[0].toPorts[0]", direction: "ingress", filters: ["http GET /v1/.*"], file: "policy-0.yaml", line: 9 })],
    });
  });

  it("a plain rule on the same port lifts the filter (L4 allow over L7)", () => {
    const plain = cnp("plain", "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{}]\n    toPorts: [{ports: [{port: '9090', protocol: TCP}]}]\n");
    const json = analyzeReach(files(l7, plain), { pods: "declared" });
    const r = reachOf(json);
    expect(json.flows.find((f) => f.src === r.id("shop/web") && f.dst === r.id("shop/api"))?.l7).toBeUndefined();
  });

  it("are said in the comment of a diff that opens an L7-filtered flow", () => {
    const report = diff(files(cnp("l7", "  endpointSelector: {matchLabels: {app: api}}\n  ingress: [{}]\n")), files(l7), { pods: "declared" });
    const md = renderComment(report, { marker: "<!-- m -->" });
    // As GitHub shows it: Markdown's special characters escaped.
    expect(md).toContain("TCP 9090 (`web`) — L7-filtered: http GET /v1/.\\* by CiliumNetworkPolicy `shop/l7` ingress\\[0\\].toPorts\\[0\\]");
  });
});

describe("what Cilium fields netreach cannot know", () => {
  it("are stated at their line, never silently dropped; a rule of them alone matches no endpoint", () => {
    const json = analyzeReach(files(cnp("fqdn", "  endpointSelector: {matchLabels: {app: api}}\n  egress:\n  - toFQDNs: [{matchName: api.example.com}]\n  - toEntities: [kube-apiserver]\n  nodeSelector: {}\n")), { pods: "declared" });
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", file: "policy-0.yaml", message: expect.stringMatching(/exactly one of endpointSelector and nodeSelector/) }));
    const ok = analyzeReach(files(cnp("fqdn", "  endpointSelector: {matchLabels: {app: api}}\n  egress:\n  - toFQDNs: [{matchName: api.example.com}]\n  - toEntities: [kube-apiserver]\n")), { pods: "declared" });
    expect(ok.diagnostics).toContainEqual(expect.objectContaining({ severity: "warning", file: "policy-0.yaml", line: 7, message: expect.stringMatching(/toFQDNs is not modelled/) }));
    expect(ok.diagnostics).toContainEqual(expect.objectContaining({ severity: "note", line: 8, message: expect.stringMatching(/entity kube-apiserver matches no endpoint/) }));
    const r = reachOf(ok);
    expect(r.conn("shop/api", EXTERNAL)).toBe("No Connections");
    expect(r.conn("shop/api", "shop/web")).toBe("No Connections");
  });

  it("invalid values are errors at their line, and the rest of the input is still analyzed", () => {
    const json = analyzeReach(files(cnp("bad", "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - toPorts: [{ports: [{port: '80', protocol: tcp}]}]\n"), cnp("good", "  endpointSelector: {matchLabels: {app: web}}\n  ingress: [{}]\n")), { pods: "declared" });
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", file: "policy-0.yaml", line: 7, message: expect.stringMatching(/unsupported protocol "tcp"/) }));
    const r = reachOf(json);
    expect(r.conn("shop/api", "shop/web")).toBe("No Connections");
    expect(r.conn("shop/web", "shop/api")).toBe("All Connections");
  });
});

describe("--cni", () => {
  const deny = cnp("p", "  endpointSelector: {}\n  ingress: [{}]\n");
  it("generic: Cilium policies are listed as not analyzed", () => {
    const json = analyzeReach(files(deny), { pods: "declared", cni: "generic" });
    expect(reachOf(json).conn("shop/web", "shop/api")).toBe("All Connections");
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/CiliumNetworkPolicy \(cilium\.io\/v2\) is not analyzed: with --cni generic/) }));
  });

  it("auto: a diff that adds the first Cilium policy reads both revisions as a Cilium cluster", () => {
    const np = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-batch, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {io.kubernetes.pod.namespace: batch}}}]}]
`;
    const report = diff(files(np), files(np, cnp("other", "  endpointSelector: {matchLabels: {app: web}}\n  ingress: [{}]\n")), { pods: "declared" });
    // Had the base been read without Cilium's labels, batch/job -> shop/api would read as opened.
    expect(diffJson(report).changes.filter((c) => c.dst.includes("shop/api"))).toEqual([]);
  });
});

describe("Cilium policies with representative pods (--pods auto)", () => {
  it("a cluster-wide policy makes no namespace of its own, and a selector naming a pod's namespace picks that namespace", () => {
    const policy = ccnp("dns-only", "  endpointSelector: {matchLabels: {app: web}}\n  egress:\n  - toEndpoints: [{matchLabels: {'k8s:io.kubernetes.pod.namespace': kube-system, k8s-app: kube-dns}}]\n");
    const json = analyzeReach([{ path: "p.yaml", text: policy }], { pods: "auto" });
    const ids = json.endpoints.map((e) => e.id);
    expect(ids.filter((id) => id.startsWith("/"))).toEqual([]);
    // The representative DNS pod is in kube-system, without a label standing for its namespace.
    expect(ids).toContain("kube-system/[k8s-app=kube-dns]");
    expect(ids.some((id) => id.includes("io.kubernetes.pod.namespace"))).toBe(false);
    const r = reachOf(json);
    expect(r.conn("[*]/[app=web]", "kube-system/[k8s-app=kube-dns]")).toBe("All Connections");
  });

  it("the comment names Cilium policies by kind and name where it lists what changed and what stops working", () => {
    const report = diff(files(), files(ccnp("lockdown", "  endpointSelector: {matchLabels: {app: web}}\n  ingress: [{}]\n")), { pods: "declared" });
    const md = renderComment(report, { marker: "<!-- m -->" });
    expect(md).toContain("- CiliumClusterwideNetworkPolicy `lockdown`: **added**");
    expect(md).toContain("isolated for ingress by CiliumClusterwideNetworkPolicy `lockdown`, which allows nothing");
  });
});

describe("assertions on a Cilium cluster", () => {
  it("are judged on what Cilium allows and denies", async () => {
    const { parseConfig } = await import("../../src/targets/config.js");
    const { reach } = await import("../../src/analyze.js");
    const config = parseConfig(".netreach.yaml", "assertions:\n  - name: api-never-public\n    deny: {from: internet, to: {namespace: shop, labels: {app: api}}}\n");
    expect(config.assertionErrors).toEqual([]);
    const judge = (...policies: string[]) => reach(files(...policies), { pods: "declared", assertions: [...config.assertions] }).assertions.map((a) => [a.status, ...a.violations.map((v) => `${v.src} -> ${v.dst} ${v.conn}`)]);
    const world = cnp("p", "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEntities: [world]\n    toPorts: [{ports: [{port: '9090', protocol: TCP}]}]\n");
    expect(judge(world)).toEqual([["failed", "0.0.0.0/0 -> shop/api[Deployment] TCP 9090", "::/0 -> shop/api[Deployment] TCP 9090"]]);
    const denied = cnp("d", "  endpointSelector: {matchLabels: {app: api}}\n  ingressDeny: [{fromEntities: [world]}]\n");
    expect(judge(world, denied)).toEqual([["passed"]]);
  });
});

describe("an endpoint selector written wrong", () => {
  it("is said once, at its line", () => {
    const json = analyzeReach(files(cnp("typo", "  endpointSelector: {matchLabel: {app: api}}\n  ingress: [{}]\n")), { pods: "declared" });
    expect(json.diagnostics.filter((d) => /unknown field "matchLabel"/.test(d.message))).toEqual([expect.objectContaining({ file: "policy-0.yaml", line: 5 })]);
  });
});
