import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readSources } from "../../src/files/read-sources.js";
import { UsageError } from "../../src/files/usage-error.js";
import { readRevision } from "../../src/git/read-revision.js";
import { RevisionNotFoundError } from "../../src/git/repo.js";
import { GitError } from "../../src/git/run.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

const policy = (name: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n`;

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function repo(): TestRepo {
  const r = makeRepo();
  cleanups.push(() => r.cleanup());
  return r;
}
const paths = (r: { files: { path: string }[] }) => r.files.map((f) => f.path);

describe("readRevision", () => {
  it("reads the files of the revision, not the working tree", () => {
    const r = repo();
    r.write("deploy/a.yaml", policy("a1"));
    r.write("deploy/gone.yaml", policy("gone"));
    const first = r.commit("first");
    r.write("deploy/a.yaml", policy("a2"));
    r.remove("deploy/gone.yaml");
    const second = r.commit("second");
    // Uncommitted changes and untracked files are not seen.
    r.write("deploy/a.yaml", policy("dirty"));
    r.write("deploy/untracked.yaml", policy("untracked"));

    const atFirst = readRevision(r.dir, first);
    expect(atFirst.commit).toBe(first);
    expect(atFirst.files).toEqual([
      { path: "deploy/a.yaml", text: policy("a1") },
      { path: "deploy/gone.yaml", text: policy("gone") },
    ]);
    expect(atFirst.diagnostics).toEqual([]);
    expect(atFirst.skippedFiles).toBe(0);

    const atHead = readRevision(r.dir, "HEAD");
    expect(atHead.commit).toBe(second);
    expect(atHead.files).toEqual([{ path: "deploy/a.yaml", text: policy("a2") }]);
    expect(readRevision(r.dir, "main~1").files).toEqual(atFirst.files);
    // Nothing was checked out.
    expect(fs.readFileSync(path.join(r.dir, "deploy/a.yaml"), "utf8")).toBe(policy("dirty"));
  });

  it("filters by pathspec, literally, relative to the repository root", () => {
    const r = repo();
    r.write("deploy/a.yaml", policy("a"));
    r.write("deploy/sub/b.yml", policy("b"));
    r.write("deploy-other/c.yaml", policy("c"));
    r.write("other/d.json", "{}");
    r.write("other/notes.txt", "text");
    r.write("deploy*/e.yaml", policy("e"));
    r.commit("files");
    expect(paths(readRevision(r.dir, "HEAD", ["deploy"]))).toEqual(["deploy/a.yaml", "deploy/sub/b.yml"]);
    expect(paths(readRevision(r.dir, "HEAD", ["./deploy/"]))).toEqual(["deploy/a.yaml", "deploy/sub/b.yml"]);
    expect(paths(readRevision(r.dir, "HEAD", ["deploy/sub", "other"]))).toEqual(["deploy/sub/b.yml", "other/d.json"]);
    // No globbing: "deploy*" is the directory of that name.
    expect(paths(readRevision(r.dir, "HEAD", ["deploy*"]))).toEqual(["deploy*/e.yaml"]);
    // "." and no pathspec: everything.
    // In the order of the file-system walk: directory by directory ("deploy" < "deploy*" < "deploy-other").
    const all = ["deploy/a.yaml", "deploy/sub/b.yml", "deploy*/e.yaml", "deploy-other/c.yaml", "other/d.json"];
    expect(paths(readRevision(r.dir, "HEAD", ["."]))).toEqual(all);
    expect(paths(readRevision(r.dir, "HEAD"))).toEqual(all);
    // Pathspecs are from the root even when repoDir is a subdirectory.
    expect(paths(readRevision(path.join(r.dir, "other"), "HEAD", ["deploy/sub"]))).toEqual(["deploy/sub/b.yml"]);
  });

  it("reads a file named by a pathspec whatever its extension, and notes pathspecs that match nothing", () => {
    const r = repo();
    r.write("other/notes.txt", "kind: List\n");
    const sha = r.commit("files");
    const res = readRevision(r.dir, "HEAD", ["other/notes.txt", "missing/dir"]);
    expect(res.files).toEqual([{ path: "other/notes.txt", text: "kind: List\n" }]);
    expect(res.diagnostics).toEqual([
      {
        severity: "note",
        file: "missing/dir",
        line: 1,
        column: 1,
        message: `no such path at HEAD (${sha.slice(0, 12)}); nothing read from it`,
      },
    ]);
    expect(() => readRevision(r.dir, "HEAD", ["../outside"])).toThrow(UsageError);
    expect(() => readRevision(r.dir, "HEAD", ["/etc"])).toThrow(UsageError);
  });

  it("skips other extensions, dot-directories and node_modules like the file-system reader", () => {
    const r = repo();
    r.write("README.md", "# hi");
    r.write("deploy/A.YAML", policy("upper")); // extensions are case-sensitive, as in kubectl
    r.write("deploy/.hidden.yaml", policy("hidden-file")); // a dot-file is read, a dot-directory is not
    r.write(".github/workflows/ci.yaml", "on: push\n");
    r.write("node_modules/pkg/x.json", "{}");
    r.write("deploy/.cache/y.yaml", policy("cache"));
    r.commit("files");
    const res = readRevision(r.dir, "HEAD");
    expect(paths(res)).toEqual(["deploy/.hidden.yaml"]);
    expect(res.skippedFiles).toBe(2); // README.md, A.YAML
    expect(res.diagnostics).toEqual([]);
    // Named explicitly, a dot-directory is read.
    expect(paths(readRevision(r.dir, "HEAD", [".github"]))).toEqual([".github/workflows/ci.yaml"]);
  });

  it("does not follow symbolic links", () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "netreach-outside-"));
    cleanups.push(() => fs.rmSync(outside, { recursive: true, force: true }));
    fs.writeFileSync(path.join(outside, "secret.yaml"), policy("outside"));
    const r = repo();
    r.write("deploy/real.yaml", policy("real"));
    r.symlink(path.join(outside, "secret.yaml"), "deploy/outside.yaml");
    r.symlink("real.yaml", "deploy/inside.yaml");
    r.symlink(outside, "deploy/dir-link");
    r.commit("links");
    expect(r.git("ls-tree", "HEAD", "deploy/outside.yaml")).toMatch(/^120000 /);

    const res = readRevision(r.dir, "HEAD");
    expect(res.files).toEqual([{ path: "deploy/real.yaml", text: policy("real") }]);
    expect(res.skippedFiles).toBe(3);
    expect(res.diagnostics.map((d) => [d.severity, d.file, d.message])).toEqual([
      ["note", "deploy/dir-link", "symbolic link not followed; skipped"],
      ["note", "deploy/inside.yaml", "symbolic link not followed; skipped"],
      ["note", "deploy/outside.yaml", "symbolic link not followed; skipped"],
    ]);
    // Named explicitly: still not followed.
    const named = readRevision(r.dir, "HEAD", ["deploy/outside.yaml"]);
    expect(named.files).toEqual([]);
    expect(named.diagnostics.map((d) => d.message)).toEqual(["symbolic link not followed; skipped"]);
  });

  it("skips submodules with a note", () => {
    const r = repo();
    r.write("deploy/a.yaml", policy("a"));
    const sha = r.commit("a");
    r.git("update-index", "--add", "--cacheinfo", `160000,${sha},deploy/vendored`);
    r.git("commit", "-q", "-m", "gitlink");
    const res = readRevision(r.dir, "HEAD");
    expect(paths(res)).toEqual(["deploy/a.yaml"]);
    expect(res.skippedFiles).toBe(1);
    expect(res.diagnostics.map((d) => [d.severity, d.file])).toEqual([["note", "deploy/vendored"]]);
    expect(res.diagnostics[0]!.message).toMatch(/^submodule not read/);
  });

  it("enforces the size cap before reading, and the file count cap", () => {
    const r = repo();
    r.write("deploy/big.yaml", `# ${"x".repeat(2046)}\n`); // 2 KiB + 1 byte
    r.write("deploy/small.yaml", policy("small"));
    r.write("more/a.yaml", policy("a"));
    r.write("more/b.yaml", policy("b"));
    r.write("more/c.yaml", policy("c"));
    r.commit("files");
    const sized = readRevision(r.dir, "HEAD", ["deploy"], { maxFileBytes: 1024 });
    expect(paths(sized)).toEqual(["deploy/small.yaml"]);
    expect(sized.skippedFiles).toBe(1);
    expect(sized.diagnostics).toEqual([
      { severity: "error", file: "deploy/big.yaml", line: 1, column: 1, message: "file is 2.0 KiB, over the 1 KiB limit; skipped" },
    ]);

    const counted = readRevision(r.dir, "HEAD", ["more"], { maxFiles: 2 });
    expect(paths(counted)).toEqual(["more/a.yaml", "more/b.yaml"]);
    expect(counted.skippedFiles).toBe(1);
    expect(counted.diagnostics.map((d) => [d.severity, d.file, d.message])).toEqual([
      ["error", "more/c.yaml", "more than 2 files to read; this file and the rest are skipped"],
    ]);
  });

  it("handles unicode and spaces in paths, a BOM, identical contents and invalid UTF-8", () => {
    const r = repo();
    r.write("déploiement/sp ace/ünï cødé.yaml", policy("unicode"));
    r.write("日本/ネット.yml", `\uFEFF${policy("bom")}`);
    r.write("日本/copy.yml", `\uFEFF${policy("bom")}`); // same blob twice
    r.write("bad/latin1.yaml", Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]));
    r.write('quote"and\ttab.yaml', policy("odd"));
    r.commit("unicode");
    const res = readRevision(r.dir, "HEAD");
    expect(res.files).toEqual([
      { path: "déploiement/sp ace/ünï cødé.yaml", text: policy("unicode") },
      { path: 'quote"and\ttab.yaml', text: policy("odd") },
      { path: "日本/copy.yml", text: policy("bom") },
      { path: "日本/ネット.yml", text: policy("bom") },
    ]);
    expect(res.diagnostics.map((d) => [d.severity, d.file, d.message])).toEqual([
      ["error", "bad/latin1.yaml", "file is not valid UTF-8 text; skipped"],
    ]);
    expect(paths(readRevision(r.dir, "HEAD", ["déploiement/sp ace"]))).toEqual(["déploiement/sp ace/ünï cødé.yaml"]);
  });

  it("reads an empty selection and an empty file", () => {
    const r = repo();
    r.write("empty.yaml", "");
    r.commit("empty");
    expect(readRevision(r.dir, "HEAD").files).toEqual([{ path: "empty.yaml", text: "" }]);
    expect(readRevision(r.dir, "HEAD", ["nothing"]).files).toEqual([]);
  });

  it("says clearly when a revision is unknown or not a commit", () => {
    const r = repo();
    r.write("a.yaml", policy("a"));
    r.commit("a");
    expect(() => readRevision(r.dir, "no-such-branch")).toThrow(RevisionNotFoundError);
    expect(() => readRevision(r.dir, "no-such-branch")).toThrow(/unknown revision "no-such-branch" in .*fetch-depth: 0/s);
    expect(() => readRevision(r.dir, "0123456789abcdef0123456789abcdef01234567")).toThrow(/unknown revision/);
    expect(() => readRevision(r.dir, "HEAD^{tree}")).toThrow(/names a tree, not a commit/);
    expect(() => readRevision(r.dir, "--output=/tmp/x")).toThrow(/invalid revision/);
  });

  it("reports git's own failure with the command and its message", () => {
    const notRepo = fs.mkdtempSync(path.join(os.tmpdir(), "netreach-norepo-"));
    cleanups.push(() => fs.rmSync(notRepo, { recursive: true, force: true }));
    const attempt = () => readRevision(notRepo, "HEAD");
    expect(attempt).toThrow(GitError);
    expect(attempt).toThrow(/`git rev-parse --verify --quiet HEAD\^\{commit\}` failed with exit status 128:\n.*not a git repository/s);
  });
});

