import { describe, expect, it } from "vitest";
import {
  ALL_CONNECTIONS,
  connEquals,
  connIsEmpty,
  connMinus,
  connUnion,
  ConnParseError,
  formatConn,
  makeConn,
  NO_CONNECTIONS,
  parseConn,
} from "./conn.js";

describe("parseConn / formatConn", () => {
  it("parses the two keywords", () => {
    expect(connEquals(parseConn("All Connections"), ALL_CONNECTIONS)).toBe(true);
    expect(connIsEmpty(parseConn("No Connections"))).toBe(true);
    expect(formatConn(parseConn("All Connections"))).toBe("All Connections");
    expect(formatConn(parseConn("No Connections"))).toBe("No Connections");
  });

  it("splits protocols at each protocol token", () => {
    const conn = parseConn("SCTP 9003,TCP 8080,9090,UDP 80,5000-6000");
    expect(conn.ports.SCTP).toEqual([[9003, 9003]]);
    expect(conn.ports.TCP).toEqual([
      [8080, 8080],
      [9090, 9090],
    ]);
    expect(conn.ports.UDP).toEqual([
      [80, 80],
      [5000, 6000],
    ]);
  });

  it.each([
    "TCP 80",
    "TCP 80,8080-8090,UDP 53",
    "SCTP 1-65535,TCP 1-65535,UDP 1-5352,5354-65535",
    "SCTP 1-9002,9004-65535,TCP 1-79,81-65535,UDP 1-52,54-65535",
    "TCP 10053,UDP 10053",
    "SCTP 8956,9090",
    "TCP 80,http",
  ])("round-trips the canonical %s", (text) => {
    expect(formatConn(parseConn(text))).toBe(text);
  });

  it("normalizes: merges, sorts, reorders protocols", () => {
    expect(formatConn(parseConn("UDP 53,TCP 90,80,81-85,TCP 86"))).toBe("TCP 80-86,90,UDP 53");
    expect(formatConn(parseConn("TCP 80-90,85-100,101"))).toBe("TCP 80-101");
    expect(formatConn(parseConn("TCP 8080,8080"))).toBe("TCP 8080");
  });

  it("recognizes every port of every protocol as All Connections", () => {
    const conn = parseConn("UDP 1-65535,TCP 1-100,101-65535,SCTP 1-65535");
    expect(connEquals(conn, ALL_CONNECTIONS)).toBe(true);
    expect(formatConn(conn)).toBe("All Connections");
    expect(formatConn(parseConn("TCP 1-65535,UDP 1-65535"))).toBe("TCP 1-65535,UDP 1-65535");
  });

  it("equal sets compare equal whatever their spelling", () => {
    expect(connEquals(parseConn("TCP 80,81"), parseConn("TCP 80-81"))).toBe(true);
    expect(connEquals(parseConn("TCP 80"), parseConn("UDP 80"))).toBe(false);
    expect(connEquals(parseConn("TCP 80"), parseConn("TCP 81"))).toBe(false);
    expect(connEquals(parseConn("TCP 80,http"), parseConn("TCP 80"))).toBe(false);
    expect(connEquals(parseConn("TCP 1-65535,http"), parseConn("TCP 1-65535"))).toBe(true);
  });

  it.each(["", "TCP", "TCP ", "80", "ICMP 1", "TCP 0", "TCP 65536", "TCP 90-80", "TCP 80,,81", "TCP 80 81", "tcp 80", "TCP -5"])(
    "rejects %j",
    (text) => {
      expect(() => parseConn(text)).toThrow(ConnParseError);
    },
  );
});

describe("set operations", () => {
  it("unions", () => {
    expect(formatConn(connUnion(parseConn("TCP 80"), parseConn("TCP 81,UDP 53")))).toBe("TCP 80-81,UDP 53");
    expect(connEquals(connUnion(NO_CONNECTIONS, parseConn("TCP 1")), parseConn("TCP 1"))).toBe(true);
  });

  it("subtracts", () => {
    expect(formatConn(connMinus(parseConn("TCP 80-90,UDP 53"), parseConn("TCP 85")))).toBe("TCP 80-84,86-90,UDP 53");
    expect(formatConn(connMinus(ALL_CONNECTIONS, parseConn("SCTP 1-65535,UDP 1-65535,TCP 2-65535")))).toBe("TCP 1");
    expect(connIsEmpty(connMinus(parseConn("TCP 80"), ALL_CONNECTIONS))).toBe(true);
  });

  it("makeConn validates ranges", () => {
    expect(() => makeConn({ TCP: [[0, 1]] })).toThrow(ConnParseError);
  });
});
