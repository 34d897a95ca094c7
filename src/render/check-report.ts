// What `netreach check` found at one revision, for its renderers: per target, the assertions that
// apply to it as the evaluator judged them; the assertions that could not be read; the targets
// that could not be built. Plus the one reading of an assertion over several targets that the
// JSON's top-level list and the verdict line use.
import type { Assertion, AssertionResult, AssertionStatus, AssertionViolation } from "../assert/assertion.js";
import type { ConnSet } from "../net/conn-set.js";
import { explainPair, type AnalyzedRevision } from "../explain/explain-pair.js";
import type { Endpoint } from "../model/endpoint.js";
import { violationWhy, type WhyFormat } from "./violation-why.js";

export interface CheckTarget {
  readonly name: string;
  /** How it was built: "kustomize deploy/prod", "paths k8s". */
  readonly built: string;
  /** The assertions that apply to it, in the configuration's order; empty when it was not built. */
  readonly results: readonly AssertionResult[];
  /** Why it could not be built (the assertions were not judged there). */
  readonly failure?: string;
  /** The target as analyzed: a violation is explained from it, as `netreach why` explains a pair. */
  readonly revision?: AnalyzedRevision;
}

export interface CheckReport {
  /** Where the assertions were read: ".netreach.yaml" (at the revision) or --config FILE. */
  readonly configFile: string;
  /** Every valid assertion, in the configuration's order. */
  readonly assertions: readonly Assertion[];
  readonly targets: readonly CheckTarget[];
  /** Invalid assertions, "file:line: message": the run fails (exit 2), the others are still judged. */
  readonly errors: readonly string[];
}

/** passed|failed|no-match, or not judged on any target (all of its targets failed to build, or it names none that exist). */
export type CheckStatus = AssertionStatus | "not-judged";

/** One assertion over every target it was judged on. */
export interface CheckVerdict {
  readonly assertion: Assertion;
  /** failed on any target; else passed on any; else no-match on any; else not judged. */
  readonly status: CheckStatus;
  readonly violations: readonly (AssertionViolation & { readonly target: string })[];
  readonly notes: readonly string[];
}

export function verdicts(report: CheckReport): CheckVerdict[] {
  return report.assertions.map((assertion) => {
    const judged = report.targets.flatMap((t) => t.results.filter((r) => r.assertion.name === assertion.name).map((r) => ({ target: t.name, r })));
    const has = (s: AssertionStatus) => judged.some((j) => j.r.status === s);
    const status: CheckStatus = has("failed") ? "failed" : has("passed") ? "passed" : has("no-match") ? "no-match" : "not-judged";
    return {
      assertion,
      status,
      violations: judged.flatMap((j) => j.r.violations.map((v) => ({ ...v, target: j.target }))),
      notes: [...new Set(judged.flatMap((j) => j.r.notes))],
    };
  });
}

/** The run's outcome: 1 on a violation, 2 when something could not be judged, else 0. */
export function checkExitCode(report: CheckReport): number {
  if (report.targets.some((t) => t.results.some((r) => r.status === "failed"))) return 1;
  if (report.errors.length > 0 || report.targets.some((t) => t.failure !== undefined) || report.assertions.length === 0) return 2;
  return 0;
}

/** Violations said as the diff says flows: sources with the same destinations and connections together. */
export interface ViolationRow {
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  readonly conn: ConnSet;
}

export function violationRows(violations: readonly AssertionViolation[]): ViolationRow[] {
  // Per source, its destinations by the connections that break the assertion…
  const perSource = new Map<string, Map<string, { conn: ConnSet; dsts: string[] }>>();
  for (const v of violations) {
    let byConn = perSource.get(v.src);
    if (byConn === undefined) perSource.set(v.src, (byConn = new Map()));
    const k = v.conn.toString();
    const row = byConn.get(k);
    if (row === undefined) byConn.set(k, { conn: v.conn, dsts: [v.dst] });
    else row.dsts.push(v.dst);
  }
  // …then sources whose rows are the same, merged.
  const rows = new Map<string, { sources: string[]; destinations: string[]; conn: ConnSet }>();
  for (const [src, byConn] of perSource) {
    for (const { conn, dsts } of byConn.values()) {
      const k = `${conn.toString()}\0${dsts.join("\0")}`;
      const row = rows.get(k);
      if (row === undefined) rows.set(k, { sources: [src], destinations: dsts, conn });
      else row.sources.push(src);
    }
  }
  return [...rows.values()];
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "deny", "only", … with the line it is written at. */
export const whereWritten = (a: Assertion) => `${a.source.file}:${a.source.line}`;

const endpointsById = new WeakMap<AnalyzedRevision, Map<string, Endpoint>>();

/**
 * What decides a row of violations, for its first pair, as `netreach why` says it (the diff's
 * comment words it alike); undefined where the target was not analyzed here or the pair is not
 * one of its endpoints.
 */
export function rowWhy(t: CheckTarget, type: Assertion["type"], row: ViolationRow, f: WhyFormat): string | undefined {
  const rev = t.revision;
  const [src, dst] = [row.sources[0], row.destinations[0]];
  if (rev === undefined || src === undefined || dst === undefined) return undefined;
  let byId = endpointsById.get(rev);
  if (byId === undefined) endpointsById.set(rev, (byId = new Map(rev.endpoints.map((e) => [e.id, e]))));
  const [s, d] = [byId.get(src), byId.get(dst)];
  if (s === undefined || d === undefined) return undefined;
  try {
    const words = violationWhy(type, explainPair(rev, s, d), row.conn, f);
    if (words === undefined) return undefined;
    return row.sources.length * row.destinations.length > 1 ? `e.g. ${f.code(src)} → ${f.code(dst)}: ${words}` : words;
  } catch {
    return undefined;
  }
}
