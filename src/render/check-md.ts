// `netreach check --format md`: for a job summary or a comment. A table of the assertions per
// target, then the violations of each failed one, grouped and capped as in the text report.
// Everything from the repository is escaped (md, mdCode).
import type { AssertionResult } from "../assert/assertion.js";
import { connWords } from "./conn-words.js";
import { md, mdCode } from "./escape.js";
import { checkExitCode, plural, rowWhy, violationRows, whereWritten, type CheckReport, type CheckTarget } from "./check-report.js";
import type { WhyFormat } from "./violation-why.js";
import { MAX_VIOLATION_LINES } from "./check-text.js";

const MAX_TERMS = 5;
const ICON = { passed: "✅", failed: "❌", "no-match": "➖" } as const;

export function renderCheckMarkdown(report: CheckReport): string {
  const out = ["## netreach check", ""];
  const code = checkExitCode(report);
  if (report.assertions.length === 0 && report.errors.length === 0) out.push(`No assertions in ${mdCode(report.configFile)}.`);
  else out.push(code === 0 ? "**Every assertion holds.**" : code === 1 ? "**Assertions violated.**" : "**Not every assertion could be judged.**");
  for (const t of report.targets) {
    out.push("");
    if (report.targets.length > 1) out.push(`### ${mdCode(t.name)} (${md(t.built)})`, "");
    out.push(...targetBlock(t));
  }
  if (report.errors.length > 0) {
    out.push("", `**${plural(report.errors.length, "invalid assertion")}** (not judged):`, "");
    for (const e of report.errors) out.push(`- ${md(e)}`);
  }
  return out.join("\n") + "\n";
}

function targetBlock(t: CheckTarget): string[] {
  if (t.failure !== undefined) return [`:warning: Not built, assertions not judged: ${md(t.failure)}`];
  if (t.results.length === 0) return ["No assertion applies to this target."];
  const out = ["| | Assertion | Kind | Violations | Written at |", "|---|---|---|---|---|"];
  for (const r of t.results)
    out.push(`| ${ICON[r.status]} ${r.status} | ${mdCode(r.assertion.name)} | ${r.assertion.type} | ${r.status === "failed" ? r.violations.length : r.status === "no-match" ? md(r.notes.join("; ")) || "—" : 0} | ${mdCode(whereWritten(r.assertion))} |`);
  for (const r of t.results.filter((x) => x.status === "failed")) out.push("", ...violationBlock(r, t));
  return out;
}

/** A rule at its file:line (check has no repository URL to link to). */
const WHY_MD: WhyFormat = { code: mdCode, text: md, at: (words, ref) => `${words} (${mdCode(`${ref.file}:${ref.line}`)})` };

function violationBlock(r: AssertionResult, t: CheckTarget): string[] {
  const rows = violationRows(r.violations);
  const out = [`**${mdCode(r.assertion.name)}** — ${plural(r.violations.length, "violation")}:`, ""];
  for (const row of rows.slice(0, MAX_VIOLATION_LINES)) {
    const why = rowWhy(t, r.assertion.type, row, WHY_MD);
    out.push(`- ${names(row.sources)} → ${names(row.destinations)}: ${md(connWords(row.conn))}${r.assertion.type === "allow" ? " missing" : ""}${why === undefined ? "" : ` — ${why}`}`);
  }
  if (rows.length > MAX_VIOLATION_LINES) out.push(`- … and ${rows.length - MAX_VIOLATION_LINES} more lines (see \`--format json\`)`);
  return out;
}

function names(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_TERMS).map(mdCode).join(", ");
  return ids.length > MAX_TERMS ? `${shown} and ${ids.length - MAX_TERMS} more` : shown;
}
