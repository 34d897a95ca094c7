// The order kubectl reads files in, which decides which of two declarations of one object wins
// (`kubectl apply` applies each in turn and keeps the last): arguments in the order given, and a
// directory's entries (Go's filepath.Walk, as `kubectl apply -R`) depth first, names sorted by
// their bytes. Every reader of manifests (working tree, git revision, target trees) uses this.

/** Names in UTF-8 byte order (Go's string order): code point order, which UTF-16 `<` is not. */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++; // a surrogate pair: both strings hold the same pair here
  }
  return a.length - b.length;
}

/** "/"-separated paths in walk order: directory by directory, each level's names by compareNames. */
export function compareWalkOrder(a: string, b: string): number {
  const pa = a.split("/");
  const pb = b.split("/");
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const c = compareNames(pa[i]!, pb[i]!);
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}
