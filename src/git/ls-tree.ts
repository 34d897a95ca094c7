// Lists the files of a commit from git objects: `git ls-tree -r -z --full-tree -l`.
import { git } from "./run.js";

/** One entry of a tree, recursively: a file, a symbolic link or a submodule. */
export interface TreeEntry {
  /** Octal mode as git writes it: 100644/100755 file, 120000 symbolic link, 160000 submodule. */
  readonly mode: string;
  /** "blob" or "commit" (submodule). */
  readonly type: string;
  readonly oid: string;
  /** Bytes, for blobs; undefined for submodules. */
  readonly size: number | undefined;
  /** Repository-relative, forward slashes, as stored in git (not quoted). */
  readonly path: string;
}

/**
 * Entries of `treeish` under `pathspecs` (repository-relative; none = the whole tree), in git's
 * order. Pathspecs are literal: no globs, no `:(magic)`; a directory names everything below it.
 */
export function listTree(repoDir: string, treeish: string, pathspecs: readonly string[] = []): TreeEntry[] {
  const out = git(repoDir, ["ls-tree", "-r", "-z", "--full-tree", "-l", treeish, "--", ...pathspecs], {
    encoding: "buffer",
    env: { GIT_LITERAL_PATHSPECS: "1" },
  });
  return parseLsTree(out.toString("utf8"));
}

/** Parses `<mode> SP <type> SP <oid> SP+ <size|-> TAB <path> NUL` records. */
export function parseLsTree(text: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of text.split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("\t");
    const [mode, type, oid, size] = record.slice(0, tab).trim().split(/ +/);
    if (tab < 0 || mode === undefined || type === undefined || oid === undefined || size === undefined)
      throw new Error(`unexpected \`git ls-tree\` output: ${JSON.stringify(record.slice(0, 200))}`);
    entries.push({ mode, type, oid, size: size === "-" ? undefined : Number(size), path: record.slice(tab + 1) });
  }
  return entries;
}
