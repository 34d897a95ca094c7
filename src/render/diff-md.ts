// The pull-request comment (DESIGN section 7): verdict first, then counts, grouped tables of
// opened and closed flows with their reasons, a graph when small, and collapsed details. Never
// longer than `maxChars`: sections are cut whole, lowest priority first, then table rows.
//
// Everything the pull request controls (ids, labels, namespaces, file paths, messages) goes
// through md() or mdCode() (after plain(), for control characters); URLs from `ctx.link`
// through safeUrl().
import { idWords } from "../model/policy-names.js";
import type { DiffReport } from "../analyze.js";
import type { Change, Reason } from "../diff/change.js";
import type { WorkloadChange } from "../diff/workload-changes.js";
import { describeRule } from "../gate/describe.js";
import { fitBlocks, utf8Size, type Block, type CappedText, type RowList, type Rows } from "./budget.js";
import { dnsLoss } from "./dns-loss.js";
import { breakages, exposureRisk, type Breakage, type StopsFormat } from "./stops-working.js";
import { md as escapeMd, mdCode as escapeMdCode, plain, visibleControls } from "./escape.js";
import { groupChanges, groupFlows, type FlowGroup, type Grouping } from "./group.js";
import { flowsWhere, newlyExposedWorkloads, violationTotal } from "./flow-counts.js";
import { setWords } from "./set-words.js";
import { connWords, groupChangeWords, portNames } from "./conn-words.js";
import { cellCode as escapeCellCode } from "./cell-code.js";
import { graphAdds, renderMermaid } from "./mermaid.js";
import { endpointNote, reasonName, reasonWords, workloadWords } from "./reason-words.js";
import { l7Words } from "./l7-words.js";
import { l7ChangesRows } from "./l7-changes-md.js";
import { l7Headline } from "./l7-changes-words.js";
import { newlyClosed, newlyOpened, type ExposureChange } from "../exposure/changes.js";
import { exposureSentence, movedExposures, movedSentence, type ExposureFormat, type MovedExposure } from "./exposure-words.js";
import { exposureRules } from "./exposure-rules.js";
import { isEmpty, objectName, unanalyzedSummary } from "./unanalyzed-words.js";
import { clusterWideBlock } from "./cluster-wide.js";
import { sideWords } from "./remaining.js";
import { NOTE_MARKS, sharedReasons } from "./shared-reasons.js";
import { failingAssertionGroups } from "./assertion-groups.js";
import { assertionCounts, brokenWords, firstNewViolation, type AssertionFormat } from "./assertion-words.js";
import { assertionsRows } from "./assertions-md.js";

export const DEFAULT_MAX_COMMENT_CHARS = 65_536;

/** Inline text: control characters shown as `\x1b` (never sent), then Markdown-escaped. */
const md = (text: string) => escapeMd(plain(text));
/** A code span, likewise. */
const mdCode = (text: string) => escapeMdCode(plain(text));
/** A code span in a table cell: long ids may break (cell-code.ts). */
const cellCode = (text: string) => escapeCellCode(plain(text));

export interface CommentContext {
  /** Hidden HTML comment that identifies the comment; placed first, verbatim (trusted). */
  readonly marker: string;
  /** Tells several comments on one pull request apart; shown in the title (escaped). */
  readonly header?: string;
  /** Hard cap on the result's length (UTF-16 units, or what `measure` says); default 65,536. */
  readonly maxChars?: number;
  /** What `maxChars` counts: UTF-16 units, as GitHub counts a comment; or UTF-8 bytes, as it counts a job summary. */
  readonly measure?: "utf16" | "utf8";
  /** URL of a policy line at the head commit; only http(s) URLs are used. */
  readonly link?: (file: string, line: number) => string | undefined;
  /** URL of a line at the base revision (the merge base): for reasons that no longer hold. */
  readonly baseLink?: (file: string, line: number) => string | undefined;
  /** Trusted Markdown said where the whole report is when something was cut, e.g. "Full report in the job summary". */
  readonly summaryNote?: string;
  /** The label that let a failed gate pass, if any (escaped). */
  readonly gateAllowedByLabel?: string | null;
}

const MAX_REASONS = 4;

