// How many targets a run analyzes, and what it says about the rest. A target past the cap or
// not done by the deadline is never dropped in silence: it is "not analyzed", with an error
// diagnostic naming it and why, so the gate fails closed and the reader knows what was skipped.
import { diagnostic, type Diagnostic } from "../load/object/diagnostic.js";
import type { SourceFile } from "../load/object/source.js";
import type { Deadline } from "./deadline.js";
import { describeSource, type Target } from "./target.js";

// The shapes of diff-targets.ts's SideBuild and TargetDiff that these need (that module calls
// this one, so this one does not import it).
interface Side {
  readonly files: readonly SourceFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly ms: number;
}
interface Skipped<S extends Side> {
  readonly target: Target;
  readonly base: S;
  readonly head: S;
  readonly failure: Diagnostic;
}

export const DEFAULT_MAX_TARGETS = 200;

export type SkipReason = "cap" | "deadline";

const reasons = new WeakMap<object, SkipReason>();

/** The first `max` targets, and the rest. */
export function capTargets(targets: readonly Target[], max: number): { kept: Target[]; over: Target[] } {
  return { kept: targets.slice(0, max), over: targets.slice(max) };
}

const NOT_RUN: Side = { files: [], diagnostics: [], ms: 0 };

/** A target past the cap of `max` (`total` targets in the run). */
export function pastCap(target: Target, max: number, total: number): Skipped<Side> {
  return notAnalyzed(target, "cap", `the run has ${total} targets, over the cap of ${max} (--max-targets, input max-targets); raise it, or choose targets with --target / input targets`);
}

/** A target not done when the deadline passed; what was built of it is kept for the report. */
export function pastDeadline<S extends Side>(target: Target, deadline: Deadline, sides: { base?: S; head?: S } = {}): Skipped<S | Side> {
  return notAnalyzed(target, "deadline", `${deadline.describe()} passed before it was done`, sides);
}

function notAnalyzed<S extends Side>(target: Target, reason: SkipReason, why: string, sides: { base?: S; head?: S } = {}): Skipped<S | Side> {
  const where = target.definedIn ?? { file: sourcePath(target), line: 1 };
  const d: Skipped<S | Side> = {
    target,
    base: sides.base ?? NOT_RUN,
    head: sides.head ?? NOT_RUN,
    failure: diagnostic("error", where.file, { line: where.line, column: 1 }, `target ${target.name} (${describeSource(target.source)}) was not analyzed: ${why}`),
  };
  reasons.set(d, reason);
  return d;
}

/** Why a target was skipped by these bounds; undefined for one that was built (or failed to be). */
export function skipReason(d: object): SkipReason | undefined {
  return reasons.get(d);
}

/**
 * One line naming every target skipped, by reason, or undefined: "4800 target(s) not analyzed:
 * over the cap of 200 targets: app-201, app-202, … (and 4790 more)".
 */
export function skippedSummary(diffs: readonly { readonly target: Target }[], maxNames = 20): string | undefined {
  return skippedSummaryOf(diffs.map((d) => ({ name: d.target.name, skipped: skipReason(d) })), maxNames);
}

/** The same line from each target's name and why it was skipped (a merge of shards' reports has no diffs). */
export function skippedSummaryOf(items: readonly { readonly name: string; readonly skipped?: SkipReason | undefined }[], maxNames = 20): string | undefined {
  const by = { cap: [] as string[], deadline: [] as string[] };
  for (const d of items) if (d.skipped !== undefined) by[d.skipped].push(d.name);
  const total = by.cap.length + by.deadline.length;
  if (total === 0) return undefined;
  const names = (list: string[]) => `${list.slice(0, maxNames).join(", ")}${list.length > maxNames ? `, … (and ${list.length - maxNames} more)` : ""}`;
  const parts = [
    ...(by.cap.length > 0 ? [`past the target cap (--max-targets, input max-targets): ${names(by.cap)}`] : []),
    ...(by.deadline.length > 0 ? [`not done by the deadline (--deadline, input deadline): ${names(by.deadline)}`] : []),
  ];
  return `${total} target(s) not analyzed, ${parts.join("; ")}`;
}

function sourcePath(t: Target): string {
  return t.source.kind === "kustomize" ? t.source.dir || "." : t.source.kind === "helm" ? t.source.chart || "." : (t.source.paths[0] ?? ".");
}

/** How a user sets the bounds: the CLI flag and the Action input. */
export const BOUND_OPTIONS = {
  maxTargets: { flag: "--max-targets", input: "max-targets" },
  deadline: { flag: "--deadline", input: "deadline" },
} as const;

/**
 * `--max-targets N` (a positive whole number) or `--deadline SECONDS` (a positive whole number
 * of seconds, or with m or h: `20m`, `1h`).
 */
export function parseBound(which: keyof typeof BOUND_OPTIONS, text: string): { ok: true; value: number } | { ok: false; error: string } {
  const m = which === "deadline" ? /^\s*(\d+)\s*([smh]?)\s*$/i.exec(text) : /^\s*(\d+)\s*$/.exec(text);
  const unit = m?.[2]?.toLowerCase() ?? "";
  const value = m ? Number(m[1]) * (unit === "h" ? 3600 : unit === "m" ? 60 : 1) : NaN;
  if (!m || !Number.isSafeInteger(value) || value < 1) {
    const o = BOUND_OPTIONS[which];
    const what = which === "deadline" ? "a positive whole number of seconds (or minutes with m, hours with h: 20m, 1h)" : "a positive whole number";
    return { ok: false, error: `${o.flag} (input ${o.input}) must be ${what}, not "${text}"` };
  }
  return { ok: true, value };
}
