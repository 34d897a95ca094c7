// `netreach check --format json` (DESIGN section 4c): {"schema": "netreach.check/v1",
// "assertions": [{name, type, status, violations: [{src, dst, conn}]}]}, never capped. With
// several targets the top-level list reads each assertion over all of them (failed on any target:
// failed; else passed on any: passed; else no-match; "not-judged" when no target it applies to
// was built) and each violation names its `target`; `targets` then lists each target's own
// results. `errors`: invalid assertions and targets not built, "file:line: message".
import type { AssertionResult, AssertionViolation } from "../assert/assertion.js";
import { verdicts, type CheckReport } from "./check-report.js";

export const CHECK_SCHEMA = "netreach.check/v1";

const violationJson = (v: AssertionViolation & { target?: string }) => ({ src: v.src, dst: v.dst, conn: v.conn.toString(), ...(v.target !== undefined ? { target: v.target } : {}) });

function resultJson(r: AssertionResult) {
  return {
    name: r.assertion.name,
    type: r.assertion.type,
    status: r.status,
    violations: r.violations.map(violationJson),
    ...(r.notes.length > 0 ? { notes: r.notes } : {}),
    file: r.assertion.source.file,
    line: r.assertion.source.line,
  };
}

export function checkJson(report: CheckReport): Record<string, unknown> {
  const several = report.targets.length > 1;
  const assertions = verdicts(report).map((v) => ({
    name: v.assertion.name,
    type: v.assertion.type,
    status: v.status,
    violations: v.violations.map((x) => violationJson(several ? x : { src: x.src, dst: x.dst, conn: x.conn })),
    ...(v.notes.length > 0 ? { notes: v.notes } : {}),
    file: v.assertion.source.file,
    line: v.assertion.source.line,
  }));
  return {
    schema: CHECK_SCHEMA,
    assertions,
    ...(several
      ? { targets: report.targets.map((t) => ({ name: t.name, built: t.built, ...(t.failure !== undefined ? { error: t.failure } : {}), assertions: t.results.map(resultJson) })) }
      : {}),
    errors: [...report.errors, ...report.targets.filter((t) => t.failure !== undefined).map((t) => `target ${t.name}: ${t.failure!}`)],
  };
}

export function renderCheckJson(report: CheckReport): string {
  return JSON.stringify(checkJson(report), null, 2) + "\n";
}
