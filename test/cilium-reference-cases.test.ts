// Hand-written clusters where Cilium's rules meet NetworkPolicy, the admin tiers and hostNetwork
// pods, each compared with the reference evaluator at every pair and sample point (as the
// Cilium property test does on random clusters): the forms random clusters reach only rarely.

import { describe, it } from "vitest";
import { checkDiff, checkReach } from "./reference/compare-reach.js";

const PODS = `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: red}}
---
apiVersion: v1
kind: Namespace
metadata: {name: ops, labels: {team: blue}}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, ports: [{name: http, containerPort: 80}, {name: dns, containerPort: 53, protocol: UDP}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec: {containers: [{name: c, ports: [{name: sql, containerPort: 5432}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: agent, namespace: ops, labels: {app: agent}}
spec: {hostNetwork: true, containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: tool, namespace: ops, labels: {app: tool}}
spec: {containers: [{name: c}]}
`;

function cluster(...policies: string[]) {
  return { files: [{ path: "manifests/pods.yaml", text: PODS }, ...policies.map((text, i) => ({ path: `manifests/p${i}.yaml`, text }))] };
}

const CASES: Record<string, string[]> = {
  "fromEndpoints with reserved:host lets hostNetwork pods in": [
    `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: from-host, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: db}}
  ingress:
  - fromEndpoints: [{matchLabels: {"reserved:host": ""}}]
`,
  ],
  "entities host, remote-node and cluster reach hostNetwork pods; world does not": [
    `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: entities}
specs:
- endpointSelector: {matchLabels: {app: web}}
  egress:
  - toEntities: [host]
- endpointSelector: {matchLabels: {app: db}}
  egress:
  - toEntities: [cluster]
- endpointSelector: {matchLabels: {app: tool}}
  egress:
  - toEntities: [world, kube-apiserver]
`,
  ],
  "a rule with only toPorts admits pods, hostNetwork pods and the world on its ports": [
    `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: ports-only, namespace: shop}
spec:
  endpointSelector: {}
  ingress:
  - toPorts: [{ports: [{port: "80", protocol: TCP}, {port: "5000", endPort: 5010, protocol: ANY}]}]
`,
  ],
  "named ports resolve on the destination pod, with ANY and with a protocol": [
    `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: named, namespace: shop}
spec:
  endpointSelector: {}
  ingress:
  - fromEntities: [all]
    toPorts: [{ports: [{port: http, protocol: ANY}, {port: dns, protocol: UDP}, {port: sql}]}]
`,
  ],
  "ingress [{}] with default deny off isolates nothing and allows nothing": [
    `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: empty, namespace: shop}
spec:
  endpointSelector: {}
  enableDefaultDeny: {ingress: false, egress: false}
  ingress: [{}]
  egress: [{}]
`,
  ],
  "a non-isolating Cilium allow beside a NetworkPolicy that isolates: the allows add up": [
    `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: open, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: db}}
  enableDefaultDeny: {ingress: false}
  ingress:
  - fromEndpoints: [{matchLabels: {app: tool, io.kubernetes.pod.namespace: ops}}]
`,
    `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: 5432}]
`,
  ],
  "admin Pass goes on to Cilium's deny, admin Allow overrides it": [
    `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: admin}
spec:
  priority: 5
  subject: {namespaces: {matchLabels: {team: red}}}
  ingress:
  - action: Pass
    from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}}]
  - action: Allow
    from: [{namespaces: {matchLabels: {team: blue}}}]
`,
    `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: deny-all-in}
spec:
  endpointSelector: {matchLabels: {io.cilium.k8s.namespace.labels.team: red}}
  ingressDeny:
  - fromEntities: [all]
`,
  ],
  "CIDR sets with except and a CIDR group, both directions and both families": [
    `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: cidrs, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: web}}
  ingress:
  - fromCIDRSet: [{cidr: 10.0.0.0/8, except: [10.0.1.0/24]}, {cidrGroupRef: partners}]
  egress:
  - toCIDR: [192.168.1.0/24, "2001:db8::/48"]
  egressDeny:
  - toCIDRSet: [{cidr: 192.168.1.0/24, except: [192.168.1.7/32]}]
---
apiVersion: cilium.io/v2alpha1
kind: CiliumCIDRGroup
metadata: {name: partners}
spec: {externalCIDRs: [172.16.0.0/12, "fd00::/8"]}
`,
  ],
  "L7 rules: filtered where only they allow, unfiltered where an L4 rule allows too": [
    `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: l7, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: web}}
  ingress:
  - fromEndpoints: [{matchLabels: {app: db}}]
    toPorts: [{ports: [{port: "80", protocol: TCP}], rules: {http: [{method: GET, path: /}]}}]
  - fromEntities: [world]
    toPorts: [{ports: [{port: "80", protocol: TCP}], rules: {http: [{method: GET, path: /}]}}]
  - fromEntities: [world]
    toPorts: [{ports: [{port: "80", protocol: TCP}]}]
  egress:
  - toEntities: [all]
    toPorts: [{ports: [{port: "53", protocol: ANY}], rules: {dns: [{matchPattern: "*"}]}}]
`,
  ],
  "a CCNP's {} is every pod of the cluster, a CNP's only its namespace's": [
    `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: all-pods}
spec:
  endpointSelector: {matchLabels: {app: web}}
  ingress:
  - fromEndpoints: [{}]
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: ns-pods, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: db}}
  ingress:
  - fromEndpoints: [{}]
`,
  ],
  "cluster-name label and k8s:/any: prefixes": [
    `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: prefixed, namespace: shop}
spec:
  endpointSelector: {matchLabels: {"k8s:app": db}}
  ingress:
  - fromEndpoints: [{matchLabels: {"any:app": tool, "k8s:io.kubernetes.pod.namespace": ops, io.cilium.k8s.policy.cluster: default}}]
  - fromEndpoints: [{matchLabels: {"any:app": web, io.cilium.k8s.policy.cluster: east}}]
`,
  ],
};

describe("Cilium cases: netreach agrees with the reference evaluator", () => {
  for (const [name, policies] of Object.entries(CASES)) {
    it(name, () => {
      checkReach(cluster(...policies));
    });
  }

  it("a diff that adds a deny to a cluster with only NetworkPolicy: both revisions read as Cilium's", () => {
    const np = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: by-namespace-label, namespace: shop}
spec:
  podSelector: {matchLabels: {io.kubernetes.pod.namespace: shop}}
  ingress:
  - from: [{namespaceSelector: {matchLabels: {team: blue}}}]
`;
    const deny = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: deny-tool, namespace: shop}
spec:
  endpointSelector: {}
  ingressDeny:
  - fromEndpoints: [{matchLabels: {app: tool, io.kubernetes.pod.namespace: ops}}]
    toPorts: [{ports: [{port: "80"}]}]
`;
    checkDiff(cluster(np), cluster(np, deny));
  });
});