export function renderComment(report: DiffReport, ctx: CommentContext): string {
  const maxChars = ctx.maxChars ?? DEFAULT_MAX_COMMENT_CHARS;
  const grouping = groupChanges(report);
  const dns = dnsLoss(report);
  const link: Link = (file, line, side = "head") => safeUrl((side === "head" ? ctx.link : ctx.baseLink)?.(file, line));

  const blocks: Block[] = [];
  blocks.push({ name: "marker", text: ctx.marker });
  blocks.push({ name: "title", text: `### netreach: network flows${ctx.header ? ` — ${md(ctx.header)}` : ""}` });
  const fmt = exposureFormat(link);
  const broken = breakages(report, dns, stopsFormat(fmt, link));
  // The verdict's line stays plain: links live in the section below.
  const unlinked = breakages(report, dns, stopsFormat(exposureFormat(() => undefined), () => undefined));
  blocks.push({ name: "verdict", text: verdict(report, grouping, ctx.gateAllowedByLabel ?? null, unlinked) });
  const clusterWide = clusterWideBlock(report, mdCode);
  if (clusterWide) blocks.push({ name: "cluster-wide changes", text: clusterWide });
  blocks.push({ name: "counts", text: counts(report, grouping) });
  const noteAt = blocks.length;
  const invalid = invalidCallout(report, link);
  if (invalid) blocks.push({ name: "invalid input callout", text: invalid });
  if (!isEmpty(report.unanalyzed)) blocks.push({ name: "not analyzed", rows: unanalyzedList(report, link) });
  if (broken.length > 0) blocks.push({ name: "stops working", rows: stopsWorking(broken) });
  // Newly exposed: only what is newly public; a port public before and after is moved (said once, not gated).
  const exposed = report.exposureChanges.filter((c) => !newlyOpened(c).isEmpty);
  const moved = movedExposures(report.exposureChanges);
  if (exposed.length > 0) blocks.push({ name: "newly exposed", rows: exposureList("Newly exposed", exposed, "opened", fmt, report) });
  if (moved.length > 0) blocks.push({ name: "moved exposures", rows: movedList(moved, fmt) });
  const asserted = assertionsRows(report, { ...ASSERTION_MD, link: (file, line, side) => link(file, line, side) });
  if (asserted) blocks.push({ name: "assertions", rows: asserted });
  if (report.workloadChanges.length > 0) blocks.push({ name: "workloads added and removed", rows: workloadList(report.workloadChanges, link) });
  // The budget keeps, in order: verdict, what stops working, exposures, assertions and gate
  // violations, policy changes, then the flow tables (dropped whole before the policy changes,
  // once trimming their rows is not enough).
  if (grouping.opened.length > 0) blocks.push({ name: "opened flows", rows: groupTable("Opened", grouping.opened, link, report), dropRank: 7, afterRows: true });
  if (grouping.closed.length > 0) blocks.push({ name: "closed flows", rows: groupTable("Closed", grouping.closed, link, report), dropRank: 6, afterRows: true });
  const l7 = report.l7Changes ?? [];
  if (l7.length > 0) blocks.push({ name: "L7 filtering changed", rows: l7ChangesRows(l7, { code: mdCode, text: md, cell: cellCode }), dropRank: 6, afterRows: true });
  if (violationCount(report, grouping) > 0) blocks.push({ name: "gate violations", rows: violationList(report, grouping) });
  // The graph only where it shows more than the tables: how several flows share endpoints.
  const graph = graphAdds([...grouping.opened, ...grouping.closed]) ? renderMermaid([...grouping.opened, ...grouping.closed]) : null;
  if (graph) blocks.push({ name: "graph", text: `#### Graph\n\n${fence(graph, "mermaid")}`, dropRank: 3 });
  // Each pair's before and after are in the tables already when every group is one pair.
  const onePairEach = [...grouping.opened, ...grouping.closed].every((g) => g.changes.length === 1);
  if (report.changes.length > 0 && !onePairEach) blocks.push({ name: `endpoint-by-endpoint list of ${plural(report.changes.length, "row")}`, text: fullList(report.changes), dropRank: 2 });
  if (report.assumptions.length > 0) blocks.push({ name: "assumptions", text: details(`Assumptions (${report.assumptions.length})`, lazy(report.assumptions, (a) => `- ${md(a)}`), "\n"), dropRank: 5, afterRows: true });
  if (report.diagnostics.length > 0) blocks.push({ name: "diagnostics", text: diagnostics(report, link), dropRank: 4, afterRows: true });
  if (report.policyChanges.length > 0 || (report.inputChanges ?? []).length > 0) blocks.push({ name: "policy changes", text: policyChanges(report, link), dropRank: 8, afterRows: true });

  const summary = ctx.summaryNote ?? "See the job summary or the JSON report for everything.";
  if (maxChars < 1) return "";
  return fitBlocks(blocks, {
    maxChars: maxChars - 1, // the final newline
    size: ctx.measure === "utf8" ? utf8Size : undefined,
    separator: "\n\n",
    noteAt,
    note: ({ omitted, trimmedRows }) => {
      const what = [
        omitted.length > 0 ? `${omitted.length} section${omitted.length === 1 ? "" : "s"} omitted (${omitted.join(", ")})` : "",
        trimmedRows > 0 ? `${plural(trimmedRows, "row")} left out of the tables and lists` : "",
      ].filter((s) => s !== "");
      return `> [!NOTE]\n> Truncated to fit a comment: ${what.join("; ")}. ${summary}`;
    },
  }) + "\n";
}

