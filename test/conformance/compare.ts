// Semantic comparison of connectivity tables: netpol-analyzer's expected output vs netreach's.
//
// A table is a list of entries (src peer, dst peer, conn). Peers are workloads (compared by id)
// or external IPv4 address sets (compared as addresses: both sides may split the space
// differently). `flatten` cuts the IPv4 space at every boundary of every table given, then
// maps each (segment-or-workload, segment-or-workload) pair to the union of the conns of the
// entries covering it; a missing pair means "No Connections".
//
// Reused by the diff conformance test; when netreach gets an `analyzeDiff`, compare its
// changes with `compareChanges` (same keys, same (base, head) values).

import type { ReachJson } from "../../src/report/reach-json.js";
import {
  connEquals,
  connIsEmpty,
  connUnion,
  formatConn,
  NO_CONNECTIONS,
  parseConn,
  type ConnSet,
} from "../support/conn.js";
import {
  elementarySegments,
  formatIpv4Range,
  isIpv6,
  parseIpv4Cidr,
  parseIpv4Range,
  segmentsOf,
  type Ipv4Range,
} from "../support/ranges.js";

export type Peer =
  | { readonly kind: "workload"; readonly id: string }
  | { readonly kind: "external"; readonly ranges: readonly Ipv4Range[]; readonly label: string };

export interface ConnEntry {
  readonly src: Peer;
  readonly dst: Peer;
  readonly conn: ConnSet;
}

/** A flattened table: `SRC => DST` (externals as elementary `a-b[External]` segments) -> conn. */
export type FlatTable = Map<string, ConnSet>;

export interface Mismatch {
  /** `SRC => DST`, externals as elementary segments. */
  readonly pair: string;
  readonly expected: string;
  readonly actual: string;
}

// ---------------------------------------------------------------------------------------------
// netpol-analyzer's text formats

const EXTERNAL_SUFFIX = "[External]";
const INGRESS_CONTROLLER = "{ingress-controller}";

/** A netpol-analyzer peer string: `ns/name[Kind]`, `a.b.c.d-e.f.g.h[External]` or `{ingress-controller}` (compared by id). */
export function parseOraclePeer(text: string): Peer {
  if (text.endsWith(EXTERNAL_SUFFIX)) {
    return { kind: "external", ranges: [parseIpv4Range(text)], label: text };
  }
  if (text === INGRESS_CONTROLLER) return { kind: "workload", id: text };
  if (!/^[^/\s]+\/[^/\s]+\[[A-Za-z]+\]$/.test(text)) throw new Error(`unrecognized peer ${JSON.stringify(text)}`);
  return { kind: "workload", id: text };
}

/** Expected connlist: lines `SRC => DST : CONN`; blanks and headers skipped. */
export function parseConnlist(text: string): ConnEntry[] {
  const entries: ConnEntry[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === "" || !line.includes(" => ")) return;
    const match = /^(\S+) => (\S+) : (.+)$/.exec(line);
    if (match === null) throw new Error(`connlist line ${index + 1}: cannot parse ${JSON.stringify(line)}`);
    try {
      entries.push({ src: parseOraclePeer(match[1]!), dst: parseOraclePeer(match[2]!), conn: parseConn(match[3]!) });
    } catch (error) {
      throw new Error(`connlist line ${index + 1}: ${(error as Error).message}`);
    }
  });
  return entries;
}

export interface DiffTables {
  /** Connections at the base revision for the listed pairs (ref1). */
  readonly base: ConnEntry[];
  /** Connections at the head revision for the listed pairs (ref2). */
  readonly head: ConnEntry[];
}

const DIFF_LINE =
  /^diff-type: (\S+), source: (\S+), destination: (\S+), ref1: (.+?), ref2: (.+?)(?:, workloads-diff-info: .*)?$/;

/**
 * Expected diff: lines `diff-type: T, source: S, destination: D, ref1: BASE, ref2: HEAD[, workloads-diff-info: ...]`.
 * Returned as two tables over the listed pairs; unlisted pairs are equal on both sides.
 */
