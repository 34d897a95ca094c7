// How people name a policy and a rule: by the kind's own words. A NetworkPolicy is "ns/name" and
// its rules "ingress[0]"; Cilium's kinds say their kind, and their rules where they are
// ("specs[1].egress[0]", "ingressDeny[0]"). Ids (Policy.id) are for the engine, these for people.
import type { AdminPolicy, AdminRule } from "./admin-policy.js";
import type { Rule } from "./policy.js";

export type CiliumKind = "CiliumNetworkPolicy" | "CiliumClusterwideNetworkPolicy";

/** "ns/name" (a CiliumClusterwideNetworkPolicy: "name"): what the object is called, without its kind. */
export function policyName(p: { readonly namespace?: string; readonly name: string }): string {
  return p.namespace === undefined || p.namespace === "" ? p.name : `${p.namespace}/${p.name}`;
}

/** Cilium's kind, or undefined for NetworkPolicy and the admin kinds. */
export function ciliumKind(p: { readonly kind?: string }): CiliumKind | undefined {
  return p.kind === "CiliumNetworkPolicy" || p.kind === "CiliumClusterwideNetworkPolicy" ? p.kind : undefined;
}

/** "ingress[0]", or where a Cilium rule is ("specs[1].egress[0]"). */
export function rulePath(rule: Pick<Rule, "direction" | "index" | "path">): string {
  return rule.path ?? `${rule.direction}[${rule.index}]`;
}

/** An admin-tier rule's place ("ingress[0]"), or a Cilium deny rule's ("ingressDeny[0]"). */
export function adminRulePath(rule: Pick<AdminRule, "direction" | "index" | "path">): string {
  return rule.path ?? `${rule.direction}[${rule.index}]`;
}

/** Whether a tier-rule's policy is one of Cilium's (its deny rules), which has neither tier rank nor rule names. */
export function isCiliumDeny(p: Pick<AdminPolicy, "tier">): boolean {
  return p.tier === "deny";
}

/**
 * A policy id (Policy.id) as people name it: a NetworkPolicy's "ns/name" as is; a Cilium one's
 * kind apart from its name ("CiliumNetworkPolicy/shop/api" -> kind and "shop/api").
 */
export function idWords(id: string): { readonly kind?: CiliumKind; readonly name: string } {
  for (const kind of ["CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy"] as const) {
    if (id.startsWith(`${kind}/`)) return { kind, name: id.slice(kind.length + 1) };
  }
  return { name: id };
}
