// `kustomize build` of one directory of a materialized tree, offline and with nothing from the
// pull request run but kustomize itself: files only from inside each kustomization's root
// (LoadRestrictionsRootOnly), no exec/container plugins, no helm inflation, and no network:
// kustomize-refs.ts refuses every URL, remote base and path leaving the tree before kustomize
// runs, and tool-env.ts makes any fetch that got past it fail at once. Each object is traced to
// its source file by origin annotations, which a wrapper kustomization (outside the tree) asks
// for so the target is not edited.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseAllDocuments, type Document } from "yaml";
import { resolvedOptions, type BuildOptions } from "./build-options.js";
import { findOnPath, missingToolMessage } from "./find-tool.js";
import { ORIGIN_ANNOTATION, parseOrigin } from "./kustomize-origin.js";
import { KUSTOMIZATION_FILES, kustomizeClosure, type TreeReader } from "./kustomization-file.js";
import { checkKustomizationRefs } from "./kustomize-refs.js";
import { jsonPatchLines, mapByPath, readYamlSource, type YamlSource } from "./line-map.js";
import { objectLine } from "./object-line.js";
import { groupBySource, type BuildFailure, type BuildResult, type PieceOfOutput } from "./rendered.js";
import { neverRejects, runFailure } from "./run-failure.js";
import { runTool } from "./run-tool.js";
import { resolveInTree } from "./target-path.js";
import { makeToolHome } from "./tool-env.js";
import { trimToolMessage } from "./tool-message.js";

// Explicit although they are the defaults: a future default must not switch them on.
const SAFETY_FLAGS = ["--load-restrictor=LoadRestrictionsRootOnly", "--enable-helm=false", "--enable-alpha-plugins=false"];


/**
 * Builds the kustomization in `target` (repository-relative directory) of the tree at `root`.
 * Every kustomization of the build is checked first (kustomize-refs.ts); the wrapper
 * kustomization that asks for origins is written outside `root`. Never rejects: failures are results.
 */
export function kustomizeBuild(root: string, target: string, options: BuildOptions = {}): Promise<BuildResult> {
  return neverRejects("kustomize", () => build(root, target, options));
}

/** The tool a build would name, without building (a target whose inputs did not change); undefined when neither is on PATH. */
export function kustomizeToolName(options: BuildOptions = {}): string | undefined {
  const { searchPath } = resolvedOptions(options);
  if (findOnPath("kustomize", searchPath) !== undefined) return "kustomize build";
  return findOnPath("kubectl", searchPath) !== undefined ? "kubectl kustomize" : undefined;
}

async function build(root: string, target: string, options: BuildOptions): Promise<BuildResult> {
  const opts = resolvedOptions(options);
  const kustomize = findOnPath("kustomize", opts.searchPath);
  const kubectl = kustomize === undefined ? findOnPath("kubectl", opts.searchPath) : undefined;
  const tool = kustomize !== undefined ? "kustomize build" : "kubectl kustomize";
  const fail = (failure: BuildFailure, error: string, detail = ""): BuildResult => ({ ok: false, tool, failure, error, detail });
  if (kustomize === undefined && kubectl === undefined) return fail("missing-tool", missingToolMessage(["kustomize", "kubectl"]));

  const dir = resolveInTree(root, target, "directory");
  if ("problem" in dir) return fail("invalid-target", `kustomize target: ${dir.problem}`);
  const shown = dir.rel || ".";
  if (!KUSTOMIZATION_FILES.some((f) => fs.existsSync(path.join(dir.abs, f))))
    return fail("invalid-target", `kustomize target ${shown} has no kustomization.yaml`);

  // Before kustomize runs: no URL, remote base or path outside the tree in any kustomization.
  const refused = checkKustomizationRefs(root, dir.rel);
  if (refused !== undefined) return fail(refused.kind, `${shown} was not built: ${refused.message}`, refused.text);

  const home = makeToolHome(opts.searchPath);
  try {
    // The wrapper lives outside the tree: inside it, a kustomization at the tree's root would
    // include the wrapper's own directory (a cycle kustomize refuses).
    const wrapper = path.join(home.dir, "build");
    fs.mkdirSync(wrapper);
    const resource = path.relative(wrapper, dir.abs).split(path.sep).join("/");
    fs.writeFileSync(
      path.join(wrapper, "kustomization.yaml"),
      "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" +
        `resources:\n- ${JSON.stringify(resource)}\nbuildMetadata:\n- originAnnotations\n`,
    );
    const [file, args] =
      kustomize !== undefined ? [kustomize, ["build", wrapper, ...SAFETY_FLAGS]] : [kubectl!, ["kustomize", wrapper, ...SAFETY_FLAGS]];
    const r = await runTool(file, args, { cwd: home.dir, env: home.env, timeoutMs: opts.timeoutMs, maxOutputBytes: opts.maxOutputBytes });
    const failed = runFailure(tool, `building ${shown}`, r, opts.timeoutMs, (stderr) => classify(stderr, shown));
    if (failed !== undefined) return failed;
    if (r.kind !== "exited") throw new Error("unreachable");
    // Origins are written relative to the wrapper: made repository-relative through absolute paths.
    const locate = (written: string) => {
      const rel = path.relative(root, path.resolve(wrapper, written));
      return rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join("/");
    };
    return readOutput(root, locate, shown, tool, parseAllDocuments(r.stdout.toString("utf8"), { uniqueKeys: false }), trimToolMessage(r.stderr));
  } finally {
    home.cleanup();
  }
}

