// A flow whose L7 filtering changed, in words: "http GET /v1/.* by CiliumNetworkPolicy `shop/api`
// ingress[0].toPorts[0]" or "every request" where nothing filters. Losing a filter lets every
// request through a port that stays open, so it is said first.
import type { L7Change } from "../diff/l7-changes.js";
import { ciliumKind, policyName, rulePath } from "../model/policy-names.js";
import type { L7Part } from "../reach/l7.js";

export interface L7Format {
  readonly code: (s: string) => string;
  readonly text: (s: string) => string;
}

/** One side's filtering of the flow's ports. */
export function l7SideWords(p: L7Part | null, f: L7Format): string {
  if (p === null) return "every request (no L7 filter)";
  const rules = p.by.map((b) => `${b.filters.map((x) => f.text(x.said)).join(", ")} by ${f.text(ciliumKind(b.policy) ?? "CiliumNetworkPolicy")} ${f.code(policyName(b.policy))} ${f.text(rulePath(b.rule))}`);
  return `${f.text(p.conn.toString())}: ${[...new Set(rules)].join("; ")}`;
}

/** Whether the head lets more requests through: a filter gone from some port. */
export function l7Widens(c: L7Change): boolean {
  if (c.base === null) return false;
  return c.head === null || !c.base.conn.subtract(c.head.conn).isEmpty;
}

/** Widening changes first, then by source and destination (the order they come in). */
export function l7Ordered(changes: readonly L7Change[]): L7Change[] {
  return [...changes.filter(l7Widens), ...changes.filter((c) => !l7Widens(c))];
}

/** For a verdict line: what changed in L7 filtering, widening first; "" when nothing did. */
export function l7Headline(changes: readonly L7Change[] | undefined): string {
  if (changes === undefined || changes.length === 0) return "";
  const widened = changes.filter(l7Widens).length;
  const n = (k: number) => `${k.toLocaleString("en-US")} flow${k === 1 ? "" : "s"}`;
  if (widened > 0) return `L7 filtering: ${n(widened)} now let${widened === 1 ? "s" : ""} more requests through a port that stays open${changes.length > widened ? `, ${n(changes.length - widened)} changed otherwise` : ""}`;
  return `L7 filtering changed on ${n(changes.length)}`;
}
