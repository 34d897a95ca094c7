// `netreach check` for a terminal or a CI log: a verdict line, then per target one line per
// assertion (✓ passed, ✗ failed, no-match) with its violations grouped as the diff groups flows,
// capped. Everything from the repository passes through plain().
import type { AssertionResult } from "../assert/assertion.js";
import { connWords } from "./conn-words.js";
import { plain } from "./escape.js";
import { checkExitCode, plural, rowWhy, verdicts, violationRows, whereWritten, type CheckReport, type CheckTarget } from "./check-report.js";
import type { WhyFormat } from "./violation-why.js";

/** Violation lines shown per assertion and target; JSON has them all. */
export const MAX_VIOLATION_LINES = 20;
/** Endpoints named on one side of a line. */
const MAX_TERMS = 5;

export function renderCheckText(report: CheckReport): string {
  const out = [headline(report)];
  const several = report.targets.length > 1;
  for (const t of report.targets) {
    if (several) out.push("", `== ${plain(t.name)} (${plain(t.built)}) ==`);
    else out.push("");
    out.push(...targetLines(t));
  }
  if (report.errors.length > 0) {
    out.push("", `${plural(report.errors.length, "invalid assertion")} (not judged):`);
    for (const e of report.errors) out.push(`  ${plain(e)}`);
  }
  return out.join("\n") + "\n";
}

function headline(report: CheckReport): string {
  if (report.assertions.length === 0 && report.errors.length === 0) return `netreach check: no assertions in ${plain(report.configFile)}`;
  const v = verdicts(report);
  const count = (s: string) => v.filter((x) => x.status === s).length;
  const parts = [`${count("failed")} failed`, `${count("passed")} passed`];
  if (count("no-match") > 0) parts.push(`${count("no-match")} no-match`);
  if (count("not-judged") > 0) parts.push(`${count("not-judged")} not judged`);
  if (report.errors.length > 0) parts.push(`${report.errors.length} invalid`);
  const failedTargets = report.targets.filter((t) => t.failure !== undefined).length;
  const targets = report.targets.length > 1 || failedTargets > 0 ? ` on ${plural(report.targets.length, "target")}${failedTargets > 0 ? ` (${failedTargets} not built)` : ""}` : "";
  const verdict = ["passed", "violated", "not judged"][checkExitCode(report)]!;
  return `netreach check: ${plural(report.assertions.length + report.errors.length, "assertion")}${targets}: ${parts.join(", ")} — ${verdict}`;
}

function targetLines(t: CheckTarget): string[] {
  if (t.failure !== undefined) return [`! not built: ${plain(t.failure)}`];
  if (t.results.length === 0) return ["(no assertion applies to this target)"];
  return t.results.flatMap((r) => resultLines(r, t));
}

const WHY_TEXT: WhyFormat = { code: plain, text: plain, at: (words, ref) => `${words} (${plain(ref.file)}:${ref.line})` };

/** `t`: the target judged, whose analysis says why each row of violations is there. */
export function resultLines(r: AssertionResult, t?: CheckTarget): string[] {
  const a = r.assertion;
  const what = `${plain(a.name)} (${a.type}, ${plain(whereWritten(a))})`;
  if (r.status === "passed") return [`✓ ${what}`];
  if (r.status === "no-match") return [`no-match ${what}${r.notes.length > 0 ? `: ${r.notes.map(plain).join("; ")}` : ""}`];
  const rows = violationRows(r.violations);
  const lines = [`✗ ${what}: ${plural(r.violations.length, "violation")}`];
  for (const row of rows.slice(0, MAX_VIOLATION_LINES)) {
    const why = t === undefined ? undefined : rowWhy(t, a.type, row, WHY_TEXT);
    lines.push(`    ${names(row.sources)} -> ${names(row.destinations)}: ${connWords(row.conn)}${a.type === "allow" ? " missing" : ""}${why === undefined ? "" : `  (${why})`}`);
  }
  if (rows.length > MAX_VIOLATION_LINES) {
    const shown = rows.slice(0, MAX_VIOLATION_LINES).reduce((n, row) => n + row.sources.length * row.destinations.length, 0);
    lines.push(`    … and ${plural(r.violations.length - shown, "more violation")} (see --format json)`);
  }
  return lines;
}

function names(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_TERMS).map(plain).join(", ");
  return ids.length > MAX_TERMS ? `${shown} and ${ids.length - MAX_TERMS} more` : shown;
}
