// What the reports say about one target of a run with several: how it was built at each
// revision, and its diff (absent when a side could not be built). Plain data handed in by the
// edge that built it (src/targets).
import type { DiffReport } from "../analyze.js";
import type { Diagnostic } from "../load/object/diagnostic.js";

export interface TargetSide {
  readonly tool?: string;
  readonly absent?: boolean;
  readonly reused?: boolean;
  readonly ms: number;
}

export interface TargetOutcome {
  readonly name: string;
  readonly kind: "paths" | "kustomize" | "helm";
  /** "kustomize deploy/overlays/prod". */
  readonly built: string;
  readonly path: string;
  readonly values: readonly string[];
  readonly release?: string;
  readonly namespace?: string;
  readonly origin: string;
  readonly definedIn?: { readonly file: string; readonly line: number };
  readonly base: TargetSide;
  readonly head: TargetSide;
  readonly report?: DiffReport;
  /** Why it was not analyzed (names the revision and the tool's message). */
  readonly failure?: Diagnostic;
  /** Not built at all: past the run's target cap, or its deadline. */
  readonly skipped?: "cap" | "deadline";
}

export function isChanged(t: TargetOutcome): boolean {
  return t.report !== undefined && (t.report.changes.length > 0 || t.report.exposureChanges.length > 0 || t.report.workloadChanges.length > 0 || t.report.policyChanges.length > 0 || (t.report.serviceBreakages?.length ?? 0) > 0 || (t.report.routeBreakages?.length ?? 0) > 0);
}
