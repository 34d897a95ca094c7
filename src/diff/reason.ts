// Reasons as the diff makes them: a rule or a policy at its place in the files. The line is read
// when first asked for (a YAML parse of the document that holds it, for most files), so reasons
// that no report shows cost no parse: a comment shows a few groups of a large diff.
import type { Direction, Policy, Rule, SourceRef } from "../model/policy.js";
import type { AdminReason, Effect, Reason } from "./change.js";

type Side = Reason["side"];

function at(side: Side, policy: string, rule: string | null, direction: Direction, source: SourceRef, effect: Effect, admin?: AdminReason): Reason {
  return {
    side,
    policy,
    rule,
    direction,
    file: source.file,
    get line() {
      return source.line;
    },
    effect,
    ...(admin === undefined ? {} : { admin }),
  };
}

/** A NetworkPolicy rule that allows the traffic. */
export function ruleReason(side: Side, policy: Policy, rule: Rule, effect: Effect = "allows"): Reason {
  return at(side, policy.id, `${rule.direction}[${rule.index}]`, rule.direction, rule.source, effect);
}

/** A NetworkPolicy that isolates the pod in `direction`. */
export function isolationReason(side: Side, policy: Policy, direction: Direction): Reason {
  return at(side, policy.id, null, direction, policy.source, "isolates");
}

/** An admin-tier rule, with its policy's kind, tier and priority. */
export function adminRuleReason(side: Side, policy: string, rule: { direction: Direction; index: number; source: SourceRef }, effect: Effect, admin: AdminReason): Reason {
  return at(side, policy, `${rule.direction}[${rule.index}]`, rule.direction, rule.source, effect, admin);
}

/** What makes two reasons the same, read without looking their lines up. */
export function reasonKey(r: Reason): string {
  return `${r.side}|${r.policy}|${r.rule}|${r.direction}|${r.file}|${r.effect}`;
}
