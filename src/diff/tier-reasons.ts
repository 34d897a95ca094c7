// Reasons where admin-tier policies apply to a changed pair: each side's pieces (which rule of
// which tier decided which ports, reach/decisions.ts) on the ports that changed. Opened ports
// name what now lets them through and what stopped them before; closed ports the reverse.
import type { AdminPolicy, AdminRule } from "../model/admin-policy.js";
import type { Direction } from "../model/policy.js";
import { ConnSet } from "../net/conn-set.js";
import type { AppliedAdminRule } from "../reach/admin-tiers.js";
import type { Piece } from "../reach/decisions.js";
import type { AdminReason, Effect, Reason } from "./change.js";
import { adminRuleReason, ciliumDenyReason, isolationReason, ruleReason } from "./reason.js";
import type { SidePair } from "./side-pair.js";

type Side = "base" | "head";

/** null when no admin-tier rule applies to the pair's subject on either side. */
export function tierReasons(base: SidePair, head: SidePair, dir: Direction, opened: ConnSet, closed: ConnSet): Reason[] | null {
  const b = decisions(base, dir);
  const h = decisions(head, dir);
  if (b === null && h === null) return null;
  const out: Reason[] = [];
  // Opened: what allows it on head, what denied it on base; closed: the reverse.
  const add = (side: Side, ps: readonly Piece[] | undefined, allowed: boolean, within: ConnSet) => {
    for (const p of ps ?? []) if (p.allowed === allowed && !p.conn.intersect(within).isEmpty) out.push(...pieceReasons(side, p, dir));
  };
  const hp = h ?? networkPolicyPieces(head, dir);
  const bp = b ?? networkPolicyPieces(base, dir);
  add("head", hp, true, opened);
  add("base", bp, false, opened);
  add("head", hp, false, closed);
  add("base", bp, true, closed);
  return out;
}

/** The side's admin-tier decisions for the pair; null where none apply (or the pair is not there). */
function decisions(p: SidePair, dir: Direction): readonly Piece[] | null {
  return p.src === undefined || p.dst === undefined ? null : p.r.decisions(p.src, p.dst, dir);
}

/** A side without admin rules for the pair, as pieces: NetworkPolicy alone decides there. */
function networkPolicyPieces(p: SidePair, dir: Direction): readonly Piece[] {
  if (p.src === undefined || p.dst === undefined) return [];
  const subject = dir === "ingress" ? p.dst : p.src;
  if (subject >= p.r.universe.podClasses.length) return [];
  const policies = p.r.isolating(subject, dir);
  if (policies.length === 0) return [];
  const matches = p.r.matchingRules(p.src, p.dst, dir);
  const allowed = matches.reduce((acc, m) => acc.union(m.conn), ConnSet.NONE);
  return [
    { conn: allowed, allowed: true, passedBy: [], by: { kind: "allowed-by-rules", matches } },
    { conn: ConnSet.ALL.subtract(allowed), allowed: false, passedBy: [], by: { kind: "isolated", policies } },
  ].filter((x) => !x.conn.isEmpty) as Piece[];
}

function pieceReasons(side: Side, p: Piece, dir: Direction): Reason[] {
  const passed = p.passedBy.map((a) => adminReason(side, a, "passes"));
  switch (p.by.kind) {
    case "admin":
      return [...passed, adminReason(side, p.by.applied, p.allowed ? "allows" : "denies")];
    case "allowed-by-rules":
      return [
        ...passed,
        ...p.by.matches.map((m) => ruleReason(side, m.policy, m.rule)),
      ];
    case "isolated":
      return [...passed, ...p.by.policies.map((pol) => isolationReason(side, pol, dir))];
    case "default":
      return passed;
  }
}

function adminReason(side: Side, { policy, rule }: AppliedAdminRule, effect: Effect): Reason {
  if (policy.tier === "deny") return ciliumDenyReason(side, policy, rule, effect);
  return adminRuleReason(side, policy.id, rule, effect, adminWords(policy, rule));
}

function adminWords(policy: AdminPolicy, rule: AdminRule): AdminReason {
  const v1alpha1 = policy.kind !== "ClusterNetworkPolicy";
  const action = rule.action === "accept" ? (v1alpha1 ? "Allow" : "Accept") : rule.action === "deny" ? "Deny" : "Pass";
  return { kind: policy.kind, name: policy.name, tier: policy.tier === "admin" ? "Admin" : "Baseline", priority: policy.priority, action, ruleName: rule.name };
}