// ---- verdict and counts ------------------------------------------------------------------

/** "1 flow", "1,000,000 flows". */
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** Rows written when the budget reaches them: a table of thousands of groups is not written to be cut. */
function lazy<T>(items: readonly T[], row: (item: T, i: number) => string): RowList {
  return { length: items.length, at: (i) => (i < items.length ? row(items[i]!, i) : undefined) };
}

function verdict(report: DiffReport, g: Grouping, allowedBy: string | null, broken: readonly Breakage[]): string {
  // Ports that stay open while the requests let through them change: said on the verdict's line.
  const l7 = l7Headline(report.l7Changes);
  return l7 === "" ? verdictOf(report, g, allowedBy, broken) : `${verdictOf(report, g, allowedBy, broken)} ⚠️ **${md(l7)}** (below).`;
}

function verdictOf(report: DiffReport, g: Grouping, allowedBy: string | null, broken: readonly Breakage[]): string {
  const missed = unanalyzedSummary(report.unanalyzed, mdCode);
  const failedOnMissed = !isEmpty(report.gate.unanalyzed);
  const missedStatus = failedOnMissed ? (allowedBy !== null ? `gate failed (\`unanalyzed\`), allowed by label ${mdCode(allowedBy)}` : "gate failed (`unanalyzed`)") : "gate passed";
  // The worst breakage follows the headline on its line: a green "gate passed" must not be all a reviewer reads.
  const breaks = broken[0] ? ` ⚠️ **Stops working:** ${worstBreakage(broken)}.` : "";
  const failedStatus = allowedBy !== null ? `gate failed, allowed by label ${mdCode(allowedBy)}` : "gate failed";
  const assertionFirst = failingAssertionGroups(report)[0];
  if (report.changes.length === 0 && report.workloadChanges.length === 0 && report.exposureChanges.length === 0 && assertionFirst !== undefined) {
    // Nothing changed, yet a strict assertion is broken (at the base already): that fails.
    const extra = violationCount(report, g) - 1;
    return `**No change to reachability — ${failedStatus}:** ❌ ${brokenWords(assertionFirst.view.diff, assertionFirst.group, ASSERTION_MD)}${extra > 0 ? ` (and ${plural(extra, "more violation")})` : ""}${breaks}`;
  }
  if (report.changes.length === 0 && report.workloadChanges.length === 0 && report.exposureChanges.length === 0) {
    if (missed === "") return broken.length > 0 ? `**No flow changes — gate passed.**${breaks}` : "**No change to reachability — gate passed.**";
    return `**No change to what netreach analyzes — ${missedStatus}.**${breaks} ⚠️ Not analyzed: ${missed}.`;
  }
  const missedNote = missed === "" ? "" : ` ⚠️ Not analyzed: ${missed}.`;
  const exposed = newlyExposedWorkloads(report);
  const flows = `${exposed > 0 ? `${plural(exposed, "workload")} newly exposed, ` : ""}${plural(g.openedFlows, "flow")} opened, ${g.closedFlows.toLocaleString("en-US")} closed`;
  if (report.gate.passed) {
    const opened = report.exposureChanges.find((c) => !newlyOpened(c).isEmpty);
    const risk = opened ? ` ⚠️ **Newly exposed:** ${exposureRisk(opened, exposureFormat(() => undefined))}.` : "";
    // Rule `assertions` off (`fail-on: none`): a broken assertion is still said beside the green verdict.
    const unguarded = firstNewViolation(report, ASSERTION_MD);
    const assertionRisk = unguarded ? ` ❌ ${unguarded}.` : "";
    return `**${flows} — gate passed.**${assertionRisk}${risk}${breaks}${missedNote}`;
  }
  // Violations are counted and shown as groups, like flows: one line says one thing. Exposures lead.
  const failingExposures = exposureViolations(report);
  const failing = g.violating;
  const status = failedStatus;
  // An exposure is named (workload, port, first object, rules); its whole path is under Newly exposed, said once.
  const first = failingExposures[0]
    ? `${exposureRisk(failingExposures[0], exposureFormat(() => undefined))} (${rulesOf(report, failingExposures[0])})`
    : assertionFirst
      ? `❌ ${brokenWords(assertionFirst.view.diff, assertionFirst.group, ASSERTION_MD)}`
      : failing[0]
      ? violationWords(failing[0])
      : `${missed} (${mdCode("unanalyzed")})`;
  // The rest, as the counts line and the Gate violations list count them.
  const extra = violationCount(report, g) - 1;
  return `**${flows} — ${status}:** ${first}${extra > 0 ? ` (and ${plural(extra, "more violation")})` : ""}${breaks}${failingExposures.length + failing.length + (assertionFirst ? 1 : 0) === 0 ? "" : missedNote}`;
}

