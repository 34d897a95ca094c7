// The `netreach` command: the edge that reads files and arguments and writes stdout/stderr.
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { diff, reach, type ReachReport } from "../analyze.js";
import type { Diagnostic } from "../load/object/diagnostic.js";
import { renderComment } from "../render/diff-md.js";
import { diffJsonChunks } from "../render/diff-json.js";
import { renderSarif } from "../render/diff-sarif.js";
import { renderDiffText } from "../render/diff-text.js";
import { reachCsvLines } from "../render/reach-csv.js";
import { reachGroupedJsonChunks, reachJsonChunks } from "../render/reach-json.js";
import { reachMarkdownChunks } from "../render/reach-md.js";
import { reachGroupedTextLines, reachTextLines } from "../render/reach-text.js";
import { ConfigError } from "../targets/config.js";
import { buildSide } from "../targets/diff-targets.js";
import { dirTree, gitTree } from "../targets/repo-tree.js";
import { resolveTargets } from "../targets/resolve.js";
import { runTargets } from "../targets/run.js";
import { describeSource } from "../targets/target.js";
import { cniOptions } from "../targets/cni-of.js";
import { repoRoot } from "../git/repo.js";
import { relative, resolve, sep } from "node:path";
import { readPool, type Io } from "./io.js";
import { formatDiagnostic, isDir, targetFlags } from "./target-flags.js";
import { runCheck } from "./check.js";
import { parseArgs, type Command, type DiffSource, type ReachFormat } from "./args.js";
import { unreadFiles } from "../targets/unread-files.js";
import { usageOf } from "./usage.js";
import { capTargets, DEFAULT_MAX_TARGETS, pastCap, pastDeadline, skippedSummary } from "../targets/bounds.js";
import { Deadline, DEFAULT_DEADLINE_SECONDS, timeLeftFor } from "../targets/deadline.js";
import { DEFAULT_TIMEOUT_MS } from "../tools/build-options.js";
import { streamSink } from "./stream-out.js";
import { readRevisions } from "./diff-sources.js";
import { readSources } from "../files/read-sources.js";
import { UsageError } from "../files/usage-error.js";
import { writeFileChunks } from "../files/write-chunks.js";
import { relaunchWithHeapFlags } from "../heap-flags.js";
import { VERSION } from "../version.js";
import { runWhy } from "./why.js";
import { diffTrees, withTargets } from "./diff-trees.js";
import { runReadWorker } from "../workers/read-worker.js";
import { readInThreads } from "../workers/read-pool.js";
import { writeTargetsResult } from "./targets-out.js";
import { shardPayload } from "../targets/shard-report.js";
import { runMerge, runTargetsList } from "./shards.js";

export type { Io } from "./io.js";
export { formatDiagnostic } from "./target-flags.js";


/** The report in the format asked for, in pieces: per-pair formats as the flows are generated. */
function reachChunks(r: ReachReport, format: ReachFormat, group: boolean): Iterable<string> {
  switch (format) {
    case "json":
      return group ? reachGroupedJsonChunks(r) : reachJsonChunks(r);
    case "text":
      return group ? reachGroupedTextLines(r) : reachTextLines(r);
    case "md":
      return reachMarkdownChunks(r);
    case "csv":
      return reachCsvLines(r);
  }
}

const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === "error");


/**
 * `reach` with targets (named by flags, --config, or a .netreach.yaml in the one directory
 * given): each built from the directory as it is. Undefined: the paths are read as they are.
 */
