// A repository whose base's `.netreach.yaml` asserts that the web tier reaches the API, and a pull
// request that deletes the policy letting it (and, if asked, the assertion too): shared by the
// Action's end-to-end test and the CLI's.
import { makeRepo, type TestRepo } from "./git-repo.js";
import { DENY_INGRESS as DENY } from "./policies.js";

export const MANIFESTS = `apiVersion: v1
kind: Namespace
metadata: { name: frontend }
---
apiVersion: v1
kind: Namespace
metadata: { name: backend }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: frontend }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 8080 }] }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: backend }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec: { containers: [{ name: api, image: example/api, ports: [{ containerPort: 8000 }] }] }
`;

export const WEB_TO_API = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-web-to-api, namespace: backend }
spec:
  podSelector: { matchLabels: { app: api } }
  ingress:
    - from:
        - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: frontend } }
          podSelector: { matchLabels: { app: web } }
      ports: [{ port: 8000 }]
`;

export const CONFIG = `# What must hold at every revision.
assertions:
  - name: web-reaches-api
    allow:
      from: {namespace: frontend, workload: web}
      to: {namespace: backend, labels: {app: api}}
      ports: [TCP 8000]
`;
export const ASSERTION_LINE = CONFIG.split("\n").indexOf("  - name: web-reaches-api") + 1;

/** main with the assertion holding; the PR deletes the policy that lets web reach the API (and, with `dropAssertion`, the assertion too). */
export function assertionScenario(dropAssertion: boolean, config = CONFIG): { origin: TestRepo; base: string; head: string; clone: TestRepo } {
  const origin = makeRepo();
  origin.write("k8s/manifests.yaml", MANIFESTS);
  origin.write("k8s/deny.yaml", DENY);
  origin.write("k8s/web-to-api.yaml", WEB_TO_API);
  origin.write(".netreach.yaml", config);
  const base = origin.commit("main");
  origin.branch("feature");
  origin.checkout("feature");
  origin.remove("k8s/web-to-api.yaml");
  if (dropAssertion) origin.write(".netreach.yaml", "assertions: []\n");
  const head = origin.commit("PR: drop the web-to-api policy");
  origin.checkout("main");
  return { origin, base, head, clone: origin.clone({ branch: "feature" }) };
}

