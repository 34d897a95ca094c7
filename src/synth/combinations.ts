// Which combinations of label selectors real label sets can satisfy, with one witness each.
//
// A label set's behaviour under selectors S depends only on, per key some selector uses, which
// class its value falls in: absent, one of the values the selectors name, or any other value.
// Keys are processed one at a time; a partial state is the set of selectors not yet violated,
// and states with the same set are merged, so the work grows with the distinct combinations
// that actually occur, not with the product of all label values.
import type { Labels } from "../model/labels.js";
import { requirementMatches, type Selector } from "../model/selector.js";

/** A value no selector names (label values cannot contain NUL): stands for "any other value". */
export const OTHER_VALUE = "\u0000other";

export interface Combination {
  /** Indexes (into the input) of the selectors this label set satisfies, ascending. */
  readonly satisfied: readonly number[];
  /** A label set with exactly this behaviour; OTHER_VALUE where "any other value" was chosen. */
  readonly witness: Labels;
}

export interface CombinationOptions {
  /** Stop and return undefined past this many combinations. */
  readonly bound: number;
  /** Keys whose value is fixed (e.g. a namespace's name), or must be some unnamed value (OTHER_VALUE). */
  readonly fixed?: Readonly<Record<string, string>>;
}

export function combinations(selectors: readonly Selector[], options: CombinationOptions): Combination[] | undefined {
  // Keys that many selectors share first: they split the selectors early, so the states that
  // follow stay few (independent keys first would multiply partial states before they merge).
  const uses = new Map<string, number>();
  for (const s of selectors) for (const k of new Set(s.requirements.map((r) => r.key))) uses.set(k, (uses.get(k) ?? 0) + 1);
  const keys = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const fixed = options.fixed ?? {};
  for (const k of Object.keys(fixed)) if (!keys.includes(k)) keys.push(k);

  interface State {
    alive: boolean[];
    witness: Record<string, string>;
  }
  let states: State[] = [{ alive: selectors.map(() => true), witness: {} }];
  for (const key of keys) {
    const choices = valueChoices(selectors, key, fixed[key]);
    const next = new Map<string, State>();
    for (const st of states) {
      for (const value of choices) {
        const labels: Record<string, string> = value === undefined ? {} : { [key]: value };
        const alive = st.alive.map((a, i) => a && selectors[i]!.requirements.every((r) => r.key !== key || requirementMatches(r, labels)));
        const sig = alive.map((a) => (a ? "1" : "0")).join("");
        if (next.has(sig)) continue;
        next.set(sig, { alive, witness: value === undefined ? st.witness : { ...st.witness, [key]: value } });
      }
    }
    states = [...next.values()];
    // Partial states can outnumber final ones; allow some slack before giving up.
    if (states.length > options.bound * 16) return undefined;
  }
  if (states.length > options.bound) return undefined;
  return states.map((st) => ({ satisfied: st.alive.flatMap((a, i) => (a ? [i] : [])), witness: st.witness }));
}

/** Absent first (so witnesses prefer fewer labels), then the named values, then any other value. */
function valueChoices(selectors: readonly Selector[], key: string, fixed: string | undefined): (string | undefined)[] {
  if (fixed !== undefined) return [fixed];
  const named = new Set<string>();
  for (const s of selectors) for (const r of s.requirements) if (r.key === key && (r.op === "In" || r.op === "NotIn")) r.values.forEach((v) => named.add(v));
  return [undefined, ...[...named].sort(), OTHER_VALUE];
}

/** "[app=db,tier=*]": named values shown, "any other value" as *, absent keys left out; "[*]" when none. */
export function describeWitness(witness: Labels, hide: readonly string[] = []): string {
  const parts = Object.keys(witness)
    .filter((k) => !hide.includes(k))
    .sort()
    .map((k) => `${k}=${witness[k] === OTHER_VALUE ? "*" : witness[k]}`);
  return `[${parts.length > 0 ? parts.join(",") : "*"}]`;
}

/** The witness's labels as shown in JSON: "any other value" is "*" (never a valid label value). */
export function definingLabels(witness: Labels, hide: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(witness).sort()) if (!hide.includes(k)) out[k] = witness[k] === OTHER_VALUE ? "*" : witness[k]!;
  return out;
}