async function runReachTargets(cmd: Extract<Command, { command: "reach" }>, io: Io): Promise<number | undefined> {
  if (cmd.paths.length !== 1 || !isDir(cmd.paths[0]!)) {
    if (withTargets(cmd.targets)) throw new UsageError("targets (--kustomize, --helm, --target, --config) need one directory to build in");
    return undefined;
  }
  const tree = dirTree(cmd.paths[0]!, cmd.paths[0]!);
  try {
    if (!withTargets(cmd.targets) && tree.read(".netreach.yaml") === undefined) return undefined;
    const resolved = resolveTargets(targetFlags(cmd.targets, [cmd.paths[0]!]), [], { base: tree, head: tree }, undefined);
    if (resolved.plain) return undefined;
    const targets = resolved.targets;
    if (targets.length > 1 && (cmd.format === "json" || cmd.format === "csv"))
      throw new UsageError(`${targets.length} targets (${targets.map((t) => t.name).join(", ")}): choose one with --target NAME for --format ${cmd.format}`);
    let code = 0;
    const deadline = Deadline.after(cmd.bounds.deadline ?? DEFAULT_DEADLINE_SECONDS);
    const max = cmd.bounds.maxTargets ?? DEFAULT_MAX_TARGETS;
    const { kept, over } = capTargets(targets, max);
    const skipped = over.map((t) => pastCap(t, max, targets.length));
    for (const t of kept) {
      if (deadline.passed()) {
        skipped.push(pastDeadline(t, deadline));
        continue;
      }
      const side = await buildSide(t, tree, { ...(cmd.namespace !== undefined ? { namespace: cmd.namespace } : {}), build: { timeoutMs: timeLeftFor(DEFAULT_TIMEOUT_MS, deadline) } });
      if (targets.length > 1) io.out(`${cmd.format === "md" ? "## " : "== "}${t.name} (${describeSource(t.source)})${cmd.format === "md" ? "" : " =="}\n\n`);
      if (side.error !== undefined || side.absent) {
        io.err(`netreach: target ${t.name} (${describeSource(t.source)}): ${side.absent ? "not found" : side.error!.message}\n${side.error?.detail ? side.error.detail + "\n" : ""}`);
        code = 2;
        continue;
      }
      const helm = t.source.kind === "helm";
      const namespace = t.namespace ?? cmd.namespace;
      const report = reach(side.files, {
        pods: t.pods ?? cmd.pods,
        hostNetwork: cmd.hostNetwork,
        limits: cmd.limits,
        ...cniOptions(t, cmd),
        ...(cmd.ingressController !== undefined ? { ingressController: cmd.ingressController } : {}),
        ...(cmd.dnsServer !== undefined ? { dnsServer: cmd.dnsServer } : {}),
        ...(helm ? { defaultNamespace: namespace ?? "default" } : namespace !== undefined ? { namespace } : {}),
      });
      const full = { ...report, diagnostics: [...side.diagnostics, ...report.diagnostics] };
      if (!(await io.stream(reachChunks(full, cmd.format, cmd.group)))) return code; // the reader went away
      if (targets.length > 1) io.out("\n");
      for (const d of full.diagnostics) io.err(formatDiagnostic(d) + "\n");
      if (hasErrors(full.diagnostics)) code = 2;
    }
    for (const d of skipped) io.err(`${formatDiagnostic(d.failure)}\n`);
    const summary = skippedSummary(skipped);
    if (summary !== undefined) {
      io.err(`netreach: ${summary}\n`);
      code = 2;
    }
    return code;
  } finally {
    tree.cleanup();
  }
}

/** `diff` with several targets, or one that is built: undefined when the run is today's single plain analysis. */
async function runDiffTargets(cmd: Extract<Command, { command: "diff" }>, io: Io): Promise<number | undefined> {
  const deadline = Deadline.after(cmd.bounds.deadline ?? DEFAULT_DEADLINE_SECONDS);
  const opened = diffTrees(cmd.source, cmd.targets);
  if (opened === undefined) return undefined;
  const { trees, paths, repo, roots } = opened;
  try {
    const options = {
      deadline,
      ...(cmd.bounds.maxTargets !== undefined ? { maxTargets: cmd.bounds.maxTargets } : {}),
      pods: cmd.pods,
      hostNetwork: cmd.hostNetwork,
      gate: cmd.gate,
      limits: cmd.limits,
      cni: cmd.cni,
      ...(cmd.ciliumCluster !== undefined ? { ciliumCluster: cmd.ciliumCluster } : {}),
      ...(cmd.namespace !== undefined ? { namespace: cmd.namespace } : {}),
      ...(cmd.ingressController !== undefined ? { ingressController: cmd.ingressController } : {}),
      ...(cmd.dnsServer !== undefined ? { dnsServer: cmd.dnsServer } : {}),
      ...(cmd.shard !== null ? { shard: cmd.shard } : {}),
    };
    const run = await runTargets(targetFlags(cmd.targets, roots), paths, trees, repo, options);
    if (run === undefined) {
      if (cmd.shard !== null) throw new UsageError("--shard splits a run's targets, and this run has none: it is one plain analysis of the manifests (see netreach targets)");
      return undefined;
    }
    const unread = { files: run.unread, fails: cmd.gate.failOn.includes("unanalyzed") };
    const config = run.resolved.review;
    const shard = cmd.shard === null ? undefined : shardPayload(cmd.shard, { all: run.resolved.targets, diffs: run.diffs, unread: run.unread, unreadFails: unread.fails, review: config }, trees, options, run.resolved.assertions);
    return await writeTargetsResult(io, { outcomes: run.outcomes, config, unread, skipped: run.skipped, ...(shard !== undefined ? { shard } : {}) }, cmd);
  } finally {
    trees.base.cleanup();
    trees.head.cleanup();
  }
}

