import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GitError, git, gitResult } from "../../src/git/run.js";
import { RevisionNotFoundError, repoRoot, resolveRev } from "../../src/git/repo.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function repo(): TestRepo {
  const r = makeRepo();
  cleanups.push(() => r.cleanup());
  return r;
}

describe("git runner", () => {
  it("returns stdout as text or bytes and feeds stdin", () => {
    const r = repo();
    expect(git(r.dir, ["rev-parse", "--is-inside-work-tree"])).toBe("true\n");
    const oid = git(r.dir, ["hash-object", "-w", "--stdin"], { input: "hello\n" }).trim();
    const bytes = git(r.dir, ["cat-file", "blob", oid], { encoding: "buffer" });
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.toString()).toBe("hello\n");
    expect(gitResult(r.dir, ["cat-file", "-e", "0".repeat(40)]).status).not.toBe(0);
  });

  it("throws a GitError naming the command and git's message", () => {
    const r = repo();
    let error: unknown;
    try {
      git(r.dir, ["show", "no such rev"]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GitError);
    const e = error as GitError;
    expect(e.message).toMatch(/^`git show "no such rev"` failed with exit status 128:\nfatal: /);
    expect(e.args).toEqual(["show", "no such rev"]);
    expect(e.status).toBe(128);
    expect(e.stderr).toMatch(/fatal/);
  });

  it("ignores GIT_DIR and the like from the environment", () => {
    const r = repo();
    const other = repo();
    other.write("x", "x");
    const otherHead = other.commit("x");
    const saved = process.env.GIT_DIR;
    process.env.GIT_DIR = path.join(other.dir, ".git");
    try {
      expect(() => resolveRev(r.dir, "HEAD")).toThrow(RevisionNotFoundError); // r has no commit
      expect(resolveRev(other.dir, "HEAD")).toBe(otherHead);
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
  });

  it("says when the output exceeds the buffer", () => {
    const r = repo();
    r.write("a.txt", "x".repeat(10_000));
    r.commit("a");
    expect(() => git(r.dir, ["show", "HEAD:a.txt"], { maxBuffer: 1000 })).toThrow(/`git show HEAD:a.txt` failed: output larger than 1000 bytes/);
  });
});

describe("repoRoot and resolveRev", () => {
  it("finds the top of the working tree from a subdirectory", () => {
    const r = repo();
    r.write("deep/er/file.yaml", "a: 1\n");
    r.commit("a");
    expect(repoRoot(path.join(r.dir, "deep", "er"))).toBe(r.dir);
  });

  it("throws a GitError outside a repository", () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "netreach-norepo-")));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    expect(() => repoRoot(dir)).toThrow(/not a git repository/);
  });

  it("resolves branches, tags, short ids and ancestry to full commit ids", () => {
    const r = repo();
    const first = r.commit("first");
    r.git("tag", "-a", "-m", "v1", "v1");
    const second = r.commit("second");
    expect(resolveRev(r.dir, "main")).toBe(second);
    expect(resolveRev(r.dir, "v1")).toBe(first); // an annotated tag peels to its commit
    expect(resolveRev(r.dir, first.slice(0, 10))).toBe(first);
    expect(resolveRev(r.dir, "HEAD~1")).toBe(first);
  });

  it("names the unknown revision and what to do", () => {
    const r = repo();
    r.commit("first");
    let error: unknown;
    try {
      resolveRev(r.dir, "origin/main");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RevisionNotFoundError);
    expect((error as Error).message).toBe(
      `unknown revision "origin/main" in ${r.dir}: no branch, tag or commit of that name. ` +
        "If it exists on the remote, fetch it first; a shallow checkout lacks older commits " +
        "(set fetch-depth: 0 on actions/checkout, or run `git fetch --unshallow`).",
    );
  });
});
