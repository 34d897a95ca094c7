// Pull requests against a repository with a Kustomize tree (base, dev and prod overlays, a patch
// only in prod, a component adding policies in prod), a Helm chart whose NetworkPolicy template
// is switched by values (values-dev.yaml, values-prod.yaml), and an Argo CD Application that
// deploys the chart with a values file and inline values. Each pull request is a real pair of
// commits; the built CLI renders with the real kubectl (kustomize) and helm.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRepo, type TestRepo } from "../support/git-repo.js";
import { cli, copyInto, pr, type Run } from "./shop-repo.js";

interface Target {
  name: string;
  status: string;
  opened: number;
  closed: number;
  gate: { passed: boolean; status?: string };
  head: { reused: boolean; absent: boolean; tool: string | null };
  error: string | null;
}
interface Change {
  target: string;
  src: string;
  dst: string;
  opened: string;
  closed: string;
  why: { side: string; file: string; line: number; policy: string }[];
}
interface Report {
  changes: Change[];
  targets: Target[];
  gate: { passed: boolean; status: string; violations: unknown[] };
  diagnostics: { target?: string; severity: string; message: string; file: string }[];
  inputChanges: { target: string; file: string; status: string; patch: string }[];
  clusterWide: unknown[];
}

let repo: TestRepo;
const runs = new Map<string, { json: Run; report: Report }>();
let md: Run;

beforeAll(async () => {
  repo = makeRepo();
  copyInto(repo);
  repo.git("remote", "add", "origin", "https://github.com/acme/shop.git"); // never fetched: the Application names it
  const base = repo.commit("base");
  const heads = {
    // The prod patch opens the web port to everyone.
    patch: pr(repo, base, "patch", (r, w) => w("deploy/overlays/prod/web-ingress.yaml", r("deploy/overlays/prod/web-ingress.yaml").replace("10.20.0.0/16", "0.0.0.0/0"))),
    // values-prod.yaml adds an ingress rule for monitoring (used by shop-prod and the Argo CD app).
    values: pr(repo, base, "values", (r, w) =>
      w("charts/shop/values-prod.yaml", `${r("charts/shop/values-prod.yaml")}  extraIngress:\n    - from:\n        - podSelector:\n            matchLabels: {app: monitor}\n      ports:\n        - port: 9090\n`),
    ),
    // The base adds a port to the web policy: prod's patch replaces its rules, so only dev changes.
    base: pr(repo, base, "base", (r, w) => w("deploy/base/policies.yaml", r("deploy/base/policies.yaml").replace("        - port: 8080\n", "        - port: 8080\n        - port: 8443\n"))),
    // The template opens the metrics port wherever the policy is enabled (not in shop-dev).
    template: pr(repo, base, "template", (r, w) =>
      w("charts/shop/templates/networkpolicy.yaml", r("charts/shop/templates/networkpolicy.yaml").replace("        - port: 8080\n", "        - port: 8080\n        - port: 9090\n")),
    ),
    // dev's overlay names a base that does not exist: dev is not built, the others are analyzed.
    broken: pr(repo, base, "broken", (r, w) => w("deploy/overlays/dev/kustomization.yaml", r("deploy/overlays/dev/kustomization.yaml").replace("../../base", "../../missing"))),
  };
  const names = Object.keys(heads) as (keyof typeof heads)[];
  // One run each: the comment on stdout, the JSON report by --output.
  const results = await Promise.all(names.map((n) => cli(["diff", "--git", base, heads[n], "--format", "md", "--output", path.join(repo.dir, `${n}.json`)], repo.dir)));
  names.forEach((n, i) => {
    const run = results[i]!;
    let report: Report;
    try {
      report = JSON.parse(fs.readFileSync(path.join(repo.dir, `${n}.json`), "utf8")) as Report;
    } catch {
      throw new Error(`${n}: exit ${run.code}\n${run.stdout}\n${run.stderr}`);
    }
    runs.set(n, { json: run, report });
  });
  md = results[0]!;
}, 60_000);

afterAll(() => repo?.cleanup());

