// `netreach why` as text: each direction tier by tier (admin, NetworkPolicy, baseline), then the
// pair's verdict per port range with the rules that decided it, each rule at its file:line.
import type { ConnSet } from "../net/conn-set.js";
import { decisionAllows, portVerdict, type Decision, type DirectionWhy, type PairWhy, type PolicyRef, type PolicyRuleRef, type Segment, type TierPart, type TierRuleRef } from "../explain/why.js";
import { connWords } from "./conn-words.js";
import { plain } from "./escape.js";
import type { WhyReport } from "./why-json.js";

const words = (c: ConnSet) => connWords(c, { text: plain, code: plain });
const at = (r: { readonly at: { readonly file: string; readonly line: number } }) => `${plain(r.at.file)}:${r.at.line}`;

export function renderWhyText(r: WhyReport): string {
  const out: string[] = [];
  if (r.target !== undefined) out.push(`Target ${plain(r.target)}`, "");
  for (const n of r.notes) out.push(`Note: ${plain(n)}`, "");
  r.pairs.forEach((p, i) => {
    if (i > 0) out.push("", "----", "");
    out.push(...pairLines(p, r.port));
  });
  return out.join("\n") + "\n";
}

export function pairLines(p: PairWhy, port: WhyReport["port"]): string[] {
  const out: string[] = [];
  // The canonical form too where the words differ from it ("all but TCP 22" is SCTP 1-65535,TCP 1-21,...).
  const said = words(p.allowed);
  const canonical = p.allowed.toString();
  out.push(`${plain(p.src.id)} -> ${plain(p.dst.id)}: ${p.allowed.isEmpty ? "nothing allowed" : `${said} allowed`}${said === canonical || p.allowed.isEmpty || p.allowed.isAll ? "" : ` (${canonical})`}`, "");
  out.push(...directionLines("Egress", p.egress, p.dst.id), "");
  out.push(...directionLines("Ingress", p.ingress, p.src.id), "");
  out.push("Verdict:");
  for (const s of p.segments) {
    out.push(`  ${words(s.conn)}: ${s.allowed ? "allowed" : "denied"}: ${deciders(s).join("; ")}`);
  }
  if (port !== null) {
    const v = portVerdict(p, port);
    out.push("", `Port ${port.protocol} ${port.port}: ${v.allowed ? "allowed" : "denied"}: ${deciders(v).join("; ")}`);
  }
  return out;
}

/** An allowed range: both sides' reasons; a denied one: the side (or sides) that deny it. */
function deciders(s: Segment): string[] {
  const sides = [["egress", s.egress], ["ingress", s.ingress]] as const;
  return sides.filter(([, d]) => (s.allowed ? d.by !== "outside-cluster" : !decisionAllows(d))).map(([name, d]) => `${name} ${decisionWords(d, false)}`);
}

function directionLines(title: "Egress" | "Ingress", d: DirectionWhy, peer: string): string[] {
  if (d.side === "outside-cluster") return [`${title}: outside the cluster, no policy applies: all connections.`];
  const dir = title.toLowerCase();
  const out = [`${title} of ${plain(d.subject)} (${d.allowed.isEmpty ? "nothing" : words(d.allowed)} ${dir === "egress" ? "to" : "from"} ${plain(peer)}):`];
  if (d.hostNetwork) out.push("  hostNetwork: it uses the node's network, so no policy selects it.");
  out.push(...tierLines("Admin tier", d.admin, dir, peer));
  // Said only where Cilium deny rules select the side: other clusters have none.
  if (d.deny.state !== "none") out.push(...tierLines("Cilium deny rules", d.deny, dir, peer));
  const np = d.networkPolicy;
  if (np.state === "not-isolated") out.push(`  NetworkPolicy: no policy selects it for ${dir}: not isolated in this direction.`);
  else {
    out.push(`  ${np.policies.some((p) => p.kind !== undefined) ? "NetworkPolicy and Cilium" : "NetworkPolicy"}: isolated for ${dir} by ${np.policies.map(policyName).join(", ")}.`);
    if (np.matching.length === 0) out.push(`    No rule of theirs matches ${plain(peer)}: isolated in this direction.`);
    else {
      out.push(`    Rules matching ${plain(peer)}:`);
      for (const m of np.matching) out.push(`      ${ruleName(m.rule)}: ${words(m.conn)}`);
    }
  }
  if (d.baseline.state === "not-consulted") out.push(`  Baseline tier: not consulted (${d.baseline.rules} rule${d.baseline.rules === 1 ? "" : "s"}): NetworkPolicy isolates this direction.`);
  else out.push(...tierLines("Baseline tier", d.baseline, dir, peer));
  out.push("  Decided:");
  for (const p of d.pieces) out.push(`    ${words(p.conn)}: ${decisionWords(p.decision)}`);
  return out;
}