/** The label a batch build marks each object with, to hand it back to its kustomization; removed before anything reads it. */
const BATCH_LABEL = "netreach.io/batch-build";

/**
 * Builds several kustomizations of one tree in one kustomize process: each starts kustomize,
 * which costs more than most overlays' own build (it loads its OpenAPI schema once per process).
 * A wrapper per directory marks its objects with a label (on the object's own labels only, so
 * nothing else of the build changes), and one wrapper over them all asks for origins; each
 * object then goes back to its directory without the label, as a build of that directory alone
 * gives it. Undefined for any directory a build of its own must do: one that is refused before
 * running (the single build says why), and all of them when the batch fails (a directory that
 * does not build, or two that make the same object): the caller builds those one by one.
 */
export async function kustomizeBuildMany(root: string, targets: readonly string[], options: BuildOptions = {}): Promise<(BuildResult | undefined)[]> {
  const none = targets.map(() => undefined);
  try {
    return await buildMany(root, targets, options);
  } catch {
    return none;
  }
}

async function buildMany(root: string, targets: readonly string[], options: BuildOptions): Promise<(BuildResult | undefined)[]> {
  const opts = resolvedOptions(options);
  const none = targets.map(() => undefined);
  const kustomize = findOnPath("kustomize", opts.searchPath);
  const kubectl = kustomize === undefined ? findOnPath("kubectl", opts.searchPath) : undefined;
  const tool = kustomize !== undefined ? "kustomize build" : "kubectl kustomize";
  if (kustomize === undefined && kubectl === undefined) return none;
  const dirs = targets.map((target) => {
    const dir = resolveInTree(root, target, "directory");
    if ("problem" in dir || !KUSTOMIZATION_FILES.some((f) => fs.existsSync(path.join(dir.abs, f)))) return undefined;
    return checkKustomizationRefs(root, dir.rel) === undefined ? dir : undefined;
  });
  const batch = dirs.flatMap((d, i) => (d === undefined ? [] : [i]));
  if (batch.length < 2) return none;

  const home = makeToolHome(opts.searchPath);
  try {
    const top = path.join(home.dir, "build");
    fs.mkdirSync(top);
    for (const i of batch) {
      const one = path.join(home.dir, `build-${i}`);
      fs.mkdirSync(one);
      const resource = path.relative(one, dirs[i]!.abs).split(path.sep).join("/");
      fs.writeFileSync(
        path.join(one, "kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" +
          `resources:\n- ${JSON.stringify(resource)}\nlabels:\n- pairs: {${JSON.stringify(BATCH_LABEL)}: "${i}"}\n  includeSelectors: false\n  includeTemplates: false\n`,
      );
    }
    fs.writeFileSync(
      path.join(top, "kustomization.yaml"),
      "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" + `resources:\n${batch.map((i) => `- ../build-${i}\n`).join("")}buildMetadata:\n- originAnnotations\n`,
    );
    const [file, args] = kustomize !== undefined ? [kustomize, ["build", top, ...SAFETY_FLAGS]] : [kubectl!, ["kustomize", top, ...SAFETY_FLAGS]];
    const r = await runTool(file, args, { cwd: home.dir, env: home.env, timeoutMs: opts.timeoutMs, maxOutputBytes: opts.maxOutputBytes });
    if (r.kind !== "exited" || r.status !== 0) return none;
    const byTarget = new Map<number, Docs>(batch.map((i) => [i, []]));
    for (const doc of parseAllDocuments(r.stdout.toString("utf8"), { uniqueKeys: false })) {
      if (doc.contents === null) continue;
      const mark = doc.getIn(["metadata", "labels", BATCH_LABEL]);
      const docs = typeof mark === "string" ? byTarget.get(Number(mark)) : undefined;
      if (doc.errors.length > 0 || docs === undefined) return none;
      doc.deleteIn(["metadata", "labels", BATCH_LABEL]);
      const labels = doc.getIn(["metadata", "labels"]) as { items?: unknown[] } | undefined;
      if (labels?.items?.length === 0) doc.deleteIn(["metadata", "labels"]);
      docs.push(doc);
    }
    const locate = (written: string) => {
      const rel = path.relative(root, path.resolve(top, written));
      return rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join("/");
    };
    const warnings = trimToolMessage(r.stderr);
    return targets.map((_, i) => (byTarget.has(i) ? readOutput(root, locate, dirs[i]!.rel || ".", tool, byTarget.get(i)!, warnings) : undefined));
  } finally {
    home.cleanup();
  }
}

/** Failures with a cause we can name and a fix to suggest. */
function classify(stderr: string, shown: string): { failure: BuildFailure; error: string } | undefined {
  if (/transport '[^']*' not allowed|proxyconnect tcp|no 'git' program|accumulating resources from '(https?:\/\/|git@|ssh:\/\/|github\.com\/)/.test(stderr))
    return {
      failure: "remote",
      error:
        `${shown} refers to a remote base or resource (a URL or git repository), and netreach builds offline: ` +
        "nothing is fetched while reviewing a pull request. Vendor the remote base into the repository, or analyze the rendered manifests instead.",
    };
  if (/--enable-helm|helmCharts/i.test(stderr))
    return { failure: "failed", error: `${shown} inflates Helm charts inside kustomize (helmCharts), which netreach does not run; make the chart its own helm target instead` };
  if (/external plugins disabled/.test(stderr))
    return { failure: "failed", error: `${shown} needs kustomize plugins or KRM functions, which netreach never runs` };
  return undefined;
}

