// The targets of a run, each built at base and at head from that revision's own tree and diffed
// on its own. Builds run in parallel (one per core); a target whose inputs are the same at both
// revisions costs its fingerprint only (not built, not analyzed: reported unchanged) unless
// assertions judge it, then it is built once; a target that fails to build is reported, and the
// others are still analyzed.
import type { InputLimits } from "../load/limits.js";
import type { IngressController } from "../model/endpoint.js";
import type { DnsServer } from "../diff/name-servers.js";
import * as os from "node:os";
import { basename } from "node:path";
import { diff, type DiffReport, type InputChange, type PodsMode } from "../analyze.js";
import type { GateConfig, GateRule } from "../gate/config.js";
import type { Assertion } from "../assert/assertion.js";
import { diagnostic, type Diagnostic } from "../load/object/diagnostic.js";
import type { SourceFile } from "../load/object/source.js";
import type { HostNetworkMode } from "../reach/universe.js";
import type { BuildOptions } from "../tools/build-options.js";
import { helmTemplate, helmToolName } from "../tools/helm.js";
import { kustomizationFile, kustomizeClosure } from "../tools/kustomization-file.js";
import { kustomizeBuild, kustomizeBuildMany, kustomizeToolName } from "../tools/kustomize.js";
import type { BuildResult } from "../tools/rendered.js";
import { DEFAULT_TIMEOUT_MS } from "../tools/build-options.js";
import { pastDeadline } from "./bounds.js";
import { timeLeftFor, type Deadline } from "./deadline.js";
import type { RepoTree } from "./repo-tree.js";
import { describeSource, sourceAt, type Target } from "./target.js";
import { inputChangesOf } from "./input-changes.js";
import { cniOptions, type CniOptions } from "./cni-of.js";
import { changedFiles } from "./unread-files.js";
import { assertionsFor, type ChosenAssertion } from "./assertion-merge.js";

/** One side of a target: its files, or why there are none. */
export interface SideBuild {
  readonly files: readonly SourceFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** The tool that built it (`kubectl kustomize`, `helm v4.1.4`); undefined for plain paths. */
  readonly tool?: string;
  /** The target does not exist at this revision (its directory or chart is not there). */
  readonly absent?: boolean;
  /** Why the build failed: our sentence, and the tool's own message. */
  readonly error?: { readonly message: string; readonly detail: string };
  /** The inputs were the same as at base: base's build is used. */
  readonly reused?: boolean;
  readonly ms: number;
}

export interface TargetDiff {
  readonly target: Target;
  readonly base: SideBuild;
  readonly head: SideBuild;
  /** Undefined when a side failed to build. */
  readonly report?: DiffReport;
  /** An error diagnostic naming the target, the revision and the tool's message, when a side failed. */
  readonly failure?: Diagnostic;
  /** The target's inputs the pull request changed, as its report shows them. */
  readonly inputChanges?: readonly InputChange[];
}

/** What the analysis of a built target reads of the run's options: data only (a shard's report carries it). */
export type AnalysisOptions = Omit<DiffTargetsOptions, "build" | "concurrency" | "deadline">;

export interface DiffTargetsOptions extends BuildSideOptions, CniOptions {
  readonly pods?: PodsMode;
  readonly hostNetwork?: HostNetworkMode;
  readonly ingressController?: IngressController;
  readonly dnsServer?: DnsServer;
  readonly gate: GateConfig;
  /** Input past these is refused (load/limits.ts). */
  readonly limits?: Partial<InputLimits>;
  /** Builds at once; default: the number of cores. */
  readonly concurrency?: number;
  /** Past it nothing more is built or analyzed: those targets are not analyzed (bounds.ts). */
  readonly deadline?: Deadline;
  /** The run's assertions; each target is judged by those whose `targets` name it (or name none). */
  readonly assertions?: readonly ChosenAssertion[];
}

export interface BuildSideOptions {
  /** -n / the namespace input: for targets that set none. */
  readonly namespace?: string;
  readonly build?: BuildOptions;
  /** Kustomize builds done already, several to a process (buildKustomizeTogether): used instead of building again. */
  readonly prebuilt?: Prebuilt;
}

/** A Kustomize directory's build at a revision, when one was made already, and its share of the time. */
export type Prebuilt = (tree: RepoTree, dir: string) => { readonly result: BuildResult; readonly ms: number } | undefined;

