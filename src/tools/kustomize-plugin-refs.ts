// Kustomize's built-in plugins, configured in files, directories or inline under `transformers`,
// `generators` and `validators`, load files too (PatchTransformer `path`, ConfigMapGenerator
// `files`, ReplacementTransformer `replacements[].path`, …): what they name, for
// kustomize-refs.ts to check as it checks a kustomization's own entries.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseAllDocuments } from "yaml";
import { entryAt } from "./target-path.js";

type Obj = Record<string, unknown>;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const PLUGIN_FIELDS = ["transformers", "generators", "validators"];
/** Keys under which built-in plugins' configurations name files. */
const LOADED_KEYS = new Set(["path", "paths", "files", "envs", "env"]);

/** Every string under a loaded key, anywhere in a plugin configuration (`key=path` made `path`). */
export function loadedPaths(config: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 20) return;
    if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
    else if (v !== null && typeof v === "object")
      for (const [k, x] of Object.entries(v as Obj)) {
        if (LOADED_KEYS.has(k)) for (const s of typeof x === "string" ? [x] : list(x)) if (typeof s === "string") out.push(k === "files" ? s.replace(/^[^=/]*=/, "") : s);
        walk(x, depth + 1);
      }
  };
  walk(config, 0);
  return out;
}

/** The documents of a plugin configuration file, or of every YAML file below a directory of them. */
export function pluginConfigs(root: string, rel: string): unknown[] {
  const out: unknown[] = [];
  const files: string[] = [];
  const at = entryAt(root, rel);
  if (at === "file") files.push(rel);
  else if (at === "directory") {
    const walk = (d: string) => {
      if (files.length > 1000) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(path.join(root, ...d.split("/")), { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const r = `${d}/${e.name}`;
        if (e.isDirectory()) walk(r);
        else if (e.isFile() && /\.(ya?ml|json)$/.test(e.name)) files.push(r);
      }
    };
    walk(rel);
  }
  for (const f of files) {
    try {
      out.push(...yamlDocs(fs.readFileSync(path.join(root, ...f.split("/")), "utf8")));
    } catch {
      // Unreadable: kustomize fails on it too.
    }
  }
  return out;
}

export function yamlDocs(text: string): unknown[] {
  const out: unknown[] = [];
  const docs = parseAllDocuments(text, { merge: true });
  for (const d of Array.isArray(docs) ? docs : []) {
    try {
      out.push(d.toJS({ maxAliasCount: 100 }));
    } catch {
      // Unreadable: kustomize fails on it too.
    }
  }
  return out;
}
