// The pull-request comment of a run with several targets: a verdict, a table with one line per
// target ("prod: 2 flows opened — gate failed", "staging: no change"), then a section per
// changed or failed target — the one-target comment (renderComment) under the target's heading.
// Never longer than `maxChars`: the sections share what the table leaves, and those that do not
// fit are named in a note.
import { cutText, utf8Size } from "./budget.js";
import { renderComment, fence, DEFAULT_MAX_COMMENT_CHARS, type CommentContext } from "./diff-md.js";
import { cellCode as escapeCellCode, cellText } from "./cell-code.js";
import { md as escapeMd, mdCode as escapeMdCode, plain } from "./escape.js";
import type { ExposureFormat } from "./exposure-words.js";
import { reasonName } from "./reason-words.js";
import { targetWorst, worstOver, type TargetWorst } from "./target-worst.js";
import { groupChanges } from "./group.js";
import { newlyExposedWorkloads } from "./flow-counts.js";
import type { ConfigReview } from "./config-review.js";
import { unanalyzedSummary } from "./unanalyzed-words.js";
import { isChanged, type TargetOutcome } from "./target-outcome.js";

const md = (text: string) => escapeMd(plain(text));
const mdCode = (text: string) => escapeMdCode(plain(text));
/** In a table cell: long ids and paths may break (cell-code.ts). */
const cellCode = (text: string) => escapeCellCode(plain(text));
const cellMd = (text: string) => escapeMd(cellText(plain(text)));

/** Unlinked words: the verdict's line stays plain, as the one-target verdict's does. */
function wordsFormat(code: (s: string) => string): ExposureFormat {
  return { code, text: md, hop: (h) => `${md(h.kind)} ${code(`${h.namespace}/${h.name}`)}`, reason: (r) => reasonName(r, code, md) };
}
const VERDICT = wordsFormat(mdCode);
const CELL = wordsFormat(cellCode);
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** The tool's own word on why (its error line), at most 200 characters. */
export function failureDetail(t: TargetOutcome): string | undefined {
  const lines = (t.failure?.message ?? "").split("\n").slice(1).map((l) => l.trim()).filter((l) => l !== "");
  const said = lines.find((l) => /^error\b/i.test(l)) ?? lines[lines.length - 1];
  // Tools nest their causes ("accumulating resources: … : file missing.yaml not found"): the end says most.
  return said === undefined ? undefined : said.length > 200 ? `…${said.slice(-199)}` : said;
}

/** The first line of why a target was not analyzed: "could not be built at head (head abc123): helm: …". */
export function failureLine(t: TargetOutcome): string {
  const first = (t.failure?.message ?? "").split("\n")[0] ?? "";
  // "target prod (helm charts/web) could not be built at head (…): helm …": the name is said already.
  return first.replace(/^target .*? \((?:kustomize|helm|paths) [^)]*(?:\([^)]*\))?[^)]*\) /, "").replace(/^was not analyzed: /, "");
}

