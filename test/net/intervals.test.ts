import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as iv from "../../src/net/intervals.js";

const arbSet = fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 8 })), { maxLength: 6 }).map((ps) => iv.normalize(ps.map(([lo, n]) => [lo, lo + n] as const)));
const members = (s: iv.Intervals) => new Set(Array.from({ length: 72 }, (_, i) => i).filter((i) => iv.contains(s, i)));
const canonical = (s: iv.Intervals) => {
  for (let i = 0; i < s.length; i += 2) {
    if (s[i]! > s[i + 1]!) return false;
    if (i > 0 && s[i]! <= s[i - 1]! + 1) return false; // sorted, disjoint, not adjacent
  }
  return true;
};

describe("interval sets", () => {
  it("union, intersection and difference agree with element sets and stay canonical", () => {
    fc.assert(
      fc.property(arbSet, arbSet, (a, b) => {
        const ma = members(a);
        const mb = members(b);
        const u = iv.union(a, b);
        const n = iv.intersect(a, b);
        const d = iv.subtract(a, b);
        expect(members(u)).toEqual(new Set([...ma, ...mb]));
        expect(members(n)).toEqual(new Set([...ma].filter((x) => mb.has(x))));
        expect(members(d)).toEqual(new Set([...ma].filter((x) => !mb.has(x))));
        expect([u, n, d].every(canonical)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("formats ranges the way reports print them", () => {
    expect(iv.format(iv.normalize([[80, 80], [8080, 8090], [81, 81]]))).toBe("80-81,8080-8090");
  });
});
