// Which rule decided each port of one pair in one direction, for explanations where admin-tier
// policies apply: the rows (admin-tiers.ts) say what is allowed, this says why. Computed per
// changed pair only, walking the same order the rows fold in.
import type { AppliedAdminRule } from "./admin-tiers.js";
import type { Policy } from "../model/policy.js";
import { ConnSet } from "../net/conn-set.js";
import type { RuleMatch } from "./evaluate.js";

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

export function decide(admin: readonly TierMatch[], next: NextTier): Piece[] {
  const pieces: Piece[] = [];
  const passes: TierMatch[] = [];
  let left = ConnSet.ALL;
  for (const m of admin) {
    const conn = m.conn.intersect(left);
    if (conn.isEmpty) continue;
    left = left.subtract(conn);
    const action = m.applied.rule.action;
    if (action === "pass") passes.push({ applied: m.applied, conn });
    else pieces.push({ conn, allowed: action === "accept", passedBy: [], by: { kind: "admin", applied: m.applied } });
  }
  // Ports passed on and ports no admin rule matched both go to the next tier.
  const rest = passes.reduce((acc, p) => acc.union(p.conn), left);
  const passedBy = (conn: ConnSet) => passes.filter((p) => !p.conn.intersect(conn).isEmpty).map((p) => p.applied);
  const add = (conn: ConnSet, allowed: boolean, by: Decider) => {
    if (!conn.isEmpty) pieces.push({ conn, allowed, passedBy: passedBy(conn), by });
  };
  if (next.kind === "networkpolicy") {
    const allowed = next.matches.reduce((acc, m) => acc.union(m.conn), ConnSet.NONE).intersect(rest);
    add(allowed, true, { kind: "allowed-by-rules", matches: next.matches.filter((m) => !m.conn.intersect(allowed).isEmpty) });
    add(rest.subtract(allowed), false, { kind: "isolated", policies: next.policies });
  } else {
    let open = rest;
    for (const m of next.matches) {
      const conn = m.conn.intersect(open);
      if (conn.isEmpty) continue;
      open = open.subtract(conn);
      if (m.applied.rule.action !== "pass") add(conn, m.applied.rule.action === "accept", { kind: "admin", applied: m.applied });
      else add(conn, true, { kind: "default" });
    }
    add(open, true, { kind: "default" });
  }
  return pieces;
}
