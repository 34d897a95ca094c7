// Hand-made cases with known answers for the reference evaluator's Cilium rules, among them the
// deny-policy table of Cilium's documentation (docs.cilium.io, security/policy/deny), so that
// the reference can be trusted to check the engine.

import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { allowed, decide } from "./evaluator.js";
import { clusterFromObjects, namespaceOf, type Cluster, type Pod } from "./kube.js";

function load(yaml: string, extra: Partial<Cluster> = {}): Cluster {
  const objects = parseAllDocuments(yaml)
    .map((d) => d.toJS() as unknown)
    .filter((o) => o !== null);
  return { ...clusterFromObjects(objects), ...extra };
}

function pod(c: Cluster, ref: string): Pod {
  const [ns, name] = ref.split("/") as [string, string];
  const found = c.pods.find((p) => namespaceOf(p) === ns && p.metadata.name === name);
  if (found === undefined) throw new Error(`no pod ${ref}`);
  return found;
}

const PODS = `
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: red}}
---
apiVersion: v1
kind: Namespace
metadata: {name: ops, labels: {team: blue}}
---
apiVersion: v1
kind: Pod
metadata: {name: server, namespace: shop, labels: {app: server}}
spec:
  serviceAccountName: server-sa
  containers: [{name: c, ports: [{name: http, containerPort: 80}, {name: dns, containerPort: 53, protocol: UDP}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: shop, labels: {app: client}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: other, namespace: shop, labels: {app: other}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: ops, labels: {app: client}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: node-agent, namespace: ops, labels: {app: agent}}
spec: {hostNetwork: true, containers: [{name: c}]}
`;

function cnp(name: string, spec: string, ns = "shop"): string {
  return `---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec.replace(/^/gm, "  ")}\n`;
}

function ccnp(name: string, spec: string): string {
  return `---\napiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n${spec.replace(/^/gm, "  ")}\n`;
}

// The deny table's policies, each on the server pod, each from the client pod.
const ALLOW_L7 = cnp("allow-l7", `endpointSelector: {matchLabels: {app: server}}
ingress:
- fromEndpoints: [{matchLabels: {app: client}}]
  toPorts: [{ports: [{port: "80", protocol: TCP}], rules: {http: [{method: GET, path: /}]}}]`);
const ALLOW_80 = cnp("allow-80", `endpointSelector: {matchLabels: {app: server}}
ingress:
- fromEndpoints: [{matchLabels: {app: client}}]
  toPorts: [{ports: [{port: "80", protocol: TCP}]}]`);
const ALLOW_81 = cnp("allow-81", `endpointSelector: {matchLabels: {app: server}}
ingress:
- fromEndpoints: [{matchLabels: {app: client}}]
  toPorts: [{ports: [{port: "81", protocol: TCP}]}]`);
const ALLOW_L3 = cnp("allow-l3", `endpointSelector: {matchLabels: {app: server}}
ingress:
- fromEndpoints: [{matchLabels: {app: client}}]`);
const DENY_80 = cnp("deny-80", `endpointSelector: {matchLabels: {app: server}}
ingressDeny:
- fromEndpoints: [{matchLabels: {app: client}}]
  toPorts: [{ports: [{port: "80", protocol: TCP}]}]`);
const DENY_L3 = cnp("deny-l3", `endpointSelector: {matchLabels: {app: server}}
ingressDeny:
- fromEndpoints: [{matchLabels: {app: client}}]`);
const ALLOWS = ALLOW_L7 + ALLOW_80 + ALLOW_81 + ALLOW_L3;