export function parseDiffFile(text: string): DiffTables {
  const base: ConnEntry[] = [];
  const head: ConnEntry[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === "" || !line.startsWith("diff-type:")) return;
    const match = DIFF_LINE.exec(line);
    if (match === null) throw new Error(`diff line ${index + 1}: cannot parse ${JSON.stringify(line)}`);
    try {
      const src = parseOraclePeer(match[2]!);
      const dst = parseOraclePeer(match[3]!);
      base.push({ src, dst, conn: parseConn(match[4]!) });
      head.push({ src, dst, conn: parseConn(match[5]!) });
    } catch (error) {
      throw new Error(`diff line ${index + 1}: ${(error as Error).message}`);
    }
  });
  return { base, head };
}

// ---------------------------------------------------------------------------------------------
// netreach's JSON

export interface ReachEntries {
  readonly entries: ConnEntry[];
  /** Ids of external endpoints that have IPv6 CIDRs (ignored in the comparison). */
  readonly ipv6Endpoints: string[];
}

/**
 * netreach's reach JSON as a table. Workload and synthetic endpoints are compared by id;
 * external endpoints by their IPv4 CIDRs (IPv6 CIDRs are dropped and reported).
 */
export function entriesFromReach(json: Pick<ReachJson, "endpoints" | "flows">): ReachEntries {
  const peers = new Map<string, Peer>();
  const ipv6Endpoints: string[] = [];
  for (const endpoint of json.endpoints) {
    if (peers.has(endpoint.id)) throw new Error(`duplicate endpoint id ${JSON.stringify(endpoint.id)}`);
    if (endpoint.type === "external") {
      const v4 = endpoint.cidrs.filter((cidr) => !isIpv6(cidr));
      if (v4.length !== endpoint.cidrs.length) ipv6Endpoints.push(endpoint.id);
      let ranges: Ipv4Range[];
      try {
        ranges = v4.map(parseIpv4Cidr);
      } catch (error) {
        throw new Error(`endpoint ${JSON.stringify(endpoint.id)}: ${(error as Error).message}`);
      }
      peers.set(endpoint.id, { kind: "external", ranges, label: endpoint.id });
    } else {
      peers.set(endpoint.id, { kind: "workload", id: endpoint.id });
    }
  }
  const entries = json.flows.map((flow, index): ConnEntry => {
    const src = peers.get(flow.src);
    const dst = peers.get(flow.dst);
    if (src === undefined || dst === undefined) {
      throw new Error(`flows[${index}] names an unknown endpoint: ${JSON.stringify(flow)}`);
    }
    try {
      return { src, dst, conn: parseConn(flow.conn) };
    } catch (error) {
      throw new Error(`flows[${index}] ${flow.src} => ${flow.dst}: ${(error as Error).message}`);
    }
  });
  return { entries, ipv6Endpoints };
}

// ---------------------------------------------------------------------------------------------
// Flattening and comparison

function externalRanges(tables: readonly (readonly ConnEntry[])[]): Ipv4Range[] {
  const out: Ipv4Range[] = [];
  for (const table of tables) {
    for (const { src, dst } of table) {
      if (src.kind === "external") out.push(...src.ranges);
      if (dst.kind === "external") out.push(...dst.ranges);
    }
  }
  return out;
}

/**
 * Flattens the tables on one shared cut of the IPv4 space (every boundary of every table), so
 * that their keys are comparable. Empty conns are left out: a missing key is "No Connections".
 */