/** The exposure changes that break a gate rule, in report order. */
export function exposureViolations(report: Pick<DiffReport, "exposureChanges" | "gate">): ExposureChange[] {
  return [...exposureRules(report).keys()];
}

function rulesOf(report: Pick<DiffReport, "exposureChanges" | "gate">, c: ExposureChange): string {
  return (exposureRules(report).get(c) ?? []).map((r) => mdCode(r)).join(", ");
}

/** "`backend/db[StatefulSet]` TCP 5432 newly reachable from outside the cluster: from `0.0.0.0/0` (external-ingress)" for each rule a group breaks. */
function violationWords(x: FlowGroup): string {
  return x.gate
    .map((h) => describeRule(h.rule, setWords(x.sources, "source", mdCode), setWords(x.destinations, "destination", mdCode), md(connWords(h.conn))))
    .join("; ");
}

function counts(report: DiffReport, g: Grouping): string {
  const reformatted = report.policyChanges.filter((p) => p.status === "reformatted").length;
  const added = report.workloadChanges.filter((w) => w.change === "added").length;
  const removed = report.workloadChanges.length - added;
  const parts = [
    `**Opened:** ${flowsWhere(g.openedFlows, g.opened.length, g.controllerOpened, " (with the exposures below)")}`,
    `**Closed:** ${flowsWhere(g.closedFlows, g.closed.length, g.controllerClosed, " (with the exposures below)")}`,
    ...(report.exposureChanges.length > 0
      ? [`**Exposure:** ${exposureCounts(report)}${movedCount(report)}`]
      : []),
    ...(added + removed > 0 ? [`**Workloads:** ${added} added, ${removed} removed`] : []),
    ...((report.assertions ?? []).length > 0 ? [`**Assertions:** ${assertionCounts(report.assertions ?? [])}`] : []),
    `**Policies changed:** ${report.policyChanges.length}${reformatted > 0 ? ` (${reformatted} only reformatted)` : ""}`,
    `**Gate:** ${report.gateConfig.failOn.map((r) => mdCode(r)).join(", ")}${violationCount(report, g) > 0 ? ` — ${plural(violationCount(report, g), "violation")}` : ""}`,
  ];
  return parts.join(" · ");
}

/** Objects the API server would reject were left out: the answer is about the rest, so say so first. */
function invalidCallout(report: DiffReport, link: Link): string | undefined {
  const errors = report.diagnostics.filter((d) => d.severity === "error");
  if (errors.length === 0) return undefined;
  const shown = errors.slice(0, 3).map((d) => `> - ${location(d.file, d.line, link(d.file, d.line), d.column)}: ${md(d.message)}`);
  const more = errors.length > 3 ? [`> - … and ${errors.length - 3} more (see Diagnostics)`] : [];
  const n = `${errors.length} error${errors.length === 1 ? "" : "s"}`;
  return [`> [!CAUTION]\n> **Invalid input:** ${n} in the head revision; what the API server would reject was left out of this analysis.`, ...shown, ...more].join("\n");
}