/** "2 flows opened, 5 closed — gate failed", "no change", "not analyzed — could not be built at head …". */
export function targetResult(t: TargetOutcome, allowedBy: string | null = null): string {
  if (t.skipped !== undefined) return t.skipped === "cap" ? "not analyzed: past the target cap" : "not analyzed: not done by the deadline";
  // The tool's words are above the table; here only where it failed.
  if (t.failure !== undefined) return `not analyzed — ${failureLine(t).split(": ")[0]}`;
  const r = t.report!;
  const missed = r.unanalyzed.objects.length;
  if (!isChanged(t)) return missed > 0 ? `no change to what netreach analyzes; ${plural(missed, "changed object")} not analyzed${r.gate.passed ? "" : " — gate failed"}` : r.gate.passed ? "no change" : `no change — ${allowedBy !== null ? "gate failed, allowed by label" : "gate failed"}`;
  const g = groupChanges(r);
  const exposed = newlyExposedWorkloads(r);
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

export interface UnreadFiles {
  readonly files: readonly string[];
  readonly fails: boolean;
}

export interface TargetsCommentContext extends CommentContext {
  /** What the pull request did to the configuration file, when there is one. */
  readonly config?: ConfigReview;
  /** Changed files no target reads; `fails` when the run's rule `unanalyzed` is on. */
  readonly unread?: UnreadFiles;
}

export function renderTargetsComment(outcomes: readonly TargetOutcome[], ctx: TargetsCommentContext): string {
  const maxChars = ctx.maxChars ?? DEFAULT_MAX_COMMENT_CHARS;
  // maxChars counts what ctx.measure says: UTF-16 units, or UTF-8 bytes (the job summary).
  const size = ctx.measure === "utf8" ? utf8Size : (t: string) => t.length;
  const clip = (t: string, n: number) => (ctx.measure === "utf8" ? cutText(t, n, utf8Size) : t.slice(0, n));
  const allowedBy = ctx.gateAllowedByLabel ?? null;
  const failedGate = outcomes.filter((t) => t.report !== undefined && !t.report.gate.passed);
  const notBuilt = outcomes.filter((t) => t.failure !== undefined);
  const changed = outcomes.filter(isChanged);
  // A strict assertion broken at the base fails a target its pull request does not change: shown too.
  const shown = outcomes.filter((t) => isChanged(t) || (t.report !== undefined && !t.report.gate.passed));

  const only = outcomes.length === 1 ? outcomes[0]! : undefined;
  // One target analyzed (a .netreach.yaml with one target, or assertions only): its own comment,
  // named in the title — a one-row table and a section repeating the verdict say each fact twice.
  if (only?.report !== undefined && (ctx.config?.errors ?? []).length === 0 && !(ctx.unread?.fails === true && ctx.unread.files.length > 0)) return oneTarget(only, only.report, ctx);
  const head: string[] = [ctx.marker, `### netreach: network flows${ctx.header ? ` — ${md(ctx.header)}` : ""}`];
  // What could not be analyzed leads, and it is never a pass (DESIGN section 4b).
  if (notBuilt.length > 0) {
    const lines = notBuilt.slice(0, 5).map((t) => {
      const detail = failureDetail(t);
      return `**⛔ Not analyzed: ${mdCode(t.name)}** — ${md(failureLine(t))}${detail !== undefined ? `: ${mdCode(detail)}` : ""}`;
    });
    if (notBuilt.length > 5) lines.push(`**⛔ Not analyzed: ${notBuilt.length - 5} more targets** (see the table).`);
    head.push(lines.join("\\\n"));
  }
  // The base's unreadable assertions: nothing it guards can be said to hold.
  const configErrors = ctx.config?.errors ?? [];
  if (configErrors.length > 0) head.push(configErrorLines(configErrors));
  const unread = ctx.unread ?? { files: [], fails: false };
  // Objects of kinds netreach does not analyze, once each whichever targets hold them.
  const seenObjects = new Set<string>();
  const missedObjects = outcomes.flatMap((t) => t.report?.unanalyzed.objects ?? []).filter((o) => {
    const key = `${o.kind}\0${o.namespace ?? ""}\0${o.name}`;
    return seenObjects.has(key) ? false : (seenObjects.add(key), true);
  });
  if (unread.files.length > 0 || missedObjects.length > 0)
    head.push(`⚠️ Not analyzed: ${unanalyzedSummary({ objects: missedObjects, files: unread.files }, mdCode)}${unread.fails && unread.files.length > 0 ? " (gate rule `unanalyzed`)" : ""}.`);
  const unreadFails = unread.fails && unread.files.length > 0;
  const status =
    notBuilt.length > 0
      ? `gate error: ${plural(notBuilt.length, "target")} not analyzed${failedGate.length > 0 ? `, gate failed in ${list(failedGate)}` : ""}`
      : configErrors.length > 0
        ? `gate error: ${plural(configErrors.length, "assertion")} of the base cannot be read${failedGate.length > 0 ? `, gate failed in ${list(failedGate)}` : ""}`
        : failedGate.length > 0 || unreadFails
        ? `gate failed${failedGate.length > 0 ? ` in ${list(failedGate)}` : ""}${unreadFails ? `${failedGate.length > 0 ? " and" : ""} on files no target reads` : ""}${allowedBy !== null ? `, allowed by label ${mdCode(allowedBy)}` : ""}`
        : "gate passed";
  const verdictParts = [
    `${plural(outcomes.length, "target")}`,
    changed.length === 0
      ? notBuilt.length > 0
        ? "no change in the targets analyzed"
        : missedObjects.length + unread.files.length > 0
          ? "no change to what netreach analyzes"
          : "no change to reachability"
      : `${changed.length} changed`,
  ];
  const lead = worstWords(shown);
  head.push(`**${verdictParts.join(", ")} — ${status}.**${lead.text}`);
  if (ctx.config !== undefined && (ctx.config.changed || ctx.config.notes.length > 0)) head.push(configSection(ctx.config));
  const rows = outcomes.map((t) => {
    const gate = t.failure !== undefined ? "⛔ error" : t.report!.gate.passed ? "passed" : allowedBy !== null ? "⚠️ failed (allowed)" : "⛔ failed";
    // What the verdict says of a target is not said again on its line.
    const worst = t.report !== undefined && shown.includes(t) ? cellWorst(targetWorst(t.report, CELL), lead.risk !== t, lead.breakage !== t) : "";
    return `| ${cellCode(t.name)} | ${cellMd(t.built)}${appears(t)} | ${md(targetResult(t, allowedBy))}${worst !== "" ? `; ${worst}` : ""} | ${gate} |`;
  });
  head.push(["| Target | Built from | Result | Gate |", "| --- | --- | --- | --- |", ...rows].join("\n"));

  const sections = outcomes.filter((t) => t.failure !== undefined || shown.includes(t) || (t.report?.unanalyzed.objects.length ?? 0) > 0);
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

/**
 * A run of one target: the one-target comment, its title naming the target, with what the run
 * itself has to say (files no target reads, objects not analyzed, the configuration's change)
 * after the verdict and counts.
 */
function oneTarget(t: TargetOutcome, report: NonNullable<TargetOutcome["report"]>, ctx: TargetsCommentContext): string {
  const maxChars = ctx.maxChars ?? DEFAULT_MAX_COMMENT_CHARS;
  const size = ctx.measure === "utf8" ? utf8Size : (x: string) => x.length;
  const title = `### netreach: network flows — ${ctx.header ? `${md(ctx.header)} — ` : ""}${mdCode(t.name)} (${md(t.built)}${appears(t)})`;
  const notes: string[] = [];
  const unread = ctx.unread?.files ?? [];
  if (unread.length > 0) notes.push(`⚠️ Not analyzed: ${unanalyzedSummary({ objects: [], files: unread }, mdCode)}.`);
  if (ctx.config !== undefined && (ctx.config.changed || ctx.config.notes.length > 0)) notes.push(configSection(ctx.config));
  const extra = notes.join("\n\n");
  const budget = maxChars - size(ctx.marker) - size(title) - size(extra) - 8;
  const body = renderComment(report, { ...ctx, marker: "", header: undefined, maxChars: budget }).replace(/^\n*### netreach: network flows\n\n/, "").trimEnd();
  // The verdict and counts lead; the run's own notes follow them, before the sections.
  const cut = body.indexOf("\n\n", body.indexOf("\n\n") + 2);
  const lead = cut < 0 ? body : body.slice(0, cut);
  const rest = cut < 0 ? "" : body.slice(cut + 2);
  return `${[ctx.marker, title, lead, extra, rest].filter((x) => x !== "").join("\n\n")}\n`;
}

/** "**⛔ Assertion not judged:** `.netreach.yaml:12: …` — invalid at the base revision; …" */
function configErrorLines(errors: readonly string[]): string {
  const lines = errors.slice(0, 5).map((e) => `**⛔ Assertion not judged:** ${mdCode(e)}`);
  if (errors.length > 5) lines.push(`**⛔ ${errors.length - 5} more assertions not judged** (see the JSON report).`);
  lines.push("These are invalid in the base revision's configuration, so what they guard is unknown: the gate's result is an error until the main branch fixes them.");
  return lines.join("\\\n");
}

/** What the pull request did to `.netreach.yaml`: what was not taken, then the change itself, collapsed. */
function configSection(c: ConfigReview): string {
  const lines = [`**${mdCode(c.file)} ${c.head === "absent" ? "deleted" : c.base === "absent" ? "added" : c.changed ? "changed" : "as at the base"} by this pull request.** The gate's settings come from the base revision's file.`];
  for (const n of c.notes) lines.push(`- ${n.map((p) => (typeof p === "string" ? md(p) : mdCode(p.code))).join("")}`);
  const text = lines.join("\n");
  if (c.patch === undefined || c.patch.trim() === "") return text;
  return `${text}\n\n<details><summary>${md(c.file)}: the change</summary>\n\n${fence(c.patch.replace(/\n$/, ""), "diff")}\n\n</details>`;
}

/**
 * After the headline, the worst risk and the worst breakage over all targets, each naming its
 * target: " ⛔ **In `prod`:** `prod/web[Deployment]` TCP 8080 newly reachable from … ⚠️ **Stops working in `dev`:** …".
 */
function worstWords(changed: readonly TargetOutcome[]): { text: string; risk?: TargetOutcome; breakage?: TargetOutcome } {
  const worst = changed.map((t) => ({ t, w: targetWorst(t.report!, VERDICT) }));
  const risk = worstOver(worst, (x) => x.w.risk);
  const broken = worstOver(worst, (x) => x.w.breakage);
  const parts: string[] = [];
  if (risk !== undefined) parts.push(risk.worst.rank < 2 ? `⛔ **In ${mdCode(risk.item.t.name)}:** ${risk.worst.text}.` : `⚠️ **Newly exposed in ${mdCode(risk.item.t.name)}:** ${risk.worst.text}.`);
  if (broken !== undefined) {
    const more = worst.reduce((n, x) => n + x.w.breakages, 0) - 1;
    const where = new Set(worst.filter((x) => x.w.breakages > 0).map((x) => x.t.name)).size;
    parts.push(`⚠️ **Stops working in ${mdCode(broken.item.t.name)}:** ${broken.worst.text}${more > 0 ? `; and ${more.toLocaleString("en-US")} more${where > 1 ? " in the targets' sections" : " below"}` : ""}.`);
  }
  return { text: parts.map((p) => ` ${p}`).join(""), risk: risk?.item.t, breakage: broken?.item.t };
}

/** A target's line in the table: "⚠️ newly exposed: … · ⚠️ stops working: …" (the one-target comment's words). */
function cellWorst(w: TargetWorst, risk: boolean, breakage: boolean): string {
  return [w.risk && risk ? (w.risk.rank < 2 ? `⛔ ${w.risk.text}` : `⚠️ newly exposed: ${w.risk.text}`) : "", w.breakage && breakage ? `⚠️ stops working: ${w.breakage.text}${w.breakages > 1 ? `; and ${(w.breakages - 1).toLocaleString("en-US")} more below` : ""}` : ""].filter((p) => p !== "").join(" · ");
}

function list(ts: readonly TargetOutcome[]): string {
  const names = ts.map((t) => mdCode(t.name));
  return names.length <= 5 ? names.join(", ") : `${names.slice(0, 5).join(", ")} and ${names.length - 5} more`;
}
