import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cidrRange, formatAddress, formatCidr, parseCidr, rangeToCidrs, type Cidr } from "../../src/net/ip.js";
import { buildExternalSpace, externalEndpoint } from "../../src/reach/external-space.js";

const cidr = (t: string) => {
  const p = parseCidr(t);
  if (!p.ok) throw new Error(p.reason);
  return p.cidr;
};

const v4 = fc.bigInt({ min: 0n, max: 2n ** 32n - 1n });
// Ends near block boundaries are where an off-by-one would show: bias toward them.
const edge = fc.tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: -2, max: 2 })).map(([k, d]) => {
  const v = 2n ** BigInt(k) + BigInt(d);
  return v < 0n ? 0n : v > 2n ** 32n - 1n ? 2n ** 32n - 1n : v;
});

describe("CIDRs", () => {
  it("parse IPv4 and IPv6 and flag host bits", () => {
    expect(parseCidr("10.0.0.0/8")).toMatchObject({ ok: true, hostBitsSet: false });
    const masked = parseCidr("10.1.2.3/8");
    expect(masked.ok && masked.hostBitsSet && formatCidr(masked.cidr)).toBe("10.0.0.0/8");
    expect(parseCidr("2001:db8::1/32")).toMatchObject({ ok: true, hostBitsSet: true });
  });

  it("reject what the API server rejects", () => {
    for (const bad of ["10.0.0.0", "10.0.0.0/33", "256.0.0.0/8", "10.0.0/8", "2001:db8::/129", "fe80::1%eth0/64", "abc/8", "10.0.0.0/-1"]) {
      expect(parseCidr(bad).ok, bad).toBe(false);
    }
  });

  it("cover a range with the fewest CIDRs", () => {
    const r = { family: "v4" as const, lo: cidrRange(cidr("0.0.0.0/0")).lo, hi: cidrRange(cidr("9.255.255.255/32")).lo };
    expect(rangeToCidrs(r).map(formatCidr)).toEqual(["0.0.0.0/5", "8.0.0.0/7"]);
  });

  // The reference: grow a block at each start while it stays aligned and within the range.
  const naiveCidrs = (lo: bigint, hi: bigint): string[] => {
    const out: string[] = [];
    while (lo <= hi) {
      let size = 0n;
      while (size < 32n && lo % (1n << (size + 1n)) === 0n && lo + (1n << (size + 1n)) - 1n <= hi) size++;
      out.push(`${[24n, 16n, 8n, 0n].map((s) => (lo >> s) & 255n).join(".")}/${32n - size}`);
      lo += 1n << size;
    }
    return out;
  };

  it("cover every IPv4 range with the fewest CIDRs, as growing aligned blocks does", () => {
    fc.assert(
      fc.property(fc.oneof(v4, edge), fc.oneof(v4, edge), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rangeToCidrs({ family: "v4", lo, hi }).map(formatCidr)).toEqual(naiveCidrs(lo, hi));
      }),
      { numRuns: 2000 },
    );
    expect(rangeToCidrs({ family: "v4", lo: 0n, hi: 2n ** 32n - 1n }).map(formatCidr)).toEqual(["0.0.0.0/0"]);
    expect(rangeToCidrs({ family: "v4", lo: 2n ** 32n - 1n, hi: 2n ** 32n - 1n }).map(formatCidr)).toEqual(["255.255.255.255/32"]);
  });

  it("write IPv4 addresses in dotted quads, high octets included", () => {
    fc.assert(
      fc.property(v4, (v) => {
        expect(formatAddress("v4", v)).toBe([24n, 16n, 8n, 0n].map((s) => (v >> s) & 255n).join("."));
      }),
      { numRuns: 2000 },
    );
    const c: Cidr = { family: "v4", base: 0xc0a80100n, prefix: 24 };
    expect(formatCidr(c)).toBe("192.168.1.0/24");
  });

  it("cover IPv6 ranges too", () => {
    const r = cidrRange(cidr("2001:db8::/32"));
    expect(rangeToCidrs({ family: "v6", lo: r.lo, hi: r.hi + 1n }).map(formatCidr)).toEqual(["2001:db8::/32", "2001:db9::/128"]);
  });
});

describe("external address classes", () => {
  const block = (c: string, ...except: string[]) => ({ kind: "ipBlock" as const, cidr: cidr(c), except: except.map(cidr) });

  it("is the whole IPv4 space when no ipBlock exists", () => {
    const s = buildExternalSpace([]);
    expect(s.classes.map((c) => c.id)).toEqual(["0.0.0.0/0"]);
  });

  it("groups non-contiguous ranges that every ipBlock treats alike, named the short way", () => {
    const s = buildExternalSpace([block("0.0.0.0/0", "10.0.0.0/8")]);
    expect(s.classes.map((c) => c.id).sort()).toEqual(["0.0.0.0/0 except 10.0.0.0/8", "10.0.0.0/8"]);
    const outside = s.classes.find((c) => c.id.startsWith("0.0.0.0/0"))!;
    expect(outside.cidrs).toHaveLength(8);
  });

  it("are named by exactly their addresses, as an enclosing CIDR less the smallest one's holes when that is shorter", () => {
    const covered = (text: string): [bigint, bigint][] => {
      const parts = text.split(" except ");
      const ranges = (list: string) => list.split(", ").map((c) => cidrRange(cidr(c))).map((r) => [r.lo, r.hi] as [bigint, bigint]);
      if (parts.length === 1) return ranges(parts[0]!);
      const [outer] = ranges(parts[0]!);
      const out: [bigint, bigint][] = [];
      let lo = outer![0];
      for (const [hlo, hhi] of ranges(parts[1]!).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        if (hlo > lo) out.push([lo, hlo - 1n]);
        lo = hhi + 1n;
      }
      if (lo <= outer![1]) out.push([lo, outer![1]]);
      return out;
    };
    const merged = (rs: [bigint, bigint][]) => {
      const out: [bigint, bigint][] = [];
      for (const r of [...rs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
        const last = out[out.length - 1];
        if (last && last[1] + 1n >= r[0]) last[1] = last[1] > r[1] ? last[1] : r[1];
        else out.push([...r]);
      }
      return out;
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(v4, edge), fc.oneof(v4, edge)), { minLength: 1, maxLength: 6 }), (pairs) => {
        const input = pairs.map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [bigint, bigint]);
        const e = externalEndpoint("v4", input.map(([lo, hi]) => ({ family: "v4" as const, lo, hi })));
        expect(merged(covered(e.id))).toEqual(merged(input));
        const parts = e.id.split(" except ");
        if (parts.length === 2) {
          // The enclosing CIDR is the smallest one: halves of it would each miss an address.
          const outer = cidr(parts[0]!);
          const all = merged(input);
          const lo = all[0]![0];
          const hi = all[all.length - 1]![1];
          const half = 2n ** BigInt(31 - outer.prefix);
          expect(outer.prefix === 32 || (lo < outer.base + half && hi >= outer.base + half)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("adds IPv6 only when an ipBlock uses it", () => {
    const s = buildExternalSpace([block("2001:db8::/32")]);
    expect(s.classes.map((c) => c.id).sort()).toEqual(["0.0.0.0/0", "2001:db8::/32", "::/0 except 2001:db8::/32"]);
  });
});
