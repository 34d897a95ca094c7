// Assertions in JSON (DESIGN section 4c): the same array in `check --format json` and in the diff's.
import type { AssertionDiff, AssertionResult } from "../assert/assertion.js";
import type { AssertionDiffJson, AssertionJson } from "../report/diff-json.js";

export function assertionJson(r: AssertionResult): AssertionJson {
  return {
    name: r.assertion.name,
    type: r.assertion.type,
    status: r.status,
    violations: r.violations.map((v) => ({ src: v.src, dst: v.dst, conn: v.conn.toString() })),
    ...truncated(r),
  };
}

export function assertionDiffJson(r: AssertionDiff): AssertionDiffJson {
  return {
    name: r.assertion.name,
    type: r.assertion.type,
    status: r.status,
    violations: r.violations.map((v) => ({ src: v.src, dst: v.dst, conn: v.conn.toString(), new: v.isNew })),
    ...truncated(r),
  };
}

function truncated(r: { total?: number; violations: readonly unknown[] }): { violationsTruncated?: { total: number; listed: number } } {
  return r.total === undefined ? {} : { violationsTruncated: { total: r.total, listed: r.violations.length } };
}
