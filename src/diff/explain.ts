// Why a flow opened or closed, read off the evaluator for one changed class pair.
import type { Direction } from "../model/policy.js";
import { ConnSet } from "../net/conn-set.js";
import type { SidePair } from "./side-pair.js";
import { tierReasons } from "./tier-reasons.js";
import type { Reason } from "./change.js";
import { isolationReason, reasonKey, ruleReason } from "./reason.js";


interface DirectionView {
  readonly isolated: boolean;
  readonly conn: ConnSet;
  readonly reasons: (side: "base" | "head", effect: "allows", within: ConnSet) => Reason[];
  readonly isolatedBy: (side: "base" | "head") => Reason[];
}

function view(p: SidePair, dir: Direction): DirectionView | undefined {
  if (p.src === undefined || p.dst === undefined) return undefined;
  const P = p.r.universe.podClasses.length;
  const subject = dir === "ingress" ? p.dst : p.src;
  if (subject >= P) return undefined; // external addresses have no policies
  const isolating = p.r.isolating(subject, dir);
  const matches = isolating.length > 0 ? p.r.matchingRules(p.src, p.dst, dir) : [];
  const conn = isolating.length === 0 ? ConnSet.ALL : matches.reduce((acc, m) => acc.union(m.conn), ConnSet.NONE);
  return {
    isolated: isolating.length > 0,
    conn,
    reasons: (side, effect, within) =>
      matches
        .filter((m) => !m.conn.intersect(within).isEmpty)
        .map((m) => ruleReason(side, m.policy, m.rule, effect)),
    isolatedBy: (side) => isolating.map((pol) => isolationReason(side, pol, dir)),
  };
}

/**
 * Reasons, per direction that actually changed on the changed ports:
 * - opened: the head rules that now allow it, or the base policies that isolated it and no longer do;
 * - closed: the head policies that now isolate it (newly selecting the pod), and the base rules
 *   that allowed it (since removed or narrowed).
 */
export function explain(base: SidePair, head: SidePair, opened: ConnSet, closed: ConnSet): Reason[] {
  const out: Reason[] = [];
  for (const dir of ["egress", "ingress"] as const) {
    const tiered = tierReasons(base, head, dir, opened, closed);
    if (tiered !== null) {
      out.push(...tiered);
      continue;
    }
    const b = view(base, dir);
    const h = view(head, dir);
    const bConn = b?.conn ?? ConnSet.NONE;
    const hConn = h?.conn ?? ConnSet.NONE;
    const openedHere = hConn.subtract(bConn).intersect(opened);
    if (!openedHere.isEmpty && h) {
      if (h.isolated) out.push(...h.reasons("head", "allows", openedHere));
      else if (b?.isolated) out.push(...b.isolatedBy("base"));
    }
    const closedHere = bConn.subtract(hConn).intersect(closed);
    if (!closedHere.isEmpty && b) {
      const narrowed = b.isolated ? b.reasons("base", "allows", closedHere) : [];
      out.push(...narrowed);
      // Newly isolated, or nothing on base explains it: the head's isolating policies do.
      if (h?.isolated && (!b.isolated || narrowed.length === 0)) out.push(...h.isolatedBy("head"));
    }
  }
  return dedupe(out);
}

function dedupe(rs: Reason[]): Reason[] {
  const seen = new Set<string>();
  return rs.filter((r) => {
    const k = reasonKey(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