/** "added `ns/x[Deployment]` (`file:line`): isolated — no ingress, no egress, no DNS". */
function workloadList(changes: readonly WorkloadChange[], link: Link): Rows {
  return {
    head: "#### Workloads added and removed",
    rows: lazy(changes, (w, i) => `${i === 0 ? "\n" : ""}\n- ${workloadLine(w, link)}`),
    tail: "",
    more: (n) => `\n\n_… and ${plural(n, "more workload")}._`,
  };
}

function workloadLine(w: WorkloadChange, link: Link): string {
  const src = w.workload.pod.source;
  const at = location(src.file, src.line, link(src.file, src.line, w.change === "added" ? "head" : "base"));
  return `**${w.change}** ${mdCode(w.workload.id)} (${at}): ${workloadWords(w, (d) => `${d} restricted (see the flows below)`)}`;
}

/** Longer than this, the verdict's breakage is only counted: the section below names it. */
const MAX_VERDICT_BREAKAGE = 320;

/** "`ns/web[Deployment]` TCP 8080 no longer reachable …; and 2 more below". */
function worstBreakage(broken: readonly Breakage[]): string {
  const more = broken.length > 1 ? `; and ${(broken.length - 1).toLocaleString("en-US")} more below` : "";
  if (broken[0]!.short.length <= MAX_VERDICT_BREAKAGE) return `${broken[0]!.short}${more}`;
  return `${plural(broken.length, "breakage")}, listed below`;
}

/** Right after the verdict: everything that stops working, the worst first. */
function stopsWorking(broken: readonly Breakage[]): Rows {
  return {
    head: `#### ⚠️ Stops working (${broken.length})`,
    rows: lazy(broken, (b, i) => `${i === 0 ? "\n" : ""}\n- ${b.full}`),
    tail: "",
    more: (n) => `\n\n_… and ${n.toLocaleString("en-US")} more._`,
  };
}

function stopsFormat(fmt: ExposureFormat, link: Link): StopsFormat {
  return { ...fmt, at: (file, line, side) => location(file, line, link(file, line, side)) };
}

/**
 * The violations as a reader counts them, the same number in the verdict, the counts line and the
 * Gate violations list: one per exposure that breaks a rule, one per group of flows, and one for
 * what was not analyzed when the gate fails on it.
 */
function violationCount(report: DiffReport, _g: Grouping): number {
  return violationTotal(report);
}

/** Assertions' words in the comment: code spans, escaped text, endpoint sets cut at five terms. */
const ASSERTION_MD: AssertionFormat = { code: mdCode, text: md };

// ---- exposure ----------------------------------------------------------------------------

function exposureFormat(link: Link): ExposureFormat {
  return {
    code: mdCode,
    text: md,
    hop: (h, side) => {
      const what = `${md(h.kind)} ${mdCode(`${h.namespace}/${h.name}`)}`;
      const url = link(h.at.file, h.at.line, side);
      return url ? `[${what}](${url})` : what;
    },
    reason: (r) => {
      const what = reasonName(r, mdCode, md);
      const url = link(r.file, r.line, r.side);
      return url ? `[${what}](${url})` : what;
    },
  };
}

function exposureList(title: string, changes: readonly ExposureChange[], facet: "opened" | "closed", fmt: ExposureFormat, report: Pick<DiffReport, "exposureChanges" | "gate">): Rows {
  return {
    head: `#### ${title} (${exposureHeading(changes)})`,
    rows: lazy(changes, (c, i) => {
      const rules = facet === "opened" ? rulesOf(report, c) : "";
      return `${i === 0 ? "\n" : ""}\n- ${rules !== "" ? "⛔ " : ""}${exposureSentence(c, facet, fmt)}${rules !== "" ? ` — gate: ${rules}` : ""}`;
    }),
    tail: "",
    more: (n) => `\n\n_… and ${plural(n, "more")}._`,
  };
}

