// Why an assertion's violation is there, in one short clause: the explanation `netreach why` gives
// (explain/explain-pair.ts) for one pair of the violation, cut to the rules that decide the
// connections at issue — what lets them through (deny, only, isolated), or what blocks them
// (allow: the isolating NetworkPolicy, the admin Deny rule). Every format words it alike; `code`,
// `text` escape for it, `link` makes a rule's file:line a link where the format has links.
import type { Assertion } from "../assert/assertion.js";
import { decisionAllows, type Decision, type PairWhy, type Segment } from "../explain/why.js";
import type { ConnSet } from "../net/conn-set.js";
import type { SourceRef } from "../model/policy.js";
import type { ViolationGroup } from "./assertion-groups.js";

export interface WhyFormat {
  readonly code: (s: string) => string;
  readonly text: (s: string) => string;
  /** The words naming a rule, linked to (or followed by) its file:line. */
  readonly at: (words: string, at: SourceRef) => string;
}

/** Rules named per violation; the rest are counted. */
const MAX_DECIDERS = 3;

/**
 * "ingress allowed by `backend/db-open` ingress[0]" / "ingress isolated by `backend/deny`, no rule
 * matches"; undefined when nothing decides (no segment at issue, which a right explanation never has).
 */
export function violationWhy(type: Assertion["type"], why: PairWhy, conn: ConnSet, f: WhyFormat): string | undefined {
  const blocked = type === "allow";
  const at = why.segments.filter((s) => s.allowed !== blocked && !s.conn.intersect(conn).isEmpty);
  const said: string[] = [];
  for (const s of at) for (const w of sideWords(s, blocked, f)) if (!said.includes(w)) said.push(w);
  if (said.length === 0) return undefined;
  return said.length > MAX_DECIDERS ? [...said.slice(0, MAX_DECIDERS - 1), `and ${said.length - MAX_DECIDERS + 1} more`].join("; ") : said.join("; ");
}

/** A group's reason, for one of its pairs (named when the group has several); undefined without the head's analysis. */
export function groupWhy(type: Assertion["type"], g: ViolationGroup, f: WhyFormat): string | undefined {
  const why = g.explain();
  if (why === undefined) return undefined;
  const words = violationWhy(type, why, g.conn, f);
  if (words === undefined) return undefined;
  return g.violations.length > 1 ? `e.g. ${f.code(why.src.id)} → ${f.code(why.dst.id)}: ${words}` : words;
}

/** Allowed: both sides' reasons (a side outside the cluster says nothing); blocked: the side or sides that deny. */
function sideWords(s: Segment, blocked: boolean, f: WhyFormat): string[] {
  const sides = [["egress", s.egress], ["ingress", s.ingress]] as const;
  const said = sides.filter(([, d]) => d.by !== "outside-cluster" && decisionAllows(d) !== blocked).map(([side, d]) => ({ side, clause: decisionClause(d, f) }));
  if (said.length === 2 && said[0]!.clause === said[1]!.clause) return [`egress and ingress ${said[0]!.clause}`];
  return said.map((x) => `${x.side} ${x.clause}`);
}

function decisionClause(d: Decision, f: WhyFormat): string {
  switch (d.by) {
    case "tier-rule": {
      const r = d.rule;
      const rank = r.priority === null ? r.tier : `${r.tier}, priority ${r.priority}`;
      const rule = r.ruleName !== null ? `rule ${f.code(r.ruleName)}` : f.text(r.rule);
      return `${r.action === "Deny" ? "denied" : "allowed"} by ${f.at(`${f.text(r.kind)} ${f.code(r.name)} (${rank}) ${rule}`, r.at)}`;
    }
    case "networkpolicy-rules": {
      const rules = d.rules.map((r) => f.at(`${f.code(r.policy)} ${f.text(r.rule)}`, r.at));
      return `allowed by ${rules.length > 2 ? `${rules[0]} and ${rules.length - 1} more rules` : rules.join(", ")}`;
    }
    case "isolated": {
      const ps = d.policies.map((p) => f.at(f.code(p.policy), p.at));
      return `isolated by ${ps.length > 2 ? `${ps[0]} and ${ps.length - 1} more` : ps.join(", ")}, no rule matches`;
    }
    case "not-isolated":
      return "not isolated";
    case "outside-cluster":
      return "outside the cluster";
  }
}
