// `netreach targets`: the targets a diff would analyze, each with its shard key, for a CI matrix.
// `netreach merge`: shards' JSON reports (diff --shard I/N) into the reports one run writes.
import { readFileSync } from "node:fs";
import { UsageError } from "../files/usage-error.js";
import { plain } from "../render/escape.js";
import type { TargetOutcome } from "../render/target-outcome.js";
import { skippedSummaryOf } from "../targets/bounds.js";
import { resolveTargets } from "../targets/resolve.js";
import { shardKey, shardOf } from "../targets/shard.js";
import { replayOutcomes, revisionId, SHARD_SCHEMA, type ShardPayload } from "../targets/shard-report.js";
import { describeSource } from "../targets/target.js";
import { diffTrees } from "./diff-trees.js";
import type { Io } from "./io.js";
import type { MergeCommand, TargetsCommand } from "./shard-args.js";
import { targetFlags } from "./target-flags.js";
import { writeTargetsResult } from "./targets-out.js";

export async function runTargetsList(cmd: TargetsCommand, io: Io): Promise<number> {
  const opened = diffTrees(cmd.source, cmd.targets);
  if (opened === undefined) throw new UsageError("targets needs a directory, two directories (base and head), or --git <base-rev> [<head-rev>]");
  const { trees, paths, repo, roots } = opened;
  try {
    const resolved = resolveTargets(targetFlags(cmd.targets, roots), paths, trees, repo);
    const ts = resolved.targets;
    // A plain run is one analysis, not targets: it is not split (diff --shard refuses it).
    const count = cmd.shards === null || resolved.plain ? null : Math.max(1, Math.min(cmd.shards, ts.length));
    const of = count === null ? undefined : shardOf(ts.map((t) => t.name), count);
    const list = ts.map((t) => {
      const s = t.source;
      return {
        name: t.name,
        key: shardKey(t.name),
        ...(of !== undefined ? { shard: `${of.get(t.name)}/${count}` } : {}),
        kind: s.kind,
        source: describeSource(s),
        paths: s.kind === "kustomize" ? [s.dir] : s.kind === "helm" ? [s.chart, ...s.values] : [...s.paths],
        namespace: t.namespace ?? null,
        origin: t.origin,
        definedIn: t.definedIn ?? null,
      };
    });
    if (cmd.format === "json") {
      const doc = {
        schema: "netreach.targets/v1",
        base: revisionId(trees.base),
        head: revisionId(trees.head),
        from: resolved.from,
        plain: resolved.plain,
        ...(count !== null ? { shards: Array.from({ length: count }, (_, i) => `${i + 1}/${count}`) } : {}),
        targets: list,
      };
      io.out(JSON.stringify(doc, null, 2) + "\n");
      return 0;
    }
    const lines = [`netreach: ${ts.length} target${ts.length === 1 ? "" : "s"} from ${plain(resolved.from)}${resolved.plain ? " (one plain analysis: not split into shards)" : ""}`];
    for (const t of list) lines.push(`  ${t.key}  ${t.shard !== undefined ? `${t.shard.padEnd(String(count).length * 2 + 1)}  ` : ""}${plain(t.name)} (${plain(t.source)})`);
    io.out(lines.join("\n") + "\n");
    return 0;
  } finally {
    trees.base.cleanup();
    trees.head.cleanup();
  }
}

/** Why the reports cannot be merged: a failing exit, never a pass. */
class MergeError extends Error {}

export async function runMerge(cmd: MergeCommand, io: Io): Promise<number> {
  let merged: ReturnType<typeof mergeShards>;
  try {
    merged = mergeShards(cmd.reports.map((file) => ({ file, text: readReport(file) })));
  } catch (e) {
    if (!(e instanceof MergeError)) throw e;
    io.err(`netreach: merge: ${e.message}\n`);
    return 2;
  }
  return await writeTargetsResult(io, merged, cmd);
}

function readReport(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new MergeError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/**
 * The shards of one run, checked to be that (same revisions, options and targets; each shard
 * once; every target in exactly one), their targets analyzed again from the manifests they carry,
 * in the run's order. Throws MergeError saying what does not fit.
 */
export function mergeShards(reports: readonly { readonly file: string; readonly text: string }[]): {
  outcomes: TargetOutcome[];
  config: ShardPayload["review"] extends infer R ? Exclude<R, null> | undefined : never;
  unread: { files: readonly string[]; fails: boolean };
  skipped: string | undefined;
} {
  const shards = reports.map(({ file, text }) => ({ file, p: payloadOf(file, text) }));
  const first = shards[0]!;
  const count = first.p.count;
  const same = (what: string, pick: (p: ShardPayload) => unknown) => {
    const want = JSON.stringify(pick(first.p));
    for (const s of shards) if (JSON.stringify(pick(s.p)) !== want) throw new MergeError(`${s.file} is of another run than ${first.file}: its ${what} differ${what.endsWith("s") ? "" : "s"}`);
  };
  same("shard count", (p) => p.count);
  same("base revision", (p) => p.base.id);
  same("head revision", (p) => p.head.id);
  same("targets", (p) => p.targets);
  same("options", (p) => p.options);
  same("configuration review", (p) => p.review);
  same("unread files", (p) => [p.unread, p.unreadFails]);
  const byIndex = new Map<number, string>();
  for (const s of shards) {
    const seen = byIndex.get(s.p.index);
    if (seen !== undefined) throw new MergeError(`shard ${s.p.shard} is given twice (${seen} and ${s.file})`);
    byIndex.set(s.p.index, s.file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new MergeError(`shard${missing.length === 1 ? "" : "s"} ${missing.map((i) => `${i}/${count}`).join(", ")} of ${count} missing: their targets were not analyzed, so the run cannot pass (given: ${shards.map((s) => s.file).join(", ")})`);
  const outcomes = new Map<string, TargetOutcome>();
  for (const s of shards) {
    for (const [name, o] of replayOutcomes(s.p)) {
      if (outcomes.has(name)) throw new MergeError(`target ${name} is in two shards' reports (${s.file} and another)`);
      outcomes.set(name, o);
    }
  }
  const absent = first.p.targets.filter((t) => !outcomes.has(t.name)).map((t) => t.name);
  if (absent.length > 0) throw new MergeError(`target${absent.length === 1 ? "" : "s"} ${absent.join(", ")} in no shard's report`);
  const ordered = first.p.targets.map((t) => outcomes.get(t.name)!);
  return {
    outcomes: ordered,
    config: first.p.review ?? undefined,
    unread: { files: first.p.unread, fails: first.p.unreadFails },
    skipped: skippedSummaryOf(ordered),
  };
}

function payloadOf(file: string, text: string): ShardPayload {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new MergeError(`${file}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const p = (doc as { shard?: ShardPayload } | null)?.shard;
  if (p === undefined || p === null || typeof p !== "object" || p.schema !== SHARD_SCHEMA)
    throw new MergeError(`${file}: not a shard's report (it has no "shard" of schema ${SHARD_SCHEMA}: write one with netreach diff --shard I/N --output FILE)`);
  return p;
}
