// The address space outside the cluster, cut at every ipBlock boundary (of every revision
// analyzed together) and grouped into classes: addresses that every ipBlock treats alike are
// one endpoint, even when not contiguous ("0.0.0.0/0 except 10.0.0.0/8").
import type { ExternalEndpoint } from "../model/endpoint.js";
import type { Peer } from "../model/policy.js";
import { cidrRange, familyMax, formatCidr, rangeToCidrs, type AddrRange, type Cidr, type Family } from "../net/ip.js";

export type IpBlockPeer = Extract<Peer, { kind: "ipBlock" }>;

export function ipBlockKey(b: IpBlockPeer): string {
  return [formatCidr(b.cidr), ...b.except.map(formatCidr).sort()].join(" ");
}

export function ipBlockRanges(b: IpBlockPeer): AddrRange[] {
  const outer = cidrRange(b.cidr);
  const holes = b.except.map(cidrRange).sort((x, y) => (x.lo < y.lo ? -1 : x.lo > y.lo ? 1 : 0));
  const out: AddrRange[] = [];
  let lo = outer.lo;
  for (const h of holes) {
    if (h.lo > lo) out.push({ family: outer.family, lo, hi: h.lo - 1n });
    if (h.hi + 1n > lo) lo = h.hi + 1n;
  }
  if (lo <= outer.hi) out.push({ family: outer.family, lo, hi: outer.hi });
  return out;
}

export interface ExternalSpace {
  readonly classes: readonly ExternalEndpoint[];
  /** For each distinct ipBlock (by key), the indexes of the classes it contains. */
  readonly classesOf: ReadonlyMap<string, readonly number[]>;
}

export function buildExternalSpace(blocks: readonly IpBlockPeer[]): ExternalSpace {
  const distinct = new Map<string, AddrRange[]>();
  for (const b of blocks) {
    const key = ipBlockKey(b);
    if (!distinct.has(key)) distinct.set(key, ipBlockRanges(b));
  }
  const keys = [...distinct.keys()];
  const families: Family[] = ["v4"];
  // IPv6 appears only when some ipBlock speaks IPv6: otherwise it would double every report.
  if ([...distinct.values()].some((rs) => rs.some((r) => r.family === "v6"))) families.push("v6");

  const classes: ExternalEndpoint[] = [];
  const classesOf = new Map<string, number[]>(keys.map((k) => [k, []]));
  for (const family of families) {
    const cuts = new Set<bigint>([0n]);
    for (const rs of distinct.values()) {
      for (const r of rs) if (r.family === family) cuts.add(r.lo).add(r.hi + 1n);
    }
    const max = familyMax(family);
    const points = [...cuts].filter((p) => p <= max).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // Which ipBlocks contain each elementary segment: each block range marks the run of segments
    // it covers (found by binary search), so the work follows the coverage, not segments x blocks.
    const members: number[][] = points.map(() => []);
    keys.forEach((k, ki) => {
      for (const r of distinct.get(k)!) {
        if (r.family !== family) continue;
        for (let i = firstAtOrAfter(points, r.lo); i < points.length && points[i]! <= r.hi; i++) members[i]!.push(ki);
      }
    });
    const bySignature = new Map<string, { keys: string[]; ranges: AddrRange[] }>();
    points.forEach((lo, i) => {
      const hi = i + 1 < points.length ? points[i + 1]! - 1n : max;
      const sig = members[i]!.join("|");
      let entry = bySignature.get(sig);
      if (!entry) bySignature.set(sig, (entry = { keys: members[i]!.map((ki) => keys[ki]!), ranges: [] }));
      const last = entry.ranges[entry.ranges.length - 1];
      if (last && last.hi + 1n === lo) entry.ranges[entry.ranges.length - 1] = { family, lo: last.lo, hi };
      else entry.ranges.push({ family, lo, hi });
    });
    for (const { keys: members, ranges } of bySignature.values()) {
      const index = classes.length;
      classes.push(externalEndpoint(family, ranges));
      for (const k of members) classesOf.get(k)!.push(index);
    }
  }
  return { classes, classesOf };
}

/** The endpoint of some addresses of one family: ranges sorted, adjacent ones merged, named for a reader. */
export function externalEndpoint(family: Family, input: readonly AddrRange[]): ExternalEndpoint {
  const sorted = input.filter((r) => r.family === family).sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const ranges: AddrRange[] = [];
  for (const r of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last.hi + 1n >= r.lo) ranges[ranges.length - 1] = { family, lo: last.lo, hi: last.hi > r.hi ? last.hi : r.hi };
    else ranges.push(r);
  }
  // Named when first read: a cluster's ipBlocks make hundreds of address classes, and a report
  // names the few a change touches (the names cost big-integer arithmetic). The fields stay plain
  // to their readers, JSON included, in the order written.
  let cover: Cidr[] | undefined;
  const cidrsOf = () => (cover ??= ranges.flatMap(rangeToCidrs));
  const e = { type: "external" as const };
  lazyField(e, "id", () => describeRanges(family, ranges, cidrsOf()));
  Object.assign(e, { ranges });
  lazyField(e, "cidrs", () => cidrsOf().map(formatCidr));
  return e as unknown as ExternalEndpoint;
}

/** An enumerable field worked out on first read, then kept. */
function lazyField<T>(o: object, key: string, make: () => T): void {
  let v: T | undefined;
  Object.defineProperty(o, key, { enumerable: true, configurable: true, get: () => (v ??= make()) });
}

function firstAtOrAfter(sorted: readonly bigint[], v: bigint): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A name a reviewer reads at a glance: the CIDR list, or "C except X, Y" when that is shorter
 * (the usual shape of `0.0.0.0/0 except 10.0.0.0/8`).
 */
function describeRanges(family: Family, ranges: readonly AddrRange[], cidrs: readonly Cidr[]): string {
  const plain = cidrs.map(formatCidr);
  const lo = ranges[0]!.lo;
  const hi = ranges[ranges.length - 1]!.hi;
  const enclosing = smallestEnclosing(family, lo, hi);
  const span = cidrRange(enclosing);
  const gaps: AddrRange[] = [];
  let cur = span.lo;
  for (const r of ranges) {
    if (r.lo > cur) gaps.push({ family, lo: cur, hi: r.lo - 1n });
    cur = r.hi + 1n;
  }
  if (cur <= span.hi) gaps.push({ family, lo: cur, hi: span.hi });
  const holes = gaps.flatMap(rangeToCidrs).map(formatCidr);
  if (holes.length > 0 && holes.length + 1 < plain.length) return `${formatCidr(enclosing)} except ${holes.join(", ")}`;
  return plain.join(", ");
}

function smallestEnclosing(family: Family, lo: bigint, hi: bigint): Cidr {
  // IPv4: the prefix is the leading bits the two ends share.
  if (family === "v4") {
    const prefix = Math.clz32(Number(lo) ^ Number(hi));
    return { family, base: prefix === 0 ? 0n : BigInt(Number(lo) - (Number(lo) % 2 ** (32 - prefix))), prefix };
  }
  const bits = 128;
  let prefix = 0;
  for (let p = bits; p >= 0; p--) {
    const size = BigInt(bits - p);
    if (lo >> size === hi >> size) {
      prefix = p;
      break;
    }
  }
  const size = BigInt(bits - prefix);
  return { family, base: (lo >> size) << size, prefix };
}
