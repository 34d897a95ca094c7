// Label selectors as plain data: matchLabels become `In [value]` requirements, all ANDed.
import type { Labels } from "./labels.js";

export type Requirement =
  | { readonly key: string; readonly op: "In" | "NotIn"; readonly values: readonly string[] }
  | { readonly key: string; readonly op: "Exists" | "DoesNotExist" };

export interface Selector {
  /** Empty: selects everything. */
  readonly requirements: readonly Requirement[];
}

export const SELECT_ALL: Selector = Object.freeze({ requirements: Object.freeze([]) });

// Selectors are immutable model data, compared by key many times over: each key is made once.
const keys = new WeakMap<Selector, string>();

/**
 * A selector's canonical text: equal selectors (the same requirements in any order), equal keys.
 * Label keys and values hold no control characters (the loader checks them), so these separate.
 */
export function selectorKey(s: Selector): string {
  let key = keys.get(s);
  if (key === undefined) {
    key = s.requirements.map(requirementText).sort().join("\u0003");
    keys.set(s, key);
  }
  return key;
}

// Selectors read from manifests, one object per content: a repository writes the same few
// selectors (`app: web`, the kube-system namespaceSelector of every DNS rule) thousands of times,
// and what is worked out per selector object (its key, the classes it matches) is then worked out
// once. The requirements in their written order: selectors equal but for order stay apart, so
// that each is shown as written. Up to a bound, for a process that reads many repositories.
let canonical = new Map<string, Selector>();
const MAX_CANONICAL = 200_000;

/** The one selector object with these requirements, in this order (see above). */
export function canonicalSelector(requirements: readonly Requirement[]): Selector {
  if (requirements.length === 0) return SELECT_ALL;
  const text = requirements.map(requirementText).join("\u0003");
  let s = canonical.get(text);
  if (s === undefined) {
    if (canonical.size >= MAX_CANONICAL) canonical = new Map();
    canonical.set(text, (s = { requirements }));
  }
  return s;
}

/** One requirement as text; label keys and values hold no control characters (the loader checks them), so these separate. */
function requirementText(r: Requirement): string {
  return `${r.key}\u0001${r.op}${"values" in r ? `\u0001${r.values.join("\u0002")}` : ""}`;
}

export function requirementMatches(r: Requirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.op) {
    case "In":
      return has && r.values.includes(labels[r.key]!);
    case "NotIn":
      // Kubernetes: NotIn matches when the key is absent.
      return !has || !r.values.includes(labels[r.key]!);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
  }
}

export function selects(s: Selector, labels: Labels): boolean {
  // An indexed loop: called for each pair of selector and label set, a closure or iterator each time adds up.
  const reqs = s.requirements;
  for (let i = 0; i < reqs.length; i++) if (!requirementMatches(reqs[i]!, labels)) return false;
  return true;
}
