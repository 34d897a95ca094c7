// The two revisions a `diff` with targets reads, as trees: two directories, or `--git BASE
// [HEAD]` in the repository around the working directory. `diff` and `targets` open them alike,
// so that the targets listed are the targets a diff analyzes.
import { relative, resolve, sep } from "node:path";
import { repoRoot } from "../git/repo.js";
import { UsageError } from "../files/usage-error.js";
import { dirTree, gitTree, type RepoTree } from "../targets/repo-tree.js";
import { originUrl } from "../targets/run.js";
import type { DiffSource, TargetArgs } from "./args.js";
import { isDir } from "./target-flags.js";

export interface DiffTrees {
  readonly trees: { readonly base: RepoTree; readonly head: RepoTree };
  /** Repository-relative pathspecs (--git … -- PATHSPEC). */
  readonly paths: string[];
  /** The repository's normalized origin URL, when it has one. */
  readonly repo: string | undefined;
  /** Where absolute target flags are made relative. */
  readonly roots: string[];
}

export const withTargets = (t: TargetArgs) => t.kustomize.length + t.helm.length + t.names.length > 0 || t.config !== null;

/** Undefined when two paths are not both directories: today's plain diff of files. */
export function diffTrees(src: DiffSource, targets: TargetArgs): DiffTrees | undefined {
  if (src.kind === "paths") {
    if (!isDir(src.base) || !isDir(src.head)) {
      if (withTargets(targets)) throw new UsageError("targets (--kustomize, --helm, --target, --config) need two directories, or --git");
      return undefined;
    }
    return { trees: { base: dirTree(src.base, src.base), head: dirTree(src.head, src.head) }, paths: [], repo: undefined, roots: [src.head, src.base] };
  }
  const root = repoRoot(process.cwd());
  const paths = src.pathspecs.map((p) => relative(root, resolve(process.cwd(), p)).split(sep).join("/")).filter((p) => p !== "");
  const base = gitTree(root, src.baseRev, "base");
  return { trees: { base, head: src.headRev !== null ? gitTree(root, src.headRev, "head") : dirTree(root, "working tree") }, paths, repo: originUrl(root), roots: [root] };
}
