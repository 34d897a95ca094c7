// Which combinations of label selectors real label sets can satisfy, with one witness each.
//
// A label set's behaviour under selectors S depends only on, per key some selector uses, which
// class its value falls in: absent, one of the values the selectors name, or any other value.
// Keys are processed one at a time; a partial state is the set of selectors not yet violated,
// and states with the same set are merged, so the work grows with the distinct combinations
// that actually occur, not with the product of all label values.
import type { Labels } from "../model/labels.js";
import { requirementMatches, type Requirement, type Selector } from "../model/selector.js";

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
  // Each key's requirements, gathered once: a thousand tenants' selectors each naming a key of its
  // own would otherwise be scanned once per key.
  const onKey = new Map<string, { selector: number; requirements: Requirement[] }[]>();
  selectors.forEach((s, i) => {
    for (const r of s.requirements) {
      let users = onKey.get(r.key);
      if (users === undefined) onKey.set(r.key, (users = []));
      const last = users[users.length - 1];
      if (last?.selector === i) last.requirements.push(r);
      else users.push({ selector: i, requirements: [r] });
    }
  });
  // Keys that many selectors share first: they split the selectors early, so the states that
  // follow stay few (independent keys first would multiply partial states before they merge).
  const keys = [...onKey.keys()].sort((a, b) => onKey.get(b)!.length - onKey.get(a)!.length || (a < b ? -1 : a > b ? 1 : 0));
  const fixed = options.fixed ?? {};
  for (const k of Object.keys(fixed)) if (!onKey.has(k)) keys.push(k);

  // A partial state: the selectors not yet violated, one bit each, 16 to a character of its
  // signature (states with the same selectors alive are one).
  const words = Math.ceil(selectors.length / 16);
  interface State {
    readonly alive: Uint16Array;
    readonly witness: Record<string, string>;
  }
  const all = new Uint16Array(words);
  for (let i = 0; i < selectors.length; i++) all[i >> 4]! |= 1 << (i & 15);
  let states: State[] = [{ alive: all, witness: {} }];
  const scratch = new Uint16Array(words);
  for (const key of keys) {
    const step = keyStep(onKey.get(key) ?? [], key, words);
    const choices = fixed[key] !== undefined ? [fixed[key]] : step.choices;
    const next = new Map<string, State>();
    for (const st of states) {
      for (const value of choices) {
        step.apply(st.alive, value, scratch);
        const sig = signature(scratch);
        if (next.has(sig)) continue;
        next.set(sig, { alive: scratch.slice(), witness: value === undefined ? st.witness : { ...st.witness, [key]: value } });
      }
    }
    states = [...next.values()];
    // Partial states can outnumber final ones; allow some slack before giving up.
    if (states.length > options.bound * 16) return undefined;
  }
  if (states.length > options.bound) return undefined;
  return states.map((st) => {
    const satisfied: number[] = [];
    for (let i = 0; i < selectors.length; i++) if (st.alive[i >> 4]! & (1 << (i & 15))) satisfied.push(i);
    return { satisfied, witness: st.witness };
  });
}

/** The bits as text, 16 to a character (in pieces: a call takes only so many arguments). */
function signature(bits: Uint16Array): string {
  let text = "";
  for (let at = 0; at < bits.length; at += 4096) text += String.fromCharCode.apply(null, bits.subarray(at, at + 4096) as unknown as number[]);
  return text;
}

/**
 * What one key's value does to the selectors with requirements on it. A value none of their
 * requirements names acts as any other value does, so only the selectors naming a value are
 * looked at again for it: a thousand values named by a thousand selectors, one each, are a
 * thousand checks, not a million.
 */
function keyStep(users: readonly { selector: number; requirements: readonly Requirement[] }[], key: string, words: number) {
  const passes = (requirements: readonly Requirement[], labels: Labels) => requirements.every((r) => requirementMatches(r, labels));
  // The selectors each choice violates: absent, any other value; and per named value, the
  // selectors naming it with whether they hold.
  const killedAbsent = new Uint16Array(words);
  const killedOther = new Uint16Array(words);
  const absent: Labels = {};
  const other: Labels = { [key]: OTHER_VALUE };
  const naming = new Map<string, { selector: number; holds: boolean }[]>();
  for (const u of users) {
    const bit = 1 << (u.selector & 15);
    if (!passes(u.requirements, absent)) killedAbsent[u.selector >> 4]! |= bit;
    if (!passes(u.requirements, other)) killedOther[u.selector >> 4]! |= bit;
    const named = new Set<string>();
    for (const r of u.requirements) if (r.op === "In" || r.op === "NotIn") for (const v of r.values) named.add(v);
    for (const v of named) {
      let list = naming.get(v);
      if (list === undefined) naming.set(v, (list = []));
      list.push({ selector: u.selector, holds: passes(u.requirements, { [key]: v }) });
    }
  }
  return {
    /** Absent first (so witnesses prefer fewer labels), then the named values, then any other value. */
    choices: [undefined, ...[...naming.keys()].sort(), OTHER_VALUE] as (string | undefined)[],
    /** `out`: the selectors of `alive` that a label set with `key` at `value` (absent: undefined) leaves alive. */
    apply(alive: Uint16Array, value: string | undefined, out: Uint16Array): void {
      const killed = value === undefined ? killedAbsent : killedOther;
      for (let w = 0; w < words; w++) out[w] = alive[w]! & ~killed[w]!;
      const exceptions = value === undefined ? undefined : naming.get(value);
      if (exceptions === undefined) return;
      for (const { selector, holds } of exceptions) {
        const bit = 1 << (selector & 15);
        if (holds && alive[selector >> 4]! & bit) out[selector >> 4]! |= bit;
        else out[selector >> 4]! &= ~bit;
      }
    },
  };
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
