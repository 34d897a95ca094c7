// IP addresses and CIDRs as bigints, for the reference evaluator and the property test.
// Self-contained on purpose: the reference must not share code with the engine.

export type Family = 4 | 6;

export interface Ip {
  readonly family: Family;
  readonly value: bigint;
}

/** An inclusive address range of one family, as written `addr/prefix` (host bits masked). */
export interface Cidr {
  readonly family: Family;
  readonly prefix: number;
  readonly first: bigint;
  readonly last: bigint;
}

export function familyBits(family: Family): number {
  return family === 4 ? 32 : 128;
}

export function familyMax(family: Family): bigint {
  return (1n << BigInt(familyBits(family))) - 1n;
}

function parseIpv4(text: string): bigint {
  const parts = text.split(".");
  if (parts.length !== 4) throw new Error(`not an IPv4 address: ${JSON.stringify(text)}`);
  let value = 0n;
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part) || Number(part) > 255) throw new Error(`not an IPv4 address: ${JSON.stringify(text)}`);
    value = value * 256n + BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint {
  const halves = text.split("::");
  if (halves.length > 2) throw new Error(`not an IPv6 address: ${JSON.stringify(text)}`);
  const groupsOf = (s: string): string[] => (s === "" ? [] : s.split(":"));
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) throw new Error(`not an IPv6 address: ${JSON.stringify(text)}`);
  const groups = [...head, ...Array<string>(missing).fill("0"), ...tail];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) throw new Error(`not an IPv6 address: ${JSON.stringify(text)}`);
    value = value * 65536n + BigInt(`0x${group}`);
  }
  return value;
}

export function parseIp(text: string): Ip {
  return text.includes(":") ? { family: 6, value: parseIpv6(text) } : { family: 4, value: parseIpv4(text) };
}

/** Dotted quad, or eight hex groups (uncompressed, no leading zeros). */
export function formatIp(ip: Ip): string {
  if (ip.value < 0n || ip.value > familyMax(ip.family)) throw new Error(`address value out of range: ${ip.value}`);
  const parts: string[] = [];
  const count = ip.family === 4 ? 4 : 8;
  const width = ip.family === 4 ? 8n : 16n;
  for (let i = count - 1; i >= 0; i--) {
    const part = (ip.value >> (BigInt(i) * width)) & ((1n << width) - 1n);
    parts.push(ip.family === 4 ? part.toString(10) : part.toString(16));
  }
  return parts.join(ip.family === 4 ? "." : ":");
}

export function parseCidr(text: string): Cidr {
  const slash = text.indexOf("/");
  if (slash < 0) throw new Error(`not a CIDR: ${JSON.stringify(text)}`);
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  const bits = familyBits(ip.family);
  if (!/^[0-9]{1,3}$/.test(prefixText) || Number(prefixText) > bits) throw new Error(`not a CIDR: ${JSON.stringify(text)}`);
  const prefix = Number(prefixText);
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const first = ip.value & ~hostMask & familyMax(ip.family);
  return { family: ip.family, prefix, first, last: first | hostMask };
}

export function cidrContains(cidr: Cidr, ip: Ip): boolean {
  return cidr.family === ip.family && cidr.first <= ip.value && ip.value <= cidr.last;
}

/** `inner` is a proper subset of `outer` (what the API server requires of an ipBlock `except`). */
export function cidrStrictlyInside(inner: Cidr, outer: Cidr): boolean {
  return (
    inner.family === outer.family &&
    inner.prefix > outer.prefix &&
    outer.first <= inner.first &&
    inner.last <= outer.last
  );
}
