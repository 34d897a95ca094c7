// The diff for a terminal or a CI log: verdict line, one line per group ("+" opened, "-" closed)
// with its reasons, the DNS warning, then the gate's violations. Control characters in anything
// the pull request controls are shown, never interpreted (plain()).
import { l7Headline, l7Ordered, l7SideWords } from "./l7-changes-words.js";
import type { DiffReport } from "../analyze.js";
import type { Reason } from "../diff/change.js";
import { describeRule } from "../gate/describe.js";
import { isEmpty, unanalyzedLines, unanalyzedSummary } from "./unanalyzed-words.js";
import { connWords, groupChangeWords, portNames } from "./conn-words.js";
import { l7Words } from "./l7-words.js";
import { dnsLoss } from "./dns-loss.js";
import { plain } from "./escape.js";
import { groupChanges, groupFlows, type FlowGroup } from "./group.js";
import { setWords } from "./set-words.js";
import { sideWords } from "./remaining.js";
import { endpointNote, reasonName, reasonWords, workloadWords } from "./reason-words.js";
import { newlyClosed, newlyOpened, type ExposureChange } from "../exposure/changes.js";
import { exposureSentence, movedExposures, movedSentence, type ExposureFormat } from "./exposure-words.js";
import { exposureRules } from "./exposure-rules.js";
import { breakages, exposureRisk } from "./stops-working.js";
import { assertionViews, failingAssertionGroups, type AssertionView, type ViolationGroup } from "./assertion-groups.js";
import { groupWhy } from "./violation-why.js";
import { flowsWhere, newlyExposedWorkloads } from "./flow-counts.js";
import { assertionCounts, brokenWords, firstNewViolation, violationWords, type AssertionFormat } from "./assertion-words.js";

const ASSERTION_TEXT: AssertionFormat = { code: plain, text: plain, maxTerms: 10 };

/** The gate's assertion violations, one line each: a group of pairs. */
function assertionViolationLines(report: DiffReport): string[] {
  return failingAssertionGroups(report).map((x) => `${brokenWords(x.view.diff, x.group, ASSERTION_TEXT)} (assertions)`);
}

/**
 * "  (ingress allowed by backend/db-open ingress[0] (p.yaml:21))": what decides the group at the
 * head, as `netreach why` says it, and what the change removed; the diff's reasons without the head's analysis.
 */
function groupReasonText(type: AssertionView["diff"]["assertion"]["type"], g: ViolationGroup): string {
  const why = groupWhy(type, g, { code: plain, text: plain, at: (words, ref) => `${words} (${plain(ref.file)}:${ref.line})` });
  const reasons = why === undefined ? g.reasons : g.reasons.filter((r) => r.side === "base");
  const parts = [...(why === undefined ? [] : [why]), ...reasons.map(reasonText)];
  return parts.length > 0 ? `  (${parts.join("; ")})` : "";
}

const TEXT: ExposureFormat = {
  code: plain,
  text: plain,
  hop: (h, side) => `${plain(h.kind)} ${plain(`${h.namespace}/${h.name}`)} [${side === "base" ? "base " : ""}${plain(h.at.file)}:${h.at.line}]`,
  reason: (r) => `${reasonName(r, plain, plain)} (${r.side === "base" ? "base " : ""}${plain(r.file)}:${r.line})`,
};

/** The exposure changes that break a gate rule, each with its rules. */
function exposureFailures(report: DiffReport): { change: ExposureChange; rules: string[] }[] {
  return [...exposureRules(report)].map(([change, rules]) => ({ change, rules: [...rules] }));
}

function exposureViolationText(x: { change: ExposureChange; rules: string[] }): string {
  return `${exposureSentence(x.change, "opened", TEXT)} (${x.rules.join(", ")})`;
}

const MAX_TERMS = 10;
const MAX_VIOLATIONS = 20;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const TEXT_L7 = { code: plain, text: plain };

