import { describe, expect, it } from "vitest";
import { ConnSet, PortSet } from "../../src/net/conn-set.js";
import { connWords, groupChangeWords, portNames } from "../../src/render/conn-words.js";
import type { Endpoint } from "../../src/model/endpoint.js";

const ports = (...ranges: [number, number][]) => PortSet.of(ranges.flat());
const all = PortSet.ALL;

describe("connWords", () => {
  it.each([
    ["all connections", ConnSet.ALL],
    ["no connections", ConnSet.NONE],
    // argo-cd's redis once its policy is gone: everything but the port it used to allow.
    ["all but TCP 6379", ConnSet.of({ SCTP: all, TCP: ports([1, 6378], [6380, 65535]), UDP: all })],
    ["all TCP except 6379", ConnSet.of({ TCP: ports([1, 6378], [6380, 65535]) })],
    ["TCP 80, 443", ConnSet.of({ TCP: ports([80, 80], [443, 443]) })],
    ["TCP 8080-8090", ConnSet.of({ TCP: ports([8080, 8090]) })],
    ["TCP and UDP 53", ConnSet.of({ TCP: ports([53, 53]), UDP: ports([53, 53]) })],
    ["TCP 5432; UDP 53", ConnSet.of({ TCP: ports([5432, 5432]), UDP: ports([53, 53]) })],
    ["all TCP", ConnSet.of({ TCP: all })],
    ["all TCP, UDP and SCTP except 22", ConnSet.of({ SCTP: ports([1, 21], [23, 65535]), TCP: ports([1, 21], [23, 65535]), UDP: ports([1, 21], [23, 65535]) })],
    ["all but TCP 7070", ConnSet.of({ SCTP: all, TCP: ports([1, 7069], [7071, 65535]), UDP: all })],
    ["all TCP and UDP", ConnSet.of({ TCP: all, UDP: all })],
    ["TCP 80, http", ConnSet.of({ TCP: PortSet.of([80, 80], ["http"]) })],
  ])("%s", (words, conn) => {
    expect(connWords(conn)).toBe(words);
  });

  it("names every port it does not fold, so the words and the canonical form agree", () => {
    const c = ConnSet.of({ TCP: ports([1, 10], [20, 30], [40, 50], [60, 70], [80, 90]) });
    expect(connWords(c)).toBe("TCP 1-10, 20-30, 40-50, 60-70, 80-90");
  });
});

describe("groupChangeWords", () => {
  const tcp = (...ranges: [number, number][]) => ConnSet.of({ TCP: ports(...ranges) });
  const webhooks = tcp([8080, 8080], [9292, 9292]);
  const pod = (name: string, ps: { name?: string; port: number }[]): Endpoint =>
    ({ type: "workload", id: `ns/${name}[Deployment]`, pod: { namespace: "ns", labels: {}, ports: ps.map((p) => ({ name: p.name, port: p.port, protocol: "TCP" })), hostNetwork: false } }) as unknown as Endpoint;

  it("says what was and what is now where the difference is only short as a complement (flux: allow-webhooks narrowed)", () => {
    const closed = ConnSet.ALL.subtract(webhooks);
    expect(connWords(closed)).toBe("all but TCP 8080, 9292");
    expect(groupChangeWords([{ base: ConnSet.ALL, head: webhooks }], closed)).toBe("was all connections, now TCP 8080, 9292");
  });

  it("names the ports the destination names, in the given format", () => {
    const names = portNames([pod("notification-controller", [{ name: "http-prom", port: 8080 }, { name: "http-webhook", port: 9292 }])]);
    const f = { text: (s: string) => s, code: (s: string) => `\`${s}\``, names };
    expect(groupChangeWords([{ base: ConnSet.ALL, head: webhooks }], ConnSet.ALL.subtract(webhooks), f)).toBe("was all connections, now TCP 8080 (`http-prom`), 9292 (`http-webhook`)");
    expect(connWords(tcp([8080, 8080]), f)).toBe("TCP 8080 (`http-prom`)");
  });

  it("names a port only when every destination declaring it gives it the same name", () => {
    const names = portNames([pod("a", [{ name: "http", port: 80 }, { name: "db", port: 5432 }]), pod("b", [{ name: "web", port: 80 }, { port: 9000 }]), pod("c", [{ name: "db", port: 5432 }])]);
    expect(names("TCP", 80)).toBeUndefined();
    expect(names("TCP", 5432)).toBe("db");
    expect(names("TCP", 9000)).toBeUndefined();
    expect(names("UDP", 5432)).toBeUndefined();
  });

  it("keeps the difference where it reads plainly: a port closed of all", () => {
    const dns = ConnSet.of({ TCP: ports([53, 53]), UDP: ports([53, 53]) });
    expect(groupChangeWords([{ base: ConnSet.ALL, head: ConnSet.ALL.subtract(dns) }], dns)).toBe("TCP and UDP 53");
    expect(groupChangeWords([{ base: ConnSet.NONE, head: tcp([80, 80]) }], tcp([80, 80]))).toBe("TCP 80");
  });

  it("spells out up to two different befores and afters, else says the shared difference", () => {
    const rest = ConnSet.ALL.subtract(tcp([6379, 6379]));
    const a = { base: tcp([6379, 6379]), head: ConnSet.ALL };
    const b = { base: ConnSet.NONE, head: rest };
    const c = { base: tcp([6379, 6379]), head: ConnSet.ALL };
    expect(groupChangeWords([a, c, b], rest)).toBe("was TCP 6379, now all connections; all but TCP 6379");
    const d = { base: ConnSet.of({ TCP: ports([6379, 6379]), UDP: ports([53, 53]) }), head: ConnSet.ALL.subtract(ConnSet.of({ UDP: ports([53, 53]) })) };
    expect(groupChangeWords([a, b, d], rest)).toBe("all but TCP 6379");
  });
});
