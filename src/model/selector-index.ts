// Which of many selectors select a label set, without trying each one: the namespace selectors
// of a thousand tenants (`tenant: t17`), tried for each of a thousand namespaces, were a million
// tries where a few hundred answer.
import type { Labels } from "./labels.js";
import { selects, type Selector } from "./selector.js";

/**
 * Selectors filed under a label each requires (a value of one of their In requirements, the one
 * with fewest values): a label set is tried only on the selectors filed under one of its labels,
 * and on those that require no particular value (Exists, NotIn and DoesNotExist alone, or nothing).
 */
export class SelectorIndex {
  private readonly byLabel = new Map<string, number[]>();
  private readonly unfiled: number[] = [];

  constructor(private readonly selectors: readonly Selector[]) {
    selectors.forEach((s, i) => {
      let filing: readonly string[] | undefined;
      let key = "";
      for (const r of s.requirements) {
        if (r.op === "In" && (filing === undefined || r.values.length < filing.length)) {
          filing = r.values;
          key = r.key;
        }
      }
      if (filing === undefined) {
        this.unfiled.push(i);
        return;
      }
      for (const value of new Set(filing)) {
        // Label keys and values hold no control characters (the loader checks them): NUL separates.
        const label = `${key}\u0000${value}`;
        const list = this.byLabel.get(label);
        if (list) list.push(i);
        else this.byLabel.set(label, [i]);
      }
    });
  }

  /** The indexes of the selectors that select `labels`, ascending. */
  matching(labels: Labels): number[] {
    const out: number[] = [];
    for (const i of this.unfiled) if (selects(this.selectors[i]!, labels)) out.push(i);
    let sources = this.unfiled.length > 0 ? 1 : 0;
    for (const key of Object.keys(labels)) {
      const filed = this.byLabel.get(`${key}\u0000${labels[key]}`);
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
 * that hold a label its In requirements need (the one with fewest values), or every one when it
 * needs none. A thousand tenants' rules, each selecting its neighbour's namespace, asked of a
 * thousand namespaces: a thousand tries, not a million.
 */
export class LabelSetIndex {
  private byLabel: Map<string, number[]> | undefined;

  constructor(private readonly labelSets: readonly Labels[]) {}

  /** The indexes of the label sets `selector` selects, ascending. */
  selectedBy(selector: Selector): number[] {
    let filing: readonly string[] | undefined;
    let key = "";
    for (const r of selector.requirements) {
      if (r.op === "In" && (filing === undefined || r.values.length < filing.length)) {
        filing = r.values;
        key = r.key;
      }
    }
    const out: number[] = [];
    if (filing === undefined) {
      for (let i = 0; i < this.labelSets.length; i++) if (selects(selector, this.labelSets[i]!)) out.push(i);
      return out;
    }
    const byLabel = (this.byLabel ??= this.file());
    const values = new Set(filing);
    for (const value of values) for (const i of byLabel.get(`${key}\u0000${value}`) ?? []) if (selects(selector, this.labelSets[i]!)) out.push(i);
    // A label set has one value per key: the lists of different values never share one.
    return values.size > 1 ? out.sort((a, b) => a - b) : out;
  }

  private file(): Map<string, number[]> {
    const byLabel = new Map<string, number[]>();
    this.labelSets.forEach((labels, i) => {
      for (const key of Object.keys(labels)) {
        const label = `${key}\u0000${labels[key]}`;
        const list = byLabel.get(label);
        if (list) list.push(i);
        else byLabel.set(label, [i]);
      }
    });
    return byLabel;
  }
}