/** Directories in one kustomize process at most: a failing one sends the others back to be built one by one. */
const BATCH_MAX = 16;
const BATCH_MIN = 4;

/**
 * Builds the Kustomize directories of `wanted` that are present, each once per revision, in
 * batches (kustomizeBuildMany) spread over `cores` processes. What a batch could not build is
 * left to each target's own build, which says why.
 */
async function buildKustomizeTogether(wanted: readonly { tree: RepoTree; t: Target }[], cores: number, options: DiffTargetsOptions): Promise<Prebuilt> {
  const done = new Map<RepoTree, Map<string, { result: BuildResult; ms: number }>>();
  const byTree = new Map<RepoTree, string[]>();
  for (const { tree, t } of wanted) {
    if (t.invalid !== undefined || t.source.kind !== "kustomize" || kustomizationFile(t.source.dir, tree) === undefined) continue;
    const dirs = byTree.get(tree) ?? [];
    if (!dirs.includes(t.source.dir)) dirs.push(t.source.dir);
    byTree.set(tree, dirs);
  }
  const jobs: (() => Promise<void>)[] = [];
  for (const [tree, dirs] of byTree) {
    if (dirs.length < 2) continue;
    let root: string;
    try {
      root = tree.buildRoot().dir;
    } catch {
      continue; // each build says why
    }
    // Spread over the cores, but a few to a process at least: one process for four costs about what one for one does.
    const size = Math.min(BATCH_MAX, Math.max(BATCH_MIN, Math.ceil(dirs.length / cores)));
    for (let at = 0; at < dirs.length; at += size) {
      const chunk = dirs.slice(at, at + size);
      jobs.push(async () => {
        const d = options.deadline;
        if (d?.passed()) return;
        const started = Date.now();
        const build = d === undefined ? options.build : { ...options.build, timeoutMs: timeLeftFor(options.build?.timeoutMs ?? DEFAULT_TIMEOUT_MS, d) };
        const results = await kustomizeBuildMany(root, chunk, build);
        const ms = Math.round((Date.now() - started) / chunk.length);
        const mine = done.get(tree) ?? new Map<string, { result: BuildResult; ms: number }>();
        done.set(tree, mine);
        chunk.forEach((dir, i) => {
          const result = results[i];
          if (result !== undefined) mine.set(dir, { result, ms });
        });
      });
    }
  }
  await pool(jobs, cores);
  return (tree, dir) => done.get(tree)?.get(dir);
}

export async function diffTargets(targets: readonly Target[], trees: { readonly base: RepoTree; readonly head: RepoTree }, options: DiffTargetsOptions): Promise<TargetDiff[]> {
  const jobs: (() => Promise<void>)[] = [];
  const sides = targets.map(() => ({ base: undefined as SideBuild | undefined, head: undefined as SideBuild | undefined }));
  const cores = options.concurrency ?? Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  // Nothing it reads changed and nothing asserts on it: no render, no analysis (issue 22).
  const plans = await Promise.all(
    targets.map(async (t) => {
      const same = t.baseSource === undefined && t.source.kind !== "paths" && fingerprint(t, trees.base) === fingerprint(t, trees.head);
      return { same, kept: same ? await unchangedSide(t, trees.base, options) : undefined };
    }),
  );
  // The Kustomize sides to build: each directory once per revision, several to a process.
  const wanted: { tree: RepoTree; t: Target }[] = [];
  targets.forEach((t, i) => {
    const { same, kept } = plans[i]!;
    if (kept !== undefined) return;
    wanted.push({ tree: trees.base, t: same ? t : { ...t, source: sourceAt(t, "base") } });
    if (!same) wanted.push({ tree: trees.head, t });
  });
  const prebuilt = await buildKustomizeTogether(wanted, cores, options);
  const opts = { ...options, prebuilt };
  targets.forEach((t, i) => {
    const { same, kept } = plans[i]!;
    if (same) {
      jobs.push(async () => {
        const b = kept ?? (await buildInTime(t, trees.base, opts));
        sides[i]!.base = b;
        sides[i]!.head = { ...b, reused: true, ms: 0 };
      });
    } else {
      jobs.push(async () => void (sides[i]!.base = await buildInTime({ ...t, source: sourceAt(t, "base") }, trees.base, opts)));
      jobs.push(async () => void (sides[i]!.head = await buildInTime(t, trees.head, opts)));
    }
  });
  await pool(jobs, cores);

  const changed = targets.some((t) => t.source.kind !== "paths") ? changedFiles(trees.base, trees.head) : [];
  return targets.map((target, i) => {
    const base = sides[i]!.base!;
    const head = sides[i]!.head!;
    if (options.deadline?.passed()) return pastDeadline(target, options.deadline, { base, head });
    const failed = head.error !== undefined ? { side: "head", tree: trees.head, b: head } : base.error !== undefined ? { side: "base", tree: trees.base, b: base } : undefined;
    if (failed !== undefined) {
      const where = target.definedIn ?? { file: sourcePath(target), line: 1 };
      const msg = `target ${target.name} (${describeSource(target.source)}) could not be built at ${failed.side} (${failed.tree.label}): ${failed.b.error!.message}${failed.b.error!.detail ? `\n${failed.b.error!.detail}` : ""}`;
      return { target, base, head, failure: diagnostic("error", where.file, { line: where.line, column: 1 }, msg) };
    }
    const inputChanges = inputChangesOf(target, trees, changed);
    return { target, base, head, inputChanges, report: targetReport(target, base, head, inputChanges, options) };
  });
}

