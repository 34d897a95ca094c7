// What a pull request changes that netreach did not analyze, in words: said beside every verdict,
// so that "no change to reachability" is never read as "nothing changed" (DESIGN section 4b).
import type { UnanalyzedChange } from "../diff/unanalyzed-changes.js";
import type { Unanalyzed } from "../gate/gate.js";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
const MAX_NAMED = 3;

/** "CiliumNetworkPolicy shop/allow-redis", with the name through `code`. */
export function objectName(o: UnanalyzedChange, code: (s: string) => string): string {
  return `${o.kind} ${code(o.namespace !== undefined ? `${o.namespace}/${o.name}` : o.name)}`;
}

export function isEmpty(u: Unanalyzed): boolean {
  return u.objects.length === 0 && u.files.length === 0;
}

/**
 * "2 changed objects of kinds netreach does not analyze (CiliumNetworkPolicy `shop/a`, …) and 1
 * changed file no analysis reads (`env/prod/values.yaml`)"; empty when there is nothing.
 */
export function unanalyzedSummary(u: Unanalyzed, code: (s: string) => string): string {
  const named = <T>(items: readonly T[], name: (x: T) => string) =>
    items.slice(0, MAX_NAMED).map(name).join(", ") + (items.length > MAX_NAMED ? `, and ${items.length - MAX_NAMED} more` : "");
  const parts: string[] = [];
  if (u.objects.length > 0) parts.push(`${plural(u.objects.length, "changed object")} of kinds netreach does not analyze (${named(u.objects, (o) => objectName(o, code))})`);
  if (u.files.length > 0) parts.push(`${plural(u.files.length, "changed file")} no analysis reads (${named(u.files, code)})`);
  return parts.join(" and ");
}

/** One line per item, for logs and the text report. */
export function unanalyzedLines(u: Unanalyzed, code: (s: string) => string): string[] {
  return [
    ...u.objects.map((o) => `${o.change} ${objectName(o, code)} (${code(`${o.file}:${o.line}`)}): not analyzed — ${o.why}`),
    ...u.files.map((f) => `changed ${code(f)}: no analysis reads this file`),
  ];
}
