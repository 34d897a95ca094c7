// The revisions of a diff share the objects of every file a pull request left alone, and list
// them in the same order: what both hold is found by walking the two lists in step from either
// end, comparing objects, with no hashing of the thousands they share. Only the objects between
// those runs need a lookup. Each list holds an object at most once.

/** How many items two lists share, the same objects in the same places, from the start and (after those) from the end. */
export function commonRuns<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): { readonly head: number; readonly tail: number } {
  const n = Math.min(a.length, b.length);
  let head = 0;
  while (head < n && same(a[head]!, b[head]!)) head++;
  let tail = 0;
  while (tail < n - head && same(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)) tail++;
  return { head, tail };
}

/** Each item of the lists once, first seen first (each list holding an item at most once). */
export function unionOf<T>(lists: readonly (readonly T[])[]): T[] {
  return lists.length === 0 ? [] : lists.slice(1).reduce<T[]>((out, b) => union(out, b), [...lists[0]!]);
}

/** The items of `a` and then those of `b` that `a` does not hold. */
function union<T>(a: T[], b: readonly T[]): T[] {
  const { head, tail } = commonRuns(a, b);
  const out = a;
  if (head + tail === b.length) return out;
  // An item of b's middle is in a, if at all, in a's middle: the runs' items are in both places already.
  const inA = new Set(a.slice(head, a.length - tail));
  for (let i = head; i < b.length - tail; i++) if (!inA.has(b[i]!)) out.push(b[i]!);
  return out;
}

/** The lists without the runs of objects they share at either end: what may differ between them. */
export function middles<T>(a: readonly T[], b: readonly T[]): { readonly a: readonly T[]; readonly b: readonly T[] } {
  const { head, tail } = commonRuns(a, b);
  return { a: a.slice(head, a.length - tail), b: b.slice(head, b.length - tail) };
}
