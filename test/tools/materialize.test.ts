import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { RevisionNotFoundError } from "../../src/git/repo.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { kustomizeBuild } from "../../src/tools/kustomize.js";
import { materializeRevision } from "../../src/tools/materialize.js";
import { isolatedGitEnv, makeRepo } from "../support/git-repo.js";
import { onCleanup, toolsPath } from "./support.js";

const np = (port: number) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  podSelector: {}\n  ingress:\n  - ports: [{port: ${port}}]\n`;

function repo() {
  const r = makeRepo();
  onCleanup(() => r.cleanup());
  return r;
}

/** Every file below `dir`, relative, with "/" — symbolic links listed as such. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else out.push(e.isSymbolicLink() ? `${r} -> link` : r);
    }
  };
  walk(dir, "");
  return out.sort();
}

function mktree(r: ReturnType<typeof repo>, lines: string[]): string {
  return execFileSync("git", ["mktree"], { cwd: r.dir, input: `${lines.join("\n")}\n`, env: isolatedGitEnv() }).toString("utf8").trim();
}

describe("materializeRevision", () => {
  it("writes each revision's files into its own directory, and the builds differ as the commits do", async () => {
    const r = repo();
    r.write("deploy/base/kustomization.yaml", "resources:\n- np.yaml\n");
    r.write("deploy/base/np.yaml", np(80));
    r.write("deploy/prod/kustomization.yaml", "namespace: prod\nresources:\n- ../base\n");
    r.write("README.md", "not a manifest, written all the same\n");
    const base = r.commit("base");
    r.write("deploy/prod/kustomization.yaml", "namespace: prod\nresources:\n- ../base\npatches:\n- path: open.yaml\n");
    r.write("deploy/prod/open.yaml", np(8080));
    const head = r.commit("head");
    r.write("deploy/base/np.yaml", np(1)); // the working tree is never read

    const a = materializeRevision(r.dir, base);
    const b = materializeRevision(r.dir, "main", ["deploy"]);
    onCleanup(a.cleanup);
    onCleanup(b.cleanup);
    expect(a.commit).toBe(base);
    expect(b.commit).toBe(head);
    expect(a.dir).not.toBe(b.dir);
    expect(listing(a.dir)).toEqual(["README.md", "deploy/base/kustomization.yaml", "deploy/base/np.yaml", "deploy/prod/kustomization.yaml"]);
    expect(listing(b.dir)).toEqual(["deploy/base/kustomization.yaml", "deploy/base/np.yaml", "deploy/prod/kustomization.yaml", "deploy/prod/open.yaml"]);
    expect(b.files).toBe(4);
    expect(b.diagnostics).toEqual([]);

    const [before, after] = await Promise.all([a, b].map((t) => kustomizeBuild(t.dir, "deploy/prod", { searchPath: toolsPath() })));
    if (!before!.ok || !after!.ok) throw new Error("build failed");
    expect(before!.files).toEqual([{ path: "deploy/base/np.yaml", text: expect.stringContaining("port: 80\n"), lines: expect.any(Array) }]);
    // The head patches the policy: it is shown in the patch, which is what changed.
    expect(after!.files).toEqual([{ path: "deploy/prod/open.yaml", text: expect.stringContaining("port: 8080\n"), lines: expect.any(Array) }]);
    expect(after!.objects[0]!.origin).toEqual({ file: "deploy/base/np.yaml", line: 1, patch: { file: "deploy/prod/open.yaml", line: 1 } });

    a.cleanup();
    a.cleanup();
    expect(fs.existsSync(a.dir)).toBe(false);
  });

  it("never writes symbolic links or submodules, and writes no execute bits", () => {
    const r = repo();
    r.write("k/np.yaml", np(80));
    r.write("k/run.sh", "#!/bin/sh\n");
    fs.chmodSync(path.join(r.dir, "k/run.sh"), 0o755);
    r.symlink("/etc/passwd", "k/passwd.yaml");
    r.symlink("np.yaml", "k/inside.yaml");
    r.symlink("..", "k/up");
    const sub = r.commit("with links");
    r.git("update-index", "--add", "--cacheinfo", `160000,${sub},k/vendored`);
    r.git("commit", "-q", "-m", "submodule");
    const commit = r.rev();
    const t = materializeRevision(r.dir, commit);
    onCleanup(t.cleanup);
    expect(listing(t.dir)).toEqual(["k/np.yaml", "k/run.sh"]);
    expect(fs.statSync(path.join(t.dir, "k/run.sh")).mode & 0o111).toBe(0);
    expect(t.diagnostics.map((d) => `${d.severity} ${d.file}: ${d.message}`)).toEqual([
      "note k/inside.yaml: symbolic link not written (links are never followed); tools see no file here",
      "note k/passwd.yaml: symbolic link not written (links are never followed); tools see no file here",
      "note k/up: symbolic link not written (links are never followed); tools see no file here",
      "note k/vendored: submodule not written (its files live in another repository)",
    ]);
  });

  it("refuses names a crafted tree can hold but git never writes ('..', '.git')", () => {
    const r = repo();
    r.write("x.yaml", "x: 1\n");
    const base = r.commit("x");
    const oid = r.git("rev-parse", `${base}:x.yaml`);
    const inner = mktree(r, [`100644 blob ${oid}\t..`, `100644 blob ${oid}\t.GIT`, `100644 blob ${oid}\tok.yaml`]);
    const outer = mktree(r, [`040000 tree ${inner}\tsub`]);
    const commit = r.git("commit-tree", outer, "-m", "crafted");
    const t = materializeRevision(r.dir, commit);
    onCleanup(t.cleanup);
    expect(listing(t.dir)).toEqual(["sub/ok.yaml"]);
    expect(t.diagnostics.map((d) => d.file).sort()).toEqual(["sub/..", "sub/.GIT"]);
    expect(t.diagnostics.every((d) => d.severity === "error")).toBe(true);
  });

  it("applies the caps, and refuses unknown revisions and paths outside the repository", () => {
    const r = repo();
    r.write("a.yaml", "a: 1\n");
    r.write("b.yaml", "b: 22222222\n");
    r.write("c.yaml", "c: 3\n");
    r.commit("three");
    const sized = materializeRevision(r.dir, "HEAD", [], { maxFileBytes: 8 });
    onCleanup(sized.cleanup);
    expect(listing(sized.dir)).toEqual(["a.yaml", "c.yaml"]);
    expect(sized.diagnostics).toMatchObject([{ severity: "error", file: "b.yaml", message: expect.stringMatching(/over the 8-byte limit/) }]);
    const counted = materializeRevision(r.dir, "HEAD", [], { maxFiles: 2 });
    onCleanup(counted.cleanup);
    expect(listing(counted.dir)).toEqual(["a.yaml", "b.yaml"]);
    expect(counted.diagnostics).toMatchObject([{ severity: "error", file: "c.yaml", message: expect.stringMatching(/more than 2 files/) }]);
    const total = materializeRevision(r.dir, "HEAD", [], { maxTotalBytes: 15 });
    onCleanup(total.cleanup);
    expect(listing(total.dir)).toEqual(["a.yaml"]);
    expect(() => materializeRevision(r.dir, "nope")).toThrow(RevisionNotFoundError);
    expect(() => materializeRevision(r.dir, "HEAD", ["../x"])).toThrow(UsageError);
  });
});
