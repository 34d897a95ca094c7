// The gate rules each exposure change breaks, in one pass over the violations: a diff may break
// the gate a million times on flows and a few times on exposures, so never a pass per exposure.
import type { DiffReport } from "../analyze.js";
import type { Change } from "../diff/change.js";
import type { ExposureChange } from "../exposure/changes.js";
import type { GateResult, Violation } from "../gate/gate.js";

type Rules = ReadonlyMap<ExposureChange, readonly Violation["rule"][]>;

/** Worked out once per report (the comment asks in several places). */
const memo = new WeakMap<GateResult, { exposures: readonly ExposureChange[]; rules: Rules }>();

/** Each exposure change that breaks a rule, with its rules in violation order; in report order. */
export function exposureRules(report: Pick<DiffReport, "exposureChanges" | "gate">): Rules {
  const known = memo.get(report.gate);
  if (known && known.exposures === report.exposureChanges) return known.rules;
  const rules = new Map<ExposureChange, Violation["rule"][]>();
  if (report.exposureChanges.length > 0) {
    const exposures = new Set<Change>(report.exposureChanges);
    const hit = new Map<Change, Violation["rule"][]>();
    for (const v of report.gate.violations) {
      if (!exposures.has(v.change)) continue;
      const list = hit.get(v.change);
      if (list) list.push(v.rule);
      else hit.set(v.change, [v.rule]);
    }
    for (const c of report.exposureChanges) {
      const list = hit.get(c);
      if (list) rules.set(c, list);
    }
  }
  memo.set(report.gate, { exposures: report.exposureChanges, rules });
  return rules;
}
