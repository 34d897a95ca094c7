// A revision's files written into a fresh temporary directory, from git objects, so that
// kustomize and helm can read a tree that is exactly the commit (the working tree is never
// touched, and base and head each get their own). The tree is untrusted: symbolic links are
// never written (kustomize and helm follow them, and one could point anywhere on the runner),
// paths that could leave the directory are refused, files are written without execute bits,
// and the same size and count caps as readRevision apply.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defaultReadLimits, type ReadLimits } from "../read-limits.js";
import { diagnostic, type Diagnostic } from "../load/object/diagnostic.js";
import { readBlobs } from "../git/blobs.js";
import { listTree, type TreeEntry } from "../git/ls-tree.js";
import { normalizePathspecs } from "../git/read-revision.js";
import { resolveRev } from "../git/repo.js";
import { removeTrackedDir, trackDir } from "./cleanup.js";

const MiB = 1024 * 1024;

export interface MaterializeLimits extends ReadLimits {
  /** Bytes written in total; files past it are skipped. */
  readonly maxTotalBytes: number;
}

export const defaultMaterializeLimits: MaterializeLimits = { ...defaultReadLimits, maxTotalBytes: 256 * MiB };

export interface MaterializedTree {
  /** Absolute path of the temporary directory; repository-relative paths resolve below it. */
  readonly dir: string;
  /** The full commit id the revision resolved to. */
  readonly commit: string;
  /** Files written. */
  readonly files: number;
  /** Entries not written, and why (symbolic links, submodules, caps, unsafe names). */
  readonly diagnostics: readonly Diagnostic[];
  /** Removes the directory. Safe to call twice. */
  cleanup(): void;
}

/**
 * Writes the files of commit `rev` under `pathspecs` (repository-relative, literal; none = the
 * whole tree) into a new temporary directory, at their repository-relative paths. Unlike
 * readRevision every file is written whatever its extension or directory (kustomize patches,
 * helm `_helpers.tpl` and `.helmignore` are needed). Throws RevisionNotFoundError, GitError or
 * UsageError as readRevision does; nothing is left behind when it throws.
 */
export function materializeRevision(
  repoDir: string,
  rev: string,
  pathspecs: readonly string[] = [],
  limits: Partial<MaterializeLimits> = {},
): MaterializedTree {
  const lim: MaterializeLimits = { ...defaultMaterializeLimits, ...limits };
  const commit = resolveRev(repoDir, rev);
  const specs = normalizePathspecs(pathspecs);
  const entries = listTree(repoDir, commit, specs);
  const diagnostics: Diagnostic[] = [];
  const note = (severity: Diagnostic["severity"], file: string, message: string) =>
    diagnostics.push(diagnostic(severity, file, { line: 1, column: 1 }, message));

  const toWrite: TreeEntry[] = [];
  let total = 0;
  let full = false;
  for (const entry of entries) {
    const unsafe = unsafeName(entry.path);
    if (unsafe !== undefined) note("error", entry.path, `${unsafe}; not written`);
    else if (entry.mode === "120000") note("note", entry.path, "symbolic link not written (links are never followed); tools see no file here");
    else if (entry.mode === "160000") note("note", entry.path, "submodule not written (its files live in another repository)");
    else if (!/^100[0-7]{3}$/.test(entry.mode) || entry.type !== "blob" || entry.size === undefined)
      note("note", entry.path, "not a regular file; not written");
    else if (full) continue;
    else if (toWrite.length >= lim.maxFiles) {
      note("error", entry.path, `more than ${lim.maxFiles} files in the tree; this file and the rest are not written`);
      full = true;
    } else if (entry.size > lim.maxFileBytes)
      note("error", entry.path, `file is ${entry.size} bytes, over the ${lim.maxFileBytes}-byte limit; not written`);
    else if (total + entry.size > lim.maxTotalBytes) {
      note("error", entry.path, `the tree is over the ${lim.maxTotalBytes}-byte limit; this file and the rest are not written`);
      full = true;
    } else {
      toWrite.push(entry);
      total += entry.size;
    }
  }

  const contents = readBlobs(
    repoDir,
    toWrite.map((e) => ({ oid: e.oid, size: e.size ?? 0 })),
  );
  // realpath: tools print resolved paths (macOS /var -> /private/var); origins are compared to it.
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "netreach-tree-")));
  trackDir(dir);
  const cleanup = () => removeTrackedDir(dir);
  let written = 0;
  try {
    for (const entry of toWrite) {
      const bytes = contents.get(entry.oid);
      if (bytes === undefined) {
        note("error", entry.path, `object ${entry.oid} is missing from the repository; not written`);
        continue;
      }
      const problem = writeInside(dir, entry.path, bytes);
      if (problem === undefined) written++;
      else note("error", entry.path, `${problem}; not written`);
    }
  } catch (e) {
    cleanup();
    throw e;
  }
  return { dir, commit, files: written, diagnostics, cleanup };
}

/**
 * Why a tree path cannot be written safely, or undefined. git itself refuses such names, but a
 * crafted tree object can hold them.
 */
function unsafeName(file: string): string | undefined {
  const parts = file.split("/");
  if (file.includes("\0") || path.isAbsolute(file)) return "path is not a relative name";
  if (parts.some((p) => p === "" || p === "." || p === ".."))
    return 'path has an empty, "." or ".." component';
  if (parts.some((p) => p.toLowerCase() === ".git")) return "path goes through a .git directory";
  return undefined;
}

/**
 * Writes one file below `root`. Every directory on the way was created here and no symbolic
 * link is ever written, so nothing can redirect the write; "wx" (O_CREAT|O_EXCL) still refuses
 * to open anything that already exists, a link included (two names that one file system folds
 * together, say on a case-insensitive disk, end up here).
 */
function writeInside(root: string, file: string, bytes: Buffer): string | undefined {
  const abs = path.join(root, ...file.split("/"));
  if (!abs.startsWith(root + path.sep)) return "path is outside the tree";
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true, mode: 0o755 });
    fs.writeFileSync(abs, bytes, { flag: "wx", mode: 0o644 });
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    return code === "EEXIST" ? "another entry of the tree already has this name" : `cannot write it (${code})`;
  }
}
