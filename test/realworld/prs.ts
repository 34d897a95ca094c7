// Five realistic pull requests built from the real manifests in test/fixtures/realworld (README
// there): each a base and a head file set, the way a user's repository would hold them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceFile } from "../../src/load/object/source.js";

export const REALWORLD = fileURLToPath(new URL("../fixtures/realworld/", import.meta.url));

export interface RealPr {
  readonly name: string;
  readonly base: SourceFile[];
  readonly head: SourceFile[];
}

/** Every .yaml/.yml/.json file under `dir` (relative to REALWORLD), named relative to `dir`. */
export function readTree(dir: string): SourceFile[] {
  const root = path.join(REALWORLD, dir);
  if (statSync(root).isFile()) return [{ path: path.basename(root), text: readFileSync(root, "utf8") }];
  const out: SourceFile[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(ya?ml|json)$/i.test(e.name)) out.push({ path: path.relative(root, full).split(path.sep).join("/"), text: readFileSync(full, "utf8") });
    }
  };
  walk(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function edit(files: SourceFile[], file: string, change: (text: string) => string): SourceFile[] {
  let found = false;
  const out = files.map((f) => {
    if (f.path !== file) return f;
    found = true;
    const text = change(f.text);
    if (text === f.text) throw new Error(`the edit of ${file} changed nothing`);
    return { ...f, text };
  });
  if (!found) throw new Error(`no file ${file}`);
  return out;
}

const as = (files: SourceFile[], name: string): SourceFile[] => files.map((f) => ({ ...f, path: name }));

/** kube-prometheus: the documented "admit the gateway namespace" peer on grafana, prometheus and alertmanager. */
export function kubePrometheusGateway(): RealPr {
  const base = readTree("kube-prometheus/manifests");
  let head = base;
  for (const c of ["grafana", "prometheus", "alertmanager"]) {
    head = edit(head, `${c}-networkPolicy.yaml`, (s) =>
      s.replace(
        "  ingress:\n  - from:\n",
        "  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: gateway-system\n",
      ),
    );
  }
  return { name: "kube-prometheus: admit gateway-system", base, head };
}

/** argo-cd namespace install: argocd-redis-network-policy removed. */
export function argoCdRedisPolicyRemoved(): RealPr {
  const base = readTree("argo-cd/manifests/namespace-install.yaml");
  const head = edit(base, "namespace-install.yaml", (s) => {
    const docs = s.split("\n---\n");
    const keep = docs.filter((d) => !d.includes("name: argocd-redis-network-policy"));
    if (keep.length !== docs.length - 1) throw new Error("argocd-redis-network-policy not found once");
    return keep.join("\n---\n");
  });
  return { name: "argo-cd: redis policy removed", base, head };
}

/** microservices-demo: release manifests -> with the network-policies component. */
export function microservicesDemoPolicies(): RealPr {
  return {
    name: "microservices-demo: network policies added",
    base: as(readTree("microservices-demo/release/kubernetes-manifests.yaml"), "app.yaml"),
    head: as(readTree("microservices-demo/rendered/with-network-policies.yaml"), "app.yaml"),
  };
}

/** microservices-demo: network policies -> the repository's memorystore + operations combination. */
export function microservicesDemoMemorystore(): RealPr {
  return {
    name: "microservices-demo: memorystore and operations",
    base: as(readTree("microservices-demo/rendered/with-network-policies.yaml"), "app.yaml"),
    head: as(readTree("microservices-demo/rendered/memorystore-with-all-components.yaml"), "app.yaml"),
  };
}

/** flux v0.29.3 bootstrap: allow-webhooks restricted to TCP 9292 (upstream fluxcd/flux2 462f1211). */
export function fluxWebhooksPort(): RealPr {
  const base = readTree("flux/gitops-istio-bootstrap/gotk-components.yaml");
  const old = "  name: allow-webhooks\n  namespace: flux-system\nspec:\n  ingress:\n  - from:\n    - namespaceSelector: {}\n";
  const head = edit(base, "gotk-components.yaml", (s) => {
    if (s.split(old).length !== 2) throw new Error("allow-webhooks not found once");
    return s.replace(old, `${old}    ports:\n    - port: 9292\n      protocol: TCP\n`);
  });
  return { name: "flux: webhooks on TCP 9292 only", base, head };
}
