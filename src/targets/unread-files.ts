// Files a pull request changes that no analysis of the run reads (DESIGN section 4b): a values
// file no target names, manifests outside every target, a kustomization nothing builds. Only
// files that could feed a cluster are listed (Kubernetes objects, Helm values, Kustomize and Chart
// files), so a README or a CI workflow is not.
import { kustomizeClosure, KUSTOMIZATION_FILES } from "../tools/kustomization-file.js";
import { CONFIG_FILE } from "./config.js";
import type { RepoTree } from "./repo-tree.js";
import { sourceAt, type Target, type TargetSource } from "./target.js";

const MANIFEST = /\.(ya?ml|json)$/i;
const API_VERSION = /(^|[\n{,])[ \t]*"?apiVersion"?[ \t]*:/;
const KIND = /(^|[\n{,])[ \t]*"?kind"?[ \t]*:/;
const VALUES = /(^|\/)values[^/]*\.ya?ml$/i;

const under = (file: string, dir: string) => dir === "" || file === dir || file.startsWith(`${dir}/`);
const hidden = (file: string) => file.split("/").slice(0, -1).some((d) => d.startsWith(".") || d === "node_modules");
const name = (file: string) => file.split("/").pop() ?? file;

/** Whether a changed file could change what some cluster runs. */
function couldFeedACluster(file: string, texts: readonly (string | undefined)[]): boolean {
  if (!MANIFEST.test(file) && !KUSTOMIZATION_FILES.includes(name(file))) return false;
  if (hidden(file) || file === CONFIG_FILE) return false;
  if (VALUES.test(file) || KUSTOMIZATION_FILES.includes(name(file)) || name(file) === "Chart.yaml") return true;
  return texts.some((t) => t !== undefined && API_VERSION.test(t) && KIND.test(t));
}

/** Which files building `source` in `tree` reads; a kustomization's closure is walked once, not per file. */
export function reader(source: TargetSource, tree: RepoTree): (file: string) => boolean {
  switch (source.kind) {
    case "paths":
      return (file) => MANIFEST.test(file) && !hidden(file) && (source.paths.length === 0 || source.paths.some((p) => under(file, p))) && !(source.exclude ?? []).some((d) => under(file, d));
    case "kustomize": {
      const dirs = kustomizeClosure(source.dir, tree).dirs;
      return (file) => dirs.some((d) => under(file, d));
    }
    case "helm":
      return (file) => under(file, source.chart) || source.values.includes(file);
  }
}

const changedMemo = new WeakMap<RepoTree, WeakMap<RepoTree, string[]>>();

/** Files that differ between the trees (added, removed or edited), sorted; worked out once per pair of trees. */
export function changedFiles(base: RepoTree, head: RepoTree): string[] {
  const known = changedMemo.get(base)?.get(head);
  if (known !== undefined) return known;
  const out = new Set<string>();
  const inBase = new Set(base.files);
  for (const f of head.files) if (!inBase.has(f) || base.id(f) !== head.id(f)) out.add(f);
  const inHead = new Set(head.files);
  for (const f of base.files) if (!inHead.has(f)) out.add(f);
  const sorted = [...out].sort();
  if (!changedMemo.has(base)) changedMemo.set(base, new WeakMap());
  changedMemo.get(base)!.set(head, sorted);
  return sorted;
}

/** The changed files that could feed a cluster and that no target reads at either revision. */
export function unreadFiles(targets: readonly Target[], trees: { readonly base: RepoTree; readonly head: RepoTree }): string[] {
  const candidates = changedFiles(trees.base, trees.head).filter((f) => couldFeedACluster(f, [trees.base.read(f), trees.head.read(f)]));
  if (candidates.length === 0) return [];
  const readers = targets.flatMap((t) => [reader(sourceAt(t, "base"), trees.base), reader(t.source, trees.head)]);
  return candidates.filter((f) => !readers.some((reads) => reads(f)));
}
