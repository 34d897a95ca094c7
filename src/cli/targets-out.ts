// What `diff` writes for a run with targets, and its exit code: shared by `diff` itself (whole or
// one shard) and `merge` (the shards' reports together), so that the two write the same.
import type { Diagnostic } from "../load/object/diagnostic.js";
import type { ConfigReview } from "../render/config-review.js";
import { renderSarif as sarifOf } from "../render/diff-sarif.js";
import { plain } from "../render/escape.js";
import type { TargetOutcome } from "../render/target-outcome.js";
import { targetsJsonChunks } from "../render/targets-json.js";
import { renderTargetsComment, type UnreadFiles } from "../render/targets-md.js";
import { renderTargetsText } from "../render/targets-text.js";
import { writeFileChunks } from "../files/write-chunks.js";
import { VERSION } from "../version.js";
import type { DiffFormat } from "./args.js";
import type { Io } from "./io.js";
import { formatDiagnostic } from "./target-flags.js";

export interface TargetsResult {
  readonly outcomes: readonly TargetOutcome[];
  readonly config?: ConfigReview | undefined;
  readonly unread: UnreadFiles;
  /** One line naming the targets past the cap or the deadline. */
  readonly skipped?: string | undefined;
  /** A shard's report: its `shard` key. */
  readonly shard?: unknown;
}

const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === "error");

export async function writeTargetsResult(io: Io, r: TargetsResult, out: { readonly format: DiffFormat; readonly group: boolean; readonly output: string | null }): Promise<number> {
  const { outcomes, config, unread } = r;
  const json = () => targetsJsonChunks(outcomes, { group: out.group, unread, ...(config !== undefined ? { config } : {}), ...(r.shard !== undefined ? { shard: r.shard } : {}) });
  const render = {
    json,
    md: () => [renderTargetsComment(outcomes, { marker: "<!-- netreach -->", unread, ...(config !== undefined ? { config } : {}) })],
    sarif: () => {
      const logs = outcomes.filter((o) => o.report !== undefined).map((o) => sarifOf(o.report!, { toolVersion: VERSION }));
      const [first, ...rest] = logs;
      return [JSON.stringify(first === undefined ? {} : { ...first, runs: [...first.runs, ...rest.flatMap((l) => l.runs)] }, null, 2) + "\n"];
    },
    text: () => [renderTargetsText(outcomes, config?.errors ?? [])],
  };
  await io.stream(render[out.format]());
  if (out.output !== null) await writeFileChunks(out.output, json());
  for (const o of outcomes) {
    if (o.failure !== undefined) io.err(`${formatDiagnostic(o.failure)}\n`);
    for (const d of o.report?.diagnostics ?? []) io.err(`[${o.name}] ${formatDiagnostic(d)}\n`);
  }
  if (r.skipped !== undefined) io.err(`netreach: ${r.skipped}\n`);
  for (const f of unread.files) io.err(`netreach: ${plain(f)}: changed, and no target reads it (not analyzed)\n`);
  // The base's unreadable assertions: what they guard is unknown, an error (DESIGN section 4b).
  for (const e of config?.errors ?? []) io.err(`netreach: ${plain(e)}: assertion not judged (invalid in the base revision)\n`);
  if (outcomes.some((o) => o.report !== undefined && !o.report.gate.passed) || (unread.fails && unread.files.length > 0)) return 1;
  if ((config?.errors ?? []).length > 0) return 2;
  return outcomes.some((o) => o.failure !== undefined || hasErrors(o.report?.diagnostics ?? [])) ? 2 : 0;
}
