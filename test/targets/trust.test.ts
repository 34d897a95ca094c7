// DESIGN section 4b: what a pull request may not decide. The base's `.netreach.yaml` sets the
// gate; what could not be built is an error, never a pass; what was not analyzed is said.
import { afterAll, describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";
import { parseFailOn } from "../../src/gate/config.js";
import { defaultGateConfig } from "../../src/gate/config.js";
import { renderComment } from "../../src/render/diff-md.js";
import { diffJson } from "../../src/render/diff-json.js";
import { noteText } from "../../src/render/config-review.js";
import { memoryTree } from "../support/memory-tree.js";
import { resolveTargets } from "../../src/targets/resolve.js";
import { runCli, tempTree } from "../support/cli.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

const tree = memoryTree;

const flags = { kustomize: [], helm: [], names: [] };
const NP = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}}\n";
const K = (name: string, dir: string, failOn?: string) => `  - name: ${name}\n    kind: kustomize\n    path: ${dir}\n${failOn !== undefined ? `    fail-on: ${failOn}\n` : ""}`;
const repoFiles = { "k/prod/kustomization.yaml": "resources: [np.yaml]\n", "k/prod/np.yaml": NP, "k/dev/kustomization.yaml": "resources: [np.yaml]\n", "k/dev/np.yaml": NP };

function resolve(base: string | undefined, head: string | undefined) {
  const b = tree({ ...repoFiles, ...(base !== undefined ? { ".netreach.yaml": base } : {}) });
  const h = tree({ ...repoFiles, ...(head !== undefined ? { ".netreach.yaml": head } : {}) });
  const r = resolveTargets(flags, [], { base: b, head: h }, undefined);
  return { ...r, summary: r.targets.map((t) => [t.name, t.source.kind === "kustomize" ? t.source.dir : "", t.failOn?.join(",") ?? "(run)", t.fromHead ? "from head" : "base"]), notes: (r.review?.notes ?? []).map(noteText) };
}

