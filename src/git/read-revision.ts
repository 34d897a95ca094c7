// The git edge: the manifests of one revision -> SourceFile texts for the core, read from git
// objects (never by checking the revision out). Mirrors the file-system reader
// (src/files/read-sources.ts) so that a revision and a working tree give the same file set:
// same extensions, same skipped directories (dot-directories and node_modules below the named
// paths), symbolic links never followed, same size and count caps and diagnostics.
import * as path from "node:path";
import { defaultReadLimits, type ReadLimits, type ReadResult } from "../files/read-sources.js";
import { UsageError } from "../files/usage-error.js";
import { compareWalkOrder } from "../load/workloads/walk-order.js";
import { diagnostic, type Diagnostic } from "../load/object/diagnostic.js";
import { LimitError } from "../load/limits.js";
import { readBlobs } from "./blobs.js";
import { listTree, type TreeEntry } from "./ls-tree.js";
import { resolveRev } from "./repo.js";

export { resolveRev } from "./repo.js";
export type { ReadLimits } from "../files/read-sources.js";

/**
 * Blob texts already read, by object id: the revisions of one diff share most blobs, and a blob
 * read once is one string for both (the loader then reads it once too).
 */
export type BlobTexts = Map<string, string | { readonly problem: string }>;

export interface RevisionReadResult extends ReadResult {
  /** The full commit id `rev` resolved to. */
  readonly commit: string;
}

// The extensions kubectl reads from a directory (case-sensitive there too).
const manifestExtensions = new Set([".yaml", ".yml", ".json"]);
const MiB = 1024 * 1024;

/**
 * The manifests of commit `rev` under `pathspecs` (repository-relative, literal; none = the whole
 * repository). `SourceFile.path` is the repository-relative path. A file named exactly by a
 * pathspec is read whatever its extension. Throws RevisionNotFoundError for an unknown revision,
 * UsageError for a pathspec outside the repository, GitError when git fails.
 */
export function readRevision(
  repoDir: string,
  rev: string,
  pathspecs: readonly string[] = [],
  limits: Partial<ReadLimits> = {},
  where = `at ${rev}`,
  texts: BlobTexts = new Map(),
): RevisionReadResult {
  const lim: ReadLimits = { ...defaultReadLimits, ...limits };
  const commit = resolveRev(repoDir, rev);
  const specs = normalizePathspecs(pathspecs);
  const out: RevisionReadResult = { commit, files: [], diagnostics: [], skippedFiles: 0 };
  const note = (severity: Diagnostic["severity"], file: string, message: string) =>
    out.diagnostics.push(diagnostic(severity, file, { line: 1, column: 1 }, message));

  // As readSources reads them (and kubectl apply): the pathspecs in the order given, each one's
  // files in walk order. A file two pathspecs reach is read where the first one reaches it.
  const entries = listTree(repoDir, commit, specs)
    .map((e) => ({ e, at: firstSpec(e.path, specs) }))
    .sort((x, y) => x.at - y.at || compareWalkOrder(x.e.path, y.e.path))
    .map((x) => x.e);
  for (const spec of specs) {
    if (!entries.some((e) => e.path === spec || e.path.startsWith(`${spec}/`)))
      note("note", spec, `no such path at ${rev} (${commit.slice(0, 12)}); nothing read from it`);
  }

  const toRead: TreeEntry[] = [];
  let full = false;
  for (const entry of entries) {
    const named = namedBy(entry.path, specs);
    if (named === undefined) continue; // under a dot-directory or node_modules: not walked
    if (full) {
      out.skippedFiles++;
      continue;
    }
    if (entry.mode === "120000") {
      out.skippedFiles++;
      note("note", entry.path, "symbolic link not followed; skipped");
    } else if (entry.mode === "160000") {
      out.skippedFiles++;
      note("note", entry.path, "submodule not read (its files live in another repository); skipped");
    } else if (!/^100[0-7]{3}$/.test(entry.mode) || entry.type !== "blob" || entry.size === undefined) {
      out.skippedFiles++;
      note("note", entry.path, "not a regular file; skipped");
    } else if (named !== "explicitly" && !manifestExtensions.has(path.posix.extname(entry.path))) {
      out.skippedFiles++;
    } else if (toRead.length >= lim.maxFiles) {
      out.skippedFiles++;
      note("error", entry.path, `more than ${lim.maxFiles} files to read; this file and the rest are skipped`);
      full = true;
    } else if (entry.size > lim.maxFileBytes) {
      // Checked before reading, so a huge file costs nothing.
      out.skippedFiles++;
      note("error", entry.path, `file is ${formatSize(entry.size, 1)}, over the ${formatSize(lim.maxFileBytes)} limit; skipped`);
    } else toRead.push(entry);
  }

  // Sizes are known from the tree: too much is refused before a byte is read.
  const total = toRead.reduce((sum, e) => sum + (e.size ?? 0), 0);
  if (total > lim.maxTotalBytes) throw new LimitError("bytes", total, lim.maxTotalBytes, where);
  const contents = readBlobs(
    repoDir,
    toRead.filter((e) => !texts.has(e.oid)).map((e) => ({ oid: e.oid, size: e.size ?? 0 })),
  );
  for (const entry of toRead) {
    let text = texts.get(entry.oid);
    if (text === undefined) {
      const bytes = contents.get(entry.oid);
      text = bytes === undefined ? { problem: `object ${entry.oid} is missing from the repository` } : decode(bytes);
      texts.set(entry.oid, text);
    }
    if (typeof text === "string") out.files.push({ path: entry.path, text });
    else {
      out.skippedFiles++;
      note("error", entry.path, `${text.problem}; skipped`);
    }
  }
  return out;
}

