// Assertions in words, for every output: the comment, the log, SARIF and the targets' summary.
// `code` and `text` escape for the format at hand (mdCode/md, plain).
import type { AssertionDiff } from "../assert/assertion.js";
import type { AssertionReport, ViolationGroup } from "./assertion-groups.js";
import { assertionViews, failingAssertionGroups } from "./assertion-groups.js";
import { connWords } from "./conn-words.js";
import { setWords, type Code } from "./set-words.js";

export interface AssertionFormat {
  readonly code: Code;
  readonly text: (s: string) => string;
  /** At most this many terms per endpoint set. */
  readonly maxTerms?: number;
}

/** "any external address → `backend/db[StatefulSet]` TCP 5432"; for `allow`, what is missing: "`a` → `b`: TCP 8080 not allowed". */
export function violationWords(type: AssertionDiff["assertion"]["type"], g: ViolationGroup, f: AssertionFormat): string {
  const pair = `${setWords(g.sources, "source", f.code, f.maxTerms)} → ${setWords(g.destinations, "destination", f.code, f.maxTerms)}`;
  const conn = f.text(connWords(g.conn));
  return type === "allow" ? `${pair}: ${conn} not allowed` : `${pair} ${conn}`;
}

/** "assertion `db-private` broken: …", "assertion `db-private` (strict) still broken: …". */
export function brokenWords(diff: AssertionDiff, g: ViolationGroup, f: AssertionFormat): string {
  const how = g.isNew ? "broken" : "(strict) still broken";
  return `assertion ${f.code(diff.assertion.name)} ${how}: ${violationWords(diff.assertion.type, g, f)}`;
}

/** The first violation the gate fails on, as the verdict names it; undefined when none. */
export function firstBroken(report: AssertionReport, f: AssertionFormat): string | undefined {
  const first = failingAssertionGroups(report)[0];
  return first === undefined ? undefined : brokenWords(first.view.diff, first.group, f);
}

/**
 * The first new violation when the gate does not fail on it (rule `assertions` off, `fail-on:
 * none`): still said next to a green verdict, as a newly exposed workload is.
 */
export function firstNewViolation(report: AssertionReport, f: AssertionFormat): string | undefined {
  if (failingAssertionGroups(report).length > 0) return undefined;
  for (const view of assertionViews(report)) {
    const g = view.groups.find((x) => x.isNew);
    if (g !== undefined) return brokenWords(view.diff, g, f);
  }
  return undefined;
}

/** "1 failed, 1 no-match, 3 passed". */
export function assertionCounts(list: readonly AssertionDiff[]): string {
  const n = (s: AssertionDiff["status"]) => list.filter((d) => d.status === s).length;
  return [`${n("failed")} failed`, ...(n("no-match") > 0 ? [`${n("no-match")} no-match`] : []), `${n("passed")} passed`].join(", ");
}
