// What a pull request costs in tool runs: a target whose inputs it leaves alone is not rendered
// (issue 22). The real kubectl and helm run behind wrappers that log each run.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI } from "../support/cli.js";
import { isolatedGitEnv, makeRepo, type TestRepo } from "../support/git-repo.js";
import { kubeTools } from "../support/kube-tools.js";

const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "fixtures", "targets", "shop");

let repo: TestRepo;
let bin: string;
const log = () => path.join(bin, "runs.log");

/** kubectl and helm that append `tool first-argument` to runs.log, then run the real ones. */
function wrappers(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "netreach-wrappers-"));
  const t = kubeTools();
  for (const [name, real] of [["kubectl", t.kubectl], ["helm", t.helm]] as const)
    fs.writeFileSync(path.join(dir, name), `#!/bin/sh\necho "${name} $1" >> '${path.join(dir, "runs.log")}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  return dir;
}

function diff(base: string, head: string): Promise<{ code: number | null; runs: string[]; report: { targets: { name: string; status: string; head: { reused: boolean } }[] } }> {
  fs.rmSync(log(), { force: true });
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, "diff", "--git", base, head, "--format", "json"], { cwd: repo.dir, env: { ...isolatedGitEnv(), PATH: [bin, process.env.PATH ?? ""].join(path.delimiter) } });
    let stdout = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.on("close", (code) => {
      const runs = fs.existsSync(log()) ? fs.readFileSync(log(), "utf8").trim().split("\n").sort() : [];
      resolve({ code, runs, report: JSON.parse(stdout) });
    });
  });
}

let base: string;
let patch: string;
let overlays: string;

beforeAll(() => {
  bin = wrappers();
  repo = makeRepo();
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else repo.write(r, fs.readFileSync(path.join(dir, e.name)));
    }
  };
  walk(FIXTURE, "");
  base = repo.commit("base");
  const edit = (file: string, from: string, to: string) => repo.write(file, fs.readFileSync(path.join(repo.dir, file), "utf8").replace(from, to));
  edit("deploy/overlays/prod/web-ingress.yaml", "10.20.0.0/16", "0.0.0.0/0");
  patch = repo.commit("patch");
  repo.git("checkout", "-q", "-B", "both", base);
  edit("deploy/base/policies.yaml", "        - port: 8080\n", "        - port: 8080\n        - port: 8443\n");
  overlays = repo.commit("both overlays");
}, 60_000);

afterAll(() => {
  repo?.cleanup();
  fs.rmSync(bin, { recursive: true, force: true });
});

describe("a pull request's tool runs", () => {
  it("render only the target it changes: the unchanged overlay and the chart's targets run no tool but helm's version", async () => {
    const r = await diff(base, patch);
    expect(r.code).toBe(1);
    expect(r.report.targets.filter((t) => t.status === "changed").map((t) => t.name)).toEqual(["prod"]);
    expect(r.report.targets.filter((t) => t.head.reused).map((t) => t.name)).toEqual(["dev", "shop-dev", "shop-prod", "shop-staging"]);
    // prod at base and at head; helm is asked its version to name itself, nothing is rendered.
    expect(r.runs).toEqual(["helm version", "kubectl kustomize", "kubectl kustomize"]);
  });

  it("build the overlays a shared base changes together: one kustomize process per revision", async () => {
    const r = await diff(base, overlays);
    expect(r.report.targets.filter((t) => t.status === "changed").map((t) => t.name)).toEqual(["dev"]);
    expect(r.runs).toEqual(["helm version", "kubectl kustomize", "kubectl kustomize"]);
  });
});