function movedList(moved: readonly MovedExposure[], fmt: ExposureFormat): Rows {
  return {
    head: `#### Public before and after, through other objects (${moved.length})`,
    rows: lazy(moved, (m, i) => `${i === 0 ? "\n" : ""}\n- ${movedSentence(m, fmt)}`),
    tail: "",
    more: (n) => `\n\n_… and ${plural(n, "more")}._`,
  };
}

/**
 * Workloads, as the headline counts them: "1 newly exposed (2 ways in), 0 no longer". A workload
 * reachable both from the internet and through an Ingress is one workload and two list lines.
 */
function exposureCounts(report: Pick<DiffReport, "exposureChanges">): string {
  const side = (facet: (c: ExposureChange) => boolean, what: string) => {
    const changes = report.exposureChanges.filter(facet);
    const workloads = new Set(changes.map((c) => c.dst.id)).size;
    return `${workloads.toLocaleString("en-US")} ${what}${changes.length !== workloads ? ` (${changes.length.toLocaleString("en-US")} ways in)` : ""}`;
  };
  return `${side((c) => !newlyOpened(c).isEmpty, "newly exposed")}, ${side((c) => !newlyClosed(c).isEmpty, "no longer")}`;
}

/** "Newly exposed (2)"; "(1 workload, 2 ways in)" where one workload has several. */
function exposureHeading(changes: readonly ExposureChange[]): string {
  const workloads = new Set(changes.map((c) => c.dst.id)).size;
  return workloads === changes.length ? `${changes.length}` : `${plural(workloads, "workload")}, ${changes.length.toLocaleString("en-US")} ways in`;
}

function movedCount(report: Pick<DiffReport, "exposureChanges">): string {
  const n = movedExposures(report.exposureChanges).length;
  return n === 0 ? "" : `, ${n} moved`;
}

// ---- tables ------------------------------------------------------------------------------

type Link = (file: string, line: number, side?: "base" | "head") => string | undefined;

function groupTable(title: "Opened" | "Closed", groups: readonly FlowGroup[], link: Link, report: DiffReport): Rows {
  // A reason of every row is said once, above; the Why column only where some row has its own.
  const why = sharedReasons(groups);
  const above =
    (why.shared.length > 0 ? `**Why, for every row:** ${why.shared.map((r) => reasonMd(r, link, mdCode)).join("; ")}.\n\n` : "") +
    (why.notes.length > 0 ? `${why.notes.map((r, i) => `- ${NOTE_MARKS[i]} ${reasonMd(r, link, mdCode)}`).join("\n")}\n\n` : "");
  const columns = why.anyOwn ? `| Source | Destination | ${title} | Why |\n| --- | --- | --- | --- |` : `| Source | Destination | ${title} |\n| --- | --- | --- |`;
  const head = `#### ${title} flows\n\n${above}${columns}`;
  return {
    head,
    rows: lazy(groups, (g) => {
      const side = sideWords(g, report, cellCode, md);
      return `\n| ${side.source} | ${side.destination} | ${connCell(g)} |${why.anyOwn ? ` ${whyCell(g, link, why.own(g), why.shared.length > 0)} |` : ""}`;
    }),
    tail: "",
    more: (n) => `\n\n_… and ${plural(n, "more group")}._`,
  };
}

/** "was all connections, now TCP 9292 (`http-webhook`) (3 pairs) — ⛔ gate: `external-ingress`": no HTML, so no line breaks. */
function connCell(g: FlowGroup): string {
  const words = groupChangeWords(g.changes, g.conn, { text: md, code: cellCode, names: portNames(g.destinations.endpoints) });
  const n = groupFlows(g);
  const flows = n > 1 ? ` (${plural(n, "flow")})` : "";
  const gate = g.gate.length > 0 ? ` — ⛔ gate: ${g.gate.map((h) => mdCode(h.rule)).join(", ")}` : "";
  const l7 = l7Words(g.changes, g.conn, g.facet, cellCode, md);
  return `${words}${flows}${l7 === null ? "" : ` — ${l7}`}${gate}`;
}