describe("reference evaluator, Cilium: the documentation's deny table (client -> server)", () => {
  // Columns as the table has them; "ping" is ICMP, which netreach states rather than models: a
  // port no rule names (UDP 5000) stands in for it, allowed by the L3 rule alone.
  const columns: { name: string; yaml: string; p81: boolean; p80: boolean; ping: boolean }[] = [
    { name: "1: allows only", yaml: ALLOWS, p81: true, p80: true, ping: true },
    { name: "2: allows + deny 80/TCP", yaml: ALLOWS + DENY_80, p81: true, p80: false, ping: true },
    { name: "3: allows + deny L3 client", yaml: ALLOWS + DENY_L3, p81: false, p80: false, ping: false },
    { name: "4: allows + both denies", yaml: ALLOWS + DENY_80 + DENY_L3, p81: false, p80: false, ping: false },
    { name: "5: deny 80/TCP alone", yaml: DENY_80, p81: false, p80: false, ping: false },
  ];
  for (const column of columns) {
    it(`column ${column.name}`, () => {
      const c = load(PODS + column.yaml);
      const [client, server] = [pod(c, "shop/client"), pod(c, "shop/server")];
      expect(allowed(c, client, server, "TCP", 81)).toBe(column.p81);
      expect(allowed(c, client, server, "TCP", 80)).toBe(column.p80);
      expect(allowed(c, client, server, "UDP", 5000)).toBe(column.ping);
    });
  }

  it("an L4 or L3 allow beside the L7 rule leaves port 80 unfiltered; the L7 rule alone filters it", () => {
    const all = load(PODS + ALLOWS);
    const l7 = load(PODS + ALLOW_L7);
    const [client, server] = [pod(all, "shop/client"), pod(all, "shop/server")];
    expect(decide(all, client, server, "TCP", 80)).toEqual({ allowed: true, l7: false });
    expect(decide(l7, pod(l7, "shop/client"), pod(l7, "shop/server"), "TCP", 80)).toEqual({ allowed: true, l7: true });
    expect(decide(l7, pod(l7, "shop/client"), pod(l7, "shop/server"), "TCP", 81)).toEqual({ allowed: false, l7: false });
  });

  it("from_world_deny.yaml: every pod refuses the world, the rest of the cluster still gets in", () => {
    const c = load(
      PODS +
        ccnp("from-world-deny", `endpointSelector: {}
ingressDeny:
- fromEntities: [world]
ingress:
- fromEntities: [all]`),
    );
    const server = pod(c, "shop/server");
    expect(allowed(c, "8.8.8.8", server, "TCP", 80)).toBe(false);
    expect(allowed(c, "2001:db8::1", server, "TCP", 80)).toBe(false);
    expect(allowed(c, pod(c, "ops/client"), server, "TCP", 80)).toBe(true);
    expect(allowed(c, pod(c, "ops/node-agent"), server, "TCP", 80)).toBe(true);
    // Egress is not isolated by an ingress policy.
    expect(allowed(c, server, "8.8.8.8", "TCP", 443)).toBe(true);
  });
});

