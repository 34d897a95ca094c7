// The merge base of a pull request: the commit its base side is compared at. CI checkouts
// are usually shallow (actions/checkout fetches one commit), so the commits, or the history
// joining them, may be missing: fetch them from the remote, deepening step by step.
import { GitError, gitResult, failed, git } from "./run.js";
import { checkRevSyntax, hasCommit, isShallow } from "./repo.js";

/** The merge base could not be found or the commits could not be fetched; the message says what to do. */
export class MergeBaseError extends Error {
  override name = "MergeBaseError";
}

export interface EnsureMergeBaseOptions {
  /** Depth of the first fetch in a shallow repository (commits from each tip). Default 50. */
  readonly initialDepth?: number;
  /** Deepening doubles from `initialDepth`; past this step the whole history is fetched. Default 3200. */
  readonly maxDeepen?: number;
  /** Per fetch. Default 10 minutes. */
  readonly timeoutMs?: number;
  /** Progress messages ("fetching …"), e.g. for the Action's log. */
  readonly log?: (message: string) => void;
}

/** `git merge-base a b`: the best common ancestor. Throws MergeBaseError when there is none in the local history. */
export function mergeBase(repoDir: string, a: string, b: string): string {
  const found = tryMergeBase(repoDir, a, b);
  if (found === undefined)
    throw new MergeBaseError(`${short(a)} and ${short(b)} have no common ancestor in the history available in ${repoDir}`);
  return found;
}

/**
 * The merge base of `baseSha` and `headSha` (full commit ids), fetching from `remote` what the
 * repository lacks: the commits themselves, then, in a shallow clone, more history
 * (`--depth`, then `--deepen` doubling up to `maxDeepen`, then `--unshallow`) until the merge
 * base is found. A complete repository is never made shallow.
 */
export function ensureMergeBase(
  repoDir: string,
  baseSha: string,
  headSha: string,
  remote = "origin",
  options: EnsureMergeBaseOptions = {},
): string {
  const initialDepth = options.initialDepth ?? 50;
  const maxDeepen = options.maxDeepen ?? 3200;
  const log = options.log ?? (() => {});
  for (const sha of [baseSha, headSha]) {
    checkRevSyntax(sha, repoDir);
    if (!/^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(sha))
      throw new MergeBaseError(`"${sha}" is not a full commit id; ensureMergeBase needs the SHAs of the base and head commits`);
  }
  if (remote === "" || remote.startsWith("-")) throw new MergeBaseError(`invalid remote name ${JSON.stringify(remote)}`);
  const targets = [...new Set([baseSha, headSha])];
  const fetch = (what: string, flags: string[], shas: readonly string[]) => {
    log(`fetching ${what} from ${remote}`);
    try {
      git(repoDir, ["fetch", "--no-tags", "--no-recurse-submodules", ...flags, remote, ...shas], {
        timeoutMs: options.timeoutMs ?? 10 * 60_000,
      });
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
      throw new MergeBaseError(
        `could not fetch ${what} from remote "${remote}" in ${repoDir}: ${e.message}\n${advice}`,
        { cause: e },
      );
    }
  };

  const missing = targets.filter((sha) => !hasCommit(repoDir, sha));
  if (missing.length > 0) {
    const what = missing.map((sha) => `commit ${short(sha)} (${sha === baseSha ? "base" : "head"})`).join(" and ");
    // Fetching with --depth into a complete repository would cut its history: only when shallow.
    if (isShallow(repoDir)) fetch(`${what}, ${initialDepth} commits deep`, [`--depth=${initialDepth}`], targets);
    else fetch(what, [], missing);
    for (const sha of missing) {
      if (!hasCommit(repoDir, sha))
        throw new MergeBaseError(`commit ${sha} is still missing after fetching it from remote "${remote}".\n${advice}`);
    }
  }

  let found = tryMergeBase(repoDir, baseSha, headSha);
  let step = initialDepth;
  let unshallowed = false;
  while (found === undefined && !unshallowed && isShallow(repoDir)) {
    if (step <= maxDeepen) {
      fetch(`${step} more commits of history`, [`--deepen=${step}`], targets);
      step *= 2;
    } else {
      // Once: a shallow remote, or shallow commits unrelated to these two, keep the repository shallow.
      fetch("the full history", ["--unshallow"], targets);
      unshallowed = true;
    }
    found = tryMergeBase(repoDir, baseSha, headSha);
  }
  if (found === undefined)
    throw new MergeBaseError(
      `base ${short(baseSha)} and head ${short(headSha)} have no common ancestor` +
        (unshallowed ? " even in the full history fetched from the remote" : "") +
        `: are they commits of the same repository? (${repoDir})`,
    );
  log(`merge base: ${found}`);
  return found;
}

const advice =
  "netreach reads the base side at the merge base of the pull request, so it needs the base and head " +
  "commits and the history joining them: set fetch-depth: 0 on actions/checkout, or check that the " +
  "remote has these commits and that the token may read it.";

function tryMergeBase(repoDir: string, a: string, b: string): string | undefined {
  checkRevSyntax(a, repoDir);
  checkRevSyntax(b, repoDir);
  const args = ["merge-base", a, b];
  const r = gitResult(repoDir, args);
  if (r.status === 0) return r.stdout.toString("utf8").trim();
  if (r.status === 1 && r.stderr.trim() === "") return undefined; // no common ancestor
  throw failed(args, r);
}

function short(sha: string): string {
  return /^[0-9a-f]{40,64}$/i.test(sha) ? sha.slice(0, 12) : sha;
}