async function runReach(cmd: Extract<Command, { command: "reach" }>, io: Io): Promise<number> {
  // Below the working directory (a checkout), no directory on the way may be a link either.
  const sources = readSources([...cmd.paths], cmd.limits.bytes === undefined ? {} : { maxTotalBytes: cmd.limits.bytes }, "", process.cwd());
  const [files] = readInThreads([sources.files], readPool(io, cmd.threads));
  const report = reach(files!, { pods: cmd.pods, hostNetwork: cmd.hostNetwork, namespace: cmd.namespace, ingressController: cmd.ingressController, limits: cmd.limits, ...cniOptions(undefined, cmd) });
  const full = { ...report, diagnostics: [...sources.diagnostics, ...report.diagnostics] };
  // A reader that stops early (`| head`) gets what it read; the diagnostics and exit code stand.
  await io.stream(reachChunks(full, cmd.format, cmd.group));
  for (const d of full.diagnostics) io.err(formatDiagnostic(d) + "\n");
  // Input the API server would reject was left out: the answer is about the rest, so say so.
  return hasErrors(full.diagnostics) ? 2 : 0;
}

/** `diff --git REV [HEAD] -- PATHSPEC…`: changed files that could feed a cluster outside the pathspecs. */
function unreadOutsidePathspecs(src: Extract<DiffSource, { kind: "git" }>): string[] {
  if (src.pathspecs.length === 0) return [];
  const root = repoRoot(process.cwd());
  const paths = src.pathspecs.map((p) => relative(root, resolve(process.cwd(), p)).split(sep).join("/")).filter((p) => p !== "");
  const trees = { base: gitTree(root, src.baseRev, "base"), head: src.headRev !== null ? gitTree(root, src.headRev, "head") : dirTree(root, "working tree") };
  return unreadFiles([{ name: "manifests", source: { kind: "paths", paths }, origin: "discovered" }], trees);
}

async function runDiff(cmd: Extract<Command, { command: "diff" }>, io: Io): Promise<number> {
  const revs = readRevisions(cmd.source, process.cwd(), cmd.limits.bytes);
  const [base, head] = readInThreads([revs.base.files, revs.head.files], readPool(io, cmd.threads));
  const report = diff(base!, head!, {
    pods: cmd.pods,
    ...cniOptions(undefined, cmd),
    hostNetwork: cmd.hostNetwork,
    namespace: cmd.namespace,
    ingressController: cmd.ingressController,
    ...(cmd.dnsServer !== undefined ? { dnsServer: cmd.dnsServer } : {}),
    gate: cmd.gate,
    limits: cmd.limits,
    unreadFiles: cmd.source.kind === "git" ? unreadOutsidePathspecs(cmd.source) : [],
  });
  const full = { ...report, diagnostics: [...revs.head.diagnostics, ...report.diagnostics] };
  const render = {
    json: () => diffJsonChunks(full, { group: cmd.group }),
    md: () => [renderComment(full, { marker: "<!-- netreach -->" }) + "\n"],
    sarif: () => [JSON.stringify(renderSarif(full, { toolVersion: VERSION }), null, 2) + "\n"],
    text: () => [renderDiffText(full)],
  };
  await io.stream(render[cmd.format]());
  if (cmd.output !== null) await writeFileChunks(cmd.output, diffJsonChunks(full, { group: cmd.group }));
  for (const d of full.diagnostics) io.err(formatDiagnostic(d) + "\n");
  if (!full.gate.passed) return 1;
  return hasErrors(full.diagnostics) ? 2 : 0;
}

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  try {
    const cmd = parseArgs(argv);
    switch (cmd.command) {
      case "help":
        io.out(usageOf(cmd.topic));
        return 0;
      case "version":
        io.out(`netreach ${VERSION}\n`);
        return 0;
      case "reach":
        return (await runReachTargets(cmd, io)) ?? (await runReach(cmd, io));
      case "diff":
        return (await runDiffTargets(cmd, io)) ?? (await runDiff(cmd, io));
      case "why":
        return await runWhy(cmd, io, targetFlags, formatDiagnostic);
      case "check":
        return await runCheck(cmd, io);
      case "targets":
        return await runTargetsList(cmd, io);
      case "merge":
        return await runMerge(cmd, io);
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(`netreach: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`netreach: ${e.message}\n\n${usageOf(argv[0] === "reach" || argv[0] === "diff" || argv[0] === "why" || argv[0] === "check" || argv[0] === "targets" || argv[0] === "merge" ? argv[0] : undefined)}`);
      return 2;
    }
    // Never a stack trace: say what failed in one line.
    io.err(`netreach: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

function isMain(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// A worker thread started on this bundle to read YAML (workers/read-pool.ts) does only that.
if (!runReadWorker() && isMain()) {
  relaunchWithHeapFlags(() => {
    const stdout = streamSink(process.stdout);
    void runCli(process.argv.slice(2), {
      out: (t) => stdout.write(t),
      err: (t) => process.stderr.write(t),
      stream: (chunks) => stdout.writeAll(chunks),
      workerEntry: new URL(import.meta.url),
    }).then((code) => {
      // Not process.exit(): Node exits once stdout has taken everything written, nothing cut.
      process.exitCode = code;
    });
  });
}
