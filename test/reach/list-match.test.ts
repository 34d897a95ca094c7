import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listMatch } from "../../src/reach/list-match.js";

// The reference: for each peer, a digit per rule in the list's order, 1 where the rule names it.
const digits = (lists: readonly number[][], peer: number) => lists.map((l) => (l.includes(peer) ? "1" : "0")).join("");

describe("which rules of a list match a peer", () => {
  it("writes and numbers each answer by its text, and says when no rule names the peer", () => {
    // Lists of one rule, of a few, and past the bits of one number (the rare long lists).
    const ruleCount = fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 29, max: 34 }));
    fc.assert(
      fc.property(
        ruleCount.chain((n) => fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }), { minLength: n, maxLength: n })),
        (lists) => {
          const texts = new Map<string, number>();
          const textId = (t: string) => {
            let id = texts.get(t);
            if (id === undefined) texts.set(t, (id = texts.size));
            return id;
          };
          const m = listMatch(lists.map((l) => Int32Array.from([...l].sort((a, b) => a - b))), textId);
          expect(m.none).toBe(textId("0".repeat(lists.length)));
          for (let peer = 0; peer <= 41; peer++) {
            const want = digits(lists, peer);
            const got = m.at(peer);
            if (!want.includes("1")) expect(got).toBeUndefined();
            else expect(got).toBe(textId(want));
            expect(m.textAt(peer)).toBe(want);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
