// What a kustomization.yaml refers to: other kustomizations (resources, bases, components that
// are directories) and patch files. Read by the same walk whatever holds the files (a
// materialized tree, a git revision's listing), through `TreeReader`.
import * as path from "node:path";
import { parse } from "yaml";

export const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

export interface TreeReader {
  /** Text of a repository-relative file, or undefined when there is none. */
  read(file: string): string | undefined;
  /** Whether a repository-relative directory exists. */
  isDir(dir: string): boolean;
}

export interface PatchRef {
  /** Repository-relative path of the patch file. */
  readonly file: string;
  /** The patch's `target` selector, when it has one. */
  readonly target?: { readonly kind?: string; readonly name?: string };
}

export interface KustomizeClosure {
  /** Every kustomization directory the build reads, the target first (an overlay before its bases). */
  readonly dirs: readonly string[];
  /** Patch files, the target's first (applied last). */
  readonly patches: readonly PatchRef[];
}

/** The kustomization file of a directory, if it has one. */
export function kustomizationFile(dir: string, tree: TreeReader): { file: string; text: string } | undefined {
  for (const name of KUSTOMIZATION_FILES) {
    const file = join(dir, name);
    const text = tree.read(file);
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

/**
 * The kustomization directories and patch files a build of `dir` reads. With kustomize's
 * root-only load restrictor every other file a kustomization reads lies below its directory,
 * so these directories' subtrees are all of a build's inputs.
 */
export function kustomizeClosure(dir: string, tree: TreeReader): KustomizeClosure {
  const dirs: string[] = [];
  const patches: PatchRef[] = [];
  const visit = (d: string) => {
    if (dirs.includes(d) || dirs.length > 500) return;
    const k = kustomizationFile(d, tree);
    if (k === undefined) return;
    dirs.push(d);
    const refs = kustomizationRefs(k.text);
    for (const p of refs.patches) patches.push({ ...p, file: join(d, p.file) });
    for (const r of refs.resources) {
      const rel = join(d, r);
      if (!rel.startsWith("../") && rel !== ".." && tree.isDir(rel)) visit(rel);
    }
  };
  visit(normalize(dir));
  return { dirs, patches };
}

/** Resources, bases, components and plugin configurations as written; patch files with their targets. */
export function kustomizationRefs(text: string): { resources: string[]; patches: PatchRef[] } {
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: false, maxAliasCount: 100 });
  } catch {
    return { resources: [], patches: [] };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { resources: [], patches: [] };
  const k = data as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && !x.includes("\n")) : []);
  // Plugin configurations may be kustomization directories too: their files are inputs of the build.
  const resources = [...strings(k.resources), ...strings(k.bases), ...strings(k.components), ...strings(k.transformers), ...strings(k.generators), ...strings(k.validators)].filter(
    (r) => !/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(r),
  );
  const patches: PatchRef[] = [];
  for (const field of ["patches", "patchesStrategicMerge", "patchesJson6902"]) {
    const list = k[field];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (typeof item === "string" && !item.includes("\n")) patches.push({ file: item });
      else if (item !== null && typeof item === "object" && typeof (item as Record<string, unknown>).path === "string") {
        const t = (item as Record<string, unknown>).target as Record<string, unknown> | undefined;
        const target = t && typeof t === "object" ? { ...(typeof t.kind === "string" ? { kind: t.kind } : {}), ...(typeof t.name === "string" ? { name: t.name } : {}) } : undefined;
        patches.push({ file: (item as Record<string, string>).path!, ...(target ? { target } : {}) });
      }
    }
  }
  return { resources, patches };
}

/** `dir/rel` normalized, repository-relative (starting with `..` when it leaves the repository). */
function join(dir: string, rel: string): string {
  return normalize(path.posix.join(dir === "" ? "." : dir, rel));
}

function normalize(p: string): string {
  const n = path.posix.normalize(p);
  return n === "." || n === "./" ? "" : n.replace(/\/$/, "");
}
