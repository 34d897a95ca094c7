// Reasons as the diff makes them: a rule or a policy at its place in the files. The line is read
// when first asked for (a YAML parse of the document that holds it, for most files), so reasons
// that no report shows cost no parse: a comment shows a few groups of a large diff.
import type { Direction, Policy, Rule, SourceRef } from "../model/policy.js";
import type { AdminPolicy, AdminRule } from "../model/admin-policy.js";
import { adminRulePath, ciliumKind, policyName, rulePath, type CiliumKind } from "../model/policy-names.js";
import type { AdminReason, Effect, Reason } from "./change.js";

type Side = Reason["side"];

function at(side: Side, policy: string, rule: string | null, direction: Direction, source: SourceRef, effect: Effect, admin?: AdminReason, cilium?: CiliumWords): Reason {
  return {
    ...cilium,
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

/** What a Cilium policy's reason adds: its kind, and the rule's peers in Cilium's words. */
interface CiliumWords {
  readonly kind: CiliumKind;
  readonly said?: string;
}

function ciliumWords(policy: { readonly kind?: string }, said: string | undefined): CiliumWords | undefined {
  const kind = ciliumKind(policy);
  return kind === undefined ? undefined : { kind, ...(said === undefined ? {} : { said }) };
}

/** A NetworkPolicy (or Cilium allow) rule that allows the traffic. */
export function ruleReason(side: Side, policy: Policy, rule: Rule, effect: Effect = "allows"): Reason {
  const name = policy.kind === undefined ? policy.id : policyName(policy);
  return at(side, name, rulePath(rule), rule.direction, rule.source, effect, undefined, ciliumWords(policy, rule.said));
}

/** A NetworkPolicy (or Cilium policy) that isolates the pod in `direction`. */
export function isolationReason(side: Side, policy: Policy, direction: Direction): Reason {
  const name = policy.kind === undefined ? policy.id : policyName(policy);
  return at(side, name, null, direction, policy.source, "isolates", undefined, ciliumWords(policy, undefined));
}

/** A Cilium deny rule (the deny tier): named as the policy's kind names it, not ranked as admin tiers are. */
export function ciliumDenyReason(side: Side, policy: AdminPolicy, rule: AdminRule, effect: Effect): Reason {
  return at(side, policyName(policy), adminRulePath(rule), rule.direction, rule.source, effect, undefined, ciliumWords(policy, rule.said));
}

/** An admin-tier rule, with its policy's kind, tier and priority. */
export function adminRuleReason(side: Side, policy: string, rule: { direction: Direction; index: number; source: SourceRef }, effect: Effect, admin: AdminReason): Reason {
  return at(side, policy, `${rule.direction}[${rule.index}]`, rule.direction, rule.source, effect, admin);
}

/** What makes two reasons the same, read without looking their lines up. */
export function reasonKey(r: Reason): string {
  return `${r.side}|${r.policy}|${r.rule}|${r.direction}|${r.file}|${r.effect}`;
}
