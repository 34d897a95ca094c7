// `netreach targets`: the targets a diff would analyze, each with its shard key, for a CI matrix.
// `netreach merge`: shards' JSON reports (diff --shard I/N) into the reports one run writes.
import { readFileSync } from "node:fs";
import { UsageError } from "../files/usage-error.js";
import { plain } from "../render/escape.js";
import { resolveTargets } from "../targets/resolve.js";
import { shardKey, shardOf } from "../targets/shard.js";
import { revisionId } from "../targets/shard-report.js";
import { MergeError, mergeShards, type MergedRun } from "../targets/shard-merge.js";
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

export async function runMerge(cmd: MergeCommand, io: Io): Promise<number> {
  let merged: MergedRun;
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

