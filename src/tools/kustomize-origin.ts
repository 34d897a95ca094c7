// Kustomize's `config.kubernetes.io/origin` annotation (asked for with buildMetadata:
// [originAnnotations]): a YAML document inside an annotation, e.g.
//   path: ../base/np.yaml                      a resource file, relative to the build root
//   repo: https://…  ref: v1                   the same, from a remote base
//   configuredIn: ../base/kustomization.yaml   a generated object…
//   configuredBy: {apiVersion: builtin, kind: ConfigMapGenerator}   …and its generator
import * as path from "node:path";
import { parse } from "yaml";

export const ORIGIN_ANNOTATION = "config.kubernetes.io/origin";

export interface KustomizeOrigin {
  /** Repository-relative, or undefined when the source lies outside the tree (`outside` says which). */
  readonly file: string | undefined;
  /** The path as kustomize wrote it, when it leads outside the tree or to a remote repository. */
  readonly outside?: string;
  readonly generatedBy?: string;
}

/**
 * Reads an origin annotation's value. `buildRoot` is the repository-relative directory the build
 * ran in (paths in the annotation are relative to it), or a function making a path as written
 * repository-relative (undefined: outside the tree). Undefined for a value that is not an origin.
 */
export function parseOrigin(value: unknown, buildRoot: string | ((written: string) => string | undefined)): KustomizeOrigin | undefined {
  if (typeof value !== "string") return undefined;
  let data: unknown;
  try {
    data = parse(value);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== "object") return undefined;
  const o = data as Record<string, unknown>;
  const by = o.configuredBy as Record<string, unknown> | undefined;
  const generatedBy = typeof by?.kind === "string" ? by.kind : undefined;
  const written = typeof o.path === "string" ? o.path : typeof o.configuredIn === "string" ? o.configuredIn : undefined;
  if (written === undefined) return undefined;
  if (typeof o.repo === "string" && o.repo !== "")
    return { file: undefined, outside: `${o.repo}${typeof o.ref === "string" ? `?ref=${o.ref}` : ""} ${written}`, ...(generatedBy ? { generatedBy } : {}) };
  const rel = typeof buildRoot === "string" ? path.posix.normalize(path.posix.join(buildRoot, written)) : path.posix.isAbsolute(written) ? undefined : buildRoot(written);
  const outside = rel === undefined || path.posix.isAbsolute(written) || rel === ".." || rel.startsWith("../");
  return outside ? { file: undefined, outside: written, ...(generatedBy ? { generatedBy } : {}) } : { file: rel!, ...(generatedBy ? { generatedBy } : {}) };
}