function whyCell(g: FlowGroup, link: Link, reasons: readonly (Reason | number)[] = g.reasons, sharedAbove = false): string {
  const words = reasons.map((r) => (typeof r === "number" ? NOTE_MARKS[r]! : reasonMd(r, link)));
  const shown = words.length > MAX_REASONS ? [...words.slice(0, MAX_REASONS - 1), `and ${words.length - MAX_REASONS + 1} more`] : words;
  const note = endpointNote(g.endpoint);
  if (note) shown.push(note);
  return shown.length > 0 ? shown.join("; ") : sharedAbove ? "as above" : "—";
}

/** "allowed by [`backend/allow-db` ingress\[0\]](url)"; base-side reasons name their base file. */
function reasonMd(r: Reason, link: Link, code: (s: string) => string = cellCode): string {
  const w = reasonWords(r);
  const what = reasonName(r, code, md);
  const url = link(r.file, r.line, r.side);
  const where = url ? `[${what}](${url})` : `${what} (${r.side === "base" ? "base " : ""}${code(`${r.file}:${r.line}`)})`;
  return [w.before, where, w.after].filter((s) => s !== "").join(" ");
}

/**
 * Every violation the counts line counts, one line each. An exposure's sentence is in Newly
 * exposed, with its path and rules (and the verdict may quote it): here it is only named, so the
 * list is complete without saying the same thing again. Likewise what was not analyzed.
 */
function violationList(report: DiffReport, g: Grouping): Rows {
  const exposures = exposureViolations(report);
  const asserted = failingAssertionGroups(report);
  const failing = g.violating;
  const missed = isEmpty(report.gate.unanalyzed) ? [] : [report.gate.unanalyzed];
  const total = exposures.length + asserted.length + failing.length + missed.length;
  // A workload exposed two ways is two violations: each line then says its way in, or they read as one said twice.
  const seen = new Map<string, number>();
  for (const c of exposures) seen.set(c.dst.id, (seen.get(c.dst.id) ?? 0) + 1);
  const row = (i: number): string => {
    if (i < exposures.length) {
      const c = exposures[i]!;
      const how = (seen.get(c.dst.id) ?? 0) > 1 ? ` ${md(connWords(newlyOpened(c)))} from ${c.source === "internet" ? "the internet" : "the ingress controller"}` : "";
      return `⛔ ${rulesOf(report, c)}: ${mdCode(c.dst.id)}${how}, listed under Newly exposed`;
    }
    if (i < exposures.length + asserted.length) {
      const a = asserted[i - exposures.length]!;
      // Said in full under Assertions (and the verdict may quote it): here only named.
      return `⛔ ${mdCode("assertions")}: ${mdCode(a.view.diff.assertion.name)}, ${a.group.isNew ? "new" : "existing"} violation (${plural(a.group.violations.length, "pair")}), listed under Assertions`;
    }
    const k = i - exposures.length - asserted.length;
    if (k < failing.length) {
      const x = failing[k]!;
      return `⛔ ${x.gate.map((h) => mdCode(h.rule)).join(", ")}: ${setWords(x.sources, "source", mdCode)} → ${setWords(x.destinations, "destination", mdCode)} ${md(
        x.gate.map((h) => connWords(h.conn)).filter((c, j, all) => all.indexOf(c) === j).join("; "),
      )}`;
    }
    return `⛔ ${mdCode("unanalyzed")}: ${plural(missed[0]!.objects.length + missed[0]!.files.length, "change")} listed under Not analyzed`;
  };
  return {
    head: `#### Gate violations (${total.toLocaleString("en-US")})`,
    rows: { length: total, at: (i) => (i < total ? `${i === 0 ? "\n" : ""}\n- ${row(i)}` : undefined) },
    tail: "",
    more: (n) => `\n\n_… and ${plural(n, "more violation")}._`,
  };
}

// ---- details -----------------------------------------------------------------------------

function details(summary: string, body: string): string;
function details(summary: string, lines: RowList, join: string, head?: string): CappedText;
/**
 * A collapsed section. Given lines, it is written only while it fits the budget: a list of a
 * million pairs that can never fit is given up after the first budget's worth.
 */
function details(summary: string, body: string | RowList, join = "\n", head = ""): string | CappedText {
  const open = `<details><summary>${summary}</summary>\n\n${head}`;
  const close = "\n\n</details>";
  if (typeof body === "string") return `${open}${body}${close}`;
  return (max, size) => {
    const parts = [open];
    let total = size(open) + size(close);
    for (let i = 0; i < body.length; i++) {
      const line = (i > 0 ? join : "") + (body.at(i) ?? "");
      total += size(line);
      if (total > max) return undefined;
      parts.push(line);
    }
    parts.push(close);
    return parts.join("");
  };
}

