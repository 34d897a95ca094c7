// What one pod class allows in one direction, towards every node: a few listed nodes and one
// set for all the others. Policies name a handful of peers each, so a row lists hundreds of
// nodes, not all of them: memory and time grow with what the rules name, not with classes squared.
import type { ConnInterner } from "../net/conn-interner.js";
import { ConnSet } from "../net/conn-set.js";

export interface Row {
  /** Allowed to or from any node not listed. */
  readonly fallback: ConnSet;
  /** Listed nodes, ascending. */
  readonly nodes: Int32Array;
  /** Allowed to or from `nodes[i]`: interned, so equal sets are the same object. */
  readonly conns: readonly ConnSet[];
}

/** A class no policy isolates in this direction. */
export const OPEN_ROW: Row = Object.freeze({ fallback: ConnSet.ALL, nodes: new Int32Array(0), conns: Object.freeze([]) });

/** Nothing to or from any node. */
export const EMPTY_ROW: Row = Object.freeze({ fallback: ConnSet.NONE, nodes: new Int32Array(0), conns: Object.freeze([]) });

export function rowAt(row: Row, node: number): ConnSet {
  const nodes = row.nodes;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = nodes[mid]!;
    if (v === node) return row.conns[mid]!;
    if (v < node) lo = mid + 1;
    else hi = mid - 1;
  }
  return row.fallback;
}

/**
 * The nodes where two rows (interned in the same interner) differ: "all" when their fallbacks
 * differ, since then every unlisted node may.
 */
export function rowDifference(a: Row, b: Row): Int32Array | "all" {
  if (a === b) return new Int32Array(0);
  if (a.fallback !== b.fallback) return "all";
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.nodes.length || j < b.nodes.length) {
    const x = i < a.nodes.length ? a.nodes[i]! : Infinity;
    const y = j < b.nodes.length ? b.nodes[j]! : Infinity;
    if (x === y) {
      if (a.conns[i] !== b.conns[j]) out.push(x);
      i++;
      j++;
    } else if (x < y) {
      if (a.conns[i] !== b.fallback) out.push(x);
      i++;
    } else {
      if (b.conns[j] !== a.fallback) out.push(y);
      j++;
    }
  }
  return Int32Array.from(out);
}

/**
 * Builds a row: per-node unions over a fallback that every node gets. Every set is interned as it
 * is added and unions are the interner's cached ones, so a rule adding the same ports to
 * thousands of nodes makes no set (nor text) per node.
 */
export class RowBuilder {
  private readonly acc = new Map<number, ConnSet>();
  private fallback = ConnSet.NONE;
  private lastAdded: ConnSet | undefined;
  private lastInterned = ConnSet.NONE;

  constructor(private readonly interner: ConnInterner) {}

  /** Adds `conn` for every node (a rule whose peers are "any"); call before `add`. */
  addAll(conn: ConnSet): void {
    const c = this.interned(conn);
    this.fallback = this.interner.union(this.fallback, c);
    for (const [n, x] of this.acc) this.acc.set(n, this.interner.union(x, c));
  }

  add(node: number, conn: ConnSet): void {
    this.acc.set(node, this.interner.union(this.acc.get(node) ?? this.fallback, this.interned(conn)));
  }

  build(): Row {
    const fallback = this.fallback;
    const listed = [...this.acc.keys()].sort((a, b) => a - b);
    const nodes: number[] = [];
    const conns: ConnSet[] = [];
    for (const n of listed) {
      const c = this.acc.get(n)!;
      if (c === fallback) continue;
      nodes.push(n);
      conns.push(c);
    }
    return { fallback, nodes: Int32Array.from(nodes), conns };
  }

  /** Callers add one set to many nodes in a row: it is interned once for them. */
  private interned(conn: ConnSet): ConnSet {
    if (conn !== this.lastAdded) {
      this.lastAdded = conn;
      this.lastInterned = this.interner.intern(conn);
    }
    return this.lastInterned;
  }
}

