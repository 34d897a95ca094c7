// Argo CD Applications and ApplicationSets, and Flux Kustomizations and HelmReleases, that deploy
// paths of this same repository: each is a target, built as the controller would build it
// (a chart with its value files and inline values, a kustomization, or plain manifests).
import { parseAllDocuments } from "yaml";
import type { Target, TargetSource } from "./target.js";
import type { TreeReader } from "../tools/kustomization-file.js";
import { kustomizationFile } from "../tools/kustomization-file.js";
import { resolvePath } from "./repo-path.js";

export interface GitopsFile {
  readonly path: string;
  readonly text: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** "github.com/owner/repo" from any of the URL forms git and GitHub use; lower-case. */
export function normalizeRepoUrl(url: string): string {
  let u = url.trim().toLowerCase();
  u = u.replace(/^[a-z+]+:\/\//, "").replace(/^[^@/]+@/, "");
  u = u.replace(/^([^/:]+):(?!\d)/, "$1/");
  return u.replace(/\.git$/, "").replace(/\/+$/, "");
}

/**
 * Targets from the GitOps objects in `files`. `repo` is this repository's normalized URL, when
 * known; an object whose source names another repository is not a target. Without `repo`, a
 * source is taken as this repository's when the path it names exists here.
 */
export function gitopsTargets(files: readonly GitopsFile[], tree: TreeReader, repo: string | undefined): Target[] {
  const objects: { file: string; line: number; o: Obj }[] = [];
  for (const f of files) {
    if (!/argoproj\.io|toolkit\.fluxcd\.io/.test(f.text)) continue;
    const lines = f.text.split("\n");
    let line = 1;
    let docs;
    try {
      docs = parseAllDocuments(f.text, { uniqueKeys: false });
    } catch {
      continue;
    }
    if (!Array.isArray(docs)) continue;
    for (const d of docs) {
      const start = (d.contents as { range?: [number, number, number] } | null)?.range?.[0];
      if (start !== undefined) line = f.text.slice(0, start).split("\n").length;
      if (d.errors.length > 0) continue;
      let v: unknown;
      try {
        v = d.toJS({ maxAliasCount: 100 });
      } catch {
        continue;
      }
      const o = obj(v);
      if (o) objects.push({ file: f.path, line: Math.min(line, lines.length), o });
    }
  }
  const sameRepo = (url: unknown, p: string) => (repo !== undefined && typeof url === "string" ? normalizeRepoUrl(url) === repo : tree.isDir(p));
  const fluxRepos = new Map<string, string>();
  for (const { o } of objects)
    if (String(o.apiVersion).startsWith("source.toolkit.fluxcd.io/") && o.kind === "GitRepository") {
      const name = str(obj(o.metadata)?.name);
      const url = str(obj(o.spec)?.url);
      if (name && url) fluxRepos.set(name, url);
    }

  const out: Target[] = [];
  const add = (name: string, source: TargetSource | undefined, origin: Target["origin"], namespace: string | undefined, file: string, line: number, problems: readonly string[] = []) => {
    if (source === undefined) return;
    out.push({ name, source, origin, definedIn: { file, line }, ...(namespace ? { namespace } : {}), ...(problems.length > 0 ? { invalid: problems.join("; ") } : {}) });
  };
  // Argo CD `source.path` and Flux `spec.path` are relative to the repository root.
  const rootPath = (p: string, problems: string[]) => resolvePath("", p, "path", problems);
  for (const { file, line, o } of objects) {
    const api = String(o.apiVersion ?? "");
    const meta = obj(o.metadata) ?? {};
    const spec = obj(o.spec) ?? {};
    const name = str(meta.name) ?? "app";
    if (api.startsWith("argoproj.io/") && o.kind === "Application") {
      const sources = spec.source !== undefined ? [spec.source] : list(spec.sources);
      const ns = str(obj(spec.destination)?.namespace);
      sources.forEach((s, i) => {
        const src = obj(s);
        const p = str(src?.path);
        const problems: string[] = [];
        if (!src || p === undefined || !sameRepo(src.repoURL, rootPath(p, problems))) return;
        add(sources.length > 1 ? `${name}-${i}` : name, argoSource(src, name, tree, problems), "argocd", ns, file, line, problems);
      });
    } else if (api.startsWith("argoproj.io/") && o.kind === "ApplicationSet") {
      const template = obj(obj(spec.template)?.spec) ?? {};
      const tmplName = str(obj(obj(spec.template)?.metadata)?.name) ?? `${name}-{{path.basename}}`;
      for (const params of generatorParams(list(spec.generators), tree, (url) => sameRepo(url, ""))) {
        const sources = template.source !== undefined ? [template.source] : list(template.sources);
        for (const s of sources) {
          const src = obj(fill(s, params));
          const p = str(src?.path);
          const problems: string[] = [];
          if (!src || p === undefined || p.includes("{{") || !sameRepo(src.repoURL, rootPath(p, problems))) continue;
          const appName = String(fill(tmplName, params));
          add(appName, argoSource(src, appName, tree, problems), "argocd", str(obj(fill(template.destination, params))?.namespace), file, line, problems);
        }
      }
    } else if (api.startsWith("kustomize.toolkit.fluxcd.io/") && o.kind === "Kustomization") {
      const p = str(spec.path) ?? "./";
      const ref = obj(spec.sourceRef);
      if (ref?.kind !== "GitRepository") continue;
      const problems: string[] = [];
      const dir = rootPath(p, problems);
      if (!sameRepo(fluxRepos.get(String(ref.name)), dir)) continue;
      const source: TargetSource = kustomizationFile(dir, tree) !== undefined ? { kind: "kustomize", dir } : { kind: "paths", paths: dir === "" ? [] : [dir] };
      add(name, source, "flux", str(spec.targetNamespace), file, line, problems);
    } else if (api.startsWith("helm.toolkit.fluxcd.io/") && o.kind === "HelmRelease") {
      const chart = obj(obj(spec.chart)?.spec);
      const ref = obj(chart?.sourceRef);
      const p = str(chart?.chart);
      const problems: string[] = [];
      if (!chart || p === undefined || ref?.kind !== "GitRepository" || !sameRepo(fluxRepos.get(String(ref.name)), rootPath(p, problems))) continue;
      const ns = str(spec.targetNamespace) ?? str(meta.namespace);
      // Flux's valuesFiles are relative to the source's root, as the chart path is.
      const values = list(chart.valuesFiles).filter((v): v is string => typeof v === "string").map((v) => rootPath(v, problems));
      const inline = obj(spec.values);
      const release = str(spec.releaseName) ?? (str(spec.targetNamespace) ? `${spec.targetNamespace}-${name}` : name);
      add(name, { kind: "helm", chart: rootPath(p, []), values, release, ...(inline ? { inlineValues: JSON.stringify(inline) } : {}) }, "flux", ns, file, line, problems);
    }
  }
  return out;
}

function argoSource(src: Obj, appName: string, tree: TreeReader, problems: string[]): TargetSource | undefined {
  const dir = resolvePath("", String(src.path), "path", []);
  const helm = obj(src.helm);
  if (problems.length > 0) return { kind: "paths", paths: [dir] }; // outside the repository: never read
  if (tree.read(dir === "" ? "Chart.yaml" : `${dir}/Chart.yaml`) !== undefined) {
    // valueFiles are relative to the chart; `$ref/…` (another source) is not followed.
    const values = list(helm?.valueFiles)
      .filter((v): v is string => typeof v === "string" && !v.startsWith("$"))
      .map((v) => resolvePath(dir, v, "values file", problems));
    const inlineText = str(helm?.values);
    const inlineObj = obj(helm?.valuesObject);
    const inline = inlineObj ? JSON.stringify(inlineObj) : inlineText;
    return { kind: "helm", chart: dir, values, release: str(helm?.releaseName) ?? appName, ...(inline !== undefined ? { inlineValues: inline } : {}) };
  }
  if (kustomizationFile(dir, tree) !== undefined) return { kind: "kustomize", dir };
  return { kind: "paths", paths: dir === "" ? [] : [dir] };
}

/** Parameter sets of the list and git-directory generators (others are not expanded). */
function generatorParams(generators: unknown[], tree: TreeReader & { dirs?: () => string[] }, sameRepo: (url: unknown) => boolean): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const g of generators.map(obj)) {
    if (!g) continue;
    for (const e of list(obj(g.list)?.elements)) {
      const el = obj(e);
      if (el) out.push(Object.fromEntries(Object.entries(el).map(([k, v]) => [k, String(v)])));
    }
    const git = obj(g.git);
    if (git && sameRepo(git.repoURL) && tree.dirs) {
      const dirs = tree.dirs();
      const include: string[] = [];
      const exclude: string[] = [];
      for (const d of list(git.directories).map(obj)) if (d && typeof d.path === "string") (d.exclude === true ? exclude : include).push(d.path);
      for (const dir of dirs) {
        if (dir === "" || !include.some((p) => glob(p, dir)) || exclude.some((p) => glob(p, dir))) continue;
        const base = dir.split("/").pop()!;
        out.push({ path: dir, "path.path": dir, "path.basename": base, "path.basenameNormalized": base.replace(/[^a-z0-9-]/gi, "-").toLowerCase() });
      }
    }
  }
  return out;
}

function glob(pattern: string, dir: string): boolean {
  const re = clean(pattern)
    .split("/")
    .map((seg) => seg.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*"))
    .join("/");
  return new RegExp(`^${re}$`).test(dir);
}

/** Replaces `{{key}}` and `{{.key}}` (Go template form) with the parameters, in every string. */
function fill(v: unknown, params: Record<string, string>): unknown {
  if (typeof v === "string") return v.replace(/\{\{\s*\.?([A-Za-z0-9_.]+)\s*\}\}/g, (m, k: string) => params[k] ?? m);
  if (Array.isArray(v)) return v.map((x) => fill(x, params));
  const o = obj(v);
  return o ? Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fill(x, params)])) : v;
}

function clean(p: string): string {
  return p
    .split("/")
    .filter((s) => s !== "" && s !== ".")
    .join("/");
}
