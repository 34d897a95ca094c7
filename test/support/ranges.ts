// IPv4 address ranges for tests: parsing addresses, CIDRs and `a.b.c.d-e.f.g.h` ranges,
// converting ranges to minimal CIDR lists, and cutting the address space into elementary
// segments. Addresses are plain numbers in 0..2^32-1 (exact in a double); ranges are inclusive.

/** An inclusive IPv4 range [first, last]. */
export type Ipv4Range = readonly [first: number, last: number];

export const IPV4_MAX = 0xffff_ffff;
export const IPV4_ALL: Ipv4Range = [0, IPV4_MAX];

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

export function parseIpv4(text: string): number {
  const parts = text.split(".");
  if (parts.length !== 4) throw new Error(`not an IPv4 address: ${JSON.stringify(text)}`);
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part) || Number(part) > 255) throw new Error(`not an IPv4 address: ${JSON.stringify(text)}`);
    value = value * 256 + Number(part);
  }
  return value;
}

export function formatIpv4(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > IPV4_MAX) throw new Error(`not an IPv4 address value: ${value}`);
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** True for an IPv6 address or CIDR (anything with a colon). */
export function isIpv6(text: string): boolean {
  return text.includes(":");
}

/** `a.b.c.d/n` -> the range it covers. Host bits are masked (the range is that of the network). */
export function parseIpv4Cidr(text: string): Ipv4Range {
  const slash = text.indexOf("/");
  if (slash < 0) throw new Error(`not an IPv4 CIDR: ${JSON.stringify(text)}`);
  const address = parseIpv4(text.slice(0, slash));
  const lengthText = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]?)$/.test(lengthText) || Number(lengthText) > 32) {
    throw new Error(`not an IPv4 CIDR: ${JSON.stringify(text)}`);
  }
  const size = 2 ** (32 - Number(lengthText));
  const first = Math.floor(address / size) * size;
  return [first, first + size - 1];
}

export function formatIpv4Cidr(first: number, prefixLength: number): string {
  return `${formatIpv4(first)}/${prefixLength}`;
}

/** `a.b.c.d-e.f.g.h` (netpol-analyzer's form, optionally followed by `[External]`) -> range. */
export function parseIpv4Range(text: string): Ipv4Range {
  const body = text.endsWith("[External]") ? text.slice(0, -"[External]".length) : text;
  const dash = body.indexOf("-");
  if (dash < 0) throw new Error(`not an IPv4 range: ${JSON.stringify(text)}`);
  const first = parseIpv4(body.slice(0, dash));
  const last = parseIpv4(body.slice(dash + 1));
  if (first > last) throw new Error(`empty IPv4 range: ${JSON.stringify(text)}`);
  return [first, last];
}

export function formatIpv4Range(range: Ipv4Range): string {
  return `${formatIpv4(range[0])}-${formatIpv4(range[1])}`;
}

/** The minimal list of CIDRs that exactly covers the range, ascending. */
export function rangeToCidrs(range: Ipv4Range): string[] {
  const out: string[] = [];
  let [first] = range;
  const last = range[1];
  while (first <= last) {
    // Largest aligned block starting at `first` that does not pass `last`.
    let prefix = 0;
    while (prefix < 32) {
      const size = 2 ** (32 - prefix);
      if (first % size === 0 && first + size - 1 <= last) break;
      prefix++;
    }
    out.push(formatIpv4Cidr(first, prefix));
    first += 2 ** (32 - prefix);
  }
  return out;
}

/** Sorts and merges overlapping or adjacent ranges. */
export function mergeRanges(ranges: Iterable<Ipv4Range>): Ipv4Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [first, last] of sorted) {
    const top = out[out.length - 1];
    if (top !== undefined && first <= top[1] + 1) top[1] = Math.max(top[1], last);
    else out.push([first, last]);
  }
  return out;
}

/**
 * Cuts the whole IPv4 space at every boundary of the given ranges: the result is a sorted
 * partition of 0.0.0.0-255.255.255.255 in which every given range is a union of whole segments.
 */
export function elementarySegments(ranges: Iterable<Ipv4Range>): Ipv4Range[] {
  const cuts = new Set<number>([0, IPV4_MAX + 1]);
  for (const [first, last] of ranges) {
    cuts.add(first);
    cuts.add(last + 1);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Ipv4Range[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) out.push([sorted[i]!, sorted[i + 1]! - 1]);
  return out;
}

/**
 * Indexes of the segments (from `elementarySegments`) that make up `range`. Throws if the range
 * does not fall on segment boundaries (it was not among the ranges the segments were cut from).
 */
export function segmentsOf(segments: readonly Ipv4Range[], range: Ipv4Range): number[] {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]![1] < range[0]) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  if (segments[lo]?.[0] !== range[0]) throw new Error(`range ${formatIpv4Range(range)} is not aligned on the segments`);
  for (let i = lo; i < segments.length && segments[i]![0] <= range[1]; i++) out.push(i);
  if (segments[out[out.length - 1]!]?.[1] !== range[1]) {
    throw new Error(`range ${formatIpv4Range(range)} is not aligned on the segments`);
  }
  return out;
}
