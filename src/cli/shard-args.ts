// Command-line parsing for `netreach targets` (the targets a diff would analyze, for a CI matrix)
// and `netreach merge` (shards' JSON reports into one run's reports).
import { UsageError } from "../files/usage-error.js";
import { oneOf, readFlags, sharedFlag, sharedFlags, targetArgs } from "./flag-reader.js";
import type { TargetArgs } from "./target-args.js";
import type { DiffFormat, DiffSource } from "./formats.js";

export const TARGETS_FORMATS = ["text", "json"] as const;
export type TargetsFormat = (typeof TARGETS_FORMATS)[number];

export interface TargetsCommand {
  readonly command: "targets";
  /** Two directories (one given: both), or --git BASE [HEAD] with pathspecs. */
  readonly source: DiffSource;
  readonly targets: TargetArgs;
  readonly format: TargetsFormat;
  /** --shards N: also say each target's shard of N, and list the shards (at most one per target). */
  readonly shards: number | null;
}

export interface MergeCommand {
  readonly command: "merge";
  readonly reports: readonly string[];
  readonly format: DiffFormat;
  readonly output: string | null;
  readonly group: boolean;
}

export function parseTargetsArgs(rest: readonly string[]): TargetsCommand {
  let format = "text";
  let git = false;
  let shards: number | null = null;
  const shared = sharedFlags();
  const { positional, afterDashes } = readFlags("targets", rest, (flag, value) => {
    if (sharedFlag(shared, flag, value)) return true;
    if (flag === "--format") format = value();
    else if (flag === "--git") git = true;
    else if (flag === "--shards") {
      const v = value();
      if (!/^\s*\d+\s*$/.test(v) || Number(v) < 1) throw new UsageError(`--shards must be a positive whole number, not "${v}"`);
      shards = Number(v);
    } else return false;
    return true;
  });
  let source: DiffSource;
  if (git) {
    if (positional.length < 1 || positional.length > 2) throw new UsageError("targets --git needs <base-rev> and optionally <head-rev> (pathspecs go after --)");
    source = { kind: "git", baseRev: positional[0]!, headRev: positional[1] ?? null, pathspecs: afterDashes };
  } else {
    const all = [...positional, ...afterDashes];
    if (all.length > 2) throw new UsageError("targets takes one directory, two (base and head), or --git <base-rev> [<head-rev>]");
    const dir = all[0] ?? ".";
    source = { kind: "paths", base: dir, head: all[1] ?? dir };
  }
  return { command: "targets", source, targets: targetArgs(shared), format: oneOf("--format", format, TARGETS_FORMATS), shards };
}

export function parseMergeArgs(rest: readonly string[]): MergeCommand {
  let format = "text";
  let output: string | null = null;
  let group = false;
  const { positional, afterDashes } = readFlags("merge", rest, (flag, value) => {
    if (flag === "--format") format = value();
    else if (flag === "--output") output = value();
    else if (flag === "--group") group = true;
    else return false;
    return true;
  });
  const reports = [...positional, ...afterDashes];
  if (reports.length === 0) throw new UsageError("merge needs the shards' JSON reports (diff --shard I/N --output FILE)");
  return { command: "merge", reports, format: oneOf("--format", format, ["md", "text", "json", "sarif"] as const), output, group };
}