describe("readRevision and the file-system reader", () => {
  it("give the same files, order, skipped count and diagnostics for the same tree", () => {
    const r = repo();
    r.write("deploy/a.yaml", policy("a"));
    r.write("deploy/b/c.yml", policy("c"));
    r.write("deploy/b.json", "{}");
    r.write("deploy-x/d.yaml", policy("d"));
    r.write("deploy/README.md", "# readme");
    r.write("deploy/.dot.yaml", policy("dot"));
    r.write("deploy/.git-like/e.yaml", policy("e"));
    r.write("deploy/node_modules/f.yaml", policy("f"));
    r.write("deploy/big.yaml", "#".repeat(3000));
    r.write("deploy/ünï/g.yaml", `\uFEFF${policy("g")}`);
    r.symlink("a.yaml", "deploy/link.yaml");
    r.commit("tree");
    const limits = { maxFileBytes: 2048 };
    const fromGit = readRevision(r.dir, "HEAD", ["deploy", "deploy-x"], limits);
    const fromFs = readSources([path.join(r.dir, "deploy"), path.join(r.dir, "deploy-x")], limits);
    const relative = (p: string) => path.relative(r.dir, p).split(path.sep).join("/");
    expect(fromGit.files).toEqual(fromFs.files.map((f) => ({ ...f, path: relative(f.path) })));
    expect(fromGit.skippedFiles).toBe(fromFs.skippedFiles);
    expect(fromGit.diagnostics).toEqual(fromFs.diagnostics.map((d) => ({ ...d, file: relative(d.file) })));
    expect(fromGit.files.length).toBe(6);
  });
});

