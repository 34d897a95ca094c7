// Partial views (issue 18, item 7): a chart or overlay declares some of a namespace's workloads,
// and a pull request's policy change reaches the namespace's other pods too. The default
// `--pods auto` must show that, where the change's own rules tell those pods apart, in people's
// words; `reach` and diffs that change no policy there keep their output.
//
// The example: a Redis chart in `shop-prod` whose NetworkPolicy admitted 6379 from every pod of
// the namespace (or had no policy) and now admits only pods labelled `redis-client: "true"`. The
// shop's own pods, which the chart does not declare, lose 6379.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diff, reach } from "../src/analyze.js";
import type { SourceFile } from "../src/load/object/source.js";
import { renderComment } from "../src/render/diff-md.js";
import { diffJson } from "../src/render/diff-json.js";
import { renderDiffText } from "../src/render/diff-text.js";
import { CLI } from "./support/cli.js";
import { isolatedGitEnv, makeRepo, type TestRepo } from "./support/git-repo.js";
import { toolsPath } from "./tools/support.js";

const REDIS = `apiVersion: v1
kind: Namespace
metadata: { name: shop-prod }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: cache-redis, namespace: shop-prod }
spec:
  serviceName: cache-redis
  selector: { matchLabels: { app: redis } }
  template:
    metadata: { labels: { app: redis } }
    spec: { containers: [{ name: redis, image: "redis:7", ports: [{ name: redis, containerPort: 6379 }] }] }
`;

const policy = (from: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: cache-redis, namespace: shop-prod }
spec:
  podSelector: { matchLabels: { app: redis } }
  policyTypes: [Ingress]
  ingress:
    - ports: [{ port: 6379 }]
      from: [${from}]
`;

const EVERY_POD = policy("{ podSelector: {} }");
const CLIENTS = policy('{ podSelector: { matchLabels: { redis-client: "true" } } }');
const files = (...texts: string[]): SourceFile[] => texts.map((text, i) => ({ path: `chart/${i}.yaml`, text }));

const OTHERS = "other pods in `shop-prod` without `redis-client=true`";

describe("a Redis chart that now admits only redis-client=true (--pods auto, the default)", () => {
  const report = diff(files(REDIS, EVERY_POD), files(REDIS, CLIENTS));
  const json = diffJson(report);

  it("lists the closed flow from the shop's unlabelled pods to redis on TCP 6379", () => {
    expect(json.changes.map((c) => [c.src, c.dst, c.closed, c.opened])).toContainEqual(["shop-prod/[*]", "shop-prod/cache-redis[StatefulSet]", "TCP 6379", "No Connections"]);
    // The id stays parseable: a representative with the labels that define it (none: [*]).
    expect(json.endpoints).toContainEqual({ id: "shop-prod/[*]", type: "synthetic", namespace: "shop-prod", labels: {} });
  });

  it("words them for people in the comment and in the terminal", () => {
    const md = renderComment(report, { marker: "<!-- netreach -->" });
    const row = md.split("\n").find((l) => l.startsWith("| ") && l.includes(OTHERS));
    expect(row).toBeDefined();
    expect(row).toContain("| TCP 6379 (`redis`) (3 flows) |");
    expect(row).toContain("no longer allowed by `shop-prod/cache-redis` ingress\\[0\\]");
    // No id soup where a representative has words.
    expect(md.split("<details>")[0]).not.toMatch(/shop-prod\/\[/);
    const text = renderDiffText(report);
    expect(text).toContain("other pods in shop-prod without redis-client=true");
    expect(text).toMatch(/other pods in shop-prod without redis-client=true -> shop-prod\/cache-redis\[StatefulSet\].*TCP 6379 \(redis\) closed/);
  });

  it("says in the assumptions where the other pods are represented", () => {
    expect(report.assumptions).toContainEqual(expect.stringMatching(/^Where the change edits policies that select pods in namespaces with declared workloads \(shop-prod\), representatives also stand for the pods there that these files do not declare/));
  });

  it("represents the labelled clients apart, and reports no change for them", () => {
    expect(json.changes.some((c) => c.src === "shop-prod/[redis-client=true]")).toBe(false);
    const universe = report.universe.filter((e) => e.type === "synthetic" && e.pod.namespace === "shop-prod");
    expect(universe.map((e) => e.id).sort()).toEqual(["shop-prod/[*]", "shop-prod/[app=redis,redis-client=true]", "shop-prod/[redis-client=true]"]);
  });
});

describe("the same chart adding the policy where there was none", () => {
  const report = diff(files(REDIS), files(REDIS, CLIENTS));
  const json = diffJson(report);

  it("closes redis to the shop's other pods as well as to other namespaces and the outside", () => {
    const toRedis = json.changes.filter((c) => c.dst === "shop-prod/cache-redis[StatefulSet]" && c.closed === "All Connections").map((c) => c.src);
    expect(toRedis).toEqual(expect.arrayContaining(["shop-prod/[*]", "[*]/[*]", "0.0.0.0/0"]));
    const md = renderComment(report, { marker: "<!-- netreach -->" });
    expect(md).toMatch(new RegExp(`\\| any external address, any pod in any other namespace, [^|]*${OTHERS.replace(/[`[\]]/g, "\\$&")}`));
  });
});

