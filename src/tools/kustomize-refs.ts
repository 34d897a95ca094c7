// Everything a kustomization names, checked by netreach before kustomize runs: kustomize loads
// URLs from almost every field (resources, patches, generator files, openapi, crds, …) and
// reads directories outside its root (its load restrictor only covers files), and Go's HTTP
// client never sends loopback through the dead proxy tool-env.ts sets. So every entry of every
// kustomization of the build's closure must be a path that stays inside the repository, reached
// without symbolic links; a URL, a remote base, or a path that leaves the tree is refused, with
// the kustomization's file and line.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseAllDocuments } from "yaml";
import { KUSTOMIZATION_FILES } from "./kustomization-file.js";
import { loadedPaths, pluginConfigs, PLUGIN_FIELDS, yamlDocs } from "./kustomize-plugin-refs.js";
import { entryAt as inside } from "./target-path.js";

export interface RefProblem {
  /** Repository-relative kustomization file. */
  readonly file: string;
  readonly line: number;
  /** The entry as written. */
  readonly entry: string;
  /** "remote" for URLs and remote bases, "outside-tree" for paths that leave the repository or pass a link. */
  readonly kind: "remote" | "outside-tree";
  /** `file:line: field entry "x" is …`. */
  readonly message: string;
  /** The kustomization's line as written. */
  readonly text: string;
}

/** Fields whose entries are paths (or URLs) kustomize loads. */
const LIST_FIELDS = ["resources", "bases", "components", "crds", "configurations", "transformers", "generators", "validators", "patchesStrategicMerge"];
/** Fields whose entries are objects with a `path`. */
const PATH_OBJECT_FIELDS = ["patches", "patchesJson6902", "replacements"];
const GENERATORS = ["configMapGenerator", "secretGenerator"];

/** At most this many kustomizations are walked: a deeper closure is refused, not half-checked. */
const MAX_KUSTOMIZATIONS = 500;

