// The pull-request comment of a run with several targets: a verdict, a table with one line per
// target ("prod: 2 flows opened — gate failed", "staging: no change"), then a section per
// changed or failed target — the one-target comment (renderComment) under the target's heading.
// Never longer than `maxChars`: the sections share what the table leaves, and those that do not
// fit are named in a note.
import { cutText, utf8Size } from "./budget.js";
import { renderComment, fence, DEFAULT_MAX_COMMENT_CHARS, type CommentContext } from "./diff-md.js";
import { md as escapeMd, mdCode as escapeMdCode, plain } from "./escape.js";
import { groupChanges } from "./group.js";
import { isChanged, type TargetOutcome } from "./target-outcome.js";

const md = (text: string) => escapeMd(plain(text));
const mdCode = (text: string) => escapeMdCode(plain(text));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 flows opened, 5 closed — gate failed", "no change", "not built at head". */
export function targetResult(t: TargetOutcome, allowedBy: string | null = null): string {
  if (t.skipped !== undefined) return t.skipped === "cap" ? "not analyzed: past the target cap" : "not analyzed: not done by the deadline";
  if (t.failure !== undefined) return "not analyzed: could not be built";
  const r = t.report!;
  if (!isChanged(t)) return "no change";
  const g = groupChanges(r);
  const exposed = new Set(r.exposureChanges.filter((c) => !c.opened.isEmpty).map((c) => c.dst.id)).size;
  const parts = [
    exposed > 0 ? `${plural(exposed, "workload")} newly exposed` : "",
    g.openedFlows > 0 ? `${plural(g.openedFlows, "flow")} opened` : "",
    g.closedFlows > 0 ? `${plural(g.closedFlows, "flow")} closed` : "",
  ].filter((s) => s !== "");
  const flows = parts.length === 0 ? "no flow changed" : parts.join(", ");
  return `${flows} — ${r.gate.passed ? "gate passed" : allowedBy !== null ? "gate failed, allowed by label" : "gate failed"}`;
}

function appears(t: TargetOutcome): string {
  if (t.base.absent && !t.head.absent) return " (added by this change)";
  if (t.head.absent && !t.base.absent) return " (removed by this change)";
  return "";
}

export function renderTargetsComment(outcomes: readonly TargetOutcome[], ctx: CommentContext): string {
  const maxChars = ctx.maxChars ?? DEFAULT_MAX_COMMENT_CHARS;
  // maxChars counts what ctx.measure says: UTF-16 units, or UTF-8 bytes (the job summary).
  const size = ctx.measure === "utf8" ? utf8Size : (t: string) => t.length;
  const clip = (t: string, n: number) => (ctx.measure === "utf8" ? cutText(t, n, utf8Size) : t.slice(0, n));
  const allowedBy = ctx.gateAllowedByLabel ?? null;
  const failedGate = outcomes.filter((t) => t.report !== undefined && !t.report.gate.passed);
  const notBuilt = outcomes.filter((t) => t.failure !== undefined);
  const changed = outcomes.filter(isChanged);

  const head: string[] = [ctx.marker, `### netreach: network flows${ctx.header ? ` — ${md(ctx.header)}` : ""}`];
  const status = failedGate.length > 0 ? (allowedBy !== null ? `gate failed in ${list(failedGate)}, allowed by label ${mdCode(allowedBy)}` : `gate failed in ${list(failedGate)}`) : "gate passed";
  const verdictParts = [
    `${plural(outcomes.length, "target")}`,
    changed.length === 0 ? "no change to reachability" : `${changed.length} changed`,
    ...(notBuilt.length > 0 ? [`${notBuilt.length} not built`] : []),
  ];
  head.push(`**${verdictParts.join(", ")} — ${status}.**${notBuilt.length > 0 ? ` ⚠️ Not analyzed: ${list(notBuilt)}.` : ""}`);
  const rows = outcomes.map((t) => {
    const gate = t.report === undefined ? "—" : t.report.gate.passed ? "passed" : allowedBy !== null ? "⚠️ failed (allowed)" : "⛔ failed";
    return `| ${mdCode(t.name)} | ${md(t.built)}${appears(t)} | ${md(targetResult(t, allowedBy))} | ${gate} |`;
  });
  head.push(["| Target | Built from | Result | Gate |", "| --- | --- | --- | --- |", ...rows].join("\n"));

  const sections = outcomes.filter((t) => t.failure !== undefined || isChanged(t));
  const top = head.join("\n\n");
  const left = maxChars - size(top) - 400;
  const share = sections.length === 0 ? 0 : Math.floor(left / sections.length);
  const parts: string[] = [top];
  const dropped: string[] = [];
  for (const t of sections) {
    const title = `### ${mdCode(t.name)} — ${md(t.built)}${appears(t)}`;
    if (share < 1200) {
      dropped.push(t.name);
      continue;
    }
    if (t.failure !== undefined) {
      const [first, ...detail] = t.failure.message.split("\n");
      parts.push(clip(`${title}\n\n> [!CAUTION]\n> ${md(first ?? "")}${detail.length > 0 ? `\n\n${fence(detail.join("\n"), "text")}` : ""}`, share));
      continue;
    }
    const body = renderComment(t.report!, { ...ctx, marker: "", header: undefined, maxChars: share - size(title) - 4 });
    // The one-target comment opens with the marker (empty here) and its own title: ours replaces them.
    parts.push(`${title}\n\n${body.replace(/^\n*### netreach: network flows\n\n/, "").trimEnd()}`);
  }
  if (dropped.length > 0) parts.push(`> [!NOTE]\n> Left out to fit a comment: the sections of ${dropped.map((n) => mdCode(n)).join(", ")}. ${ctx.summaryNote ?? "See the job summary or the JSON report for everything."}`);
  const text = parts.join("\n\n");
  return (size(text) > maxChars - 1 ? clip(text, maxChars - 1) : text) + "\n";
}

function list(ts: readonly TargetOutcome[]): string {
  const names = ts.map((t) => mdCode(t.name));
  return names.length <= 5 ? names.join(", ") : `${names.slice(0, 5).join(", ")} and ${names.length - 5} more`;
}
