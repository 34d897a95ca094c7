// The target flags of a command made into what target resolution reads, and the one-line form
// of a diagnostic: shared by every command of the CLI.
import { readFileSync, realpathSync, statSync } from "node:fs";
import { basename, isAbsolute, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../load/object/diagnostic.js";
import { plain } from "../render/escape.js";
import { UsageError } from "../files/usage-error.js";
import type { TargetFlags } from "../targets/resolve.js";
import type { TargetArgs } from "./args.js";

export function formatDiagnostic(d: Diagnostic): string {
  return `${plain(d.file)}:${d.line}:${d.column}: ${d.severity}: ${plain(d.message)}`;
}

/**
 * The flags, their absolute paths made relative to the tree they name (`roots`: the repository
 * or directories built; the first that holds the path). A path outside all of them is refused.
 */
export function targetFlags(t: TargetArgs, roots: readonly string[]): TargetFlags {
  const real = roots.map((r) => realOr(resolve(r)));
  const inTree = (p: string, flag: string): string => {
    if (!isAbsolute(p)) return p;
    const abs = realOr(resolve(p));
    for (const r of real) {
      const rel = relative(r, abs);
      if (rel === "" || (!rel.startsWith("..") && !isAbsolute(rel))) return `/${rel.split(sep).join("/")}`;
    }
    throw new UsageError(`${flag} ${p} is outside ${roots.length === 1 ? "the repository" : "the directories"} being analyzed (${roots.join(", ")})`);
  };
  const helm = (spec: string) => {
    const [chart, values] = spec.split(":", 2) as [string, string?];
    const vals = values === undefined ? [] : values.split(",").map((v) => (isAbsolute(v.trim()) ? inTree(v.trim(), "--helm") : v));
    return `${inTree(chart, "--helm")}${values === undefined ? "" : `:${vals.join(",")}`}`;
  };
  return {
    kustomize: t.kustomize.map((k) => inTree(k, "--kustomize")),
    helm: t.helm.map(helm),
    names: t.names,
    discover: t.discover,
    ...(roots.length > 0 ? { rootName: basename(realOr(resolve(roots[0]!))) } : {}),
    ...(t.config !== null ? { config: { file: t.config, text: readFileSync(t.config, "utf8") } } : {}),
  };
}

export const realOr = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};

export const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

