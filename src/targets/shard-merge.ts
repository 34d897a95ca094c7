// Shards' JSON reports (diff --shard I/N) put together into one run's outcomes, for `netreach
// merge` and the Action's merge mode. Reports that are not every shard of one run are refused:
// a target no shard analyzed must never read as passed.
import type { TargetOutcome } from "../render/target-outcome.js";
import type { ConfigReview } from "../render/config-review.js";
import { skippedSummaryOf } from "./bounds.js";
import { replayOutcomes, SHARD_SCHEMA, type ShardPayload } from "./shard-report.js";

export interface MergedRun {
  readonly outcomes: TargetOutcome[];
  readonly config: ConfigReview | undefined;
  readonly unread: { readonly files: readonly string[]; readonly fails: boolean };
  readonly skipped: string | undefined;
  /** The revisions the shards analyzed (commit ids for git revisions). */
  readonly base: string;
  readonly head: string;
}

/** Why the reports cannot be merged: a failing exit, never a pass. */
export class MergeError extends Error {
  override name = "MergeError";
}

/**
 * The shards of one run, checked to be that (same revisions, options and targets; each shard
 * once; every target in exactly one), their targets analyzed again from the manifests they carry,
 * in the run's order. Throws MergeError saying what does not fit.
 */
export function mergeShards(reports: readonly { readonly file: string; readonly text: string }[]): MergedRun {
  if (reports.length === 0) throw new MergeError("no shard's report given");
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
    base: first.p.base.id,
    head: first.p.head.id,
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
