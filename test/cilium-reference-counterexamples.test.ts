// The smallest clusters on which the Cilium property test found netreach and the reference
// evaluator disagreeing, each compared at every pair and sample point, kept as regression tests.
// Each comment names the reading of the semantics the reference follows.

import { describe, it } from "vitest";
import { checkDiff, checkReach } from "./reference/compare-reach.js";

function cluster(text: string) {
  return { files: [{ path: "manifests/cluster.yaml", text }] };
}

describe("Cilium counterexamples: netreach agrees with the reference evaluator", () => {
  // Cilium labels a pod io.cilium.k8s.policy.serviceaccount=<spec.serviceAccountName>.
  it("a pod's service account comes from serviceAccountName", () => {
    checkReach(
      cluster(`apiVersion: v1
kind: Pod
metadata: {name: p0, namespace: default}
spec: {containers: [{name: c0}]}
---
apiVersion: v1
kind: Pod
metadata: {name: p3, namespace: default}
spec: {serviceAccountName: sa-a, containers: [{name: c0}]}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: cnp0, namespace: default}
spec:
  endpointSelector: {}
  egress:
  - toEndpoints: [{matchLabels: {io.cilium.k8s.policy.serviceaccount: sa-a}}]
`),
    );
  });

  // Cilium's implicit labels, namespace labels among them, are seen by NetworkPolicy selectors too.
  it("a NetworkPolicy's podSelector sees io.cilium.k8s.namespace.labels.*", () => {
    checkReach(
      cluster(`apiVersion: v1
kind: Namespace
metadata: {name: default, labels: {team: red}}
---
apiVersion: v1
kind: Pod
metadata: {name: p0, namespace: default}
spec: {containers: [{name: c0}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np, namespace: default}
spec:
  podSelector: {matchLabels: {io.cilium.k8s.namespace.labels.team: red}}
  policyTypes: [Ingress]
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: cnp0, namespace: default}
spec:
  endpointSelector: {matchLabels: {app: web}}
  ingress: [{}]
`),
    );
  });

  // An L7 rule sends its port to the proxy whatever the default posture (Cilium's docs:
  // "EnableDefaultDeny does not apply to layer-7 rules"): world -> p0 TCP 80 is L7-filtered.
  it("an L7 rule in a spec with enableDefaultDeny off still filters its port", () => {
    checkReach(
      cluster(`apiVersion: v1
kind: Pod
metadata: {name: p0, namespace: default, labels: {role: back}}
spec: {containers: [{name: c0}]}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: cnp0, namespace: default}
spec:
  endpointSelector: {matchLabels: {role: back}}
  enableDefaultDeny: {ingress: false}
  ingress:
  - fromEntities: [world]
    toPorts: [{ports: [{port: "80", protocol: TCP}], rules: {http: [{method: GET, path: /api/.*}]}}]
`),
    );
  });

  // The baseline is consulted by isolation: db's ingress is isolated by nothing, so the baseline's
  // Deny decides, whatever a spec with enableDefaultDeny off allows (the reading chosen).
  it("a baseline Deny decides for a pod nothing isolates, whatever a spec with enableDefaultDeny off allows", () => {
    checkReach(
      cluster(`apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec: {containers: [{name: c}]}
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress:
  - action: Deny
    from: [{namespaces: {}}]
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: open, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: db}}
  enableDefaultDeny: {ingress: false}
  ingress:
  - fromEndpoints: [{matchLabels: {app: web}}]
`),
    );
  });

  // The same reading in a diff: removing a Cilium policy that does not isolate changes nothing
  // the baseline's Deny decides.
  it("removing a non-isolating Cilium allow under a baseline Deny changes nothing the baseline decides", () => {
    const pods = `apiVersion: v1
kind: Pod
metadata: {name: p0, namespace: beta}
spec: {containers: [{name: c0}]}
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: baseline}
spec:
  tier: Baseline
  priority: 0
  subject: {pods: {namespaceSelector: {}, podSelector: {}}}
  egress:
  - action: Deny
    to: [{networks: [0.0.0.0/0]}]
`;
    const open = `---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: cnp0, namespace: beta}
spec:
  endpointSelector: {}
  enableDefaultDeny: {egress: false}
  egress:
  - toPorts: [{ports: [{port: "1", endPort: 2}]}]
`;
    checkDiff(cluster(pods + open), cluster(pods));
  });

  // The admin tier decides first: an admin Allow accepts the connection before Cilium's allows
  // (and their L7 filters) are consulted, so UDP 53 to the world is not L7-filtered.
  it("a connection the admin tier accepts is not L7-filtered by a Cilium rule behind it", () => {
    checkReach(
      cluster(`apiVersion: v1
kind: Pod
metadata: {name: p0, namespace: alpha}
spec: {containers: [{name: c0}]}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: cnp0, namespace: alpha}
spec:
  endpointSelector: {}
  egress:
  - toEntities: [world]
    toPorts: [{ports: [{port: "53", protocol: UDP}], rules: {dns: [{matchPattern: "*"}]}}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: anp0}
spec:
  priority: 0
  subject: {namespaces: {}}
  egress:
  - action: Allow
    to: [{networks: [0.0.0.0/0]}]
`),
    );
  });

  // A diff's JSON lists every endpoint its changes and l7Changes name.
  it("a diff where only L7 filtering changes lists the endpoints it names", () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: p0, namespace: beta}
spec: {containers: [{name: c0}]}
`;
    const dns = `---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: cnp0, namespace: beta}
spec:
  endpointSelector: {}
  enableDefaultDeny: {egress: false}
  egress:
  - toCIDR: [0.0.0.0/0]
    toPorts: [{ports: [{port: "53", protocol: UDP}], rules: {dns: [{matchPattern: "*"}]}}]
`;
    checkDiff(cluster(pod + dns), cluster(pod));
  });
});
