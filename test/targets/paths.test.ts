// Paths in targets are relative to what names them (values files to their chart, Argo CD and
// Flux paths to the repository root), `..` allowed while they stay inside the repository; a
// path leaving it makes that one target not analyzed. Nothing outside the repository is read:
// not through a kustomization (a loopback server sees no request), a committed symbolic link,
// or a `.netreach.yaml` of a directory given to `reach`. Real git, helm and kubectl, the built CLI.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CLI } from "../support/cli.js";
import { isolatedGitEnv, makeRepo, type TestRepo } from "../support/git-repo.js";
import { toolsPath } from "../tools/support.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...isolatedGitEnv(), PATH: toolsPath() } });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

interface Target {
  name: string;
  status: string;
  error: string | null;
  base: { absent: boolean };
  head: { absent: boolean };
}
interface Report {
  targets: Target[];
  changes: { target: string; opened: string }[];
  diagnostics: { target?: string; severity: string; message: string; file: string; line: number }[];
}

const repos: TestRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const repo = () => {
  const r = makeRepo();
  repos.push(r);
  return r;
};
const tempDir = () => {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "netreach-paths-test-")));
  dirs.push(d);
  return d;
};

async function diffJson(r: TestRepo, args: string[]): Promise<{ run: Run; report: Report }> {
  const out = path.join(tempDir(), "report.json");
  const run = await cli(["diff", "--git", ...args, "--format", "text", "--output", out], r.dir);
  let report: Report;
  try {
    report = JSON.parse(fs.readFileSync(out, "utf8")) as Report;
  } catch {
    throw new Error(`exit ${run.code}\n${run.stdout}\n${run.stderr}`);
  }
  return { run, report };
}

const np = (name: string, port: number | string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  podSelector:\n    matchLabels: {app: web}\n  ingress:\n  - ports: [{port: ${port}}]\n`;
const deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: web}]\n";

/** A chart whose policy opens `.Values.port`, at `dir` ("" = the root). */
function chart(r: TestRepo, dir: string, name = "web"): void {
  const at = (f: string) => (dir === "" ? f : `${dir}/${f}`);
  r.write(at("Chart.yaml"), `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`);
  r.write(at("values.yaml"), "port: 80\n");
  r.write(at("templates/deploy.yaml"), deployment);
  r.write(at("templates/np.yaml"), np("web", "{{ .Values.port }}"));
}

describe("paths relative to what names them", () => {
  it("a .netreach.yaml values file outside the chart is read, `..` in paths resolves, and a path leaving the repository fails only its target", async () => {
    const r = repo();
    chart(r, "charts/web");
    r.write("env/prod/values.yaml", "port: 443\n");
    r.write("legacy/np.yaml", np("legacy", 80) + "---\n" + deployment);
    r.write(
      ".netreach.yaml",
      "targets:\n  - name: prod\n    kind: helm\n    path: charts/web\n    values: [../../env/prod/values.yaml]\n  - name: legacy\n    paths: [deploy/../legacy]\n  - name: escape\n    kind: paths\n    paths: [../outside]\n",
    );
    const base = r.commit("base");
    r.write("env/prod/values.yaml", "port: 8443\n");
    const head = r.commit("values only");
    const { run, report } = await diffJson(r, [base, head]);
    expect(report.targets.map((t) => `${t.name} ${t.status}`)).toEqual(["prod changed", "legacy unchanged", "escape failed"]);
    expect(report.changes.filter((c) => c.target === "prod").map((c) => c.opened)).toContain("TCP 8443");
    expect(report.targets.find((t) => t.name === "escape")!.error).toContain('path "../outside" leads outside the repository');
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ target: "escape", severity: "error", file: ".netreach.yaml", line: 8 }));
    expect(run.stderr).not.toMatch(/usage/i);
  }, 60_000);

  it("Argo CD valueFiles outside the chart are read; Argo and Flux paths resolve from the root and one leaving it fails only that Application", async () => {
    const r = repo();
    r.git("remote", "add", "origin", "https://github.com/acme/shop.git");
    chart(r, "charts/web");
    r.write("values-prod.yaml", "port: 443\n");
    const app = (name: string, p: string, values = "") =>
      `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: ${name}}\nspec:\n  destination: {namespace: prod}\n  source:\n    repoURL: https://github.com/acme/shop.git\n    path: ${p}\n${values}`;
    r.write("apps/web.yaml", app("web-prod", "apps/../charts/web", "    helm:\n      valueFiles: [../../values-prod.yaml]\n"));
    r.write("apps/escape.yaml", app("escape", "../../etc"));
    r.write(
      "clusters/flux.yaml",
      "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata: {name: shop}\nspec: {url: https://github.com/acme/shop}\n---\n" +
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: flux-escape}\nspec:\n  path: ./deploy/../../x\n  sourceRef: {kind: GitRepository, name: shop}\n",
    );
    const base = r.commit("base");
    r.write("values-prod.yaml", "port: 8443\n");
    const head = r.commit("values only");
    const { report } = await diffJson(r, [base, head]);
    const byName = new Map(report.targets.map((t) => [t.name, t]));
    expect(byName.get("web-prod")!.status).toBe("changed");
    expect(byName.get("escape")).toMatchObject({ status: "failed", error: expect.stringContaining('path "../../etc" leads outside the repository') });
    expect(byName.get("flux-escape")).toMatchObject({ status: "failed", error: expect.stringContaining('path "./deploy/../../x" leads outside the repository') });
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ target: "escape", file: "apps/escape.yaml", line: 1 }));
  }, 60_000);

  it("a values file the pull request adds makes the target new at the base, not an error", async () => {
    const r = repo();
    chart(r, "charts/web");
    const base = r.commit("base");
    r.write("charts/web/values-new.yaml", "port: 9090\n");
    r.write(".netreach.yaml", "targets:\n  - name: new\n    kind: helm\n    path: charts/web\n    values: [values-new.yaml]\n");
    const head = r.commit("new values");
    const { report } = await diffJson(r, [base, head]);
    const t = report.targets.find((x) => x.name === "new")!;
    expect(t).toMatchObject({ status: "changed", error: null, base: { absent: true }, head: { absent: false } });
  }, 60_000);
});