export function renderDiffText(report: DiffReport): string {
  const g = groupChanges(report);
  const out: string[] = [];
  const failing = g.violating;
  const exposureFailing = exposureFailures(report);
  // The list names an exposure briefly: its sentence is the "exposed" line above (and the headline quotes it).
  const violations = [...exposureFailing.map((x) => `${exposureRisk(x.change, TEXT)} (${x.rules.join(", ")})`), ...assertionViolationLines(report), ...failing.map(violationText)];
  const first = exposureFailing[0] ? exposureViolationText(exposureFailing[0]) : violations[0];
  const added = report.workloadChanges.filter((w) => w.change === "added").length;
  const removed = report.workloadChanges.length - added;
  const missed = unanalyzedSummary(report.unanalyzed, plain);
  const missedGate = !isEmpty(report.gate.unanalyzed);
  if (missedGate) violations.push(`${missed} (unanalyzed)`);
  // A Service or route that now forwards to nothing changes no flow, but is no "no change".
  const breaks = (report.serviceBreakages?.length ?? 0) + (report.routeBreakages?.length ?? 0);
  if (report.changes.length === 0 && report.workloadChanges.length === 0 && report.exposureChanges.length === 0 && breaks === 0 && failingAssertionGroups(report).length > 0) {
    out.push(`netreach: no change to reachability — gate failed: ${violations[0]!}${violations.length > 1 ? ` (and ${plural(violations.length - 1, "more violation")})` : ""}`);
  } else if (report.changes.length === 0 && report.workloadChanges.length === 0 && report.exposureChanges.length === 0 && breaks === 0) {
    if (missed === "") out.push("netreach: no change to reachability — gate passed");
    else out.push(`netreach: no change to what netreach analyzes — ${missedGate ? "gate failed (unanalyzed)" : "gate passed"}; not analyzed: ${missed}`);
  } else {
    const exposed = newlyExposedWorkloads(report);
    const flows = `${exposed > 0 ? `${plural(exposed, "workload")} newly exposed, ` : ""}${plural(g.openedFlows, "flow")} opened, ${g.closedFlows} closed`;
    const unguarded = firstNewViolation(report, ASSERTION_TEXT);
    if (report.gate.passed) out.push(`netreach: ${flows} — gate passed${unguarded ? `; ${unguarded}` : ""}`);
    else out.push(`netreach: ${flows} — gate failed: ${first!}${violations.length > 1 ? ` (and ${plural(violations.length - 1, "more violation")})` : ""}`);
    out.push(
      `opened: ${flowsWhere(g.openedFlows, g.opened.length, g.controllerOpened)}; closed: ${flowsWhere(g.closedFlows, g.closed.length, g.controllerClosed)}` +
        (added + removed > 0 ? `; workloads: ${added} added, ${removed} removed` : ""),
    );
  }
  if (missed !== "" && report.changes.length + report.workloadChanges.length + report.exposureChanges.length > 0) out.push(`not analyzed: ${missed}`);
  const l7 = l7Headline(report.l7Changes);
  if (l7 !== "") {
    out.push(plain(l7));
    for (const c of l7Ordered(report.l7Changes ?? [])) out.push(`  ${plain(c.src.id)} -> ${plain(c.dst.id)} ${plain(c.conn.toString())}: was ${l7SideWords(c.base, TEXT_L7)}; now ${l7SideWords(c.head, TEXT_L7)}`);
  }
  for (const l of unanalyzedLines(report.unanalyzed, plain)) out.push(l);
  for (const w of report.workloadChanges) {
    const what = workloadWords(w, (d) => `${d} restricted`);
    out.push(`${w.change} ${plain(w.workload.id)} (${plain(w.workload.pod.source.file)}:${w.workload.pod.source.line}): ${what}`);
  }
  const exposed = report.exposureChanges.filter((c) => !newlyOpened(c).isEmpty);
  const unexposed = report.exposureChanges.filter((c) => !newlyClosed(c).isEmpty);
  const moved = movedExposures(report.exposureChanges);
  if (exposed.length + unexposed.length + moved.length > 0) out.push("");
  for (const c of exposed) out.push(`exposed ${exposureSentence(c, "opened", TEXT)}`);
  for (const m of moved) out.push(`moved ${movedSentence(m, TEXT)}`);
  for (const c of unexposed) out.push(`unexposed ${exposureSentence(c, "closed", TEXT)}`);
  if (g.opened.length + g.closed.length > 0) out.push("");
  for (const x of g.opened) out.push(groupLine("+", x, report));
  for (const x of g.closed) out.push(groupLine("-", x, report));
  const views = assertionViews(report);
  if (views.length > 0) out.push("", `assertions: ${assertionCounts(views.map((v) => v.diff))}`);
  for (const v of views) {
    const a = v.diff.assertion;
    const at = `${plain(a.source.file)}:${a.source.line}`;
    const mark = v.diff.status === "failed" ? "x" : v.diff.status === "passed" ? "ok" : "no-match";
    out.push(`  ${mark} ${plain(a.name)} (${a.type}${a.strict ? ", strict" : ""}; ${v.diff.origin === "head" ? "added by this change, " : ""}${at})`);
    for (const n of v.diff.notes) out.push(`      ${plain(n)}`);
    for (const x of v.groups.slice(0, MAX_VIOLATIONS)) out.push(`      ${x.isNew ? "new" : "existing"}${x.fails ? " [gate]" : ""} ${violationWords(a.type, x, ASSERTION_TEXT)}${groupReasonText(a.type, x)}`);
    if (v.groups.length > MAX_VIOLATIONS) out.push(`      … and ${v.groups.length - MAX_VIOLATIONS} more (see --format json)`);
  }

  // What stops working that no flow line says: Services that forward to nothing, workloads cut off.
  const quiet = breakages(report, null, { ...TEXT, at: (file, line) => `${plain(file)}:${line}` }).filter((b) => b.kind === "service" || b.kind === "cut-off");
  if (quiet.length > 0) out.push("");
  for (const b of quiet) out.push(`! stops working: ${b.short}`);
  const dns = dnsLoss(report);
  if (dns) {
    const protos = dns.protocols.length === 2 ? "UDP/TCP 53" : `${dns.protocols[0]} 53`;
    out.push("", `! DNS: ${setWords(dns.sources, "subject", plain, MAX_TERMS)} can no longer resolve names (${protos} closed toward ${setWords(dns.servers, "destination", plain, 3)})`);
  }

  if (violations.length > 0) {
    const rules = [...new Set([...exposureFailing.flatMap((x) => x.rules), ...(failingAssertionGroups(report).length > 0 ? ["assertions"] : []), ...failing.flatMap((x) => x.gate.map((h) => h.rule)), ...(missedGate ? ["unanalyzed"] : [])])];
    out.push("", `gate failed: ${plural(violations.length, "violation")} of ${rules.join(", ")}`);
    for (const v of violations.slice(0, MAX_VIOLATIONS)) out.push(`  ${v}`);
    if (violations.length > MAX_VIOLATIONS) out.push(`  … and ${violations.length - MAX_VIOLATIONS} more (see --format json)`);
  }
  return out.join("\n") + "\n";
}