describe("an AdminNetworkPolicy that now admits only redis clients to redis", () => {
  const ANP = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: { name: redis-clients }
spec:
  priority: 10
  subject:
    pods:
      namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: shop-prod } }
      podSelector: { matchLabels: { app: redis } }
  ingress:
    - name: clients
      action: Allow
      from: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { redis-client: "true" } } } }]
    - name: nobody-else
      action: Deny
      from: [{ namespaces: {} }]
`;
  it("shows the shop's other pods losing redis too", () => {
    const report = diff(files(REDIS), files(REDIS, ANP));
    expect(diffJson(report).changes.map((c) => [c.src, c.dst, c.closed])).toContainEqual(["shop-prod/[*]", "shop-prod/cache-redis[StatefulSet]", "All Connections"]);
    expect(renderComment(report, { marker: "<!-- netreach -->" })).toContain(OTHERS);
  });
});

describe("what keeps today's output", () => {
  it("reach has no representative beside the declared workload (no change to tell pods apart)", () => {
    const ids = reach(files(REDIS, CLIENTS)).endpoints.map((e) => e.id);
    expect(ids.filter((id) => id.startsWith("shop-prod/"))).toEqual(["shop-prod/cache-redis[StatefulSet]", "shop-prod/[redis-client=true]", "shop-prod/[app=redis,redis-client=true]"]);
  });

  it("a diff that changes no policy of shop-prod adds no representative there", () => {
    const web = (port: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web, namespace: web }
spec:
  podSelector: {}
  ingress: [{ ports: [{ port: ${port} }] }]
`;
    const report = diff(files(REDIS, CLIENTS, web(80)), files(REDIS, CLIENTS, web(8080)));
    expect(report.universe.map((e) => e.id).filter((id) => id.startsWith("shop-prod/"))).toEqual([
      "shop-prod/cache-redis[StatefulSet]",
      "shop-prod/[redis-client=true]",
      "shop-prod/[app=redis,redis-client=true]",
    ]);
  });

  it("a policy only moved within a changed file is no change to its namespace", () => {
    const web = (port: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web, namespace: web }
spec:
  podSelector: {}
  ingress: [{ ports: [{ port: ${port} }] }]
`;
    const report = diff([...files(REDIS), { path: "policies.yaml", text: `${CLIENTS}---\n${web(80)}` }], [...files(REDIS), { path: "policies.yaml", text: `${web(8080)}---\n# moved\n${CLIENTS}` }]);
    expect(report.universe.map((e) => e.id).filter((id) => id.startsWith("shop-prod/"))).toEqual([
      "shop-prod/cache-redis[StatefulSet]",
      "shop-prod/[redis-client=true]",
      "shop-prod/[app=redis,redis-client=true]",
    ]);
    expect(report.changes.length).toBeGreaterThan(0);
  });

  it("--pods declared still shows the declared workloads only", () => {
    const report = diff(files(REDIS, EVERY_POD), files(REDIS, CLIENTS), { pods: "declared" });
    expect(report.universe.filter((e) => e.type === "synthetic")).toEqual([]);
  });
});

// The real thing: a Helm chart in a git repository, the pull request a commit, the built CLI and
// the real helm.
describe("netreach diff --git on a Redis chart (real helm)", () => {
  let repo: TestRepo | undefined;
  afterAll(() => repo?.cleanup());

  function cli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const p = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...isolatedGitEnv(), PATH: toolsPath() } });
      let stdout = "";
      let stderr = "";
      p.stdout.on("data", (d) => (stdout += d));
      p.stderr.on("data", (d) => (stderr += d));
      p.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  it("shows the shop's other pods losing 6379 with the default --pods", async () => {
    repo = makeRepo();
    const chart = "charts/cache-redis";
    repo.write(`${chart}/Chart.yaml`, "apiVersion: v2\nname: cache-redis\nversion: 0.1.0\n");
    repo.write(`${chart}/values.yaml`, "clients: {}\n");
    const body = (text: string) => text.split("---\n").slice(1).join("---\n").replace(/namespace: shop-prod, /g, "").replace(/, namespace: shop-prod/g, "");
    repo.write(`${chart}/templates/statefulset.yaml`, body(REDIS));
    const template = (p: string) => p.replace("name: cache-redis, namespace: shop-prod", "name: {{ .Release.Name }}");
    repo.write(`${chart}/templates/networkpolicy.yaml`, template(EVERY_POD));
    const base = repo.commit("redis chart");
    repo.write(`${chart}/templates/networkpolicy.yaml`, template(CLIENTS));
    const head = repo.commit("only redis clients");
    const out = path.join(repo.dir, "report.json");
    const run = await cli(["diff", "--git", base, head, "--helm", chart, "-n", "shop-prod", "--format", "md", "--output", out], repo.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(OTHERS);
    const row = run.stdout.split("\n").find((l) => l.startsWith("| ") && l.includes(OTHERS));
    expect(row).toContain("| TCP 6379 (`redis`) (3 flows) |");
    const report = JSON.parse(fs.readFileSync(out, "utf8")) as { changes: { src: string; dst: string; closed: string }[] };
    expect(report.changes).toContainEqual(expect.objectContaining({ src: "shop-prod/[*]", dst: "shop-prod/cache-redis[StatefulSet]", closed: "TCP 6379" }));
  }, 60_000);
});
