// The combinations of selectors (src/synth/combinations.ts) are found per key with bit sets and
// only the selectors naming a value looked at for it. Held here to the plain way of finding them,
// each selector tried on each value of each key for each partial state: the same combinations,
// the same witnesses, in the same order, and the same giving up past the bound.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { combinations, OTHER_VALUE, type Combination, type CombinationOptions } from "../../src/synth/combinations.js";
import { requirementMatches, type Requirement, type Selector } from "../../src/model/selector.js";

function plainCombinations(selectors: readonly Selector[], options: CombinationOptions): Combination[] | undefined {
  const uses = new Map<string, number>();
  for (const s of selectors) for (const k of new Set(s.requirements.map((r) => r.key))) uses.set(k, (uses.get(k) ?? 0) + 1);
  const keys = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const fixed = options.fixed ?? {};
  for (const k of Object.keys(fixed)) if (!keys.includes(k)) keys.push(k);
  let states: { alive: boolean[]; witness: Record<string, string> }[] = [{ alive: selectors.map(() => true), witness: {} }];
  for (const key of keys) {
    const named = new Set<string>();
    for (const s of selectors) for (const r of s.requirements) if (r.key === key && (r.op === "In" || r.op === "NotIn")) r.values.forEach((v) => named.add(v));
    const choices = fixed[key] !== undefined ? [fixed[key]] : [undefined, ...[...named].sort(), OTHER_VALUE];
    const next = new Map<string, (typeof states)[number]>();
    for (const st of states) {
      for (const value of choices) {
        const labels: Record<string, string> = value === undefined ? {} : { [key]: value };
        const alive = st.alive.map((a, i) => a && selectors[i]!.requirements.every((r) => r.key !== key || requirementMatches(r, labels)));
        const sig = alive.map((a) => (a ? "1" : "0")).join("");
        if (!next.has(sig)) next.set(sig, { alive, witness: value === undefined ? st.witness : { ...st.witness, [key]: value } });
      }
    }
    states = [...next.values()];
    if (states.length > options.bound * 16) return undefined;
  }
  if (states.length > options.bound) return undefined;
  return states.map((st) => ({ satisfied: st.alive.flatMap((a, i) => (a ? [i] : [])), witness: st.witness }));
}

const keys = ["app", "tier", "team", "env", "__proto__"];
const values = ["a", "b", "c", "d", "e"];
const requirement: fc.Arbitrary<Requirement> = fc.oneof(
  fc.record({ key: fc.constantFrom(...keys), op: fc.constantFrom("In" as const, "NotIn" as const), values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }) }),
  fc.record({ key: fc.constantFrom(...keys), op: fc.constantFrom("Exists" as const, "DoesNotExist" as const) }),
);
const selector: fc.Arbitrary<Selector> = fc.array(requirement, { maxLength: 3 }).map((requirements) => ({ requirements }));

describe("combinations of selectors", () => {
  it("property: the same as trying every selector on every value (combinations, witnesses, order, the bound)", () => {
    fc.assert(
      fc.property(
        fc.array(selector, { maxLength: 40 }),
        fc.option(fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values, OTHER_VALUE), { maxKeys: 2 }), { nil: undefined }),
        fc.constantFrom(2, 8, 256),
        (selectors, fixed, bound) => {
          const options = { bound, ...(fixed === undefined ? {} : { fixed }) };
          expect(combinations(selectors, options)).toEqual(plainCombinations(selectors, options));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("a thousand tenants' selectors, one value each: two thousand kinds of namespace, as the plain way finds them", () => {
    const selectors: Selector[] = Array.from({ length: 1000 }, (_, i) => ({ requirements: [{ key: "tenant", op: "In", values: [`t${i}`] }] }));
    selectors.push({ requirements: [{ key: "tier", op: "Exists" }, { key: "tenant", op: "NotIn", values: ["t1", "t2"] }] });
    const options = { bound: 2000, fixed: { "kubernetes.io/metadata.name": OTHER_VALUE } };
    const found = combinations(selectors, options);
    // Per tenant value, with and without tier (t1 and t2 without the last selector either way).
    expect(found).toHaveLength(2000);
    expect(found).toEqual(plainCombinations(selectors, options));
    expect(combinations(selectors, { ...options, bound: 1999 })).toBeUndefined();
  });
});