/**
 * One built target's diff: what a run does with both sides' files once they are built, and what
 * `netreach merge` does again with the files a shard's report carries (so the two cannot differ).
 */
export function targetReport(
  target: Target,
  base: Pick<SideBuild, "files">,
  head: Pick<SideBuild, "files" | "diagnostics">,
  inputChanges: readonly InputChange[],
  options: AnalysisOptions,
): DiffReport {
  const helm = target.source.kind === "helm";
  const namespace = target.namespace ?? options.namespace;
  const chosen = assertionsFor(target, options.assertions ?? []);
  const origins = new Map(chosen.map((c) => [c.assertion, c.origin]));
  const report = diff(base.files, head.files, {
    ...(chosen.length > 0 ? { assertions: chosen.map((c) => c.assertion), assertionOrigin: (a: Assertion) => origins.get(a) ?? "base" } : {}),
    pods: target.pods ?? options.pods,
    hostNetwork: options.hostNetwork,
    ...cniOptions(target, options),
    ...(options.ingressController !== undefined ? { ingressController: options.ingressController } : {}),
    ...(options.dnsServer !== undefined ? { dnsServer: options.dnsServer } : {}),
    ...(helm ? { defaultNamespace: namespace ?? "default" } : namespace !== undefined ? { namespace } : {}),
    gate: { ...options.gate, failOn: failOnOf(target, options.gate.failOn) },
    ...(options.limits !== undefined ? { limits: options.limits } : {}),
    inputChanges: [...inputChanges],
  });
  return { ...report, diagnostics: [...head.diagnostics, ...report.diagnostics] };
}

/**
 * A target's gate rules: its own when the base's configuration (or the user) set them, else the
 * run's; a target the pull request itself added cannot go below the run's (DESIGN section 4b).
 */
function failOnOf(t: Target, run: readonly GateRule[]): readonly GateRule[] {
  if (!t.fromHead) return t.failOn ?? run;
  const all = [...new Set([...run, ...(t.failOn ?? [])])];
  return all.length > 1 ? all.filter((r) => r !== "none") : all;
}

function sourcePath(t: Target): string {
  return t.source.kind === "kustomize" ? t.source.dir || "." : t.source.kind === "helm" ? t.source.chart || "." : t.source.paths[0] ?? ".";
}

/** The files a build reads, with their content ids: equal at base and head, equal build. */
function fingerprint(t: Target, tree: RepoTree): string {
  const dirs = t.source.kind === "kustomize" ? kustomizeClosure(t.source.dir, tree).dirs : t.source.kind === "helm" ? [t.source.chart] : [];
  const extra = t.source.kind === "helm" ? t.source.values : [];
  const files = tree.files.filter((f) => dirs.some((d) => d === "" || f.startsWith(`${d}/`)) || extra.includes(f)).sort();
  return files.map((f) => `${f}\0${tree.id(f) ?? ""}`).join("\n");
}

/**
 * A target whose inputs are the same at both revisions, taken as built without running its tool:
 * it has no files to diff, so its report is the unchanged one a build would give. Undefined when
 * it must be built after all: assertions judge its objects, it is absent or invalid (the build
 * says so), or its tool is missing (the build names what to install).
 */
