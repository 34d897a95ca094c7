// The targets of one revision, built from that revision's own tree: materialize once (the
// whole tree, since an overlay may reach any base), build each target in turn, clean up.
// A failing target is one failed result; the others are still built.
import type { Diagnostic } from "../load/diagnostic.js";
import type { BuildOptions } from "./build-options.js";
import { helmTemplate, type HelmTarget } from "./helm.js";
import { kustomizeBuild } from "./kustomize.js";
import { materializeRevision, type MaterializeLimits } from "./materialize.js";
import type { BuildResult } from "./rendered.js";

export type BuildTarget = ({ readonly kind: "kustomize"; readonly dir: string }) | ({ readonly kind: "helm" } & HelmTarget);

export interface RevisionBuild {
  /** The full commit id the revision resolved to. */
  readonly commit: string;
  /** Files of the tree that were not written (links, submodules, caps). */
  readonly diagnostics: readonly Diagnostic[];
  /** One per target, in order. */
  readonly results: readonly BuildResult[];
}

/**
 * Builds `targets` at `rev` of the repository at `repoDir`. Throws only what materializing
 * throws (unknown revision, git failure); build failures are results.
 */
export async function buildAtRevision(
  repoDir: string,
  rev: string,
  targets: readonly BuildTarget[],
  options: BuildOptions & { readonly limits?: Partial<MaterializeLimits> } = {},
): Promise<RevisionBuild> {
  const tree = materializeRevision(repoDir, rev, [], options.limits);
  try {
    const results: BuildResult[] = [];
    // One at a time: kustomize's wrapper lives in the shared tree, and tools are CPU-bound anyway.
    for (const t of targets) results.push(t.kind === "kustomize" ? await kustomizeBuild(tree.dir, t.dir, options) : await helmTemplate(tree.dir, t, options));
    return { commit: tree.commit, diagnostics: tree.diagnostics, results };
  } finally {
    tree.cleanup();
  }
}
