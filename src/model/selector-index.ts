// Which of many selectors select a label set, without trying each one: the namespace selectors
// of a thousand tenants (`tenant: t17`), tried for each of a thousand namespaces, were a million
// tries where a few hundred answer.
import type { Labels } from "./labels.js";
import { selects, type Selector } from "./selector.js";

/**
 * The labels a selector needs one of: those of its In requirement with fewest values, as index
 * keys (label keys and values hold no control characters, the loader checks them: NUL separates).
 * Undefined when it needs no particular value (Exists, NotIn and DoesNotExist alone, or nothing).
 */
export function neededLabels(selector: Selector): string[] | undefined {
  let values: readonly string[] | undefined;
  let key = "";
  for (const r of selector.requirements) {
    if (r.op === "In" && (values === undefined || r.values.length < values.length)) {
      values = r.values;
      key = r.key;
    }
  }
  return values && [...new Set(values)].map((value) => labelKey(key, value));
}

function labelKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function file(byLabel: Map<string, number[]>, label: string, i: number): void {
  const list = byLabel.get(label);
  if (list) list.push(i);
  else byLabel.set(label, [i]);
}

/**
 * Selectors filed under the labels they need (neededLabels): a label set is tried only on the
 * selectors filed under one of its labels, and on those that need none.
 */
export class SelectorIndex {
  private readonly byLabel = new Map<string, number[]>();
  private readonly unfiled: number[] = [];

  constructor(private readonly selectors: readonly Selector[]) {
    selectors.forEach((s, i) => {
      const needed = neededLabels(s);
      if (needed === undefined) this.unfiled.push(i);
      else for (const label of needed) file(this.byLabel, label, i);
    });
  }

  /** The indexes of the selectors that select `labels`, ascending. */
  matching(labels: Labels): number[] {
    const out: number[] = [];
    for (const i of this.unfiled) if (selects(this.selectors[i]!, labels)) out.push(i);
    let sources = this.unfiled.length > 0 ? 1 : 0;
    for (const key of Object.keys(labels)) {
      const filed = this.byLabel.get(labelKey(key, labels[key]!));
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
  private byLabel: Map<string, number[]> | undefined;

  constructor(private readonly labelSets: readonly Labels[]) {}

  /** The indexes of the label sets `selector` selects, ascending. */
  selectedBy(selector: Selector): number[] {
    const needed = neededLabels(selector);
    const out: number[] = [];
    if (needed === undefined) {
      for (let i = 0; i < this.labelSets.length; i++) if (selects(selector, this.labelSets[i]!)) out.push(i);
      return out;
    }
    const byLabel = (this.byLabel ??= this.filed());
    for (const label of needed) for (const i of byLabel.get(label) ?? []) if (selects(selector, this.labelSets[i]!)) out.push(i);
    // A label set has one value per key: the lists of different values never share one.
    return needed.length > 1 ? out.sort((a, b) => a - b) : out;
  }

  private filed(): Map<string, number[]> {
    const byLabel = new Map<string, number[]>();
    this.labelSets.forEach((labels, i) => {
      for (const key of Object.keys(labels)) file(byLabel, labelKey(key, labels[key]!), i);
    });
    return byLabel;
  }
}
