// Which rule decided each port of one pair in one direction, for explanations where admin-tier
// policies apply: the rows (admin-tiers.ts) say what is allowed, this says why. Computed per
// changed pair only, walking the same order the rows fold in.
import type { Policy, Rule } from "../model/policy.js";
import { ConnSet } from "../net/conn-set.js";
import type { AppliedAdminRule } from "./admin-tiers.js";

/** A NetworkPolicy rule that matches a pair, with what it allows there. */
export interface RuleMatch {
  readonly policy: Policy;
  readonly rule: Rule;
  readonly conn: ConnSet;
}

/** What decided a piece of the connection, from the highest tier that did. */
export type Decider =
  | { readonly kind: "admin"; readonly applied: AppliedAdminRule }
  | { readonly kind: "allowed-by-rules"; readonly matches: readonly RuleMatch[] }
  | { readonly kind: "isolated"; readonly policies: readonly Policy[] }
  | { readonly kind: "default" };

export interface Piece {
  /** The ports this piece covers: pieces of one pair and direction are disjoint. */
  readonly conn: ConnSet;
  readonly allowed: boolean;
  /** Admin-tier Pass rules that sent these ports on to a lower tier. */
  readonly passedBy: readonly AppliedAdminRule[];
  readonly by: Decider;
}

/** One tier rule that matches the pair, with the ports it covers there. */
export interface TierMatch {
  readonly applied: AppliedAdminRule;
  readonly conn: ConnSet;
}

/** The next tier for the ports the admin tier left: NetworkPolicy where it isolates, else baseline. */
export type NextTier =
  | { readonly kind: "networkpolicy"; readonly policies: readonly Policy[]; readonly matches: readonly RuleMatch[] }
  | { readonly kind: "baseline"; readonly matches: readonly TierMatch[] };

// Ports are taken off by subtracting what was decided, never by intersecting with what is left, as
// the row fold does (admin-tiers.ts): a port name (a representative's named port, number unknown)
// survives the removal of numbers, so "TCP http" minus a Deny of TCP 80 is still "TCP http".
export function decide(admin: readonly TierMatch[], next: NextTier, deny: readonly TierMatch[] = []): Piece[] {
  const pieces: Piece[] = [];
  const passes: TierMatch[] = [];
  let decided = ConnSet.NONE;
  // What the admin tier accepted or denied for good: no lower tier sees it.
  let settled = ConnSet.NONE;
  for (const m of admin) {
    const conn = m.conn.subtract(decided);
    if (conn.isEmpty) continue;
    decided = decided.union(conn);
    const action = m.applied.rule.action;
    if (action === "pass") passes.push({ applied: m.applied, conn });
    else {
      settled = settled.union(conn);
      pieces.push({ conn, allowed: action === "accept", passedBy: [], by: { kind: "admin", applied: m.applied } });
    }
  }
  const passedBy = (conn: ConnSet) => passes.filter((p) => !p.conn.intersect(conn).isEmpty).map((p) => p.applied);
  const add = (conn: ConnSet, allowed: boolean, by: Decider) => {
    if (!conn.isEmpty) pieces.push({ conn, allowed, passedBy: passedBy(conn), by });
  };
  // Cilium's deny rules, over what the admin tier left (passed on or unmatched): each denies for good.
  for (const m of deny) {
    const conn = m.conn.subtract(settled);
    if (conn.isEmpty) continue;
    settled = settled.union(conn);
    add(conn, false, { kind: "admin", applied: m.applied });
  }
  // Ports passed on and ports no admin or deny rule matched go to the next tier.
  const rest = ConnSet.ALL.subtract(settled);
  if (next.kind === "networkpolicy") {
    const allowed = next.matches.reduce((acc, m) => acc.union(m.conn), ConnSet.NONE).subtract(settled);
    add(allowed, true, { kind: "allowed-by-rules", matches: next.matches.filter((m) => !m.conn.intersect(allowed).isEmpty) });
    add(rest.subtract(allowed), false, { kind: "isolated", policies: next.policies });
  } else {
    // The baseline walks its own rules in order, as if alone; the admin tier's verdicts then stand over it.
    let walked = ConnSet.NONE;
    for (const m of next.matches) {
      const own = m.conn.subtract(walked);
      if (own.isEmpty) continue;
      walked = walked.union(own);
      const conn = own.subtract(settled);
      if (m.applied.rule.action !== "pass") add(conn, m.applied.rule.action === "accept", { kind: "admin", applied: m.applied });
      else add(conn, true, { kind: "default" });
    }
    add(rest.subtract(walked), true, { kind: "default" });
  }
  return pieces;
}
