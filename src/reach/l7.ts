// Cilium's L7 rules: a port they govern is open at L4, and the proxy then lets some requests
// through. A flow is L7-filtered on the ports that, in some direction, only rules with L7
// filters allow: a rule without filters allowing the same port to the same peer lets every
// request through (Cilium's deny-policy table: L4 allow overrides L7 on the same port).
import type { Direction, L7Filter, Policy, Rule } from "../model/policy.js";
import { ConnSet } from "../net/conn-set.js";
import type { Reachability } from "./evaluate.js";

/** One rule whose filters apply to a flow, and on which ports. */
export interface L7Rule {
  readonly policy: Policy;
  readonly rule: Rule;
  readonly filters: readonly L7Filter[];
  readonly conn: ConnSet;
}

export interface L7Part {
  /** The part of the flow's connection that L7 filters govern (never empty). */
  readonly conn: ConnSet;
  readonly by: readonly L7Rule[];
}

/**
 * Whether any rule of these policies has L7 filters: if none, no flow is L7-filtered and nothing
 * is worked out. Only Cilium's policies (those with a kind) have them: a NetworkPolicy's rules are
 * not looked at, of which a large repository has hundreds of thousands.
 */
export function hasL7(policies: readonly Policy[]): boolean {
  const filtered = (rules: readonly Rule[] | null) => rules !== null && rules.some((r) => r.l7 !== undefined && r.l7.length > 0);
  return policies.some((p) => p.kind !== undefined && (filtered(p.ingress) || filtered(p.egress)));
}

/** The L7-filtered part of the allowed connection `allowed` between two nodes; null where there is none. */
/** An L7 part as text: equal texts, equal parts (the ports filtered, and which rules filter them how). */
export function l7PartKey(p: L7Part | null): string {
  if (p === null) return "-";
  const by = p.by.map((b) => `${b.policy.id}|${b.rule.path ?? `${b.rule.direction}[${b.rule.index}]`}|${b.conn.toString()}|${b.filters.map((f) => `${f.protocol}:${f.said}`).join(",")}`);
  return `${p.conn.toString()}[${by.join(";")}]`;
}

export function l7Part(r: Reachability, src: number, dst: number, allowed: ConnSet): L7Part | null {
  if (allowed.isEmpty) return null;
  const P = r.universe.podClasses.length;
  let conn = ConnSet.NONE;
  const by: L7Rule[] = [];
  for (const dir of ["egress", "ingress"] as const satisfies readonly Direction[]) {
    const subject = dir === "egress" ? src : dst;
    // Not only where a policy isolates: with enableDefaultDeny off, the port of an L7 rule still
    // goes through the proxy, which lets only the requests the rule names through.
    if (subject >= P) continue;
    const matches = r.matchingRules(src, dst, dir);
    let filtered = ConnSet.NONE;
    let plain = ConnSet.NONE;
    for (const m of matches) {
      if (m.rule.l7 !== undefined && m.rule.l7.length > 0) filtered = filtered.union(m.conn);
      else plain = plain.union(m.conn);
    }
    let only = filtered.subtract(plain).intersect(allowed);
    // Ports an admin-tier rule decides never reach Cilium's rules, filters and all.
    for (const piece of only.isEmpty ? [] : (r.decisions(src, dst, dir) ?? [])) if (piece.by.kind === "admin") only = only.subtract(piece.conn);
    if (only.isEmpty) continue;
    conn = conn.union(only);
    for (const m of matches) {
      if (m.rule.l7 === undefined || m.rule.l7.length === 0) continue;
      const part = m.conn.intersect(only);
      if (!part.isEmpty) by.push({ policy: m.policy, rule: m.rule, filters: m.rule.l7, conn: part });
    }
  }
  return conn.isEmpty ? null : { conn, by };
}
