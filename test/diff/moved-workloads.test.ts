// A pull request that moves workloads about (files reordered, objects moved between files) and
// edits one of them: each workload is one endpoint of the diff, found on both sides by its id,
// and only what the edit changes is a change. Workloads in their old places are paired by place;
// these are paired by id.
import { describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";
import type { SourceFile } from "../../src/load/object/source.js";

const deployment = (name: string, app: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec: {containers: [{name: c, image: i, ports: [{containerPort: 80}]}]}
`;
const policies = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-from-web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 80}]}]
`;

const file = (path: string, ...docs: string[]): SourceFile => ({ path, text: docs.join("---\n") });

describe("workloads that move between places in a pull request", () => {
  const base = [file("a.yaml", deployment("web", "web"), deployment("api", "api"), deployment("db", "db"), deployment("cache", "cache")), file("policies.yaml", policies)];
  // Reordered, one moved to a file of its own, and web relabelled so that it no longer reaches api.
  const head = [file("a.yaml", deployment("cache", "cache"), deployment("db", "db")), file("b.yaml", deployment("api", "api"), deployment("web", "frontend")), file("policies.yaml", policies)];

  it("are each one endpoint, and only the edit's flow changes", () => {
    const d = diff(base, head, { pods: "declared" });
    const ids = d.universe.filter((e) => e.type === "workload").map((e) => e.id);
    expect(ids.sort()).toEqual(["shop/api[Deployment]", "shop/cache[Deployment]", "shop/db[Deployment]", "shop/web[Deployment]"]);
    expect(d.changes.map((c) => [c.type, c.src.id, c.dst.id, c.closed.toString(), c.endpoint])).toEqual([["removed", "shop/web[Deployment]", "shop/api[Deployment]", "TCP 80", null]]);
  });

  it("change nothing when nothing but their places changes", () => {
    const moved = [file("a.yaml", deployment("cache", "cache"), deployment("db", "db")), file("b.yaml", deployment("api", "api"), deployment("web", "web")), file("policies.yaml", policies)];
    const d = diff(base, moved, { pods: "declared" });
    expect(d.changes).toEqual([]);
    expect(d.workloadChanges).toEqual([]);
  });
});
