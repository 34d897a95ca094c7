import { describe, expect, it } from "vitest";
import { ConnSet, PortSet } from "../../src/net/conn-set.js";
import { connWords } from "../../src/render/conn-words.js";

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
