import { describe, expect, it } from "vitest";
import { cidrRange, formatCidr, parseCidr, rangeToCidrs } from "../../src/net/ip.js";
import { buildExternalSpace } from "../../src/reach/external-space.js";

const cidr = (t: string) => {
  const p = parseCidr(t);
  if (!p.ok) throw new Error(p.reason);
  return p.cidr;
};

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

  it("adds IPv6 only when an ipBlock uses it", () => {
    const s = buildExternalSpace([block("2001:db8::/32")]);
    expect(s.classes.map((c) => c.id).sort()).toEqual(["0.0.0.0/0", "2001:db8::/32", "::/0 except 2001:db8::/32"]);
  });
});
