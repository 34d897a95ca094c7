// The diff for a terminal or a CI log: verdict line, one line per group ("+" opened, "-" closed)
// with its reasons, the DNS warning, then the gate's violations. Control characters in anything
// the pull request controls are shown, never interpreted (plain()).
import type { DiffReport } from "../analyze.js";
import type { Reason } from "../diff/change.js";
import { describeViolation } from "../gate/describe.js";
import { dnsLoss } from "./dns-loss.js";
import { plain } from "./escape.js";
import { groupChanges, setWords, type FlowGroup } from "./group.js";
import { endpointNote, reasonWords } from "./reason-words.js";

const MAX_TERMS = 10;
const MAX_VIOLATIONS = 20;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function renderDiffText(report: DiffReport): string {
  const g = groupChanges(report);
  const out: string[] = [];
  if (report.changes.length === 0) {
    out.push("netreach: no change to reachability — gate passed");
  } else {
    const flows = `${plural(g.openedFlows, "flow")} opened, ${g.closedFlows} closed`;
    if (report.gate.passed) out.push(`netreach: ${flows} — gate passed`);
    else out.push(`netreach: ${flows} — gate failed: ${plain(describeViolation(report.gate.violations[0]!))}`);
    out.push(
      `opened: ${plural(g.openedFlows, "flow")} in ${plural(g.opened.length, "group")}; closed: ${plural(g.closedFlows, "flow")} in ${plural(g.closed.length, "group")}; ${plural(report.changes.length, "pair")} changed`,
    );
  }
  if (g.opened.length + g.closed.length > 0) out.push("");
  for (const x of g.opened) out.push(groupLine("+", x));
  for (const x of g.closed) out.push(groupLine("-", x));

  const dns = dnsLoss(report);
  if (dns) {
    const protos = dns.protocols.length === 2 ? "UDP/TCP 53" : `${dns.protocols[0]} 53`;
    out.push("", `! DNS: ${setWords(dns.sources, "subject", plain, MAX_TERMS)} can no longer resolve names (${protos} closed toward ${setWords(dns.servers, "destination", plain, 3)})`);
  }

  const vs = report.gate.violations;
  if (vs.length > 0) {
    out.push("", `gate failed: ${plural(vs.length, "violation")} of ${[...new Set(vs.map((v) => v.rule))].join(", ")}`);
    for (const v of vs.slice(0, MAX_VIOLATIONS)) out.push(`  ${plain(describeViolation(v))}`);
    if (vs.length > MAX_VIOLATIONS) out.push(`  … and ${vs.length - MAX_VIOLATIONS} more (see --format json)`);
  }
  return out.join("\n") + "\n";
}

function groupLine(sign: "+" | "-", g: FlowGroup): string {
  const src = setWords(g.sources, "source", plain, MAX_TERMS);
  const dst = setWords(g.destinations, "destination", plain, MAX_TERMS);
  const conn = `${g.conn.toString()}${sign === "-" ? " closed" : ""}`;
  const why = g.reasons.map((r) => reasonText(r));
  const note = endpointNote(g.endpoint);
  if (note) why.push(note);
  const pairs = g.changes.length > 1 ? ` [${g.changes.length} pairs]` : "";
  const gate = g.gate.length > 0 ? ` [gate: ${g.gate.map((h) => h.rule).join(", ")}]` : "";
  return `${sign} ${src} -> ${dst}: ${plain(conn)}${pairs}${gate}${why.length > 0 ? `  (${why.join("; ")})` : ""}`;
}

/** "examples/head/p.yaml:37 backend/allow-db ingress[0]", "… backend/deny now selected, isolates egress" */
function reasonText(r: Reason): string {
  const w = reasonWords(r);
  const where = `${r.side === "base" ? "base " : ""}${plain(r.file)}:${r.line}`;
  const what = `${plain(r.policy)}${r.rule ? ` ${plain(r.rule)}` : ""}`;
  if (r.effect === "allows" && r.side === "head") return `${where} ${what}`;
  return `${where} ${what}: ${w.before.replace(/ by$/, "")}${w.after ? ` ${w.after}` : ""}`;
}
