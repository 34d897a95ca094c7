// Whether every label set a representative stands for carries a label: a representative matches a
// spec only when every pod (or namespace) it stands for would (DESIGN section 4c).
import { combinations, OTHER_VALUE } from "../synth/combinations.js";
import type { Selector } from "../model/selector.js";
import type { RepresentativeScope } from "../synth/synthesize.js";

/** Well past the representatives' own bound: the scope's combinations, each split in two at most. */
const BOUND = 4096;

const cache = new WeakMap<RepresentativeScope, Map<string, boolean>>();

/**
 * True when every label set of the scope has `key` = `value` (`"*"`: has `key` at all). Asked as:
 * is there a combination of the scope's selectors and "has key=value" that satisfies exactly the
 * scope's selectors and not the added one? None: every such label set carries it.
 */
export function surelyHas(scope: RepresentativeScope, key: string, value: string): boolean {
  if (!scope.exact) return false;
  let known = cache.get(scope);
  if (known === undefined) cache.set(scope, (known = new Map()));
  const k = `${key}\u0000${value}`;
  let answer = known.get(k);
  if (answer === undefined) {
    answer = decide(scope, key, value);
    known.set(k, answer);
  }
  return answer;
}

function decide(scope: RepresentativeScope, key: string, value: string): boolean {
  const fixed = scope.fixed[key];
  // A fixed key is there in every label set; OTHER_VALUE (some name no selector names) equals no written value.
  if (fixed !== undefined) return value === "*" || (fixed !== OTHER_VALUE && fixed === value);
  const wanted: Selector = { requirements: [value === "*" ? { key, op: "Exists" } : { key, op: "In", values: [value] }] };
  const n = scope.selectors.length;
  const combos = combinations([...scope.selectors, wanted], { bound: BOUND, fixed: scope.fixed });
  if (combos === undefined) return false;
  return !combos.some((c) => !c.satisfied.includes(n) && c.satisfied.join(",") === scope.satisfied);
}
