// Gate rule `assertions` (DESIGN section 4c): a pull request fails on the violations it brings,
// and on those already there of an assertion written `strict: true`. `no-match` never fails: an
// assertion that speaks of nothing is a warning, not a verdict.
import type { AssertionDiff, AssertionDiffViolation } from "../assert/assertion.js";

export interface AssertionFailure {
  readonly diff: AssertionDiff;
  /** The violations that fail the gate, in the diff's order (new first). Never empty. */
  readonly violations: readonly AssertionDiffViolation[];
}

export function assertionFailures(assertions: readonly AssertionDiff[]): AssertionFailure[] {
  const out: AssertionFailure[] = [];
  for (const diff of assertions) {
    if (diff.status !== "failed") continue;
    const violations = diff.assertion.strict ? diff.violations : diff.violations.filter((v) => v.isNew);
    if (violations.length > 0) out.push({ diff, violations });
  }
  return out;
}
