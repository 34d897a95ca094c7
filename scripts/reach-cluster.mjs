// `node scripts/reach-cluster.mjs DIR [WORKLOADS]`: writes a cluster where nearly everything may
// reach everything (10,000 workloads: about 10^8 allowed pairs) for measuring `netreach reach`
// at scale: 100 workloads per namespace, a few policies that open ports rather than close them
// (an allow-all ingress, an egress to the outside but 10.0.0.0/8, one namespace that takes TCP
// 8080 from app=web only), so that rows, classes and groups exist without cutting the pairs down.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, count = "10000"] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node scripts/reach-cluster.mjs DIR [WORKLOADS]");
  process.exit(2);
}
const workloads = Number(count);
const perNs = 100;
const namespaces = Math.ceil(workloads / perNs);
const APPS = ["web", "api", "db", "cache", "worker"];
mkdirSync(dir, { recursive: true });
for (let n = 0; n < namespaces; n++) {
  const ns = `team${n}`;
  const docs = [`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    tier: ${n % 2 === 0 ? "front" : "back"}\n`];
  for (let w = 0; w < perNs && n * perNs + w < workloads; w++) {
    const app = APPS[w % APPS.length];
    docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}-${w}\n  namespace: ${ns}\nspec:\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n        - name: main\n          image: registry.example/${app}:1\n          ports:\n            - name: http\n              containerPort: 8080\n`);
  }
  if (n === 0) docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-all-in\n  namespace: ${ns}\nspec:\n  podSelector: {}\n  ingress:\n    - {}\n`);
  if (n === 1) docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web-only\n  namespace: ${ns}\nspec:\n  podSelector:\n    matchLabels:\n      app: db\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: web\n          namespaceSelector: {}\n      ports:\n        - port: http\n`);
  if (n === 2) docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: out-but-private\n  namespace: ${ns}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - ipBlock:\n            cidr: 0.0.0.0/0\n            except: [10.0.0.0/8]\n    - to:\n        - namespaceSelector: {}\n`);
  writeFileSync(join(dir, `${ns}.yaml`), docs.join("---\n"));
}
console.log(`${workloads} workloads in ${namespaces} namespaces written to ${dir}`);
