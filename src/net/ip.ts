// IP addresses as integers (bigint, so IPv4 and IPv6 share one code path), CIDRs, and ranges.
import { Address6 } from "ip-address";

export type Family = "v4" | "v6";

export const FAMILY_BITS: Record<Family, number> = { v4: 32, v6: 128 };

export function familyMax(f: Family): bigint {
  return (1n << BigInt(FAMILY_BITS[f])) - 1n;
}

/** A closed range of addresses of one family. */
export interface AddrRange {
  readonly family: Family;
  readonly lo: bigint;
  readonly hi: bigint;
}

export interface Cidr {
  readonly family: Family;
  /** First address (host bits cleared). */
  readonly base: bigint;
  readonly prefix: number;
}

/** One address (a pod's or a node's IP). */
export interface IpAddress {
  readonly family: Family;
  readonly value: bigint;
}

/** An IPv4 or IPv6 address as the API server validates pod and node IPs; undefined if it is not one. */
export function parseAddress(text: string): IpAddress | undefined {
  const family: Family = text.includes(":") ? "v6" : "v4";
  const value = family === "v4" ? parseV4(text) : parseV6(text);
  return value === undefined ? undefined : { family, value };
}

export type CidrParse =
  | { ok: true; cidr: Cidr; hostBitsSet: boolean }
  | { ok: false; reason: string };

const V4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function parseV4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => V4_OCTET.test(p))) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseV6(text: string): bigint | undefined {
  if (text.includes("%") || !Address6.isValid(text)) return undefined;
  try {
    return new Address6(text).bigInt();
  } catch {
    return undefined;
  }
}

/** Parses "10.0.0.0/8" or "2001:db8::/32" the way the API server validates ipBlock CIDRs. */
export function parseCidr(text: string): CidrParse {
  const slash = text.indexOf("/");
  if (slash < 0) return { ok: false, reason: "is not in CIDR notation (address/prefix, e.g. 10.0.0.0/8)" };
  const addr = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const family: Family = addr.includes(":") ? "v6" : "v4";
  const value = family === "v4" ? parseV4(addr) : parseV6(addr);
  if (value === undefined) return { ok: false, reason: `has an invalid IP${family === "v4" ? "v4" : "v6"} address "${addr}"` };
  const bits = FAMILY_BITS[family];
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    return { ok: false, reason: `has an invalid prefix length "${prefixText}" (0 to ${bits} for IP${family})` };
  }
  const prefix = Number(prefixText);
  const base = value & ~hostMask(family, prefix) & familyMax(family);
  return { ok: true, cidr: { family, base, prefix }, hostBitsSet: base !== value };
}

function hostMask(family: Family, prefix: number): bigint {
  return (1n << BigInt(FAMILY_BITS[family] - prefix)) - 1n;
}

export function cidrRange(c: Cidr): AddrRange {
  return { family: c.family, lo: c.base, hi: c.base | hostMask(c.family, c.prefix) };
}

export function formatAddress(family: Family, value: bigint): string {
  if (family === "v4") {
    // An IPv4 address is exact in a double, and unsigned shifts read it as 32 bits.
    const n = Number(value);
    return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
  }
  return Address6.fromBigInt(value).correctForm();
}

export function formatCidr(c: Cidr): string {
  return `${formatAddress(c.family, c.base)}/${c.prefix}`;
}

/** The fewest CIDRs whose union is exactly [lo, hi]. */
export function rangeToCidrs(r: AddrRange): Cidr[] {
  if (r.family === "v4") return v4RangeToCidrs(Number(r.lo), Number(r.hi));
  const bits = FAMILY_BITS[r.family];
  const out: Cidr[] = [];
  let lo = r.lo;
  while (lo <= r.hi) {
    // Largest block aligned at `lo` that does not pass `hi`.
    let size = bits;
    while (size > 0) {
      const block = 1n << BigInt(size);
      if ((lo & (block - 1n)) === 0n && lo + block - 1n <= r.hi) break;
      size--;
    }
    out.push({ family: r.family, base: lo, prefix: bits - size });
    lo += 1n << BigInt(size);
  }
  return out;
}

/**
 * rangeToCidrs for IPv4, in doubles (exact below 2^53): each block's size is worked out at once,
 * as the smaller of how aligned its start is and how many addresses are left. Naming the address
 * classes of a cluster's ipBlocks took tens of milliseconds in big integers.
 */
function v4RangeToCidrs(lo: number, hi: number): Cidr[] {
  const out: Cidr[] = [];
  while (lo <= hi) {
    // Trailing zeros of lo (32 for 0): `lo & -lo` is its lowest set bit, as a 32-bit integer.
    const aligned = lo === 0 ? 32 : 31 - Math.clz32(lo & -lo);
    const left = hi - lo + 1;
    const fits = left >= 2 ** 32 ? 32 : 31 - Math.clz32(left);
    const size = aligned < fits ? aligned : fits;
    out.push({ family: "v4", base: BigInt(lo), prefix: 32 - size });
    lo += 2 ** size;
  }
  return out;
}

export function formatRange(r: AddrRange): string {
  return `${formatAddress(r.family, r.lo)}-${formatAddress(r.family, r.hi)}`;
}

/** How many addresses the ranges cover, overlaps counted once (families apart). */
export function countAddresses(input: readonly AddrRange[]): bigint {
  const ranges = [...input].sort((a, b) => (a.family !== b.family ? (a.family < b.family ? -1 : 1) : a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  let total = 0n;
  let cur: { family: Family; lo: bigint; hi: bigint } | undefined;
  for (const r of ranges) {
    if (cur && cur.family === r.family && r.lo <= cur.hi + 1n) {
      if (r.hi > cur.hi) cur.hi = r.hi;
      continue;
    }
    if (cur) total += cur.hi - cur.lo + 1n;
    cur = { family: r.family, lo: r.lo, hi: r.hi };
  }
  if (cur) total += cur.hi - cur.lo + 1n;
  return total;
}
