// Kustomize patches look like manifests (`kind: NetworkPolicy`, a name, part of a spec) but are
// fragments merged into another object. Read as objects they would be analyzed as whole, wrong
// policies; until kustomizations are rendered they are set aside, with a note at each.
import { isPlainObject } from "./object/checker.js";
import { diagnostic, type Diagnostic } from "./object/diagnostic.js";
import type { KubeObject } from "./object/source.js";

/** The files that kustomizations among `objects` use as patches (repository-relative paths). */
export function patchFiles(objects: readonly KubeObject[]): Set<string> {
  const out = new Set<string>();
  for (const k of objects) {
    if (k.kind !== "Kustomization" || !k.apiVersion.startsWith("kustomize.config.k8s.io/")) continue;
    const dir = k.file.includes("/") ? k.file.slice(0, k.file.lastIndexOf("/") + 1) : "";
    const paths: unknown[] = [];
    for (const field of ["patchesStrategicMerge", "patches", "patchesJson6902"]) {
      const list = k.body[field];
      if (!Array.isArray(list)) continue;
      for (const item of list) paths.push(isPlainObject(item) ? item["path"] : item);
    }
    for (const p of paths) if (typeof p === "string" && !p.includes("\n")) out.add(normalize(dir + p));
  }
  return out;
}

export function patchNote(obj: KubeObject): Diagnostic {
  return diagnostic("note", obj.file, obj.locate([]), `${obj.kind} in a Kustomize patch is not analyzed (a fragment, not a whole object; the kustomization is built when it is a target, see README "Targets")`);
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}
