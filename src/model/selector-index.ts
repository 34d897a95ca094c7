// Which of many selectors select a label set, without trying each one: the namespace selectors
// of a thousand tenants (`tenant: t17`), tried for each of a thousand namespaces, were a million
// tries where a few hundred answer.
import type { Labels } from "./labels.js";
import { selects, type Selector } from "./selector.js";

/**
 * The labels a selector needs one of: the key and the values of its In requirement with fewest
 * values. Undefined when it needs no particular value (Exists, NotIn and DoesNotExist alone, or nothing).
 */
export function neededLabels(selector: Selector): { readonly key: string; readonly values: readonly string[] } | undefined {
  let needed: { key: string; values: readonly string[] } | undefined;
  for (const r of selector.requirements) {
    if (r.op === "In" && (needed === undefined || r.values.length < needed.values.length)) needed = { key: r.key, values: r.values };
  }
  return needed && { key: needed.key, values: [...new Set(needed.values)] };
}

/** Indexes filed by label key, then value: looked up without making a string per label. */
type ByLabel = Map<string, Map<string, number[]>>;

function file(byLabel: ByLabel, key: string, value: string, i: number): void {
  let byValue = byLabel.get(key);
  if (byValue === undefined) byLabel.set(key, (byValue = new Map()));
  const list = byValue.get(value);
  if (list) list.push(i);
  else byValue.set(value, [i]);
}

/**
 * Selectors filed under the labels they need (neededLabels): a label set is tried only on the
 * selectors filed under one of its labels, and on those that need none.
 */
export class SelectorIndex {
  private readonly byLabel: ByLabel = new Map();
  private readonly unfiled: number[] = [];

  constructor(private readonly selectors: readonly Selector[]) {
    selectors.forEach((s, i) => {
      const needed = neededLabels(s);
      if (needed === undefined) this.unfiled.push(i);
      else for (const value of needed.values) file(this.byLabel, needed.key, value, i);
    });
  }

  /** The indexes of the selectors that select `labels`, ascending. */
  matching(labels: Labels): number[] {
    const out: number[] = [];
    for (const i of this.unfiled) if (selects(this.selectors[i]!, labels)) out.push(i);
    let sources = this.unfiled.length > 0 ? 1 : 0;
    for (const key of Object.keys(labels)) {
      const filed = this.byLabel.get(key)?.get(labels[key]!);
      if (filed === undefined) continue;
      sources++;
      for (const i of filed) if (selects(this.selectors[i]!, labels)) out.push(i);
    }
    // Each selector is filed under one key, and a label set has one value per key: no repeats.
    return sources > 1 ? out.sort((a, b) => a - b) : out;
  }
}

/**
 * The other way round: which of many label sets a selector selects, trying only the label sets
 * that hold a label it needs (neededLabels), or every one when it needs none. A thousand tenants'
 * rules, each selecting its neighbour's namespace, asked of a thousand namespaces: a thousand
 * tries, not a million.
 */
export class LabelSetIndex {
  private byLabel: ByLabel | undefined;

  constructor(private readonly labelSets: readonly Labels[]) {}

  /** The indexes of the label sets `selector` selects, ascending. */
  selectedBy(selector: Selector): number[] {
    const needed = neededLabels(selector);
    const out: number[] = [];
    if (needed === undefined) {
      for (let i = 0; i < this.labelSets.length; i++) if (selects(selector, this.labelSets[i]!)) out.push(i);
      return out;
    }
    const byValue = (this.byLabel ??= this.filed()).get(needed.key);
    for (const value of needed.values) for (const i of byValue?.get(value) ?? []) if (selects(selector, this.labelSets[i]!)) out.push(i);
    // A label set has one value per key: the lists of different values never share one.
    return needed.values.length > 1 ? out.sort((a, b) => a - b) : out;
  }

  private filed(): ByLabel {
    const byLabel: ByLabel = new Map();
    this.labelSets.forEach((labels, i) => {
      for (const key of Object.keys(labels)) file(byLabel, key, labels[key]!, i);
    });
    return byLabel;
  }
}
