// Questions about a repository: where its root is, what a revision names, whether a commit is
// present and whether the clone is shallow.
import { git, gitResult, failed } from "./run.js";

/** A revision that names no commit in the repository (unknown, or not a commit). */
export class RevisionNotFoundError extends Error {
  override name = "RevisionNotFoundError";
  constructor(
    message: string,
    readonly rev: string,
    readonly repoDir: string,
  ) {
    super(message);
  }
}

/** The top directory of the working tree that holds `dir`. Throws a GitError outside a repository. */
export function repoRoot(dir: string): string {
  return git(dir, ["rev-parse", "--show-toplevel"]).trim();
}

/**
 * The full object id of the commit `rev` names (branch, tag, SHA, `HEAD~2`, …).
 * Throws RevisionNotFoundError when there is none, GitError when git itself fails.
 */
export function resolveRev(repoDir: string, rev: string): string {
  checkRevSyntax(rev, repoDir);
  const commit = gitResult(repoDir, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  if (commit.status === 0) return commit.stdout.toString("utf8").trim();
  if (commit.status !== 1) throw failed(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], commit);
  // `rev-parse --verify` accepts any full hex id, present or not: ask cat-file what is there.
  const any = gitResult(repoDir, ["rev-parse", "--verify", "--quiet", rev]);
  const type = any.status === 0 ? gitResult(repoDir, ["cat-file", "-t", any.stdout.toString("utf8").trim()]) : undefined;
  if (type?.status === 0) {
    const name = type.stdout.toString("utf8").trim();
    throw new RevisionNotFoundError(`revision "${rev}" in ${repoDir} names a ${name}, not a commit`, rev, repoDir);
  }
  throw new RevisionNotFoundError(
    `unknown revision "${rev}" in ${repoDir}: no branch, tag or commit of that name. ` +
      "If it exists on the remote, fetch it first; a shallow checkout lacks older commits " +
      "(set fetch-depth: 0 on actions/checkout, or run `git fetch --unshallow`).",
    rev,
    repoDir,
  );
}

/** Whether the commit `sha` is present locally (a shallow or single-branch clone may lack it). */
export function hasCommit(repoDir: string, sha: string): boolean {
  checkRevSyntax(sha, repoDir);
  const r = gitResult(repoDir, ["cat-file", "-e", `${sha}^{commit}`]);
  if (r.status === 0) return true;
  // cat-file -e exits 128 both for "no such object" and for "not a repository": tell them apart.
  if (/not a git repository/i.test(r.stderr)) throw failed(["cat-file", "-e", `${sha}^{commit}`], r);
  return false;
}

/** Whether the repository's history is cut (a clone with --depth). */
export function isShallow(repoDir: string): boolean {
  return git(repoDir, ["rev-parse", "--is-shallow-repository"]).trim() === "true";
}

/** Revisions reach git as arguments: one starting with "-" would be read as an option. */
export function checkRevSyntax(rev: string, repoDir: string): void {
  if (rev === "" || rev.startsWith("-") || /[\0\n]/.test(rev))
    throw new RevisionNotFoundError(`invalid revision ${JSON.stringify(rev)} in ${repoDir}`, rev, repoDir);
}