describe("the base's .netreach.yaml decides the gate", () => {
  const base = `targets:\n${K("prod", "k/prod", "exposed,external-ingress")}`;

  it("a rename over the same directory keeps the base's name and fail-on", () => {
    const r = resolve(base, `targets:\n${K("prod-v2", "k/prod", "none")}`);
    expect(r.summary).toEqual([["prod", "k/prod", "exposed,external-ingress", "base"]]);
    expect(r.notes).toEqual(["Target `prod` is renamed `prod-v2` by this pull request; it is analyzed under its base name, with the base's settings."]);
    expect(r.review).toMatchObject({ base: "present", head: "present", changed: true });
    expect(r.review!.patch).toContain("-  - name: prod\n+  - name: prod-v2");
  });

  it("relaxing fail-on under the same name is said, not taken", () => {
    const r = resolve(base, `targets:\n${K("prod", "k/prod", "none")}`);
    expect(r.summary).toEqual([["prod", "k/prod", "exposed,external-ingress", "base"]]);
    expect(r.notes).toEqual(["Target `prod`: this pull request sets `fail-on: none`; the base's `fail-on: exposed,external-ingress` applies until it merges."]);
  });

  it("a dropped target is still analyzed; an unrelated one the pull request adds is gated by the run's rules at least", () => {
    const r = resolve(base, `targets:\n${K("dev", "k/dev", "none")}`);
    expect(r.summary).toEqual([
      ["prod", "k/prod", "exposed,external-ingress", "base"],
      ["dev", "k/dev", "none", "from head"],
    ]);
    expect(r.notes).toEqual([
      "This pull request's `.netreach.yaml` drops target `prod`; it is still analyzed, with the base's settings.",
      "Target `dev` is added by this pull request: analyzed, and gated by the run's `fail-on` (its own `fail-on: none` cannot lower that).",
    ]);
  });

  it("a target the pull request points elsewhere is analyzed both as the base defines it and as the pull request does", () => {
    const r = resolve(base, `targets:\n${K("prod", "k/dev", "none")}`);
    expect(r.summary).toEqual([
      ["prod", "k/prod", "exposed,external-ingress", "base"],
      ["prod@head", "k/dev", "exposed,external-ingress", "base"],
    ]);
    expect(r.targets[1]!.baseSource).toEqual({ kind: "kustomize", dir: "k/prod" });
  });

  it("deleting the file changes nothing; adding one cannot turn discovery off", () => {
    expect(resolve(base, undefined).summary).toEqual([["prod", "k/prod", "exposed,external-ingress", "base"]]);
    const added = resolve(undefined, `targets:\n${K("docs", "k/dev", "none")}discover: false\n`);
    expect(added.summary.map((t) => t[0])).toEqual(["docs", "prod"]);
    expect(added.notes.join("\n")).toContain("This pull request sets `discover: false`; the base has no file, so discovery stays on");
  });

  it("an invalid base file is said, and the pull request's targets are gated by the run's rules at least", () => {
    const r = resolve("targets: [", `targets:\n${K("prod", "k/prod", "none")}`);
    // …and discovery stays on, as without a file: what the base would have found is analyzed.
    expect(r.summary).toEqual([
      ["prod", "k/prod", "none", "from head"],
      ["dev", "k/dev", "(run)", "base"],
    ]);
    expect(r.review?.base).toBe("invalid");
  });

  it("a pull request's notes are escaped in the comment: a target's path is shown as code, never as Markdown", async () => {
    const { renderTargetsComment } = await import("../../src/render/targets-md.js");
    const r = resolve(base, `targets:\n${K("prod", "k/<img src=x>", "none")}`);
    const md = renderTargetsComment([], { marker: "<!-- m -->", config: r.review! });
    expect(md).toContain("`kustomize k/<img src=x>`");
    const outsideCode = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1[ \t]*$/gm, "").replace(/`[^`\n]*`/g, "");
    expect(outsideCode).not.toContain("<img");
  });
});

describe("objects of kinds netreach does not analyze, changed by a pull request", () => {
  const ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n";
  const cnp = (port: number) =>
    `apiVersion: crd.projectcalico.org/v1\nkind: NetworkPolicy\nmetadata: {name: allow-redis, namespace: shop}\nspec:\n  selector: app == 'redis'\n  ingress:\n    - {action: Allow, destination: {ports: [${port}]}}\n`;
  const authz = "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: allow-all, namespace: shop}\nspec: {action: ALLOW, rules: [{}]}\n";
  const base = [{ path: "k8s/ns.yaml", text: ns }, { path: "k8s/calico.yaml", text: cnp(6379) }];
  const head = [{ path: "k8s/ns.yaml", text: ns }, { path: "k8s/calico.yaml", text: cnp(6380) }, { path: "k8s/authz.yaml", text: authz }];

  it("are listed by the verdict and the JSON, and the gate passes unless rule unanalyzed is on", () => {
    const r = diff(base, head, {});
    expect(r.unanalyzed.objects.map((o) => `${o.change} ${o.kind} ${o.namespace}/${o.name} ${o.file}:${o.line}`)).toEqual([
      "added AuthorizationPolicy shop/allow-all k8s/authz.yaml:1",
      "changed NetworkPolicy shop/allow-redis k8s/calico.yaml:1",
    ]);
    expect(r.gate.passed).toBe(true);
    const md = renderComment(r, { marker: "" });
    expect(md).toContain(
      "**No change to what netreach analyzes — gate passed.** ⚠️ Not analyzed: 2 changed objects of kinds netreach does not analyze (AuthorizationPolicy `shop/allow-all`, NetworkPolicy `shop/allow-redis`).",
    );
    expect(md).not.toContain("No change to reachability");
    expect(diffJson(r).unanalyzed.objects[1]).toMatchObject({ change: "changed", kind: "NetworkPolicy", namespace: "shop", name: "allow-redis", file: "k8s/calico.yaml", line: 1 });
    // The same object written again with other spacing is not a change.
    expect(diff(base, [{ path: "k8s/ns.yaml", text: ns }, { path: "k8s/calico.yaml", text: cnp(6379).replace("{action: Allow,", "{ action:  Allow,") }], {}).unanalyzed.objects).toEqual([]);
  });

  it("fail rule unanalyzed", () => {
    const failOn = parseFailOn("external-ingress,unanalyzed");
    if (!failOn.ok) throw new Error(failOn.error);
    const r = diff(base, head, { gate: { ...defaultGateConfig(), failOn: failOn.value } });
    expect(r.gate.passed).toBe(false);
    expect(r.gate.unanalyzed.objects).toHaveLength(2);
    expect(diffJson(r).gate).toMatchObject({ passed: false, status: "failed" });
    expect(diffJson(r).gate.violations.map((v) => v.rule)).toEqual(["unanalyzed", "unanalyzed"]);
    expect(renderComment(r, { marker: "" })).toContain("**No change to what netreach analyzes — gate failed (`unanalyzed`).**");
  });
});

describe("objects not analyzed, in a run with targets (CLI)", () => {
  it("lead the comment, and their target's section lists them at their lines", () => {
    const cfg = "targets:\n  - name: shop\n    kind: paths\n    paths: [k8s]\n";
    const ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n";
    const authz = "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: allow-all, namespace: shop}\nspec: {action: ALLOW, rules: [{}]}\n";
    const t = tempTree({ "base/.netreach.yaml": cfg, "base/k8s/ns.yaml": ns, "head/.netreach.yaml": cfg, "head/k8s/ns.yaml": ns, "head/k8s/authz.yaml": authz });
    try {
      const r = runCli(["diff", `${t.dir}/base`, `${t.dir}/head`, "--format", "md"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("⚠️ Not analyzed: 1 changed object of kinds netreach does not analyze (AuthorizationPolicy `shop/allow-all`).");
      // One target: its own comment, named in the title, with no one-row table repeating the verdict.
      expect(r.stdout).toContain("### netreach: network flows — `shop` (paths k8s)\n\n**No change to what netreach analyzes — gate passed.**");
      expect(r.stdout).not.toContain("| Target |");
      expect(r.stdout.match(/AuthorizationPolicy `shop\/allow-all`/g)).toHaveLength(2);
      expect(r.stdout).toContain("- added AuthorizationPolicy `shop/allow-all` (`k8s/authz.yaml:1`): Istio authorization allows or denies requests");
    } finally {
      t.cleanup();
    }
  });
});

describe("files a pull request changes that no analysis reads (CLI, real git)", () => {
  let repo: TestRepo;
  afterAll(() => repo?.cleanup());

  it("are named, and fail the gate with --fail-on unanalyzed", () => {
    repo = makeRepo();
    repo.write("k8s/np.yaml", NP);
    repo.write("env/prod/values.yaml", "replicas: 2\n");
    repo.write("other/np.yaml", NP);
    repo.write(".github/workflows/ci.yml", "on: push\n");
    repo.commit("base");
    repo.write("env/prod/values.yaml", "replicas: 3\n");
    repo.write("other/np.yaml", NP.replace("name: a", "name: b"));
    repo.write(".github/workflows/ci.yml", "on: [push]\n");
    repo.write("README.md", "# changed\n");
    const md = runCli(["diff", "--git", "HEAD", "--format", "md", "--", "k8s"], repo.dir);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain("**No change to what netreach analyzes — gate passed.** ⚠️ Not analyzed: 2 changed files no analysis reads (`env/prod/values.yaml`, `other/np.yaml`).");
    const failing = runCli(["diff", "--git", "HEAD", "--format", "json", "--fail-on", "external-ingress,unanalyzed", "--", "k8s"], repo.dir);
    expect(failing.code).toBe(1);
    const json = JSON.parse(failing.stdout) as { unanalyzed: { files: string[] }; gate: { status: string } };
    expect(json.unanalyzed.files).toEqual(["env/prod/values.yaml", "other/np.yaml"]);
    expect(json.gate.status).toBe("failed");
  });
});