/** The gate's violations, one line each, counted as the comment counts them, for a log; `count` in all. */
export function violationLines(report: DiffReport, max = MAX_VIOLATIONS): { lines: string[]; count: number } {
  // What was not analyzed is one violation, as the comment and the text report count it.
  const missed = isEmpty(report.gate.unanalyzed) ? [] : [`${unanalyzedSummary(report.gate.unanalyzed, plain)} (unanalyzed)`];
  const all = [...exposureFailures(report).map(exposureViolationText), ...assertionViolationLines(report), ...groupChanges(report).violating.map(violationText), ...missed];
  const lines = all.slice(0, max);
  return { lines: all.length > max ? [...lines, `… and ${all.length - max} more (see the JSON report)`] : lines, count: all.length };
}

/** One line per violating group and rule. */
function violationText(x: FlowGroup): string {
  return x.gate.map((h) => describeRule(h.rule, setWords(x.sources, "source", plain, MAX_TERMS), setWords(x.destinations, "destination", plain, MAX_TERMS), connWords(h.conn))).join("; ");
}

function groupLine(sign: "+" | "-", g: FlowGroup, report: DiffReport): string {
  // A closed side said by what it lacks reads as what it was and what is left (remaining.ts).
  const { source: src, destination: dst } = sideWords(g, report, plain, (t) => t, MAX_TERMS);
  const words = groupChangeWords(g.changes, g.conn, { text: (t) => t, code: (t) => t, names: portNames(g.destinations.endpoints) });
  // "all connections closed"; a before and after says itself which way it went.
  const conn = `${words}${sign === "-" && !words.startsWith("was ") ? " closed" : ""}`;
  const why = g.reasons.map((r) => reasonText(r));
  const note = endpointNote(g.endpoint);
  if (note) why.push(note);
  const pairs = groupFlows(g) > 1 ? ` [${groupFlows(g)} flows]` : "";
  const gate = g.gate.length > 0 ? ` [gate: ${g.gate.map((h) => h.rule).join(", ")}]` : "";
  const l7 = l7Words(g.changes, g.conn, g.facet, plain, plain);
  return `${sign} ${src} -> ${dst}: ${plain(conn)}${l7 === null ? "" : ` [${l7}]`}${pairs}${gate}${why.length > 0 ? `  (${why.join("; ")})` : ""}`;
}

/** "examples/head/p.yaml:37 backend/allow-db ingress[0]", "… backend/deny now selected, isolates egress" */
function reasonText(r: Reason): string {
  const w = reasonWords(r);
  const where = `${r.side === "base" ? "base " : ""}${plain(r.file)}:${r.line}`;
  const what = reasonName(r, plain, plain);
  if (r.effect === "allows" && r.side === "head") return `${where} ${what}`;
  return `${where} ${what}: ${w.before.replace(/ by$/, "")}${w.after ? ` ${w.after}` : ""}`;
}