export function flatten(tables: readonly (readonly ConnEntry[])[]): FlatTable[] {
  const segments = elementarySegments(externalRanges(tables));
  const labels = segments.map((segment) => `${formatIpv4Range(segment)}[External]`);
  const cache = new Map<Peer, string[]>();
  const keysOf = (peer: Peer): string[] => {
    let keys = cache.get(peer);
    if (keys === undefined) {
      if (peer.kind === "workload") keys = [peer.id];
      else {
        const indexes = new Set<number>();
        for (const range of peer.ranges) for (const i of segmentsOf(segments, range)) indexes.add(i);
        keys = [...indexes].sort((a, b) => a - b).map((i) => labels[i]!);
      }
      cache.set(peer, keys);
    }
    return keys;
  };
  return tables.map((table) => {
    const flat: FlatTable = new Map();
    for (const { src, dst, conn } of table) {
      if (connIsEmpty(conn)) continue;
      for (const s of keysOf(src)) {
        for (const d of keysOf(dst)) {
          const key = `${s} => ${d}`;
          const previous = flat.get(key);
          flat.set(key, previous === undefined ? conn : connUnion(previous, conn));
        }
      }
    }
    return flat;
  });
}

function connAt(table: FlatTable, key: string): ConnSet {
  return table.get(key) ?? NO_CONNECTIONS;
}

function sortedUnionOfKeys(...tables: FlatTable[]): string[] {
  const keys = new Set<string>();
  for (const table of tables) for (const key of table.keys()) keys.add(key);
  return [...keys].sort();
}

/** Compares two connectivity tables semantically. Empty result = they agree. */
export function compareReach(expected: readonly ConnEntry[], actual: readonly ConnEntry[]): Mismatch[] {
  const [e, a] = flatten([expected, actual]) as [FlatTable, FlatTable];
  const out: Mismatch[] = [];
  for (const key of sortedUnionOfKeys(e, a)) {
    const ec = connAt(e, key);
    const ac = connAt(a, key);
    if (!connEquals(ec, ac)) out.push({ pair: key, expected: formatConn(ec), actual: formatConn(ac) });
  }
  return out;
}

/** One pair whose connections differ between base and head. */
export interface Change {
  readonly base: ConnSet;
  readonly head: ConnSet;
}

/** Pairs (on the shared cut) whose base and head conns differ. */
export function changesOf(base: FlatTable, head: FlatTable): Map<string, Change> {
  const out = new Map<string, Change>();
  for (const key of sortedUnionOfKeys(base, head)) {
    const b = connAt(base, key);
    const h = connAt(head, key);
    if (!connEquals(b, h)) out.set(key, { base: b, head: h });
  }
  return out;
}

function formatChange(change: Change | undefined): string {
  return change === undefined ? "(unchanged)" : `${formatConn(change.base)} -> ${formatConn(change.head)}`;
}

/** Compares two sets of changes (pair -> (base, head)). Empty result = they agree. */
export function compareChanges(expected: Map<string, Change>, actual: Map<string, Change>): Mismatch[] {
  const keys = new Set([...expected.keys(), ...actual.keys()]);
  const out: Mismatch[] = [];
  for (const key of [...keys].sort()) {
    const e = expected.get(key);
    const a = actual.get(key);
    const same = e !== undefined && a !== undefined && connEquals(e.base, a.base) && connEquals(e.head, a.head);
    if (!same) out.push({ pair: key, expected: formatChange(e), actual: formatChange(a) });
  }
  return out;
}

/**
 * Compares an expected diff with the base and head connectivity of the tool (all four tables
 * cut on one shared segmentation). Empty result = same changes.
 */
export function compareDiff(expected: DiffTables, actual: DiffTables): Mismatch[] {
  const [eb, eh, ab, ah] = flatten([expected.base, expected.head, actual.base, actual.head]) as [
    FlatTable,
    FlatTable,
    FlatTable,
    FlatTable,
  ];
  return compareChanges(changesOf(eb, eh), changesOf(ab, ah));
}

/** A readable report: the first `limit` mismatches and the total. */
export function formatMismatches(mismatches: readonly Mismatch[], limit = 20): string {
  const lines = [`${mismatches.length} pair(s) differ${mismatches.length > limit ? ` (first ${limit} shown)` : ""}:`];
  for (const m of mismatches.slice(0, limit)) {
    lines.push(`  ${m.pair}`, `    expected: ${m.expected}`, `    actual:   ${m.actual}`);
  }
  return lines.join("\n");
}