/**
 * Pathspecs as ls-tree wants them: no "./", no trailing "/", "." = everything (then no pathspec
 * at all). Absolute paths and ".." cannot name anything in a tree: a usage error.
 */
export function normalizePathspecs(pathspecs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of pathspecs) {
    const parts = raw.split("/").filter((p) => p !== "" && p !== ".");
    if (raw.startsWith("/") || path.isAbsolute(raw) || parts.includes(".."))
      throw new UsageError(`path ${JSON.stringify(raw)} must be relative to the repository root, without ".."`);
    if (parts.length === 0) return []; // the whole tree
    out.add(parts.join("/"));
  }
  return [...out];
}

/**
 * How `file` is reached from the pathspecs, as the file-system walk would reach it from the same
 * paths: "explicitly" (a pathspec names the file), "walked" (below a named directory, through no
 * dot-directory or node_modules), or undefined (the walk would not go there).
 */
function namedBy(file: string, specs: readonly string[]): "explicitly" | "walked" | undefined {
  if (specs.includes(file)) return "explicitly";
  const walked = (rest: string) =>
    rest
      .split("/")
      .slice(0, -1)
      .every((dir) => !dir.startsWith(".") && dir !== "node_modules");
  if (specs.length === 0) return walked(file) ? "walked" : undefined;
  for (const spec of specs) {
    if (file.startsWith(`${spec}/`) && walked(file.slice(spec.length + 1))) return "walked";
  }
  return undefined;
}

/**
 * The position of the first pathspec that reads `file`: one naming it, or a directory the walk
 * reads it from (a manifest extension, through no dot-directory or node_modules).
 */
function firstSpec(file: string, specs: readonly string[]): number {
  if (specs.length === 0) return 0;
  const walked = (rest: string) =>
    manifestExtensions.has(path.posix.extname(rest)) &&
    rest
      .split("/")
      .slice(0, -1)
      .every((dir) => !dir.startsWith(".") && dir !== "node_modules");
  const i = specs.findIndex((spec) => spec === file || (file.startsWith(`${spec}/`) && walked(file.slice(spec.length + 1))));
  return i < 0 ? specs.length : i;
}

/** UTF-8 text without BOM, or why it could not be had. */
function decode(bytes: Buffer): string | { problem: string } {
  try {
    // fatal: mis-decoded text would give confusing YAML errors; ignoreBOM false strips a BOM.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problem: "file is not valid UTF-8 text" };
  }
}

/** "50.0 MiB" with `decimals`; without, limits read naturally ("16 MiB"). Same as read-sources. */
function formatSize(bytes: number, decimals?: number): string {
  const [value, unit] = bytes >= MiB ? [bytes / MiB, "MiB"] : bytes >= 1024 ? [bytes / 1024, "KiB"] : [bytes, "bytes"];
  if (unit === "bytes") return `${bytes} bytes`;
  return `${decimals === undefined && Number.isInteger(value) ? value : value.toFixed(decimals ?? 1)} ${unit}`;
}
