// Sets of integers as sorted, disjoint, non-adjacent closed intervals, flattened:
// [lo0, hi0, lo1, hi1, ...]. Shared by port sets (numbers) — kept generic over number so that
// set algebra is written once and tested once.

export type Intervals = readonly number[];

export const EMPTY: Intervals = Object.freeze([]);

/** Normalizes arbitrary closed intervals (any order, overlapping, adjacent) into canonical form. */
export function normalize(pairs: readonly (readonly [number, number])[]): Intervals {
  const sorted = pairs.filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: number[] = [];
  for (const [lo, hi] of sorted) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last]! + 1) {
      if (hi > out[last]!) out[last] = hi;
    } else {
      out.push(lo, hi);
    }
  }
  return out;
}

/** Walks both sets' boundaries once; `keep(inA, inB)` decides membership of each elementary piece. */
function combine(a: Intervals, b: Intervals, keep: (inA: boolean, inB: boolean) => boolean): Intervals {
  // Boundaries as half-open [lo, hi+1) events.
  const points = new Set<number>();
  for (let i = 0; i < a.length; i += 2) points.add(a[i]!).add(a[i + 1]! + 1);
  for (let i = 0; i < b.length; i += 2) points.add(b[i]!).add(b[i + 1]! + 1);
  const cuts = [...points].sort((x, y) => x - y);
  const out: [number, number][] = [];
  let ia = 0;
  let ib = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const lo = cuts[k]!;
    const hi = cuts[k + 1]! - 1;
    while (ia < a.length && a[ia + 1]! < lo) ia += 2;
    while (ib < b.length && b[ib + 1]! < lo) ib += 2;
    const inA = ia < a.length && a[ia]! <= lo;
    const inB = ib < b.length && b[ib]! <= lo;
    if (keep(inA, inB)) out.push([lo, hi]);
  }
  return normalize(out);
}

export function union(a: Intervals, b: Intervals): Intervals {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return combine(a, b, (x, y) => x || y);
}

export function intersect(a: Intervals, b: Intervals): Intervals {
  if (a.length === 0 || b.length === 0) return EMPTY;
  return combine(a, b, (x, y) => x && y);
}

export function subtract(a: Intervals, b: Intervals): Intervals {
  if (a.length === 0 || b.length === 0) return a;
  return combine(a, b, (x, y) => x && !y);
}

export function equal(a: Intervals, b: Intervals): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function contains(a: Intervals, value: number): boolean {
  for (let i = 0; i < a.length; i += 2) {
    if (value < a[i]!) return false;
    if (value <= a[i + 1]!) return true;
  }
  return false;
}

/** "80,8080-8090" */
export function format(a: Intervals): string {
  const parts: string[] = [];
  for (let i = 0; i < a.length; i += 2) parts.push(a[i] === a[i + 1] ? `${a[i]}` : `${a[i]}-${a[i + 1]}`);
  return parts.join(",");
}