/**
 * Combines two rows node by node: the result's fallback is `op` of the fallbacks, and only nodes
 * where the result differs from it are listed. Work follows the listed nodes, not all nodes.
 * `op` returns interned sets (ConnInterner's cached operations), so equal sets are one object.
 */
function combineRows(a: Row, b: Row, op: (x: ConnSet, y: ConnSet) => ConnSet): Row {
  const fallback = op(a.fallback, b.fallback);
  const nodes: number[] = [];
  const conns: ConnSet[] = [];
  let i = 0;
  let j = 0;
  while (i < a.nodes.length || j < b.nodes.length) {
    const x = i < a.nodes.length ? a.nodes[i]! : Infinity;
    const y = j < b.nodes.length ? b.nodes[j]! : Infinity;
    const node = Math.min(x, y);
    const ca = x === node ? a.conns[i++]! : a.fallback;
    const cb = y === node ? b.conns[j++]! : b.fallback;
    const c = op(ca, cb);
    if (c === fallback) continue;
    nodes.push(node);
    conns.push(c);
  }
  return { fallback, nodes: Int32Array.from(nodes), conns };
}

/**
 * `fallback` at every node, with the rows' sets added where they list nodes: rows whose fallback
 * is nothing (a rule's own rows). One row over nothing is itself; a few are merged pairwise, and
 * more added node by node, which costs their listed nodes once.
 */
export function unionRows(fallback: ConnSet, rows: readonly Row[], interner: ConnInterner): Row {
  const base: Row = fallback.isEmpty ? EMPTY_ROW : { fallback, nodes: new Int32Array(0), conns: [] };
  const listing = rows.filter((r) => r.nodes.length > 0);
  if (listing.length === 0) return base;
  if (listing.length === 1 && base === EMPTY_ROW) return listing[0]!;
  if (listing.length <= PAIRWISE) return listing.reduce((acc, r) => rowUnion(acc, r, interner), base);
  const b = new RowBuilder(interner);
  b.addAll(fallback);
  for (const r of listing) for (let i = 0; i < r.nodes.length; i++) b.add(r.nodes[i]!, r.conns[i]!);
  return b.build();
}

/** Up to this many rows are merged pairwise (each merge walks the nodes listed so far). */
const PAIRWISE = 4;

export const rowUnion = (a: Row, b: Row, interner: ConnInterner): Row => combineRows(a, b, (x, y) => interner.union(x, y));
export const rowSubtract = (a: Row, b: Row, interner: ConnInterner): Row =>
  a.fallback.isEmpty ? subtractFromListed(a, b, interner) : combineRows(a, b, (x, y) => interner.subtract(x, y));

/**
 * `a − b` where `a` allows nothing by default: combineRows's answer (a node `a` does not list is
 * the empty fallback, which subtracting leaves as it is), found by visiting `a`'s listed nodes
 * only. A NetworkPolicy row of a hundred nodes less an admin Deny of thousands costs a hundred
 * lookups, not a walk over thousands.
 */
function subtractFromListed(a: Row, b: Row, interner: ConnInterner): Row {
  const fallback = interner.subtract(a.fallback, b.fallback);
  const nodes: number[] = [];
  const conns: ConnSet[] = [];
  const bn = b.nodes;
  // Stepping through b costs its length, searching it the log of it per node of a: whichever is less.
  const step = bn.length < a.nodes.length * 8;
  let lo = 0;
  for (let i = 0; i < a.nodes.length; i++) {
    const node = a.nodes[i]!;
    // The first of b's nodes at or past `node`: ascending, so the search starts where the last ended.
    if (step) while (lo < bn.length && bn[lo]! < node) lo++;
    else {
      let hi = bn.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (bn[mid]! < node) lo = mid + 1;
        else hi = mid;
      }
    }
    const c = interner.subtract(a.conns[i]!, lo < bn.length && bn[lo] === node ? b.conns[lo]! : b.fallback);
    if (c === fallback) continue;
    nodes.push(node);
    conns.push(c);
  }
  return { fallback, nodes: Int32Array.from(nodes), conns };
}