function tierLines(title: string, t: TierPart, dir: string, peer: string): string[] {
  if (t.state === "none") return [`  ${title}: no policy selects it for ${dir}.`];
  if (t.state === "not-consulted") return [];
  const head = `  ${title}: ${t.rules} ${dir} rule${t.rules === 1 ? "" : "s"} of ${t.policies} polic${t.policies === 1 ? "y" : "ies"} select it`;
  if (t.steps.length === 0) return [`${head}; none matches ${plain(peer)}.`];
  const out = [`${head}; in the order consulted, those matching ${plain(peer)}:`];
  t.steps.forEach((s, i) => {
    const decided = s.decides.isEmpty ? "decides nothing (earlier rules did)" : `${s.rule.action === "Pass" ? "passes on" : "decides"} ${words(s.decides)}`;
    out.push(`    ${i + 1}. ${tierRuleName(s.rule)} ${s.rule.action}: matches ${words(s.matches)}, ${decided}`);
  });
  if (!t.undecided.isEmpty) out.push(`    Left to the next tier: ${words(t.undecided)}.`);
  return out;
}

/** `passes`: also the Pass rules that sent the ports down (the direction's own lines say them; the verdict need not). */
export function decisionWords(d: Decision, passes = true): string {
  const passed = passes && "passedBy" in d && d.passedBy.length > 0 ? ` (passed on by ${d.passedBy.map(tierRuleName).join(", ")})` : "";
  switch (d.by) {
    case "tier-rule":
      return `${d.rule.action === "Deny" ? "denied" : "allowed"} by ${tierRuleName(d.rule)}${passed}`;
    case "networkpolicy-rules":
      return `allowed by ${d.rules.map(ruleName).join(", ")}${passed}`;
    case "isolated":
      return `isolated by ${d.policies.map(policyName).join(", ")}, no rule matches${passed}`;
    case "not-isolated":
      return `not isolated, allowed${passed}`;
    case "outside-cluster":
      return "outside the cluster, no policy applies";
  }
}

const kindOf = (p: PolicyRef | PolicyRuleRef) => (p.kind === undefined ? "" : `${p.kind} `);
const policyName = (p: PolicyRef) => `${kindOf(p)}${plain(p.policy)} (${at(p)})`;
const ruleName = (r: PolicyRuleRef) => `${kindOf(r)}${plain(r.policy)} ${r.rule}${r.said === undefined ? "" : ` (${plain(r.said)})`} (${at(r)})`;

export function tierRuleName(r: TierRuleRef): string {
  if (r.tier === "Deny") return `${r.kind} ${plain(r.name)} ${r.rule}${r.said === undefined ? "" : ` (${plain(r.said)})`} (${at(r)})`;
  const rank = r.priority === null ? r.tier : `${r.tier}, priority ${r.priority}`;
  const named = r.ruleName !== null ? ` "${plain(r.ruleName)}"` : "";
  return `${r.kind} ${plain(r.name)} (${rank}) ${r.rule}${named} (${at(r)})`;
}
