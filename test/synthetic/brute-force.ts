// An independent count of the label-selector combinations real pods can satisfy: enumerate every
// label set over the keys the selectors use, each key absent, one of the values some selector
// names, or a value none names; evaluate the selectors with the reference evaluator's matcher
// (test/reference/evaluator.ts); collect the distinct "which selectors match" patterns.
// Exponential in the number of keys: for small cases only.
import { selectorMatches } from "../reference/evaluator.js";
import type { Labels, LabelSelector } from "../reference/kube.js";

/** A value no selector of the tests names. */
export const UNNAMED_VALUE = "zz-unnamed";

/** Which selectors match, as a string of 0/1 (one character per selector). */
export function pattern(selectors: readonly LabelSelector[], labels: Labels): string {
  return selectors.map((s) => (selectorMatches(s, labels) ? "1" : "0")).join("");
}

/** Every label set that can tell the selectors apart (one per value class per key). */
export function labelSets(selectors: readonly LabelSelector[]): Labels[] {
  const values = new Map<string, Set<string>>();
  const add = (key: string, value?: string) => {
    let set = values.get(key);
    if (set === undefined) values.set(key, (set = new Set()));
    if (value !== undefined) set.add(value);
  };
  for (const s of selectors) {
    for (const [k, v] of Object.entries(s.matchLabels ?? {})) add(k, v);
    for (const r of s.matchExpressions ?? []) {
      add(r.key);
      for (const v of r.values ?? []) add(r.key, v);
    }
  }
  let out: Labels[] = [{}];
  for (const [key, named] of [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const choices: (string | undefined)[] = [undefined, ...[...named].sort(), UNNAMED_VALUE];
    out = out.flatMap((labels) => choices.map((v) => (v === undefined ? labels : { ...labels, [key]: v })));
  }
  return out;
}

/** The distinct satisfiable patterns, each with the first (smallest) label set that produces it. */
export function satisfiablePatterns(selectors: readonly LabelSelector[]): Map<string, Labels> {
  const out = new Map<string, Labels>();
  for (const labels of labelSets(selectors)) {
    const p = pattern(selectors, labels);
    if (!out.has(p)) out.set(p, labels);
  }
  return out;
}