describe("the order files are read in, which decides which of two declarations wins (kubectl apply keeps the last)", () => {
  it("is kubectl's: paths in the order given, each directory depth first by the bytes of its names, in git and on disk alike", () => {
    const r = repo();
    // By UTF-8 bytes, U+FF5E (EF BD 9E) sorts before U+1F600 (F0 9F 98 80); UTF-16 code units sort them the other way.
    for (const f of ["z/a.yaml", "z/\u{1F600}.yaml", "z/\uFF5E.yaml", "z/a/b.yaml", "z/a-b.yaml", "b.yaml", "a.yaml"]) r.write(f, policy("p"));
    r.commit("tree");
    const specs = ["z", "b.yaml", "a.yaml"];
    const want = ["z/a/b.yaml", "z/a-b.yaml", "z/a.yaml", "z/\uFF5E.yaml", "z/\u{1F600}.yaml", "b.yaml", "a.yaml"];
    expect(paths(readRevision(r.dir, "HEAD", specs))).toEqual(want);
    const fromFs = readSources(specs.map((s) => path.join(r.dir, s)));
    expect(fromFs.files.map((f) => path.relative(r.dir, f.path).split(path.sep).join("/"))).toEqual(want);
    // A file two paths reach is read where the first reaches it.
    expect(paths(readRevision(r.dir, "HEAD", ["a.yaml", "z/a.yaml", "z"]))).toEqual(["a.yaml", "z/a.yaml", "z/a/b.yaml", "z/a-b.yaml", "z/\uFF5E.yaml", "z/\u{1F600}.yaml"]);
  });
});
