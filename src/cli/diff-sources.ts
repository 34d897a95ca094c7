// Where the two revisions of `netreach diff` come from: two paths, or git revisions (read from
// git objects, never checked out) with the working tree as the default head.
import { relative, resolve, sep, basename } from "node:path";
import { statSync } from "node:fs";
import type { Diagnostic } from "../load/object/diagnostic.js";
import type { SourceFile } from "../load/object/source.js";
import { readRevision, resolveRev, type BlobTexts } from "../git/read-revision.js";
import { repoRoot } from "../git/repo.js";
import type { DiffSource } from "./args.js";
import { readSources, type ReadLimits } from "../files/read-sources.js";

export interface Revisions {
  readonly base: { readonly files: readonly SourceFile[]; readonly diagnostics: readonly Diagnostic[]; readonly label: string };
  readonly head: { readonly files: readonly SourceFile[]; readonly diagnostics: readonly Diagnostic[]; readonly label: string };
}

export function readRevisions(source: DiffSource, cwd = process.cwd(), maxTotalBytes?: number): Revisions {
  const limits = maxTotalBytes === undefined ? {} : { maxTotalBytes };
  if (source.kind === "paths") {
    return { base: readRooted(source.base, cwd, limits, "in the base"), head: readRooted(source.head, cwd, limits, "in the head") };
  }
  const root = repoRoot(cwd);
  // git pathspecs are relative to where the user stands; ls-tree --full-tree wants the root's view.
  const specs = source.pathspecs.map((p) => toPosix(relative(root, resolve(cwd, p))) || ".");
  const baseSha = resolveRev(root, source.baseRev);
  const texts: BlobTexts = new Map(); // blobs both revisions hold are read once
  const base = readRevision(root, baseSha, specs, limits, `at ${source.baseRev}`, texts);
  if (source.headRev !== null) {
    const headSha = resolveRev(root, source.headRev);
    const head = readRevision(root, headSha, specs, limits, `at ${source.headRev}`, texts);
    return { base: { ...base, label: source.baseRev }, head: { ...head, label: source.headRev } };
  }
  const wt = readSources(specs.length > 0 ? specs.map((s) => resolve(root, s)) : [root], limits, "in the working tree", root);
  const files = wt.files.map((f) => ({ path: toPosix(relative(root, resolve(cwd, f.path))), text: f.text }));
  return { base: { ...base, label: source.baseRev }, head: { files, diagnostics: wt.diagnostics, label: "working tree" } };
}

/**
 * Files of a directory named relative to that directory, so that the same file has the same name
 * on both sides (`base/x.yaml` and `head/x.yaml` are both `x.yaml`).
 */
function readRooted(path: string, cwd: string, limits: Partial<ReadLimits>, where: string): Revisions["base"] {
  const abs = resolve(cwd, path);
  const r = readSources([abs], limits, `${where} (${path})`, cwd);
  const isDir = safeIsDir(abs);
  const rename = (p: string) => (isDir ? toPosix(relative(abs, resolve(cwd, p))) : basename(p));
  return {
    files: r.files.map((f) => ({ path: rename(f.path), text: f.text })),
    diagnostics: r.diagnostics.map((d) => ({ ...d, file: rename(d.file) })),
    label: path,
  };
}

function safeIsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}
