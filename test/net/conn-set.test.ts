import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ConnSet, PortSet } from "../../src/net/conn-set.js";

const tcp = (a: number, b = a) => ConnSet.of({ TCP: PortSet.range(a, b) });

describe("connection sets", () => {
  it("print in the canonical netpol-analyzer form", () => {
    expect(ConnSet.ALL.toString()).toBe("All Connections");
    expect(ConnSet.NONE.toString()).toBe("No Connections");
    const c = ConnSet.of({ UDP: PortSet.range(53, 53), TCP: PortSet.range(8080, 8090).union(PortSet.range(80, 80)), SCTP: PortSet.range(9003, 9003) });
    expect(c.toString()).toBe("SCTP 9003,TCP 80,8080-8090,UDP 53");
  });

  it("merge adjacent and overlapping ranges", () => {
    expect(tcp(80, 90).union(tcp(91, 100)).union(tcp(85)).toString()).toBe("TCP 80-100");
  });

  it("subtract to the complement a reviewer expects", () => {
    expect(ConnSet.ALL.subtract(tcp(80)).toString()).toBe("SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535");
    expect(ConnSet.ALL.subtract(ConnSet.ALL).isEmpty).toBe(true);
  });

  it("become All Connections when every protocol is full", () => {
    const all = ConnSet.of({ TCP: PortSet.ALL, UDP: PortSet.ALL }).union(ConnSet.of({ SCTP: PortSet.range(1, 65535) }));
    expect(all.isAll).toBe(true);
    expect(all.toString()).toBe("All Connections");
  });

  it("keep unresolvable port names after the numbers, and the full range contains them", () => {
    const named = ConnSet.of({ TCP: PortSet.range(80, 80).union(PortSet.named("http")) });
    expect(named.toString()).toBe("TCP 80,http");
    expect(named.intersect(ConnSet.ALL).toString()).toBe("TCP 80,http");
    expect(named.subtract(tcp(80)).toString()).toBe("TCP http");
    expect(ConnSet.of({ TCP: PortSet.ALL.union(PortSet.named("http")) }).toString()).toBe("TCP 1-65535");
  });

  const arbSet = fc
    .array(fc.tuple(fc.constantFrom("TCP", "UDP", "SCTP" as const), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 5 })), { maxLength: 5 })
    .map((parts) => parts.reduce((acc, [p, a, n]) => acc.union(ConnSet.of({ [p]: PortSet.range(a, Math.min(40, a + n)) })), ConnSet.NONE));
  const members = (c: ConnSet) => (["TCP", "UDP", "SCTP"] as const).flatMap((p) => Array.from({ length: 41 }, (_, i) => i).filter((i) => c.allows(p, i)).map((i) => `${p}${i}`));

  it("obey set algebra (property)", () => {
    fc.assert(
      fc.property(arbSet, arbSet, (a, b) => {
        const ma = new Set(members(a));
        const mb = new Set(members(b));
        expect(new Set(members(a.union(b)))).toEqual(new Set([...ma, ...mb]));
        expect(new Set(members(a.intersect(b)))).toEqual(new Set([...ma].filter((x) => mb.has(x))));
        expect(new Set(members(a.subtract(b)))).toEqual(new Set([...ma].filter((x) => !mb.has(x))));
        expect(a.subtract(b).union(a.intersect(b)).equals(a)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
