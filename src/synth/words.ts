// A representative pod in people's words, where its namespace also has declared workloads:
// "other pods in `shop-prod` without `redis-client=true`" says what `shop-prod/[*]` means there.
//
// The words must be exact: every pod they describe behaves as the representative does. They are
// checked against every kind of pod the namespace's selectors (and the words' own labels) tell
// apart; past the bound, or when no short wording is exact, there are none and the id is shown.
import type { RepresentativeWords } from "../model/endpoint.js";
import type { Labels } from "../model/labels.js";
import { requirementMatches, selects, type Requirement, type Selector } from "../model/selector.js";
import { combinations, OTHER_VALUE } from "./combinations.js";

/**
 * @param selectors the namespace's selectors (those its representatives are built from)
 * @param declaredLike whether pods satisfying exactly these selectors (ascending indexes, joined
 *   by ",") behave like a declared workload of the namespace
 */
export function representativeWords(
  namespace: string,
  selectors: readonly Selector[],
  witness: Labels,
  declaredLike: (satisfied: string) => boolean,
  bound: number,
): RepresentativeWords | undefined {
  const n = selectors.length;
  const own = selectors.flatMap((s, i) => (selects(s, witness) ? [i] : [])).join(",");
  const keys = Object.keys(witness).sort();
  const named = (key: string) => [...new Set(selectors.flatMap((s) => s.requirements.flatMap((r) => (r.key === key && "values" in r ? r.values : []))))].sort();
  const withs = keys.map((key) => (witness[key] === OTHER_VALUE ? { key, value: null, notValues: named(key) } : { key, value: witness[key]!, notValues: [] }));
  const positive: Selector = {
    requirements: withs.flatMap((w): Requirement[] =>
      w.value !== null
        ? [{ key: w.key, op: "In", values: [w.value] }]
        : [{ key: w.key, op: "Exists" }, ...(w.notValues.length > 0 ? [{ key: w.key, op: "NotIn" as const, values: w.notValues }] : [])],
    ),
  };
  // Selectors it fails for lack of a label: "without" them reads truthfully beside its labels.
  const negatives = selectors.flatMap((s) => {
    if (selects(s, witness)) return [];
    const failing = s.requirements.filter((r) => !requirementMatches(r, witness));
    if (!failing.every((r) => (r.op === "In" || r.op === "Exists") && !(r.key in witness))) return [];
    return [{ selector: { requirements: failing } satisfies Selector, text: failing.map(requirementText).join(",") }];
  });
  // Every kind of pod the selectors and the words tell apart.
  const all = combinations([...selectors, positive, ...negatives.map((x) => x.selector)], { bound });
  if (all === undefined) return undefined;
  const kinds = all.map((k) => ({
    satisfied: k.satisfied.filter((i) => i < n).join(","),
    fits: k.satisfied.includes(n),
    lacks: negatives.map((_, j) => !k.satisfied.includes(n + 1 + j)),
  }));
  // Greedily, the negatives that rule out the most other kinds with its labels, but those
  // that behave like a declared workload ("other" rules them out).
  let left = kinds.filter((k) => k.fits && k.satisfied !== own && !declaredLike(k.satisfied));
  const chosen: number[] = [];
  while (left.length > 0) {
    let best = -1;
    let count = 0;
    negatives.forEach((_, j) => {
      const c = left.filter((k) => !k.lacks[j]).length;
      if (c > count) [best, count] = [j, c];
    });
    if (best < 0) return undefined;
    chosen.push(best);
    left = left.filter((k) => k.lacks[best]!);
  }
  const described = (k: (typeof kinds)[number]) => k.fits && chosen.every((j) => k.lacks[j]);
  // Exact both ways: every pod it stands for fits the words, too.
  if (!kinds.every((k) => k.satisfied !== own || described(k))) return undefined;
  // "other" only when some declared-like kind would otherwise fit the words.
  const other = kinds.some((k) => described(k) && declaredLike(k.satisfied));
  return { namespace, other, with: withs, without: [...new Set(chosen.map((j) => negatives[j]!.text))].sort() };
}

function requirementText(r: Requirement): string {
  if (r.op === "Exists") return r.key;
  if (r.op === "In") return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(", ")})`;
  // Not reached: only In and Exists fail for lack of a label.
  return r.key;
}