type Docs = Document.Parsed[];

function readOutput(root: string, locate: (written: string) => string | undefined, shown: string, tool: string, docs: Docs, warnings: string): BuildResult {
  const pieces: PieceOfOutput[] = [];
  const sources = new Map<string, string | undefined>();
  const sourceText = (file: string) => {
    if (!sources.has(file)) {
      let text: string | undefined;
      try {
        text = fs.readFileSync(path.join(root, ...file.split("/")), "utf8");
      } catch {
        text = undefined;
      }
      sources.set(file, text);
    }
    return sources.get(file);
  };
  const fallback = shown === "." ? "kustomization.yaml" : `${shown}/kustomization.yaml`;
  const yamlSources = new Map<string, YamlSource | undefined>();
  const yamlSource = (file: string) => {
    if (!yamlSources.has(file)) {
      const t = sourceText(file);
      yamlSources.set(file, t === undefined ? undefined : readYamlSource(t));
    }
    return yamlSources.get(file);
  };
  const tree: TreeReader = {
    read: (f) => (resolveInTree(root, f, "file") as { abs?: string }).abs !== undefined ? sourceText(f) : undefined,
    isDir: (d) => "abs" in resolveInTree(root, d, "directory"),
  };
  const patches = kustomizeClosure(shown === "." ? "" : shown, tree).patches;
  /**
   * The file an object is shown in (the last patch that changed it, else its resource file) and,
   * for each rendered line, the line of that file it was written at.
   */
  const writtenAt = (file: string, line: number, kind: string, rendered: string) => {
    const resource = yamlSource(file)?.docs.find((d) => d.line === line);
    if (resource === undefined) return undefined;
    const meta = (resource.value as { metadata?: { name?: unknown } } | null)?.metadata;
    const originalName = typeof meta?.name === "string" ? meta.name : undefined;
    for (const p of patches) {
      const source = yamlSource(p.file);
      if (source === undefined || originalName === undefined) continue;
      if (p.target !== undefined && !((p.target.kind === undefined || p.target.kind === kind) && (p.target.name === undefined || nameMatches(p.target.name, originalName))))
        continue;
      const doc = source.docs.find((d) => {
        if (Array.isArray(d.value)) return p.target !== undefined;
        const v = d.value as { kind?: unknown; metadata?: { name?: unknown } } | null;
        return v?.kind === kind && (p.target !== undefined || v?.metadata?.name === originalName);
      });
      if (doc === undefined) continue;
      const lines = Array.isArray(doc.value) ? jsonPatchLines(doc) : doc.lines;
      return { group: p.file, patch: { file: p.file, line: doc.line }, lines: mapByPath(rendered, lines, doc.line) };
    }
    return { group: file, patch: undefined, lines: mapByPath(rendered, resource.lines, line) };
  };
  for (const doc of docs) {
    if (doc.errors.length > 0)
      return { ok: false, tool, failure: "unreadable-output", error: `${tool} printed YAML netreach cannot read`, detail: trimToolMessage(doc.errors[0]!.message) };
    if (doc.contents === null) continue;
    const get = (...p: string[]) => {
      const v = doc.getIn(p);
      return typeof v === "string" ? v : undefined;
    };
    const kind = get("kind") ?? "";
    const name = get("metadata", "name") ?? "";
    const origin = parseOrigin(doc.getIn(["metadata", "annotations", ORIGIN_ANNOTATION]), locate);
    if (origin?.outside !== undefined)
      return {
        ok: false,
        tool,
        failure: origin.outside.includes("://") ? "remote" : "outside-tree",
        error: `${shown} includes ${kind} ${name} from outside the repository; netreach only builds from files of the revision`,
        detail: trimToolMessage(origin.outside),
      };
    doc.deleteIn(["metadata", "annotations", ORIGIN_ANNOTATION]);
    const annotations = doc.getIn(["metadata", "annotations"]) as { items?: unknown[] } | undefined;
    if (annotations?.items?.length === 0) doc.deleteIn(["metadata", "annotations"]);
    const file = origin?.file;
    const text = file === undefined || origin?.generatedBy !== undefined ? undefined : sourceText(file);
    const line = text === undefined ? undefined : objectLine(text, kind, name);
    const rendered = doc.toString({ lineWidth: 0 }).replace(/^---\n/, "");
    const written = file === undefined || line === undefined ? undefined : writtenAt(file, line, kind, rendered);
    pieces.push({
      group: written?.group ?? file ?? fallback,
      text: rendered,
      ...(written !== undefined ? { lines: written.lines } : {}),
      apiVersion: get("apiVersion") ?? "",
      kind,
      name,
      namespace: get("metadata", "namespace"),
      origin: {
        file,
        ...(line !== undefined ? { line } : {}),
        ...(origin?.generatedBy !== undefined ? { generatedBy: origin.generatedBy } : {}),
        ...(written?.patch !== undefined ? { patch: written.patch } : {}),
      },
    });
  }
  return { ok: true, tool, warnings, ...groupBySource(pieces) };
}

/**
 * A patch target's name is an anchored regular expression in kustomize. The pull request writes
 * it, so only the simple ones (names, `.`, `.*`, a few of them) are run here: no backtracking
 * blow-up. Others match by equality only, which at worst names the resource file, not the patch.
 */
function nameMatches(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  if (!/^[-a-z0-9.*]+$/.test(pattern) || (pattern.match(/\*/g) ?? []).length > 3 || /\*\*|^\*/.test(pattern)) return false;
  return new RegExp(`^(?:${pattern})$`).test(name);
}
