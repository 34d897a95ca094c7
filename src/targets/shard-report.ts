// What a shard's JSON report carries for `netreach merge`, under its `shard` key: which shard of
// how many, the revisions and the run's whole target list (so that reports of another run, or a
// missing or doubled shard, are refused), what the run found outside the targets (the
// configuration's review, files no target reads), and for each of its targets the outcome and
// the built manifests of both sides. Merge analyzes those manifests again with the run's
// options, through the same function a run uses (targetReport), and renders with the same
// renderers: the merged reports are the single run's, byte for byte, because nothing in them
// was re-implemented. The builds, the costly part (helm, kustomize), are not repeated.
import { createHash } from "node:crypto";
import type { SourceFile } from "../load/object/source.js";
import type { Diagnostic } from "../load/object/diagnostic.js";
import { ConnSet, PortSet } from "../net/conn-set.js";
import { PROTOCOLS } from "../net/protocol.js";
import type { ConfigReview } from "../render/config-review.js";
import type { TargetOutcome } from "../render/target-outcome.js";
import type { ChosenAssertion } from "./assertion-merge.js";
import type { AnalysisOptions, TargetDiff } from "./diff-targets.js";
import { targetReport } from "./diff-targets.js";
import type { RepoTree } from "./repo-tree.js";
import { outcome } from "./run.js";
import { shardKey, shardText, type Shard } from "./shard.js";
import type { Target } from "./target.js";
import type { InputChange } from "../analyze.js";

export const SHARD_SCHEMA = "netreach.shard/v1";

/** A revision as shards compare it: its commit, else a digest of every file's content id. */
export interface RevisionId {
  readonly label: string;
  readonly id: string;
}

export interface ShardPayload {
  readonly schema: typeof SHARD_SCHEMA;
  /** "2/4" */
  readonly shard: string;
  readonly index: number;
  readonly count: number;
  readonly base: RevisionId;
  readonly head: RevisionId;
  /** Every target of the run, in its order, with its key: the same in every shard of one run. */
  readonly targets: readonly { readonly name: string; readonly key: string }[];
  /** This shard's targets. */
  readonly analyzed: readonly string[];
  /** The run's options as the analysis reads them (encoded: see `encode`). */
  readonly options: unknown;
  readonly unread: readonly string[];
  readonly unreadFails: boolean;
  readonly review: ConfigReview | null;
  readonly outcomes: readonly OutcomeRecord[];
}

interface SideFiles {
  readonly files: readonly SourceFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** One target of the shard: its outcome without the report, and what makes the report again. */
export interface OutcomeRecord {
  readonly target: unknown;
  readonly outcome: Omit<TargetOutcome, "report">;
  readonly analysis?: {
    readonly base: SideFiles;
    /** Null: the same as the base (its inputs did not change, it was built once). */
    readonly head: SideFiles | null;
    readonly inputChanges: readonly InputChange[];
  };
}

export function revisionId(tree: RepoTree): RevisionId {
  if (tree.commit !== undefined) return { label: tree.label, id: tree.commit };
  const h = createHash("sha256");
  for (const f of [...tree.files].sort()) h.update(`${f}\0${tree.id(f) ?? ""}\n`);
  return { label: tree.label, id: `sha256:${h.digest("hex")}` };
}

/** The payload of shard `s` of a run. */
export function shardPayload(
  s: Shard,
  run: { readonly all: readonly Target[]; readonly diffs: readonly TargetDiff[]; readonly unread: readonly string[]; readonly unreadFails: boolean; readonly review?: ConfigReview | undefined },
  trees: { readonly base: RepoTree; readonly head: RepoTree },
  options: AnalysisOptions & Record<string, unknown>,
  assertions: readonly ChosenAssertion[],
): ShardPayload {
  // Only data the analysis reads: never the deadline, the build's settings or the bounds.
  const { deadline: _d, build: _b, concurrency: _c, maxTargets: _m, shard: _s, assertions: _a, ...data } = options;
  return {
    schema: SHARD_SCHEMA,
    shard: shardText(s),
    index: s.index,
    count: s.count,
    base: revisionId(trees.base),
    head: revisionId(trees.head),
    targets: run.all.map((t) => ({ name: t.name, key: shardKey(t.name) })),
    analyzed: run.diffs.map((d) => d.target.name),
    options: encode({ ...data, assertions }),
    unread: [...run.unread],
    unreadFails: run.unreadFails,
    review: run.review ?? null,
    outcomes: run.diffs.map((d) => {
      const { report: _r, ...o } = outcome(d);
      if (d.report === undefined) return { target: encode(d.target), outcome: o };
      const head = d.head.reused ? null : { files: d.head.files, diagnostics: d.head.diagnostics };
      return { target: encode(d.target), outcome: o, analysis: { base: { files: d.base.files, diagnostics: d.base.diagnostics }, head, inputChanges: d.inputChanges ?? [] } };
    }),
  };
}

/** A shard's outcomes, each analyzed again from the manifests it carries. */
export function replayOutcomes(p: ShardPayload): Map<string, TargetOutcome> {
  const options = decode(p.options) as AnalysisOptions;
  const out = new Map<string, TargetOutcome>();
  for (const r of p.outcomes) {
    if (r.analysis === undefined) {
      out.set(r.outcome.name, r.outcome);
      continue;
    }
    const target = decode(r.target) as Target;
    const base = r.analysis.base;
    const head = r.analysis.head ?? base;
    out.set(r.outcome.name, { ...r.outcome, report: targetReport(target, base, head, r.analysis.inputChanges, options) });
  }
  return out;
}

// Connection sets (the gate's sensitive ports, an assertion's ports) are objects with methods:
// written as their port ranges per protocol and made again on reading.
const CONN = "$connSet";

export function encode(v: unknown): unknown {
  return JSON.parse(
    JSON.stringify(v, (_k, x: unknown) =>
      x instanceof ConnSet ? { [CONN]: PROTOCOLS.map((p) => ({ ranges: [...x.ports(p).ranges], names: [...x.ports(p).names] })) } : x,
    ),
  );
}

export function decode(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v), (_k, x: unknown) => {
    if (x === null || typeof x !== "object" || !(CONN in x)) return x;
    const sets = (x as Record<string, { ranges: number[]; names: string[] }[]>)[CONN]!;
    return ConnSet.of(Object.fromEntries(PROTOCOLS.map((p, i) => [p, PortSet.of(sets[i]!.ranges, sets[i]!.names)])));
  });
}