async function unchangedSide(t: Target, tree: RepoTree, options: DiffTargetsOptions): Promise<SideBuild | undefined> {
  const s = t.source;
  if (t.invalid !== undefined || assertionsFor(t, options.assertions ?? []).length > 0) return undefined;
  if (s.kind === "kustomize") {
    const tool = kustomizationFile(s.dir, tree) === undefined ? undefined : kustomizeToolName(options.build);
    return tool === undefined ? undefined : { files: [], diagnostics: [], tool, ms: 0 };
  }
  if (s.kind !== "helm") return undefined;
  if (tree.read(s.chart === "" ? "Chart.yaml" : `${s.chart}/Chart.yaml`) === undefined || s.values.some((v) => !tree.files.includes(v))) return undefined;
  const tool = await helmToolName(options.build);
  return tool === undefined ? undefined : { files: [], diagnostics: [], tool, ms: 0 };
}

/** buildSide within the run's deadline: not started once it has passed, stopped when it passes. */
function buildInTime(t: Target, tree: RepoTree, options: DiffTargetsOptions): Promise<SideBuild> {
  const d = options.deadline;
  if (d === undefined) return buildSide(t, tree, options);
  if (d.passed()) return Promise.resolve({ files: [], diagnostics: [], ms: 0 });
  return buildSide(t, tree, { ...options, build: { ...options.build, timeoutMs: timeLeftFor(options.build?.timeoutMs ?? DEFAULT_TIMEOUT_MS, d) } });
}

/** One target at one revision (for `netreach reach`, and each side of a diff). */
export async function buildSide(t: Target, tree: RepoTree, options: BuildSideOptions): Promise<SideBuild> {
  const started = Date.now();
  const done = (b: Omit<SideBuild, "ms">): SideBuild => ({ ...b, ms: Date.now() - started });
  const s = t.source;
  if (t.invalid !== undefined) return done({ files: [], diagnostics: [], error: { message: t.invalid, detail: "" } });
  if (s.kind === "paths") {
    const r = tree.manifests(s.paths, s.exclude ?? []);
    return done({ files: r.files, diagnostics: r.diagnostics });
  }
  if (s.kind === "kustomize" && kustomizationFile(s.dir, tree) === undefined) return done({ files: [], diagnostics: [], absent: true });
  if (s.kind === "helm" && tree.read(s.chart === "" ? "Chart.yaml" : `${s.chart}/Chart.yaml`) === undefined) return done({ files: [], diagnostics: [], absent: true });
  if (s.kind === "helm") {
    // A values file this revision does not have (a pull request adds it): the target is new here.
    const missing = s.values.filter((v) => !tree.files.includes(v));
    if (missing.length > 0)
      return done({ files: [], diagnostics: [diagnostic("note", missing[0]!, { line: 1, column: 1 }, `values file ${missing.join(", ")} does not exist in ${tree.label}: target ${t.name} is taken as absent there`)], absent: true });
  }
  let root: string;
  try {
    root = tree.buildRoot().dir;
  } catch (e) {
    return done({ files: [], diagnostics: [], error: { message: `the revision could not be written out: ${e instanceof Error ? e.message : String(e)}`, detail: "" } });
  }
  const ready = s.kind === "kustomize" ? options.prebuilt?.(tree, s.dir) : undefined;
  if (ready !== undefined && ready.result.ok) return { files: ready.result.files, diagnostics: [], tool: ready.result.tool, ms: ready.ms };
  const r =
    s.kind === "kustomize"
      ? await kustomizeBuild(root, s.dir, options.build)
      : await helmTemplate(root, { chart: s.chart, release: s.release, namespace: t.namespace ?? options.namespace ?? "default", values: s.values, ...(s.inlineValues !== undefined ? { inlineValues: s.inlineValues } : {}) }, options.build);
  // The tools name files by their place in netreach's temporary copy: name them as in the repository.
  // kustomize also names it relative to where it ran ("../../netreach-tree-a1B2c3/deploy/…"): a
  // random name in a message would make two runs of one pull request differ.
  const copy = new RegExp(`(?:\\.\\./)*${basename(root).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/`, "g");
  const inRepo = (text: string) => text.split(`${root}/`).join("").split(root).join(".").replace(copy, "");
  if (!r.ok) return done({ files: [], diagnostics: [], tool: r.tool, error: { message: inRepo(`${r.tool}: ${r.error}`), detail: inRepo(r.detail) } });
  return done({ files: r.files, diagnostics: [], tool: r.tool });
}

async function pool(jobs: readonly (() => Promise<void>)[], n: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(n, jobs.length) }, worker));
}
