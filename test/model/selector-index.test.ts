// The selector indexes (src/model/selector-index.ts) must answer what trying every selector on every label set answers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LabelSetIndex, SelectorIndex } from "../../src/model/selector-index.js";
import { selects, type Requirement, type Selector } from "../../src/model/selector.js";

const keys = ["app", "tier", "tenant", "__proto__", "toString"];
const values = ["a", "b", "c", "d"];
const requirement: fc.Arbitrary<Requirement> = fc.oneof(
  fc.record({ key: fc.constantFrom(...keys), op: fc.constantFrom("In" as const, "NotIn" as const), values: fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }) }),
  fc.record({ key: fc.constantFrom(...keys), op: fc.constantFrom("Exists" as const, "DoesNotExist" as const) }),
);
const selector: fc.Arbitrary<Selector> = fc.array(requirement, { maxLength: 3 }).map((requirements) => ({ requirements }));
const labels = fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values, "\u0000other"), { maxKeys: 4 });

describe("SelectorIndex", () => {
  it("property: the selectors that select a label set, ascending, as trying each gives them", () => {
    fc.assert(
      fc.property(fc.array(selector, { maxLength: 30 }), fc.array(labels, { minLength: 1, maxLength: 10 }), (selectors, labelSets) => {
        const index = new SelectorIndex(selectors);
        for (const l of labelSets) expect(index.matching(l)).toEqual(selectors.flatMap((s, i) => (selects(s, l) ? [i] : [])));
      }),
      { numRuns: 500 },
    );
  });

  it("a repeated value in an In requirement does not list its selector twice", () => {
    const index = new SelectorIndex([{ requirements: [{ key: "app", op: "In", values: ["web", "web"] }] }, { requirements: [] }]);
    expect(index.matching({ app: "web" })).toEqual([0, 1]);
    expect(index.matching({ app: "db" })).toEqual([1]);
  });
});

describe("LabelSetIndex", () => {
  it("property: the label sets a selector selects, ascending, as trying each gives them", () => {
    fc.assert(
      fc.property(fc.array(labels, { maxLength: 30 }), fc.array(selector, { minLength: 1, maxLength: 10 }), (labelSets, selectors) => {
        const index = new LabelSetIndex(labelSets);
        for (const s of selectors) expect(index.selectedBy(s)).toEqual(labelSets.flatMap((l, i) => (selects(s, l) ? [i] : [])));
      }),
      { numRuns: 500 },
    );
  });
});