describe("reference evaluator, Cilium: selectors", () => {
  it("fromEndpoints is scoped to the CNP's namespace unless it names io.kubernetes.pod.namespace (k8s: prefix or not)", () => {
    const scoped = load(PODS + cnp("p", `endpointSelector: {matchLabels: {app: server}}\ningress:\n- fromEndpoints: [{matchLabels: {app: client}}]`));
    const server = pod(scoped, "shop/server");
    expect(allowed(scoped, pod(scoped, "shop/client"), server, "TCP", 80)).toBe(true);
    expect(allowed(scoped, pod(scoped, "ops/client"), server, "TCP", 80)).toBe(false);
    const named = load(PODS + cnp("p", `endpointSelector: {matchLabels: {"k8s:app": server}}\ningress:\n- fromEndpoints: [{matchLabels: {"k8s:app": client, "k8s:io.kubernetes.pod.namespace": ops}}]`));
    expect(allowed(named, pod(named, "ops/client"), pod(named, "shop/server"), "TCP", 80)).toBe(true);
    expect(allowed(named, pod(named, "shop/client"), pod(named, "shop/server"), "TCP", 80)).toBe(false);
    const anyNs = load(PODS + cnp("p", `endpointSelector: {matchLabels: {app: server}}\ningress:\n- fromEndpoints: [{matchLabels: {app: client}, matchExpressions: [{key: io.kubernetes.pod.namespace, operator: Exists}]}]`));
    expect(allowed(anyNs, pod(anyNs, "ops/client"), pod(anyNs, "shop/server"), "TCP", 80)).toBe(true);
    expect(allowed(anyNs, pod(anyNs, "shop/client"), pod(anyNs, "shop/server"), "TCP", 80)).toBe(true);
  });

  it("`{}` is this namespace in a CNP and the whole cluster in a CCNP; neither is the host", () => {
    const inCnp = load(PODS + cnp("p", `endpointSelector: {matchLabels: {app: server}}\ningress:\n- fromEndpoints: [{}]`));
    const s = pod(inCnp, "shop/server");
    expect(allowed(inCnp, pod(inCnp, "shop/other"), s, "TCP", 80)).toBe(true);
    expect(allowed(inCnp, pod(inCnp, "ops/client"), s, "TCP", 80)).toBe(false);
    const inCcnp = load(PODS + ccnp("p", `endpointSelector: {matchLabels: {app: server}}\ningress:\n- fromEndpoints: [{}]`));
    const s2 = pod(inCcnp, "shop/server");
    expect(allowed(inCcnp, pod(inCcnp, "ops/client"), s2, "TCP", 80)).toBe(true);
    expect(allowed(inCcnp, pod(inCcnp, "ops/node-agent"), s2, "TCP", 80)).toBe(false);
    expect(allowed(inCcnp, "8.8.8.8", s2, "TCP", 80)).toBe(false);
  });

  it("a CCNP's endpointSelector picks pods of every namespace, narrowed by namespace labels", () => {
    const c = load(PODS + ccnp("p", `endpointSelector: {matchLabels: {app: client, io.cilium.k8s.namespace.labels.team: blue}}\negress: [{}]`));
    expect(allowed(c, pod(c, "ops/client"), pod(c, "shop/server"), "TCP", 80)).toBe(false);
    expect(allowed(c, pod(c, "shop/client"), pod(c, "shop/server"), "TCP", 80)).toBe(true);
  });

  it("Cilium's implicit labels: service account, cluster name; NetworkPolicy selectors see them on a Cilium cluster only", () => {
    const sa = cnp("sa", `endpointSelector: {matchLabels: {io.cilium.k8s.policy.serviceaccount: default}}\negress:\n- toEndpoints: [{matchLabels: {io.cilium.k8s.policy.serviceaccount: server-sa, io.cilium.k8s.policy.cluster: default}}]`);
    const c = load(PODS + sa);
    expect(allowed(c, pod(c, "shop/client"), pod(c, "shop/server"), "TCP", 80)).toBe(true);
    expect(allowed(c, pod(c, "shop/client"), pod(c, "shop/other"), "TCP", 80)).toBe(false);
    // The server's own account is not `default`: not a subject.
    expect(allowed(c, pod(c, "shop/server"), pod(c, "shop/other"), "TCP", 80)).toBe(true);
    const renamed = load(PODS + sa, { ciliumClusterName: "east" });
    expect(allowed(renamed, pod(renamed, "shop/client"), pod(renamed, "shop/server"), "TCP", 80)).toBe(false);

    const np = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: by-account, namespace: shop}
spec:
  podSelector: {matchLabels: {io.cilium.k8s.policy.serviceaccount: server-sa}}
  policyTypes: [Ingress]
`;
    const onCilium = load(PODS + np + cnp("unrelated", `endpointSelector: {matchLabels: {app: nothing}}\ningress: [{}]`));
    expect(allowed(onCilium, pod(onCilium, "shop/client"), pod(onCilium, "shop/server"), "TCP", 80)).toBe(false);
    const generic = load(PODS + np);
    expect(allowed(generic, pod(generic, "shop/client"), pod(generic, "shop/server"), "TCP", 80)).toBe(true);
    const forcedGeneric = load(PODS + np + cnp("unrelated", `endpointSelector: {}\ningress: [{}]`), { cni: "generic" });
    expect(allowed(forcedGeneric, pod(forcedGeneric, "shop/client"), pod(forcedGeneric, "shop/server"), "TCP", 80)).toBe(true);
  });

  it("reserved:host selects hostNetwork pods, in any namespace", () => {
    const c = load(PODS + cnp("p", `endpointSelector: {}\ningress:\n- fromEndpoints: [{matchLabels: {"reserved:host": ""}}]`));
    expect(allowed(c, pod(c, "ops/node-agent"), pod(c, "shop/server"), "TCP", 80)).toBe(true);
    expect(allowed(c, pod(c, "shop/client"), pod(c, "shop/server"), "TCP", 80)).toBe(false);
  });
});

describe("reference evaluator, Cilium: peers, ports and default deny", () => {
  it("ingress: [{}] isolates and allows nothing; a rule with only toPorts allows every peer on those ports", () => {
    const none = load(PODS + cnp("p", `endpointSelector: {matchLabels: {app: server}}\ningress: [{}]`));
    expect(allowed(none, pod(none, "shop/client"), pod(none, "shop/server"), "TCP", 80)).toBe(false);
    expect(allowed(none, "8.8.8.8", pod(none, "shop/server"), "TCP", 80)).toBe(false);
    const ports = load(PODS + cnp("p", `endpointSelector: {matchLabels: {app: server}}\ningress:\n- toPorts: [{ports: [{port: "80"}]}]`));
    const s = pod(ports, "shop/server");
    for (const src of [pod(ports, "ops/client"), pod(ports, "ops/node-agent"), "8.8.8.8", "2001:db8::1"] as const) {
      expect(allowed(ports, src, s, "TCP", 80)).toBe(true);
      // Protocol omitted: every protocol.
      expect(allowed(ports, src, s, "UDP", 80)).toBe(true);
      expect(allowed(ports, src, s, "TCP", 81)).toBe(false);
    }
  });

  it("toPorts: ANY, endPort, port 0, named ports on the destination", () => {
    const c = load(
      PODS +
        cnp("p", `endpointSelector: {matchLabels: {app: server}}
ingress:
- fromEntities: [cluster]
  toPorts:
  - ports: [{port: "8000", endPort: 8010, protocol: ANY}, {port: "dns", protocol: UDP}]
  - ports: [{port: "0", protocol: SCTP}]
  - ports: [{port: "http"}]`),
    );
    const [client, server] = [pod(c, "shop/client"), pod(c, "shop/server")];
    expect(allowed(c, client, server, "UDP", 8005)).toBe(true);
    expect(allowed(c, client, server, "SCTP", 8010)).toBe(true);
    expect(allowed(c, client, server, "TCP", 8011)).toBe(false);
    expect(allowed(c, client, server, "UDP", 53)).toBe(true);
    expect(allowed(c, client, server, "TCP", 53)).toBe(false);
    expect(allowed(c, client, server, "SCTP", 1)).toBe(true);
    expect(allowed(c, client, server, "TCP", 80)).toBe(true);
    // http is TCP 80 on the server: the name does not open UDP 80.
    expect(allowed(c, client, server, "UDP", 80)).toBe(false);
  });

  it("entities: world is outside the cluster, cluster is every pod and the host, host only hostNetwork pods, kube-apiserver nothing known", () => {
    const c = load(
      PODS +
        cnp("w", `endpointSelector: {matchLabels: {app: server}}\negress:\n- toEntities: [world]`) +
        cnp("cl", `endpointSelector: {matchLabels: {app: client}}\negress:\n- toEntities: [cluster]`) +
        cnp("h", `endpointSelector: {matchLabels: {app: other}}\negress:\n- toEntities: [host, kube-apiserver]`),
    );
    const [server, client, other] = [pod(c, "shop/server"), pod(c, "shop/client"), pod(c, "shop/other")];
    const agent = pod(c, "ops/node-agent");
    expect(allowed(c, server, "8.8.8.8", "TCP", 443)).toBe(true);
    expect(allowed(c, server, "::1", "TCP", 443)).toBe(true);
    expect(allowed(c, server, client, "TCP", 443)).toBe(false);
    expect(allowed(c, server, agent, "TCP", 443)).toBe(false);
    expect(allowed(c, client, server, "TCP", 443)).toBe(true);
    expect(allowed(c, client, agent, "TCP", 443)).toBe(true);
    expect(allowed(c, client, "8.8.8.8", "TCP", 443)).toBe(false);
    expect(allowed(c, other, agent, "TCP", 443)).toBe(true);
    expect(allowed(c, other, server, "TCP", 443)).toBe(false);
    expect(allowed(c, other, "8.8.8.8", "TCP", 443)).toBe(false);
  });

  it("fromCIDR, fromCIDRSet with except and with a CiliumCIDRGroup match addresses, never pods", () => {
    const c = load(
      PODS +
        cnp("p", `endpointSelector: {matchLabels: {app: server}}
ingress:
- fromCIDR: [192.168.1.0/24]
- fromCIDRSet: [{cidr: 10.0.0.0/8, except: [10.0.1.0/24]}, {cidrGroupRef: partners}]`) +
        `---\napiVersion: cilium.io/v2alpha1\nkind: CiliumCIDRGroup\nmetadata: {name: partners}\nspec: {externalCIDRs: ["2001:db8::/32"]}\n`,
    );
    const server = pod(c, "shop/server");
    expect(allowed(c, "192.168.1.7", server, "TCP", 80)).toBe(true);
    expect(allowed(c, "10.2.0.1", server, "TCP", 80)).toBe(true);
    expect(allowed(c, "10.0.1.9", server, "TCP", 80)).toBe(false);
    expect(allowed(c, "2001:db8::9", server, "TCP", 80)).toBe(true);
    expect(allowed(c, "8.8.8.8", server, "TCP", 80)).toBe(false);
    expect(allowed(c, pod(c, "shop/client"), server, "TCP", 80)).toBe(false);
  });

  it("enableDefaultDeny false: the rules allow without isolating; its deny rules still deny", () => {
    const c = load(
      PODS +
        cnp("p", `endpointSelector: {matchLabels: {app: server}}
enableDefaultDeny: {ingress: false}
ingress:
- fromEntities: [world]
ingressDeny:
- fromEndpoints: [{matchLabels: {app: other}}]`),
    );
    const server = pod(c, "shop/server");
    expect(allowed(c, "8.8.8.8", server, "TCP", 80)).toBe(true);
    expect(allowed(c, pod(c, "shop/client"), server, "TCP", 80)).toBe(true);
    expect(allowed(c, pod(c, "shop/other"), server, "TCP", 80)).toBe(false);
  });

  it("a spec of `specs` applies on its own; a nodeSelector spec selects no pod", () => {
    const c = load(
      PODS +
        `---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: two, namespace: shop}
specs:
- nodeSelector: {}
  ingress: [{}]
- endpointSelector: {matchLabels: {app: server}}
  ingress:
  - fromEndpoints: [{matchLabels: {app: client}}]
`,
    );
    expect(allowed(c, pod(c, "shop/client"), pod(c, "shop/server"), "TCP", 80)).toBe(true);
    expect(allowed(c, pod(c, "shop/other"), pod(c, "shop/server"), "TCP", 80)).toBe(false);
    expect(allowed(c, pod(c, "shop/server"), pod(c, "shop/client"), "TCP", 80)).toBe(true);
  });

  it("a rule whose only peer is toFQDNs matches no known endpoint, and still isolates", () => {
    const c = load(PODS + cnp("p", `endpointSelector: {matchLabels: {app: server}}\negress:\n- toFQDNs: [{matchName: api.example.com}]\n  toPorts: [{ports: [{port: "443"}]}]`));
    expect(allowed(c, pod(c, "shop/server"), "8.8.8.8", "TCP", 443)).toBe(false);
    expect(allowed(c, pod(c, "shop/server"), pod(c, "shop/client"), "TCP", 443)).toBe(false);
  });
});

describe("reference evaluator, Cilium with NetworkPolicy and the admin tiers", () => {
  const npAllowClient = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np, namespace: shop}
spec:
  podSelector: {matchLabels: {app: server}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: client}}}]
    ports: [{port: 80}]
`;

  it("allows of NetworkPolicy and Cilium add up; a Cilium deny wins over a NetworkPolicy allow", () => {
    const c = load(PODS + npAllowClient + ALLOW_81);
    const [client, server] = [pod(c, "shop/client"), pod(c, "shop/server")];
    expect(allowed(c, client, server, "TCP", 80)).toBe(true);
    expect(allowed(c, client, server, "TCP", 81)).toBe(true);
    expect(allowed(c, client, server, "TCP", 82)).toBe(false);
    const denied = load(PODS + npAllowClient + DENY_80);
    expect(allowed(denied, pod(denied, "shop/client"), pod(denied, "shop/server"), "TCP", 80)).toBe(false);
  });

  const anp = (action: string) => `---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: admin}
spec:
  priority: 1
  subject: {namespaces: {matchLabels: {team: red}}}
  ingress:
  - action: ${action}
    from: [{namespaces: {matchLabels: {team: red}}}]
`;

  it("the admin tier comes first: Allow beats a Cilium deny, Pass goes on to it", () => {
    const allow = load(PODS + anp("Allow") + DENY_L3);
    expect(allowed(allow, pod(allow, "shop/client"), pod(allow, "shop/server"), "TCP", 80)).toBe(true);
    const pass = load(PODS + anp("Pass") + DENY_80 + ALLOW_L3);
    expect(allowed(pass, pod(pass, "shop/client"), pod(pass, "shop/server"), "TCP", 80)).toBe(false);
    expect(allowed(pass, pod(pass, "shop/client"), pod(pass, "shop/server"), "TCP", 81)).toBe(true);
    // The deny rule isolates the server: a Pass from a pod no Cilium rule allows ends denied.
    expect(allowed(pass, pod(pass, "shop/other"), pod(pass, "shop/server"), "TCP", 81)).toBe(false);
    const deny = load(PODS + anp("Deny") + ALLOW_L3);
    expect(allowed(deny, pod(deny, "shop/client"), pod(deny, "shop/server"), "TCP", 80)).toBe(false);
  });

  const banpDeny = `---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress:
  - action: Deny
    from: [{namespaces: {}}]
`;

  it("the baseline tier only for pods nothing isolates, and there it decides even over an allow that does not isolate", () => {
    const c = load(PODS + banpDeny + ALLOW_81);
    const [client, server, other] = [pod(c, "shop/client"), pod(c, "shop/server"), pod(c, "shop/other")];
    // server is isolated by Cilium: its allows decide, the baseline is not consulted.
    expect(allowed(c, client, server, "TCP", 81)).toBe(true);
    expect(allowed(c, other, server, "TCP", 81)).toBe(false);
    // client is isolated by nothing: the baseline denies.
    expect(allowed(c, server, client, "TCP", 81)).toBe(false);
    const open = load(
      PODS +
        banpDeny +
        cnp("open", `endpointSelector: {matchLabels: {app: server}}\nenableDefaultDeny: {ingress: false}\ningress:\n- fromEndpoints: [{matchLabels: {app: client}}]`),
    );
    // server is isolated by nothing (enableDefaultDeny off): the baseline's Deny decides for every peer.
    expect(allowed(open, pod(open, "shop/client"), pod(open, "shop/server"), "TCP", 80)).toBe(false);
    expect(allowed(open, pod(open, "shop/other"), pod(open, "shop/server"), "TCP", 80)).toBe(false);
  });
});
