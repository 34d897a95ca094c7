// The edge both the CLI and the Action call: resolve the targets over a base and a head tree,
// build and diff each, and hand the reports plain outcomes.
import { gitResult } from "../git/run.js";
import type { TargetOutcome } from "../render/target-outcome.js";
import { capTargets, DEFAULT_MAX_TARGETS, pastCap, skippedSummary, skipReason } from "./bounds.js";
import { Deadline, DEFAULT_DEADLINE_SECONDS } from "./deadline.js";
import { diffTargets, type DiffTargetsOptions, type TargetDiff } from "./diff-targets.js";
import { normalizeRepoUrl } from "./gitops.js";
import type { RepoTree } from "./repo-tree.js";
import { resolveTargets, type Resolved, type TargetFlags } from "./resolve.js";
import { describeSource, type Target } from "./target.js";
import { inShard, type Shard } from "./shard.js";
import { unreadFiles } from "./unread-files.js";

export interface TargetsRun {
  readonly resolved: Resolved;
  /** Files the pull request changes that could feed a cluster and that no target reads. */
  readonly unread: readonly string[];
  readonly outcomes: readonly TargetOutcome[];
  readonly diffs: readonly TargetDiff[];
  /** One line naming the targets past the cap or the deadline, when there are any. */
  readonly skipped?: string;
}

export interface RunBounds {
  /** Targets analyzed at most (default 200); the rest are not analyzed. */
  readonly maxTargets?: number;
  /** Past it nothing more is built or analyzed (default: 20 minutes from the start of this call). */
  readonly deadline?: Deadline;
  /** Only this shard's targets are built and analyzed (shard.ts); the cap still counts them all. */
  readonly shard?: Shard;
}

/**
 * Resolves the targets; undefined when the run is a single plain analysis (today's path), so
 * the caller produces today's reports exactly. Trees are cleaned up by the caller.
 */
export async function runTargets(
  flags: TargetFlags,
  paths: readonly string[],
  trees: { readonly base: RepoTree; readonly head: RepoTree },
  repo: string | undefined,
  options: DiffTargetsOptions & RunBounds,
): Promise<TargetsRun | undefined> {
  const deadline = options.deadline ?? Deadline.after(DEFAULT_DEADLINE_SECONDS);
  const resolved = resolveTargets(flags, paths, trees, repo);
  if (resolved.plain) return undefined;
  const max = options.maxTargets ?? DEFAULT_MAX_TARGETS;
  const capped = capTargets(resolved.targets, max);
  const mine = <T extends Target>(ts: T[]) => (options.shard === undefined ? ts : inShard(resolved.targets, ts, options.shard));
  const kept = mine(capped.kept);
  const over = mine(capped.over);
  const built = await diffTargets(kept, trees, { ...options, deadline, assertions: resolved.assertions });
  const diffs: TargetDiff[] = [...built, ...over.map((t) => pastCap(t, max, resolved.targets.length))];
  const skipped = skippedSummary(diffs);
  return { resolved, diffs, outcomes: diffs.map(outcome), unread: unreadFiles(resolved.targets, trees), ...(skipped !== undefined ? { skipped } : {}) };
}

export function outcome(d: TargetDiff): TargetOutcome {
  const s = d.target.source;
  const skipped = skipReason(d);
  return {
    name: d.target.name,
    kind: s.kind,
    built: describeSource(s),
    path: s.kind === "kustomize" ? s.dir : s.kind === "helm" ? s.chart : (s.paths[0] ?? ""),
    values: s.kind === "helm" ? s.values : [],
    ...(s.kind === "helm" ? { release: s.release } : {}),
    ...(d.target.namespace !== undefined ? { namespace: d.target.namespace } : {}),
    origin: d.target.origin,
    ...(d.target.definedIn !== undefined ? { definedIn: d.target.definedIn } : {}),
    base: side(d.base),
    head: side(d.head),
    ...(d.report !== undefined ? { report: d.report } : {}),
    ...(d.failure !== undefined ? { failure: d.failure } : {}),
    ...(skipped !== undefined ? { skipped } : {}),
  };
}

function side(b: TargetDiff["base"]): TargetOutcome["base"] {
  return { ms: b.ms, ...(b.tool !== undefined ? { tool: b.tool } : {}), ...(b.absent ? { absent: true } : {}), ...(b.reused ? { reused: true } : {}) };
}

/** This repository's normalized URL from its `origin` remote, if it has one. */
export function originUrl(repoDir: string): string | undefined {
  const r = gitResult(repoDir, ["remote", "get-url", "origin"]);
  const url = r.status === 0 ? r.stdout.toString("utf8").trim() : "";
  return url === "" ? undefined : normalizeRepoUrl(url);
}
