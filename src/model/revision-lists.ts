// The revisions of a diff share the objects of every file a pull request left alone, and list
// them in the same order: what both hold is found by comparing the objects in the same places,
// counted from the start or from the end (so that an object added or removed shifts no more than
// one side of it), with no hashing of the thousands they share. Only the objects in no such place
// need a lookup. Each list holds an object at most once, so an object in the same place in both
// is in no other place of either.

/** For each item of `b`, the index of the same item in `a` when it is in the same place counted from the start or from the end; -1 otherwise. */
export function alignment<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): Int32Array {
  const out = new Int32Array(b.length).fill(-1);
  const shift = a.length - b.length;
  for (let j = 0; j < b.length; j++) {
    if (j < a.length && same(a[j]!, b[j]!)) out[j] = j;
    else if (j + shift >= 0 && j + shift < a.length && same(a[j + shift]!, b[j]!)) out[j] = j + shift;
  }
  return out;
}

/** Each item of the lists once, first seen first. */
export function unionOf<T>(lists: readonly (readonly T[])[]): T[] {
  return lists.length === 0 ? [] : lists.slice(1).reduce<T[]>((out, b) => union(out, b), [...lists[0]!]);
}

/** The items of `a` and then those of `b` that `a` does not hold. */
function union<T>(a: T[], b: readonly T[]): T[] {
  const { a: onlyA, bIndexes } = unaligned(a, b);
  if (bIndexes.length === 0) return a;
  // An item of b in no shared place is in a, if at all, in no shared place of a either.
  const inA = new Set(onlyA);
  for (const j of bIndexes) if (!inA.has(b[j]!)) a.push(b[j]!);
  return a;
}

/** The items one list holds and the other does not (found among those in no shared place). */
export function heldByOne<T>(a: readonly T[], b: readonly T[]): Set<T> {
  const { a: onlyA, b: onlyB } = middles(a, b);
  const inB = new Set(onlyB);
  const out = new Set<T>();
  for (const x of onlyA) if (!inB.delete(x)) out.add(x);
  for (const x of inB) out.add(x);
  return out;
}

/** The items of each list that are not in the same place in the other: all that may differ between them. */
export function middles<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): { readonly a: readonly T[]; readonly b: readonly T[] } {
  const { a: onlyA, bIndexes } = unaligned(a, b, same);
  return { a: onlyA, b: bIndexes.map((j) => b[j]!) };
}

function unaligned<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): { a: T[]; bIndexes: number[] } {
  const al = alignment(a, b, same);
  const bIndexes: number[] = [];
  al.forEach((i, j) => i < 0 && bIndexes.push(j));
  return { a: unmatched(al, a.length).map((i) => a[i]!), bIndexes };
}

/** The indexes of `a` (of `aLength` items) that an alignment of some `b` to it (`alignment(a, b)`) matches no item of `b` with. */
export function unmatched(al: Int32Array, aLength: number): number[] {
  const taken = new Uint8Array(aLength);
  for (const i of al) if (i >= 0) taken[i] = 1;
  const out: number[] = [];
  for (let i = 0; i < aLength; i++) if (taken[i] === 0) out.push(i);
  return out;
}
