// A key written twice in one mapping. go-yaml v2 (kubectl's reader) keeps the last value without
// a word, so a second `ingress:` silently replaces the first: a reviewer must hear of it.
import { isAlias, isCollection, isMap, isPair, isScalar, type Document } from "yaml";

export interface DuplicateKey {
  readonly key: string;
  /** Where the later (winning) key is written. */
  readonly offset: number;
  /** Where the earlier (dropped) one is. */
  readonly firstOffset: number;
}

export function duplicateKeys(doc: Document.Parsed): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: unknown[] = [doc.contents];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    if (!isCollection(node) || isAlias(node)) continue;
    if (isMap(node) && node.items.length > 1) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = pair.key;
        if (!isScalar(key) || typeof key.value === "symbol" || !key.range) continue; // `<<` merges are not keys
        const name = String(key.value ?? "");
        const first = seen.get(name);
        if (first === undefined) seen.set(name, key.range[0]);
        else found.push({ key: name, offset: key.range[0], firstOffset: first });
      }
    }
    for (const item of node.items) stack.push(item);
  }
  return found;
}
