// One revision's files as targets need them: the list of files (for discovery and to tell
// whether a target's inputs changed), their text, the manifests of plain paths (read as
// netreach always read them), and a directory to build in. A git revision is read from git
// objects and materialized into a temporary directory; a plain directory (or a working tree) is
// read as it is and copied (regular files only) before a tool runs, so nothing is written
// into it.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readSources } from "../files/read-sources.js";
import { compareNames, compareWalkOrder } from "../load/workloads/walk-order.js";
import { readBlobs } from "../git/blobs.js";
import { listTree, type TreeEntry } from "../git/ls-tree.js";
import { readRevision } from "../git/read-revision.js";
import { resolveRev } from "../git/repo.js";
import { diagnostic, type Diagnostic } from "../load/object/diagnostic.js";
import type { SourceFile } from "../load/object/source.js";
import { defaultReadLimits } from "../read-limits.js";
import { materializeRevision } from "../tools/materialize.js";
import { removeTrackedDir, trackDir } from "../tools/cleanup.js";

export interface BuildRoot {
  readonly dir: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface RepoTree {
  /** "base abc123def456", "working tree", a directory as given. */
  readonly label: string;
  /** Full commit id, for git revisions. */
  readonly commit?: string;
  /** Every regular file, repository-relative, "/"-separated. */
  readonly files: readonly string[];
  /** Text of a file (up to the read limit), undefined when absent or unreadable. */
  read(file: string): string | undefined;
  isDir(dir: string): boolean;
  /** A content id (blob id or hash): equal ids, equal content. */
  id(file: string): string | undefined;
  /** The manifests under `paths` (none = everything) outside the `exclude` directories, as `netreach reach` reads them. */
  manifests(paths: readonly string[], exclude: readonly string[]): { files: SourceFile[]; diagnostics: Diagnostic[] };
  /** A directory netreach owns with the tree's files, made on first use. */
  buildRoot(): BuildRoot;
  cleanup(): void;
}

const under = (file: string, dir: string) => dir === "" || file === dir || file.startsWith(`${dir}/`);

function dirsOf(files: readonly string[]): Set<string> {
  const dirs = new Set<string>([""]);
  for (const f of files) {
    const parts = f.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  return dirs;
}

function excluding<T extends { path?: string; file?: string }>(items: T[], exclude: readonly string[]): T[] {
  return items.filter((x) => !exclude.some((d) => under((x.path ?? x.file)!, d)));
}

/** Whether repository-relative `rel` exists below `root`, reached without symbolic links (the last component included). */
function reach(root: string, rel: string): "present" | "missing" | "link" {
  let at = root;
  for (const part of rel.split("/").filter((p) => p !== "" && p !== ".")) {
    if (part === "..") return "missing";
    at = path.join(at, part);
    try {
      if (fs.lstatSync(at).isSymbolicLink()) return "link";
    } catch {
      return "missing";
    }
  }
  return "present";
}

/** Commit `rev` of the repository at `repoDir`. */
export function gitTree(repoDir: string, rev: string, label: string): RepoTree {
  const commit = resolveRev(repoDir, rev);
  const entries = new Map<string, TreeEntry>();
  for (const e of listTree(repoDir, commit, [])) if (/^100[0-7]{3}$/.test(e.mode) && e.type === "blob") entries.set(e.path, e);
  // In walk order, as the working tree's (dirTree) and as kubectl reads them.
  const files = [...entries.keys()].sort(compareWalkOrder);
  const dirs = dirsOf(files);
  const texts = new Map<string, string | undefined>();
  let root: ReturnType<typeof materializeRevision> | undefined;
  let prefetched = false;
  return {
    label: `${label} ${commit.slice(0, 12)}`,
    commit,
    files,
    read(file) {
      if (!prefetched) {
        prefetched = true;
        prefetchManifests(repoDir, entries, texts);
      }
      if (!texts.has(file)) {
        const e = entries.get(file);
        let text: string | undefined;
        if (e !== undefined && (e.size ?? 0) <= defaultReadLimits.maxFileBytes) {
          const bytes = readBlobs(repoDir, [{ oid: e.oid, size: e.size ?? 0 }]).get(e.oid);
          text = bytes?.toString("utf8");
        }
        texts.set(file, text);
      }
      return texts.get(file);
    },
    isDir: (dir) => dirs.has(dir),
    id: (file) => entries.get(file)?.oid,
    manifests(paths, exclude) {
      const r = readRevision(repoDir, commit, [...paths]);
      return { files: excluding(r.files, exclude), diagnostics: excluding(r.diagnostics, exclude) };
    },
    buildRoot() {
      root ??= materializeRevision(repoDir, commit);
      return root;
    },
    cleanup() {
      root?.cleanup();
    },
  };
}

// Discovery reads every manifest of a revision: one git process for all of them (up to this many
// bytes), not one per file, which took minutes for an ApplicationSet naming 5,000 directories.
const PREFETCH_BYTES = 64 * 1024 * 1024;
const MANIFEST_NAME = /\.(ya?ml|json)$/;

function prefetchManifests(repoDir: string, entries: ReadonlyMap<string, TreeEntry>, texts: Map<string, string | undefined>): void {
  const wanted: TreeEntry[] = [];
  let bytes = 0;
  for (const e of entries.values()) {
    const size = e.size ?? 0;
    if (!MANIFEST_NAME.test(e.path) || size > defaultReadLimits.maxFileBytes || bytes + size > PREFETCH_BYTES) continue;
    wanted.push(e);
    bytes += size;
  }
  const blobs = readBlobs(repoDir, wanted.map((e) => ({ oid: e.oid, size: e.size ?? 0 })));
  for (const e of wanted) {
    const b = blobs.get(e.oid);
    if (b !== undefined) texts.set(e.path, b.toString("utf8"));
  }
}

/** A directory read as it is (a `netreach diff` argument, or a working tree at `dir`). */
export function dirTree(dir: string, label: string): RepoTree {
  const abs = path.resolve(dir);
  const files: string[] = [];
  const walk = (d: string, rel: string) => {
    let list: fs.Dirent[];
    try {
      list = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    list.sort((a, b) => compareNames(a.name, b.name));
    for (const e of list) {
      const r = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (e.name !== ".git" && e.name !== "node_modules" && files.length < defaultReadLimits.maxFiles) walk(path.join(d, e.name), r);
      } else if (e.isFile()) files.push(r);
    }
  };
  walk(abs, "");
  const dirs = dirsOf(files);
  const known = new Set(files);
  const texts = new Map<string, string | undefined>();
  let copy: string | undefined;
  const read = (file: string) => {
    if (!texts.has(file)) {
      let text: string | undefined;
      try {
        const p = path.join(abs, ...file.split("/"));
        // O_NOFOLLOW: the file may have been swapped for a link since the walk saw it.
        if (known.has(file) && fs.lstatSync(p).size <= defaultReadLimits.maxFileBytes) {
          const fd = fs.openSync(p, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
          try {
            text = fs.readFileSync(fd, "utf8");
          } finally {
            fs.closeSync(fd);
          }
        }
      } catch {
        text = undefined;
      }
      texts.set(file, text);
    }
    return texts.get(file);
  };
  return {
    label,
    files,
    read,
    isDir: (d) => dirs.has(d),
    id(file) {
      const t = read(file);
      return t === undefined ? undefined : createHash("sha256").update(t).digest("hex");
    },
    manifests(paths, exclude) {
      // Each path is reached without symbolic links (a committed link to a directory could point
      // anywhere on the runner); one this tree does not have is simply not there, as in git.
      const notes: Diagnostic[] = [];
      const wanted: string[] = [];
      for (const p of paths.length === 0 ? [""] : paths) {
        const at = reach(abs, p);
        if (at === "link") notes.push(diagnostic("note", p, { line: 1, column: 1 }, "goes through a symbolic link, which is never followed; skipped"));
        else if (at === "present") wanted.push(p === "" ? abs : path.join(abs, ...p.split("/")));
      }
      const r = readSources(wanted, {}, "", abs);
      const rel = (p: string) => path.relative(abs, path.resolve(p)).split(path.sep).join("/");
      const out = { files: r.files.map((f) => ({ path: rel(f.path), text: f.text })), diagnostics: [...notes, ...r.diagnostics.map((d) => ({ ...d, file: rel(d.file) }))] };
      return { files: excluding(out.files, exclude), diagnostics: excluding(out.diagnostics, exclude) };
    },
    buildRoot() {
      if (copy === undefined) {
        copy = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "netreach-tree-")));
        trackDir(copy);
        for (const f of files) {
          const from = path.join(abs, ...f.split("/"));
          const to = path.join(copy, ...f.split("/"));
          try {
            if (!fs.lstatSync(from).isFile()) continue;
            fs.mkdirSync(path.dirname(to), { recursive: true });
            const fd = fs.openSync(from, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
            try {
              fs.writeFileSync(to, fs.readFileSync(fd), { mode: 0o644, flag: "wx" });
            } finally {
              fs.closeSync(fd);
            }
          } catch {
            // Vanished or unreadable: the tool will say what it misses.
          }
        }
      }
      return { dir: copy, diagnostics: [] };
    },
    cleanup() {
      if (copy !== undefined) removeTrackedDir(copy);
    },
  };
}
