// Decides whether a diff may merge: fails on newly opened flows of the configured kinds.
import type { Change } from "../diff/change.js";
import { newlyOpened, type ExposureChange } from "../exposure/changes.js";
import type { UnanalyzedChange } from "../diff/unanalyzed-changes.js";
import type { ConnSet } from "../net/conn-set.js";
import type { AssertionDiff } from "../assert/assertion.js";
import { assertionFailures, type AssertionFailure } from "./assertion-failures.js";
import type { GateConfig, GateRule } from "./config.js";

export interface Violation {
  readonly rule: Exclude<GateRule, "none" | "unanalyzed" | "assertions">;
  /** A flow change, or an exposure change (a pod newly reachable from outside through Services and routes). */
  readonly change: Change | ExposureChange;
  /** The part of the opened connections that breaks the rule. */
  readonly conn: ConnSet;
}

export interface GateResult {
  readonly passed: boolean;
  /** The exposure changes' violations first (the first `exposureViolations`), then the flow changes', in the order of the changes. */
  readonly violations: readonly Violation[];
  readonly exposureViolations: number;
  /**
   * Rule `unanalyzed`: what the pull request changes that netreach did not analyze — objects of
   * kinds it does not read, and files no analysis reads. Empty unless the rule is on.
   */
  readonly unanalyzed: { readonly objects: readonly UnanalyzedChange[]; readonly files: readonly string[] };
  /** Rule `assertions`: the assertions whose violations fail the gate (see assertion-failures.ts). Empty unless the rule is on. */
  readonly assertions: readonly AssertionFailure[];
}

/** What a pull request changes that was not analyzed: judged by rule `unanalyzed`. */
export interface Unanalyzed {
  readonly objects: readonly UnanalyzedChange[];
  readonly files: readonly string[];
}

const NOTHING: Unanalyzed = { objects: [], files: [] };

/**
 * The ingress controller's flow changes are its exposure changes (the same objects in both
 * lists), so they are judged once, as exposures: `exposed`, and `sensitive-ports` on what they open.
 */
export function evaluateGate(changes: readonly Change[], exposures: readonly ExposureChange[], config: GateConfig, unanalyzed: Unanalyzed = NOTHING, assertions: readonly AssertionDiff[] = []): GateResult {
  const rules = config.failOn.filter((r): r is Violation["rule"] => r !== "none" && r !== "unanalyzed" && r !== "assertions");
  const notAnalyzed = config.failOn.includes("unanalyzed") ? unanalyzed : NOTHING;
  const violations: Violation[] = [];
  for (const c of exposures) {
    if (c.opened.isEmpty) continue;
    for (const rule of rules) {
      const conn = exposureOffending(rule, c, config);
      if (conn && !conn.isEmpty) violations.push({ rule, change: c, conn });
    }
  }
  const exposureViolations = violations.length;
  const asExposure = new Set<Change>(exposures);
  for (const c of changes) {
    if (c.opened.isEmpty || asExposure.has(c)) continue;
    for (const rule of rules) {
      const conn = offending(rule, c, config);
      if (conn && !conn.isEmpty) violations.push({ rule, change: c, conn });
    }
  }
  const missed = notAnalyzed.objects.length + notAnalyzed.files.length;
  const broken = config.failOn.includes("assertions") ? assertionFailures(assertions) : [];
  return { passed: violations.length === 0 && missed === 0 && broken.length === 0, violations, exposureViolations, unanalyzed: notAnalyzed, assertions: broken };
}

function offending(rule: Violation["rule"], c: Change, config: GateConfig): ConnSet | undefined {
  switch (rule) {
    case "exposed":
      return undefined;
    case "external-ingress":
      return c.src.type === "external" ? c.opened : undefined;
    case "external-egress":
      return c.dst.type === "external" ? c.opened : undefined;
    case "cross-namespace":
      return c.src.type !== "external" && c.dst.type !== "external" && c.src.pod.namespace !== c.dst.pod.namespace ? c.opened : undefined;
    case "sensitive-ports":
      return c.opened.intersect(config.sensitive);
    case "any-opened":
      return c.opened;
  }
}

/**
 * An internet exposure's addresses also appear as a flow change whenever a policy change let
 * them in (judged there by external-ingress and the rest); here only what exposure adds.
 * What was public before through the other source (a LoadBalancer replaced by a Gateway route)
 * is moved, not newly exposed: `exposed` and `sensitive-ports` judge only what is newly public;
 * `any-opened` still sees every opened flow.
 */
function exposureOffending(rule: Violation["rule"], c: ExposureChange, config: GateConfig): ConnSet | undefined {
  switch (rule) {
    case "exposed":
      return newlyOpened(c);
    case "sensitive-ports":
      return newlyOpened(c).intersect(config.sensitive);
    case "any-opened":
      return c.opened;
    default:
      return undefined;
  }
}