describe("what a build reads", () => {
  it("a kustomization directory used as a transformer is an input: a change there is analyzed, not taken as unchanged", async () => {
    const r = repo();
    r.write("k/kustomization.yaml", "resources: [np.yaml, deploy.yaml]\ntransformers: [../labels]\n");
    r.write("k/np.yaml", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec:\n  podSelector:\n    matchLabels: {tier: web}\n  policyTypes: [Ingress]\n");
    r.write("k/deploy.yaml", deployment);
    r.write("labels/kustomization.yaml", "resources: [labels.yaml]\n");
    const labels = (tier: string) =>
      `apiVersion: builtin\nkind: LabelTransformer\nmetadata: {name: tier}\nlabels: {tier: ${tier}}\nfieldSpecs:\n- {path: metadata/labels, create: true}\n- {path: spec/template/metadata/labels, create: true, kind: Deployment}\n`;
    r.write("labels/labels.yaml", labels("web"));
    const base = r.commit("base");
    r.write("labels/labels.yaml", labels("api"));
    const head = r.commit("relabel");
    const { report } = await diffJson(r, [base, head, "--kustomize", "k"]);
    expect(report.targets.map((t) => `${t.name} ${t.status} ${t.error ?? ""}`)).toEqual(["k changed "]);
  }, 60_000);
});

describe("paths on the command line", () => {
  it("--helm . takes the chart's name; absolute --kustomize and --helm paths work; a root kustomization builds; a path outside is refused", async () => {
    const r = repo();
    chart(r, "", "storefront");
    r.write("kustomization.yaml", "resources:\n- k8s/np.yaml\n");
    r.write("k8s/np.yaml", np("root", 80) + "---\n" + deployment);
    const base = r.commit("base");
    r.write("values.yaml", "port: 8080\n");
    r.write("k8s/np.yaml", np("root", 8080) + "---\n" + deployment);
    const head = r.commit("ports");
    const { report } = await diffJson(r, [base, head, "--helm", ".", "--kustomize", r.dir]);
    expect(report.targets.map((t) => `${t.name} ${t.status} ${t.error ?? ""}`)).toEqual([`${path.basename(r.dir)} changed `, "storefront changed "]);
    const abs = await diffJson(r, [base, head, "--helm", `${r.dir}:${path.join(r.dir, "values.yaml")}`]);
    expect(abs.report.targets.map((t) => `${t.name} ${t.status}`)).toEqual(["storefront changed"]);
    // A plain path argument given absolute is the same path.
    const plain = await cli(["diff", "--git", base, head, "--no-discover", "--format", "json", "--", path.join(r.dir, "k8s")], r.dir);
    expect(plain.stdout).toContain("TCP 8080");
    const outside = await cli(["diff", "--git", base, head, "--kustomize", os.tmpdir()], r.dir);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain(`--kustomize ${os.tmpdir()} is outside the repository`);
  }, 60_000);
});

describe("nothing outside the repository is read", () => {
  let server: http.Server;
  let port = 0;
  const requests: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.end("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: exfiltrated}\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it("a kustomization of a git revision naming a URL or a directory outside is not built; the server sees no request", async () => {
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, "kustomization.yaml"), "resources: [cm.yaml]\n");
    fs.writeFileSync(path.join(outside, "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stolen}\n");
    const r = repo();
    r.write("k/kustomization.yaml", "resources:\n- np.yaml\n");
    r.write("k/np.yaml", np("web", 80) + "---\n" + deployment);
    r.write("d/kustomization.yaml", "resources:\n- np.yaml\n");
    r.write("d/np.yaml", np("web", 80) + "---\n" + deployment);
    const base = r.commit("base");
    r.write("k/kustomization.yaml", `resources:\n- np.yaml\n- http://127.0.0.1:${port}/x.yaml\n`);
    // The tree is written into a fresh directory of the temp dir: `../..` from d/ is the temp dir.
    r.write("d/kustomization.yaml", `resources:\n- np.yaml\n- ../../${path.relative(fs.realpathSync(os.tmpdir()), outside)}\n`);
    const head = r.commit("reach out");
    const { run, report } = await diffJson(r, [base, head, "--kustomize", "k", "--kustomize", "d"]);
    expect(requests).toEqual([]);
    expect(report.targets.map((t) => `${t.name} ${t.status}`)).toEqual(["k failed", "d failed"]);
    expect(report.targets[0]!.error).toContain(`k/kustomization.yaml:3: resources entry "http://127.0.0.1:${port}/x.yaml" is a URL or remote base`);
    expect(report.targets[1]!.error).toMatch(/d\/kustomization\.yaml:3: resources entry "\.\.\/\.\.\/netreach-paths-test-\w+" leads outside the repository/);
    expect(run.stdout + run.stderr).not.toContain("stolen");
    expect(run.stdout + run.stderr).not.toContain("exfiltrated");
  }, 60_000);

  it("diff --git with the working tree does not follow a committed link to a directory", async () => {
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, "np.yaml"), np("stolen", 22) + "---\n" + deployment.replace("name: web", "name: stolen"));
    const r = repo();
    r.write("real/np.yaml", np("web", 80) + "---\n" + deployment);
    r.symlink(outside, "link");
    r.write(".netreach.yaml", "targets:\n  - name: linked\n    paths: [link/np.yaml]\n  - name: real\n    paths: [real]\n");
    const base = r.commit("base");
    const out = path.join(tempDir(), "report.json");
    const run = await cli(["diff", "--git", base, "--format", "text", "--output", out], r.dir);
    const plain = await cli(["diff", "--git", base, "--format", "text", "--", "link/np.yaml"], r.dir);
    expect(fs.readFileSync(out, "utf8")).not.toContain("stolen");
    expect(run.stdout + run.stderr).not.toContain("stolen");
    expect(plain.stdout + plain.stderr).not.toContain("stolen");
    expect(run.stderr + plain.stderr).toContain("symbolic link");
  }, 60_000);

  it("reach and diff of paths below the working directory do not pass through a linked directory", async () => {
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, "np.yaml"), np("stolen", 22) + "---\n" + deployment.replace("name: web", "name: stolen"));
    const cwd = tempDir();
    fs.symlinkSync(outside, path.join(cwd, "link"));
    fs.mkdirSync(path.join(cwd, "real"));
    fs.writeFileSync(path.join(cwd, "real", "np.yaml"), np("web", 80) + "---\n" + deployment);
    const reach = await cli(["reach", "link/np.yaml"], cwd);
    const diff = await cli(["diff", "real/np.yaml", "link/np.yaml", "--format", "text"], cwd);
    for (const run of [reach, diff]) {
      expect(run.stdout + run.stderr).not.toContain("stolen");
      expect(run.stderr).toContain("symbolic link not followed");
    }
  }, 60_000);

  it("reach DIR: the directory's .netreach.yaml cannot read above it", async () => {
    const outer = tempDir();
    fs.writeFileSync(path.join(outer, "np.yaml"), np("stolen", 22) + "---\n" + deployment.replace("name: web", "name: stolen"));
    const dir = path.join(outer, "a", "b");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "np.yaml"), np("web", 80) + "---\n" + deployment);
    fs.writeFileSync(path.join(dir, ".netreach.yaml"), "targets:\n  - name: up\n    paths: [../..]\n  - name: here\n    paths: [.]\n");
    const run = await cli(["reach", dir], outer);
    expect(run.stdout + run.stderr).not.toContain("stolen");
    expect(run.stderr).toContain('path "../.." leads outside the repository');
    expect(run.stdout).toContain("== here");
    expect(run.code).toBe(2);
  }, 60_000);
});
