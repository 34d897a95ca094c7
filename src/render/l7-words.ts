// A flow group's L7 filtering in words: "L7-filtered: http GET /v1/.* by CiliumNetworkPolicy
// `default/rule1` ingress[0]". Said where the group's connection meets what only rules with
// filters allow on the side the group is about (head for what opened, base for what closed), so
// that a reviewer never reads a filtered port as wide open.
import type { Facet } from "./group.js";
import type { Change } from "../diff/change.js";
import type { ConnSet } from "../net/conn-set.js";
import { ciliumKind, policyName, rulePath } from "../model/policy-names.js";

export function l7Words(changes: readonly Change[], conn: ConnSet, facet: Facet, code: (s: string) => string, text: (s: string) => string): string | null {
  const seen = new Map<string, string>();
  for (const c of changes) {
    const part = facet === "opened" ? c.l7?.head : c.l7?.base;
    if (part === undefined || part === null || part.conn.intersect(conn).isEmpty) continue;
    for (const b of part.by) {
      const who = `${text(ciliumKind(b.policy) ?? "CiliumNetworkPolicy")} ${code(policyName(b.policy))} ${text(rulePath(b.rule))}`;
      const what = b.filters.map((f) => text(f.said)).join(", ");
      seen.set(`${who}|${what}`, `${what} by ${who}`);
    }
  }
  if (seen.size === 0) return null;
  const list = [...seen.values()];
  const shown = list.length > 3 ? [...list.slice(0, 2), `${list.length - 2} more rules`] : list;
  return `L7-filtered: ${shown.join("; ")}`;
}
