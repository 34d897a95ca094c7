// Whether every label set a representative stands for carries a label: a representative matches a
// spec only when every pod (or namespace) it stands for would (DESIGN section 4c).
import { combinations, OTHER_VALUE } from "../synth/combinations.js";
import type { Selector } from "../model/selector.js";
import type { RepresentativeScope } from "../synth/synthesize.js";

/** Well past the representatives' own bound: the scope's combinations, each split in two at most. */
const BOUND = 4096;

/**
 * Per selector list (the representatives of one namespace share theirs, and the representative
 * namespaces theirs) and label: the satisfied-selector sets some label set has without the label;
 * null past the bound. Worked out once per list and label, not once per representative.
 */
const lacking = new WeakMap<readonly Selector[], Map<string, ReadonlySet<string> | null>>();

/**
 * True when every label set of the scope has `key` = `value` (`"*"`: has `key` at all). Asked as:
 * is there a combination of the scope's selectors and "has key=value" that satisfies exactly the
 * scope's selectors and not the added one? None: every such label set carries it.
 */
export function surelyHas(scope: RepresentativeScope, key: string, value: string): boolean {
  if (!scope.exact) return false;
  const fixed = scope.fixed[key];
  // A fixed key is there in every label set; OTHER_VALUE (some name no selector names) equals no written value.
  if (fixed !== undefined) return value === "*" || (fixed !== OTHER_VALUE && fixed === value);
  let byLabel = lacking.get(scope.selectors);
  if (byLabel === undefined) lacking.set(scope.selectors, (byLabel = new Map()));
  const k = `${key}\u0000${value}\u0000${JSON.stringify(scope.fixed)}`;
  let without = byLabel.get(k);
  if (without === undefined) byLabel.set(k, (without = setsWithout(scope, key, value)));
  return without !== null && !without.has(scope.satisfied);
}

function setsWithout(scope: RepresentativeScope, key: string, value: string): ReadonlySet<string> | null {
  const wanted: Selector = { requirements: [value === "*" ? { key, op: "Exists" } : { key, op: "In", values: [value] }] };
  const n = scope.selectors.length;
  const combos = combinations([...scope.selectors, wanted], { bound: BOUND, fixed: scope.fixed });
  if (combos === undefined) return null;
  return new Set(combos.filter((c) => !c.satisfied.includes(n)).map((c) => c.satisfied.join(",")));
}
