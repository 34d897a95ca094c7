// Blocks of a class view (class-view.ts) merged into rectangles: blocks with the same connections
// and one side alike are one rectangle, their other sides joined. Sources of equal destination
// sets are merged first, then destinations of equal source sets, until nothing merges; or the
// other way about, when that names at most half the classes in at most a tenth more groups (a
// row costs a reader more than a name, and most clusters read alike either way). A thousand
// tenants each admitting the Prometheus of every namespace are, sources first, a thousand groups
// each naming every Prometheus; destinations first, one group of those Prometheus to every
// tenant, and a thousand small ones of each tenant's own.
import type { ConnSet } from "../net/conn-set.js";

/** Every pair of a node of `src` and one of `dst` is allowed `conn`. Sides ascending. */
export interface Block {
  src: number[];
  dst: number[];
  readonly conn: ConnSet;
}

export function mergeBlocks(blocks: readonly Block[]): readonly Block[] {
  const mergeFrom = (first: "src" | "dst") => {
    const second = first === "src" ? "dst" : "src";
    let merged = blocks;
    for (let pass = 0; pass < 4; pass++) {
      const before = merged.length;
      merged = mergeSide(mergeSide(merged, first), second);
      if (merged.length === before) break;
    }
    return merged;
  };
  const named = (bs: readonly Block[]) => bs.reduce((n, b) => n + b.src.length + b.dst.length, 0);
  const bySources = mergeFrom("dst");
  const byDestinations = mergeFrom("src");
  return 2 * named(byDestinations) <= named(bySources) && 10 * byDestinations.length <= 11 * bySources.length ? byDestinations : bySources;
}

export function ascending(nodes: readonly number[]): boolean {
  for (let i = 1; i < nodes.length; i++) if (nodes[i - 1]! > nodes[i]!) return false;
  return true;
}

/**
 * Blocks with the same connections and the same `keep` side become one, their other sides joined.
 * Sides are told apart by a hash of their nodes and then compared, not keyed by their text: a
 * thousand tenants' blocks of thousands of sources each were a text of megabytes apiece.
 */
function mergeSide(blocks: readonly Block[], keep: "src" | "dst"): Block[] {
  const other = keep === "src" ? "dst" : "src";
  const byHash = new Map<number, Block[]>();
  const out: Block[] = [];
  // The other sides joined into a block, as the arrays they were (partition's parts are shared
  // between blocks): joined once, at the end.
  const joined = new Map<Block, (readonly number[])[]>();
  for (const b of blocks) {
    const text = b.conn.toString();
    const h = hashNodes(b[keep], text);
    const bucket = byHash.get(h);
    const known = bucket?.find((x) => x.conn.toString() === text && sameNodes(x[keep], b[keep]));
    if (known === undefined) {
      const copy = { ...b };
      out.push(copy);
      if (bucket) bucket.push(copy);
      else byHash.set(h, [copy]);
      continue;
    }
    // Blocks are disjoint, so blocks sharing one side never share a node on the other.
    const parts = joined.get(known);
    if (parts === undefined) joined.set(known, [known[other], b[other]]);
    else parts.push(b[other]);
  }
  for (const [b, parts] of joined) b[other] = joinAscending(parts);
  for (const b of out) if (!joined.has(b) && !ascending(b[other])) b[other] = [...b[other]].sort((x, y) => x - y);
  return out;
}

/** Disjoint sides as one, ascending: a few ascending ones merged in a pass each, more sorted. */
function joinAscending(parts: readonly (readonly number[])[]): number[] {
  if (parts.length <= 4 && parts.every(ascending)) return parts.reduce((a, b) => mergeAscending(a, b)) as number[];
  const out: number[] = [];
  for (const p of parts) for (const n of p) out.push(n);
  return Array.from(Int32Array.from(out).sort());
}

function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]! < b[j]! ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function hashNodes(nodes: readonly number[], conn: string): number {
  let h = nodesHash(nodes);
  for (let i = 0; i < conn.length; i++) h = (Math.imul(h, 31) + conn.charCodeAt(i)) | 0;
  return h;
}

// A side's hash, once per array: every pass of both merge orders hashes the same sides again,
// thousands of nodes each. Sides are never changed once made (mergeSide joins them into new arrays).
const nodeHashes = new WeakMap<readonly number[], number>();

function nodesHash(nodes: readonly number[]): number {
  let h = nodeHashes.get(nodes);
  if (h === undefined) {
    h = nodes.length;
    for (const n of nodes) h = (Math.imul(h, 0x9e3779b1) + n) | 0;
    nodeHashes.set(nodes, h);
  }
  return h;
}

function sameNodes(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