/** A URL, a scheme (`gh:`, `git::`, `file:`), an scp-like `git@host:` or the `//path?ref=` remote-base form. */
export function looksRemote(entry: string): boolean {
  const e = entry.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(e) || /^[^/]*@/.test(e) || e.includes("//") || e.includes("?") || e.includes("\\") || /^\[/.test(e);
}

/**
 * A path kustomize would try as a remote base when it is not a local file: a host as its first
 * component (`github.com/org/repo`, `localhost/x`, `127.0.0.2/x`, `host:8080/x`).
 */
function hostLike(entry: string): boolean {
  const first = entry.split("/")[0]!;
  if (first === "." || first === ".." || first === "" || !entry.includes("/")) return false;
  return first.includes(".") || first.includes(":") || /^localhost$/i.test(first);
}

/**
 * The first problem among the kustomizations a build of `dir` (repository-relative) reads in the
 * tree at `root`, or undefined. Entries that do not exist are left to kustomize to report, unless
 * kustomize would then try them as a remote base.
 */
export function checkKustomizationRefs(root: string, dir: string): RefProblem | undefined {
  const seen = new Set<string>();
  const queue = [normalize(dir)];
  while (queue.length > 0) {
    const d = queue.shift()!;
    if (seen.has(d)) continue;
    seen.add(d);
    if (seen.size > MAX_KUSTOMIZATIONS)
      return { file: d || ".", line: 1, entry: d, kind: "outside-tree", text: "", message: `${d || "."}: more than ${MAX_KUSTOMIZATIONS} kustomizations in one build; not built` };
    const k = kustomizationAt(root, d);
    if (k === undefined) continue; // kustomize says what is missing
    if ("link" in k) return { file: k.link, line: 1, entry: k.link, kind: "outside-tree", text: "", message: `${k.link}: a symbolic link, which netreach never follows` };
    const problem = checkOne(root, d, k.file, k.text, (sub) => queue.push(sub));
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function kustomizationAt(root: string, dir: string): { file: string; text: string } | { link: string } | undefined {
  for (const name of KUSTOMIZATION_FILES) {
    const rel = dir === "" ? name : `${dir}/${name}`;
    const at = inside(root, rel);
    if (at === "link") return { link: rel };
    if (at !== "file") continue;
    try {
      return { file: rel, text: fs.readFileSync(path.join(root, ...rel.split("/")), "utf8") };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function checkOne(root: string, dir: string, file: string, text: string, include: (dir: string) => void): RefProblem | undefined {
  // Read as kustomize's Go YAML reads it (merge keys, aliases); what netreach cannot read the
  // same way (several documents, a key twice) is refused rather than half-checked.
  const docs = parseAllDocuments(text, { merge: true, uniqueKeys: true });
  const unreadable = (why: string): RefProblem => ({ file, line: 1, entry: "", kind: "outside-tree", text: "", message: `${file}:1: ${why}; netreach checks every kustomization before building it` });
  if (!Array.isArray(docs)) return unreadable("holds more than one YAML stream");
  const real = docs.filter((d) => d.contents !== null);
  if (real.length > 1) return unreadable("holds more than one YAML document");
  if (real.length === 0) return undefined;
  const doc = real[0]!;
  if (doc.errors.length > 0) return unreadable(`is not YAML netreach can read (${doc.errors[0]!.message.split("\n")[0]})`);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return unreadable(`is not YAML netreach can read (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`);
  }
  const top = obj(data);
  if (top === undefined) return undefined; // kustomize reports it
  const lines = text.split("\n");
  const lineOf = (entry: string, field: string) => {
    const i = lines.findIndex((l) => l.includes(entry));
    const j = lines.findIndex((l) => l.startsWith(`${field}:`));
    return (i >= 0 ? i : j >= 0 ? j : 0) + 1;
  };

  /** `dirOk`: a directory may be named (and is then built as a kustomization). */
  const check = (field: string, value: unknown, dirOk: boolean, entryOf: (s: string) => string = (s) => s, lineAt?: number): RefProblem | undefined => {
    if (typeof value !== "string") return undefined;
    if (value.includes("\n")) return undefined; // an inline patch, not a path
    const entry = entryOf(value);
    const line = lineAt ?? lineOf(entry, field.split(" ")[0]!);
    const refuse = (kind: RefProblem["kind"], why: string): RefProblem => ({
      file,
      line,
      entry,
      kind,
      text: (lines[line - 1] ?? "").trim(),
      message: `${file}:${line}: ${field} entry ${JSON.stringify(entry)} ${why}`,
    });
    const remote = "is a URL or remote base (nothing a pull request names is fetched: netreach builds offline). Vendor it into the repository";
    if (looksRemote(entry)) return refuse("remote", remote);
    if (entry.startsWith("/")) return refuse("outside-tree", "is an absolute path; entries must be relative paths inside the repository");
    const rel = normalize(path.posix.join(dir === "" ? "." : dir, entry));
    if (rel === ".." || rel.startsWith("../")) return refuse("outside-tree", "leads outside the repository; netreach only builds from files of the revision");
    const at = inside(root, rel);
    if (at === "link") return refuse("outside-tree", "goes through a symbolic link, which netreach never follows");
    if (at === "other") return refuse("outside-tree", "is not a regular file or directory");
    if (at === "missing") return hostLike(entry) ? refuse("remote", remote) : undefined;
    if (at === "directory") {
      if (!dirOk) return refuse("outside-tree", "is a directory; a file is expected here");
      include(rel);
    }
    return undefined;
  };

  for (const field of LIST_FIELDS) {
    const dirOk = ["resources", "bases", "components", "transformers", "generators", "validators"].includes(field);
    for (const item of list(top[field])) {
      const p = check(field, item, dirOk);
      if (p !== undefined) return p;
    }
  }
  // Built-in plugins configured in files or inline (PatchTransformer `path`, ConfigMapGenerator
  // `files`, ReplacementTransformer `replacements[].path`, …) load files too, relative to this
  // kustomization: every such value is checked as an entry of the field that names the config.
  for (const field of PLUGIN_FIELDS) {
    for (const item of list(top[field])) {
      const configs: unknown[] = [];
      let label = `${field} configuration`;
      let at: number | undefined;
      if (typeof item !== "string") configs.push(item);
      else if (item.includes("\n")) configs.push(...yamlDocs(item)); // an inline configuration
      else if (!looksRemote(item)) {
        const rel = normalize(path.posix.join(dir === "" ? "." : dir, item));
        if (!rel.startsWith("../") && rel !== "..") configs.push(...pluginConfigs(root, rel));
        label = `${field} entry ${JSON.stringify(item)}: its configuration's`;
        at = lineOf(item, field);
      }
      for (const value of configs.flatMap(loadedPaths)) {
        const p = check(label, value, false, undefined, at);
        if (p !== undefined) return p;
      }
    }
  }
  for (const field of PATH_OBJECT_FIELDS) {
    for (const item of list(top[field])) {
      const p = check(`${field} path`, obj(item)?.path, false);
      if (p !== undefined) return p;
    }
  }
  for (const field of GENERATORS) {
    for (const gen of list(top[field]).map(obj)) {
      // `files` entries may be `key=path`.
      for (const item of list(gen?.files)) {
        const p = check(`${field} files`, item, false, (s) => s.replace(/^[^=/]*=/, ""));
        if (p !== undefined) return p;
      }
      for (const item of list(gen?.envs)) {
        const p = check(`${field} envs`, item, false);
        if (p !== undefined) return p;
      }
      const p = check(`${field} env`, gen?.env, false);
      if (p !== undefined) return p;
    }
  }
  return check("openapi path", obj(top.openapi)?.path, false);
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function normalize(p: string): string {
  const n = path.posix.normalize(p);
  return n === "." || n === "./" ? "" : n.replace(/\/$/, "");
}