function fullList(changes: readonly Change[]): CappedText {
  const rows = lazy(changes, (c) => `| ${cellCode(c.src.id)} | ${cellCode(c.dst.id)} | ${md(connWords(c.base))} | ${md(connWords(c.head))} |`);
  // The engine's pairs, as the JSON report lists them: representatives by id, the ingress controller too.
  return details(`Endpoint by endpoint, as in the JSON report (${plural(changes.length, "row")})`, rows, "\n", "| Source | Destination | Base | Head |\n| --- | --- | --- | --- |\n");
}

function location(file: string, line: number, url: string | undefined, column?: number): string {
  const text = mdCode(`${file}:${line}${column !== undefined ? `:${column}` : ""}`);
  return url ? `[${text}](${url})` : text;
}

function diagnostics(report: DiffReport, link: Link): CappedText {
  const items = lazy(report.diagnostics, (d) => `- **${d.severity}** ${location(d.file, d.line, link(d.file, d.line), d.column)}: ${md(d.message)}`);
  return details(`Diagnostics (${report.diagnostics.length})`, items, "\n");
}

/** Each changed object netreach does not analyze, at its line, and each changed file no analysis reads. */
function unanalyzedList(report: DiffReport, link: Link): Rows {
  const u = report.unanalyzed;
  const rows = [
    ...u.objects.map((o) => `- ${o.change} ${objectName(o, mdCode)} (${location(o.file, o.line, link(o.file, o.line, o.change === "removed" ? "base" : "head"))}): ${md(o.why)}`),
    ...u.files.map((f) => `- changed ${mdCode(f)}: no analysis reads this file`),
  ];
  return {
    head: `#### ⚠️ Not analyzed (${u.objects.length + u.files.length})`,
    rows: lazy(rows, (r, i) => `${i === 0 ? "\n" : ""}\n${r}`),
    tail: "",
    more: (n) => `\n\n_… and ${plural(n, "more")}._`,
  };
}

/**
 * What the author wrote: a plain file's policies as their own lines; for a rendered target, the
 * inputs the pull request changed (values files, patches) first, then the rendered policies'
 * fields, compared.
 */
/** A changed policy by its id: Cilium's with their kind in words ("CiliumNetworkPolicy `shop/api`"). */
function idMd(id: string): string {
  const w = idWords(id);
  return w.kind === undefined ? mdCode(id) : `${w.kind} ${mdCode(w.name)}`;
}

function policyChanges(report: DiffReport, link: Link): CappedText {
  const inputs = report.inputChanges ?? [];
  const items: (() => string)[] = [
    ...inputs.map((c) => () => `- input ${mdCode(c.file)}: **${c.status}**\n\n${fence(c.patch.replace(/\n$/, ""), "diff")}`),
    ...report.policyChanges.map((p) => () => {
      const at = location(p.file, p.line, link(p.file, p.line, p.status === "removed" ? "base" : "head"));
      if (p.status === "reformatted") return `- ${idMd(p.id)}: reformatted, no semantic change (${at})`;
      const how = p.rendered ? "; rendered, fields compared" : "";
      return `- ${idMd(p.id)}: **${p.status}** (${p.status === "removed" ? "was at " : ""}${at}${how})\n\n${fence(p.patch.replace(/\n$/, ""), "diff")}`;
    }),
  ];
  const title = inputs.length > 0 ? `Changed inputs (${inputs.length}) and policy changes (${report.policyChanges.length})` : `Policy changes (${report.policyChanges.length})`;
  return details(title, lazy(items, (f) => f()), "\n\n");
}

// ---- escaping helpers specific to this document ---------------------------------------------

/** A code fence no content can close: longer than any backtick run inside; control characters shown. */
export function fence(text: string, info: string): string {
  const body = visibleControls(text);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((m) => m.length));
  const ticks = "`".repeat(Math.max(3, longest + 1));
  return `${ticks}${info}\n${body}\n${ticks}`;
}

/** An http(s) URL with every character that could end a Markdown link or table cell encoded; else undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\//i.test(url)) return undefined;
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\s\u0000-\u001f\u007f()<>[\]"'`|\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
