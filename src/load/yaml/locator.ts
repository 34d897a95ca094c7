// Finds where a path (["spec", "ingress", 0]) is written in a parsed YAML document. Walks the
// AST on demand, so documents nobody asks about cost nothing extra.
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, type Document, type YAMLMap } from "yaml";
import type { DocPath, Locator, Position } from "../object/source.js";

export function makeLocator(doc: Document.Parsed, start: number, at: (offset: number) => Position): Locator {
  return (path: DocPath) => {
    let node: unknown = doc.contents;
    let offset = start;
    for (const segment of path) {
      const step = child(doc, deref(doc, node), segment);
      if (!step) break; // missing: stay at the nearest existing ancestor
      offset = step.offset ?? offset;
      node = step.node;
    }
    return at(offset);
  };
}

interface Step {
  readonly node: unknown;
  /** Where the segment is written: the key of a map entry (so "spec.ingress" is the `ingress:` line), the item of a list. */
  readonly offset: number | undefined;
}

function child(doc: Document.Parsed, node: unknown, segment: string | number): Step | undefined {
  if (isMap(node)) {
    const pair = findPair(doc, node, String(segment), new Set());
    return pair && { node: pair.value, offset: startOf(pair.key) ?? startOf(pair.value) };
  }
  if (isPair(node)) {
    // A single-pair mapping inside a flow sequence: `[a: 1]`.
    return keyString(node.key) === String(segment) ? { node: node.value, offset: startOf(node.key) } : undefined;
  }
  if (isSeq(node) && typeof segment === "number") {
    const item: unknown = node.items[segment];
    return item === undefined ? undefined : { node: item, offset: startOf(item) };
  }
  return undefined;
}

/** The pair for `key`, looking into `<<` merge sources the way toJS does (own keys win). */
function findPair(
  doc: Document.Parsed,
  map: YAMLMap<unknown, unknown>,
  key: string,
  seen: Set<unknown>,
): { key: unknown; value: unknown } | undefined {
  seen.add(map); // `&a {<<: *a}` must not loop
  for (const pair of map.items) if (!isMergeKey(pair.key) && keyString(pair.key) === key) return pair;
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) continue;
    const source = deref(doc, pair.value);
    for (const item of isSeq(source) ? source.items : [source]) {
      const merged = deref(doc, item);
      if (!isMap(merged) || seen.has(merged)) continue;
      const found = findPair(doc, merged, key, seen);
      if (found) return found;
    }
  }
  return undefined;
}

function deref(doc: Document.Parsed, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === "symbol" && key.value.description === "<<";
}

/** The JS object key toJS makes of a scalar key; undefined for keys a path cannot name. */
function keyString(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const v = key.value;
  if (v === null || v === undefined) return "";
  return typeof v === "object" || typeof v === "symbol" ? undefined : String(v);
}

function startOf(node: unknown): number | undefined {
  if (isPair(node)) return startOf(node.key) ?? startOf(node.value);
  return isNode(node) && node.range ? node.range[0] : undefined;
}
