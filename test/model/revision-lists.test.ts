import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignment, heldByOne, middles, unionOf } from "../../src/model/revision-lists.js";

// Two revisions' lists as a pull request leaves them: the base's objects, some replaced in place,
// some removed, some added anywhere, some moved.
const revisions = fc
  .record({
    n: fc.integer({ min: 0, max: 30 }),
    edits: fc.array(fc.record({ kind: fc.constantFrom("replace", "remove", "add", "move"), at: fc.nat(), to: fc.nat() }), { maxLength: 6 }),
  })
  .map(({ n, edits }) => {
    const base = Array.from({ length: n }, (_, i) => ({ name: `b${i}` }));
    const head = [...base];
    let added = 0;
    for (const e of edits) {
      const at = head.length === 0 ? 0 : e.at % head.length;
      if (e.kind === "add" || head.length === 0) head.splice(e.at % (head.length + 1), 0, { name: `h${added++}` });
      else if (e.kind === "replace") head[at] = { name: `h${added++}` };
      else if (e.kind === "remove") head.splice(at, 1);
      else head.splice(e.to % head.length, 0, ...head.splice(at, 1));
    }
    return { base, head };
  });

describe("revision lists", () => {
  it("unites two revisions' lists as a set would, first seen first", () => {
    fc.assert(
      fc.property(revisions, ({ base, head }) => {
        expect(unionOf([base, head])).toEqual([...new Set([...base, ...head])]);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves out of the middles only objects both lists hold, and keeps every object one of them lacks", () => {
    fc.assert(
      fc.property(revisions, ({ base, head }) => {
        const m = middles(base, head);
        const inHead = new Set(head);
        const inBase = new Set(base);
        for (const x of base) if (!inHead.has(x)) expect(m.a).toContain(x);
        for (const x of head) if (!inBase.has(x)) expect(m.b).toContain(x);
        for (const x of base) if (!m.a.includes(x)) expect(inHead.has(x)).toBe(true);
        for (const x of head) if (!m.b.includes(x)) expect(inBase.has(x)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("finds the objects one revision holds and the other does not, as sets would", () => {
    fc.assert(
      fc.property(revisions, ({ base, head }) => {
        const inHead = new Set(head);
        const inBase = new Set(base);
        const want = new Set([...base.filter((x) => !inHead.has(x)), ...head.filter((x) => !inBase.has(x))]);
        expect(heldByOne(base, head)).toEqual(want);
        expect(heldByOne(head, base)).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });

  it("aligns the objects in the same place from the start or from the end, and only those", () => {
    const [a, b, c, d, x] = ["a", "b", "c", "d", "x"].map((name) => ({ name }));
    // x added after b: a and b keep their places from the start, c and d theirs from the end.
    expect([...alignment([a, b, c, d], [a, b, x, c, d])]).toEqual([0, 1, -1, 2, 3]);
    // b edited (a new object): only it is out of place.
    expect([...alignment([a, b, c], [a, x, c])]).toEqual([0, -1, 2]);
    // Moved: out of place on both counts.
    expect([...alignment([a, b, c, d], [b, a, c, d])]).toEqual([-1, -1, 2, 3]);
  });
});
