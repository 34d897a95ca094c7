// A run is bounded: at most --max-targets targets (default 200) are built and analyzed, and
// nothing more after --deadline seconds (default 20 minutes). What is past either is never
// dropped in silence: each such target is "not analyzed", an error naming it and why, the run
// exits 2, and one closing line names them all. One ApplicationSet can name thousands.
import { spawn } from "node:child_process";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI } from "../support/cli.js";
import { isolatedGitEnv, makeRepo, type TestRepo } from "../support/git-repo.js";
import { kubeTools } from "../support/kube-tools.js";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
}, 60_000);

function run(args: readonly string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const helmDir = path.dirname(kubeTools().helm);
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...isolatedGitEnv(), PATH: `${helmDir}${path.delimiter}${process.env.PATH ?? ""}` } });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    p.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    p.on("close", (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

const POLICY = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n";

/**
 * A repository whose one ApplicationSet deploys `n` targets: each its own directory, or all the
 * same directory into `n` namespaces (as cheap to set up as to analyze).
 */
function appSetRepo(n: number, oneDir = false): TestRepo {
  const repo = makeRepo();
  repos.push(repo);
  const envs = Array.from({ length: n }, (_, i) => `e${String(i + 1).padStart(4, "0")}`);
  repo.write(
    "clusters/appset.yaml",
    "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata: {name: envs}\nspec:\n" +
      `  generators: [{list: {elements: [${envs.map((e) => `{env: ${e}}`).join(", ")}]}}]\n` +
      `  template:\n    metadata: {name: 'shop-{{env}}'}\n    spec:\n      source: {repoURL: 'https://github.com/acme/shop.git', path: 'apps/${oneDir ? "shared" : "{{env}}"}'}\n      destination: {namespace: '{{env}}'}\n`,
  );
  for (const e of oneDir ? ["shared"] : envs) repo.write(`apps/${e}/np.yaml`, POLICY);
  repo.commit("base");
  return repo;
}

interface TargetJson {
  readonly name: string;
  readonly status: string;
  readonly error: string | null;
}

describe("the target cap", () => {
  it("one ApplicationSet naming 5,000 targets: 200 targets are analyzed, the other 4,800 are each not analyzed, by name", async () => {
    const repo = appSetRepo(5000, true);
    // The head is the working tree: its manifests are read from disk, the base's from git.
    const r = await run(["diff", "--git", "HEAD", "--format", "json"], repo.dir);
    expect(r.code).toBe(2);
    const targets = (JSON.parse(r.stdout) as { targets: TargetJson[] }).targets;
    const apps = targets.filter((t) => t.name.startsWith("shop-e"));
    expect(apps).toHaveLength(5000);
    const notAnalyzed = targets.filter((t) => t.status === "failed");
    expect(targets.length - notAnalyzed.length).toBe(200);
    expect(notAnalyzed.every((t) => /was not analyzed: the run has \d+ targets, over the cap of 200 \(--max-targets, input max-targets\)/.test(t.error ?? ""))).toBe(true);
    expect(notAnalyzed.map((t) => t.name)).toContain("shop-e5000");
    expect(r.stderr).toContain("clusters/appset.yaml:1:1: error: target shop-e5000 (paths apps/shared) was not analyzed: the run has");
    expect(r.stderr).toMatch(new RegExp(`netreach: ${notAnalyzed.length} target\\(s\\) not analyzed, past the target cap \\(--max-targets, input max-targets\\): shop-e\\d+, .*… \\(and ${notAnalyzed.length - 20} more\\)\\n`));
  }, 180_000);

  it("--max-targets N: the first N are analyzed; --max-targets must be a positive whole number", async () => {
    const repo = appSetRepo(5);
    const r = await run(["diff", "--git", "HEAD", "HEAD", "--format", "json", "--max-targets", "3"], repo.dir);
    const targets = (JSON.parse(r.stdout) as { targets: TargetJson[] }).targets;
    expect(targets.map((t) => `${t.name} ${t.status}`)).toEqual(["shop-e0001 unchanged", "shop-e0002 unchanged", "shop-e0003 unchanged", "shop-e0004 failed", "shop-e0005 failed"]);
    expect(targets[4]!.error).toBe(
      "target shop-e0005 (paths apps/e0005) was not analyzed: the run has 5 targets, over the cap of 3 (--max-targets, input max-targets); raise it, or choose targets with --target / input targets",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("netreach: 2 target(s) not analyzed, past the target cap (--max-targets, input max-targets): shop-e0004, shop-e0005\n");
    // The same targets under the cap: all analyzed, exit 0.
    const all = await run(["diff", "--git", "HEAD", "HEAD", "--format", "json", "--max-targets", "5"], repo.dir);
    expect(all.code).toBe(0);
    expect(all.stderr).toBe("");
    const bad = await run(["diff", "--git", "HEAD", "--max-targets", "0"], repo.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-targets (input max-targets) must be a positive whole number, not "0"');
  });
});

describe("reach with targets", () => {
  it("builds at most --max-targets of them and names the rest as not analyzed", async () => {
    const repo = makeRepo();
    repos.push(repo);
    for (const c of ["a", "b", "c"]) {
      repo.write(`${c}/Chart.yaml`, `apiVersion: v2\nname: ${c}\nversion: 0.1.0\n`);
      repo.write(`${c}/templates/np.yaml`, POLICY);
    }
    const r = await run(["reach", ".", "--helm", "a", "--helm", "b", "--helm", "c", "--max-targets", "1"], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("== a (helm a) ==");
    expect(r.stdout).not.toContain("== b");
    expect(r.stderr).toContain("b:1:1: error: target b (helm b) was not analyzed: the run has 3 targets, over the cap of 1 (--max-targets, input max-targets)");
    expect(r.stderr).toContain("netreach: 2 target(s) not analyzed, past the target cap (--max-targets, input max-targets): b, c\n");
  });
});

describe("the deadline", () => {
  it("--deadline 2: helm still rendering is stopped, targets not started are not, and each is named as not analyzed", async () => {
    const repo = makeRepo();
    repos.push(repo);
    repo.write("chart/Chart.yaml", "apiVersion: v2\nname: slow\nversion: 0.1.0\n");
    // Counting to twenty million takes the real helm about twenty seconds.
    repo.write("chart/templates/slow.yaml", "{{- $n := 0 }}\n{{- range until 20000000 }}{{ $n = add $n 1 }}{{- end }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: slow-{{ $n }}\n");
    for (const v of ["b", "c", "d"]) repo.write(`chart/values-${v}.yaml`, `v: ${v}\n`);
    repo.commit("base");
    const r = await run(["diff", "--git", "HEAD", "--helm", "chart:values-b.yaml", "--helm", "chart:values-c.yaml", "--helm", "chart:values-d.yaml", "--deadline", "2", "--format", "json"], repo.dir);
    expect(r.code).toBe(2);
    expect(r.ms).toBeLessThan(15_000);
    const targets = (JSON.parse(r.stdout) as { targets: TargetJson[] }).targets;
    expect(targets.map((t) => `${t.name} ${t.status}`)).toEqual(["chart-b failed", "chart-c failed", "chart-d failed"]);
    for (const t of targets) expect(t.error).toBe(`target ${t.name} (helm chart (values-${t.name.slice(-1)}.yaml)) was not analyzed: the run's 2 s deadline (--deadline, input deadline) passed before it was done`);
    expect(r.stderr).toContain("netreach: 3 target(s) not analyzed, not done by the deadline (--deadline, input deadline): chart-b, chart-c, chart-d\n");
  });

  it("--deadline takes seconds, or minutes and hours with m and h; anything else is a usage error", async () => {
    const repo = appSetRepo(1);
    const ok = await run(["diff", "--git", "HEAD", "HEAD", "--deadline", "20m"], repo.dir);
    expect(ok.code).toBe(0);
    const bad = await run(["diff", "--git", "HEAD", "--deadline", "soon"], repo.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--deadline (input deadline) must be a positive whole number of seconds (or minutes with m, hours with h: 20m, 1h), not "soon"');
  });
});