const changed = (r: Report) => r.targets.filter((t) => t.status === "changed").map((t) => t.name);
const flows = (r: Report) => r.changes.map((c) => `${c.target}: ${c.src} -> ${c.dst} +${c.opened} -${c.closed}`).sort();

describe("targets of a Kustomize tree, a Helm chart and an Argo CD Application", () => {
  it("discovers the overlays, one target per values file and the Application, and no plain target for the Application's file", () => {
    const r = runs.get("patch")!.report;
    expect(r.targets.map((t) => t.name)).toEqual(["dev", "prod", "shop-dev", "shop-prod", "shop-staging"]);
  });

  it("a patch changes exactly prod, gated on its own, with the reason at the patch's line", () => {
    const { json, report: r } = runs.get("patch")!;
    expect(json.code).toBe(1);
    expect(changed(r)).toEqual(["prod"]);
    expect(flows(r)).toEqual(["prod: 0.0.0.0/0 except 10.20.0.0/16 -> prod/web[Deployment] +TCP 8080 -No Connections"]);
    expect(r.changes[0]!.why).toEqual([expect.objectContaining({ side: "head", policy: "prod/web-ingress", file: "deploy/overlays/prod/web-ingress.yaml", line: 7 })]);
    expect(r.targets.find((t) => t.name === "prod")!.gate).toMatchObject({ passed: false });
    expect(r.targets.filter((t) => t.name !== "prod").every((t) => t.gate?.passed && t.status === "unchanged")).toBe(true);
    // Unchanged inputs are built once.
    expect(r.targets.filter((t) => t.head.reused).map((t) => t.name)).toEqual(["dev", "shop-dev", "shop-prod", "shop-staging"]);
  });

  it("the comment leads with the targets table and has a section for the changed target only", () => {
    expect(md.code).toBe(1);
    expect(md.stdout).toContain("**5 targets, 1 changed — gate failed in `prod`.**");
    // The verdict leads with what broke the gate: the target, the workload, the port, the source and the policy that opened it.
    expect(md.stdout).toContain("**5 targets, 1 changed — gate failed in `prod`.** ⛔ **In `prod`:** `prod/web[Deployment]` TCP 8080 newly reachable from outside the cluster: from `0.0.0.0/0 except 10.20.0.0/16` (external-ingress), opened by `prod/web-ingress` ingress\\[0\\].");
    // Said once: not again on prod's line.
    expect(md.stdout).toContain("| `prod` | kustomize deploy/overlays/prod | 1 flow opened — gate failed | ⛔ failed |");
    expect(md.stdout).toContain("| `dev` | kustomize deploy/overlays/dev | no change | passed |");
    expect(md.stdout).toContain("### `prod` — kustomize deploy/overlays/prod");
    expect(md.stdout).not.toContain("### `dev`");
    // Long paths in table cells may break at zero-width spaces (src/render/cell-code.ts).
    expect(md.stdout.replaceAll("\u200b", "")).toContain("(`deploy/overlays/prod/web-ingress.yaml:7`)");
  });

  it("a patch change shows the patch's own diff at its lines before the rendered policy's", () => {
    const c = md.stdout;
    expect(c).toContain("- input `deploy/overlays/prod/web-ingress.yaml`: **modified**");
    expect(c).toMatch(/^-.*10\.20\.0\.0\/16.*$\n^\+.*0\.0\.0\.0\/0.*$/m);
    expect(c.indexOf("input `deploy/overlays/prod/web-ingress.yaml`")).toBeLessThan(c.indexOf("rendered, fields compared"));
  });

  it("a values file changes exactly the targets that use it, with the reason in the template", () => {
    const { json, report: r } = runs.get("values")!;
    expect(json.code).toBe(0);
    expect(changed(r)).toEqual(["shop-prod", "shop-staging"]);
    expect(flows(r)).toEqual([
      "shop-prod: default/[app=monitor] -> default/shop-api[Deployment] +TCP 9090 -No Connections",
      "shop-staging: staging/[app=monitor] -> staging/shop-staging-api[Deployment] +TCP 9090 -No Connections",
    ]);
    for (const c of r.changes) expect(c.why).toEqual([expect.objectContaining({ file: "charts/shop/templates/networkpolicy.yaml", line: 22 })]);
  });

  it("a values file change shows the values diff at its lines, then the rendered policy's fields, never the unchanged template", () => {
    const comment = runs.get("values")!.json.stdout;
    expect(comment).toContain("- input `charts/shop/values-prod.yaml`: **modified**");
    expect(comment).toContain("--- a/charts/shop/values-prod.yaml\n+++ b/charts/shop/values-prod.yaml\n@@ -1,2 +1,8 @@\n networkPolicy:\n   enabled: true\n+  extraIngress:\n");
    expect(comment).toContain("rendered, fields compared");
    expect(comment).toContain("--- rendered at base\n+++ rendered at head\n@@ rendered fields @@\n");
    expect(comment).toMatch(/^\+ +- port: 9090$/m);
    expect(comment).not.toContain("a/charts/shop/templates/networkpolicy.yaml");
    // The values diff comes before the rendered objects' diff.
    expect(comment.indexOf("input `charts/shop/values-prod.yaml`")).toBeLessThan(comment.indexOf("rendered, fields compared"));
    // The JSON report has the same inputs, per target.
    const r = runs.get("values")!.report;
    expect(r.inputChanges.filter((c) => c.target === "shop-prod")).toEqual([
      { target: "shop-prod", file: "charts/shop/values-prod.yaml", status: "modified", patch: expect.stringContaining("+  extraIngress:\n") },
    ]);
    expect(r.inputChanges.every((c) => c.file === "charts/shop/values-prod.yaml")).toBe(true);
    expect(r.clusterWide).toEqual([]);
  });

  it("a base changes the overlay that does not patch over it", () => {
    const { report: r } = runs.get("base")!;
    expect(changed(r)).toEqual(["dev"]);
    expect(flows(r)).toEqual(["dev: 10.0.0.0/8 -> dev/web[Deployment] +TCP 8443 -No Connections"]);
    expect(r.changes[0]!.why).toEqual([expect.objectContaining({ file: "deploy/base/policies.yaml", line: 17 })]);
  });

  it("a template changes every target that renders the policy, and none where values switch it off", () => {
    const { report: r } = runs.get("template")!;
    expect(changed(r)).toEqual(["shop-prod", "shop-staging"]);
    expect(flows(r)).toEqual([
      "shop-prod: default/[app=frontend] -> default/shop-api[Deployment] +TCP 9090 -No Connections",
      "shop-staging: 0.0.0.0/0 -> staging/shop-staging-api[Deployment] +TCP 9090 -No Connections",
      "shop-staging: staging/[app=frontend] -> staging/shop-staging-api[Deployment] +TCP 9090 -No Connections",
    ]);
    for (const c of r.changes) expect(c.why[0]).toMatchObject({ file: "charts/shop/templates/networkpolicy.yaml", line: 11 });
    expect(r.targets.filter((t) => t.head.reused).map((t) => t.name)).toEqual(["dev", "prod"]);
  });

  it("a target that does not build is an error naming it, the revision and the tool's message; the others are analyzed", () => {
    const { json, report: r } = runs.get("broken")!;
    expect(json.code).toBe(2);
    const dev = r.targets.find((t) => t.name === "dev")!;
    expect(dev).toMatchObject({ status: "failed", gate: { passed: false, status: "error" } });
    // Not analyzed is never a pass: the run's gate is an error though no rule found anything.
    expect(r.gate).toMatchObject({ passed: false, status: "error", violations: [] });
    expect(dev.error).toMatch(/^target dev \(kustomize deploy\/overlays\/dev\) could not be built at head \(head [0-9a-f]{12}\): kubectl kustomize: building deploy\/overlays\/dev failed/);
    expect(dev.error).toContain("missing");
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ target: "dev", severity: "error" }));
    expect(r.targets.filter((t) => t.name !== "dev").map((t) => t.status)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
  });
});
