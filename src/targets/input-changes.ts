// A rendered target's inputs the pull request changed (values files, patches, templates), as
// unified diffs of the files' own text: the author's edit, shown before the rendered objects'
// diff, which says what it did. `values-prod.yaml` changed shows `values-prod.yaml`.
import { structuredPatch } from "diff";
import type { InputChange } from "../analyze.js";
import type { RepoTree } from "./repo-tree.js";
import { sourceAt, type Target } from "./target.js";
import { changedFiles, reader } from "./unread-files.js";

/** Larger files are named, not shown: a comment has room for the edit, not a chart. */
const MAX_FILE_CHARS = 64 * 1024;
const MAX_FILES = 20;

export function inputChangesOf(target: Target, trees: { readonly base: RepoTree; readonly head: RepoTree }, changed: readonly string[] = changedFiles(trees.base, trees.head)): InputChange[] {
  if (target.source.kind === "paths") return [];
  const base = sourceAt(target, "base");
  // Documentation next to a chart or a kustomization changes no object.
  const readsBase = reader(base, trees.base);
  const readsHead = reader(target.source, trees.head);
  const files = changed.filter((f) => !/\.(md|markdown|txt|rst)$/i.test(f) && (readsBase(f) || readsHead(f))).slice(0, MAX_FILES);
  return files.map((f) => {
    const b = trees.base.read(f);
    const h = trees.head.read(f);
    const status = b === undefined ? "added" : h === undefined ? "removed" : "modified";
    return { file: f, status, patch: filePatch(f, b, h) };
  });
}

function filePatch(file: string, b: string | undefined, h: string | undefined): string {
  const shown = (t: string | undefined) => t === undefined || (t.length <= MAX_FILE_CHARS && !t.includes("\0"));
  if (!shown(b) || !shown(h)) return `(${file}: binary or larger than ${MAX_FILE_CHARS / 1024} KiB, not shown)\n`;
  const p = structuredPatch(b === undefined ? "/dev/null" : `a/${file}`, h === undefined ? "/dev/null" : `b/${file}`, b ?? "", h ?? "", "", "", { context: 3 });
  const out = [`--- ${p.oldFileName}`, `+++ ${p.newFileName}`];
  for (const hunk of p.hunks) out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines);
  return `${out.join("\n")}\n`;
}
