// Validates the conformance comparison itself (no engine involved): the expected outputs, fed
// back as if netreach had produced them (ranges converted to CIDRs, the address space split
// differently), must compare equal; mutated ones must not.

import { describe, expect, it } from "vitest";
import type { EndpointJson, FlowJson, ReachJson } from "../../src/report/reach-json.js";
import { formatConn, parseConn } from "../support/conn.js";
import {
  elementarySegments,
  formatIpv4Range,
  IPV4_MAX,
  mergeRanges,
  parseIpv4,
  parseIpv4Cidr,
  parseIpv4Range,
  rangeToCidrs,
  segmentsOf,
  type Ipv4Range,
} from "../support/ranges.js";
import {
  connlistCases,
  diffCases,
  expectedConnlistText,
  expectedDiffText,
  readCaseFiles,
  usesIpv6IpBlocks,
} from "./cases.js";
import {
  compareDiff,
  compareReach,
  entriesFromReach,
  formatMismatches,
  parseConnlist,
  parseDiffFile,
  type ConnEntry,
  type Peer,
} from "./compare.js";

// ---------------------------------------------------------------------------------------------
// Expected tables -> netreach-shaped JSON

type Split = "per-range" | "per-cidr" | "classes";

function workloadEndpoint(id: string): EndpointJson {
  if (id === "{ingress-controller}") return { id, type: "ingress-controller" };
  const match = /^([^/]+)\/(.+)\[([A-Za-z]+)\]$/.exec(id);
  if (match === null) throw new Error(`bad workload id ${id}`);
  return { id, type: "workload", namespace: match[1]!, name: match[2]!, kind: match[3]! };
}

/**
 * Renders a table as netreach's reach JSON. External peers become endpoints with CIDR lists:
 * - "per-range": one endpoint per distinct expected range (ranges may overlap);
 * - "per-cidr": one endpoint per CIDR of each range (a finer split);
 * - "classes": the space cut at every boundary, segments with identical connectivity merged
 *   into one (possibly non-contiguous) endpoint, as an equivalence-class engine would.
 */
function toReachJson(entries: readonly ConnEntry[], split: Split): Pick<ReachJson, "endpoints" | "flows"> {
  const endpoints = new Map<string, EndpointJson>();
  const flows: FlowJson[] = [];
  const workload = (peer: Peer): string[] => {
    if (peer.kind !== "workload") throw new Error("unexpected external");
    if (!endpoints.has(peer.id)) endpoints.set(peer.id, workloadEndpoint(peer.id));
    return [peer.id];
  };
  const external = (cidrs: string[]): string => {
    const id = cidrs.join(" + ");
    if (!endpoints.has(id)) endpoints.set(id, { id, type: "external", cidrs });
    return id;
  };

  if (split === "classes") {
    const ranges = entries.flatMap((e) => [e.src, e.dst]).flatMap((p) => (p.kind === "external" ? p.ranges : []));
    const segments = elementarySegments(ranges);
    // Per segment: its flows as (direction, workload, conn) lines; the signature groups segments.
    const lines: string[][] = segments.map(() => []);
    const workloadFlows: FlowJson[] = [];
    for (const { src, dst, conn } of entries) {
      if (src.kind === "external" && dst.kind === "workload") {
        for (const r of src.ranges) for (const i of segmentsOf(segments, r)) lines[i]!.push(`out\t${dst.id}\t${formatConn(conn)}`);
      } else if (dst.kind === "external" && src.kind === "workload") {
        for (const r of dst.ranges) for (const i of segmentsOf(segments, r)) lines[i]!.push(`in\t${src.id}\t${formatConn(conn)}`);
      } else {
        workloadFlows.push({ src: workload(src)[0]!, dst: workload(dst)[0]!, conn: formatConn(conn) });
      }
    }
    const classes = new Map<string, Ipv4Range[]>();
    segments.forEach((segment, i) => {
      const signature = lines[i]!.sort().join("\n");
      classes.set(signature, [...(classes.get(signature) ?? []), segment]);
    });
    for (const [signature, members] of classes) {
      if (signature === "") continue; // no flows: not needed as an endpoint
      const id = external(mergeRanges(members).flatMap(rangeToCidrs));
      for (const line of signature.split("\n")) {
        const [direction, other, conn] = line.split("\t") as [string, string, string];
        workload({ kind: "workload", id: other });
        flows.push(direction === "out" ? { src: id, dst: other, conn } : { src: other, dst: id, conn });
      }
    }
    flows.push(...workloadFlows);
  } else {
    const ids = (peer: Peer): string[] => {
      if (peer.kind === "workload") return workload(peer);
      const cidrs = peer.ranges.flatMap(rangeToCidrs);
      return split === "per-range" ? [external(cidrs)] : cidrs.map((c) => external([c]));
    };
    for (const { src, dst, conn } of entries) {
      for (const s of ids(src)) for (const d of ids(dst)) flows.push({ src: s, dst: d, conn: formatConn(conn) });
    }
  }
  return { endpoints: [...endpoints.values()], flows };
}

function roundTrip(entries: readonly ConnEntry[], split: Split): ConnEntry[] {
  return entriesFromReach(toReachJson(entries, split)).entries;
}

/** Same entries with the conn of entry `index` replaced. */
function withConn(entries: readonly ConnEntry[], index: number, conn: string): ConnEntry[] {
  return entries.map((e, i) => (i === index ? { ...e, conn: parseConn(conn) } : e));
}

/** Changes one port of a conn string: the first number n becomes n+1 (n-1 at 65535). */
function bumpPort(conn: string): string {
  if (conn === "No Connections") return "TCP 1";
  if (conn === "All Connections") return "SCTP 1-65535,TCP 1-65534,UDP 1-65535";
  return conn.replace(/\d+/, (n) => String(Number(n) === 65535 ? 65534 : Number(n) + 1));
}

// ---------------------------------------------------------------------------------------------

describe("IPv4 range helpers", () => {
  it("parses and formats", () => {
    expect(parseIpv4("255.255.255.255")).toBe(IPV4_MAX);
    expect(parseIpv4Range("11.0.0.0-172.20.255.255[External]")).toEqual([parseIpv4("11.0.0.0"), parseIpv4("172.20.255.255")]);
    expect(parseIpv4Cidr("10.1.2.3/8")).toEqual([parseIpv4("10.0.0.0"), parseIpv4("10.255.255.255")]);
    expect(parseIpv4Cidr("0.0.0.0/0")).toEqual([0, IPV4_MAX]);
    expect(formatIpv4Range([0, IPV4_MAX])).toBe("0.0.0.0-255.255.255.255");
    expect(() => parseIpv4("1.2.3.256")).toThrow();
    expect(() => parseIpv4Cidr("1.2.3.4/33")).toThrow();
  });

  it("converts ranges to minimal CIDR lists", () => {
    expect(rangeToCidrs([0, IPV4_MAX])).toEqual(["0.0.0.0/0"]);
    expect(rangeToCidrs(parseIpv4Range("0.0.0.0-9.255.255.255"))).toEqual(["0.0.0.0/5", "8.0.0.0/7"]);
    expect(rangeToCidrs(parseIpv4Range("11.0.0.0-172.20.255.255"))).toEqual([
      "11.0.0.0/8",
      "12.0.0.0/6",
      "16.0.0.0/4",
      "32.0.0.0/3",
      "64.0.0.0/2",
      "128.0.0.0/3",
      "160.0.0.0/5",
      "168.0.0.0/6",
      "172.0.0.0/12",
      "172.16.0.0/14",
      "172.20.0.0/16",
    ]);
    expect(rangeToCidrs([5, 5])).toEqual(["0.0.0.5/32"]);
  });

  it("cuts the space into segments aligned on every boundary", () => {
    const a = parseIpv4Range("10.0.0.0-10.255.255.255");
    const b = parseIpv4Range("0.0.0.0-255.255.255.255");
    const segments = elementarySegments([a, b]);
    expect(segments.map(formatIpv4Range)).toEqual([
      "0.0.0.0-9.255.255.255",
      "10.0.0.0-10.255.255.255",
      "11.0.0.0-255.255.255.255",
    ]);
    expect(segmentsOf(segments, a)).toEqual([1]);
    expect(segmentsOf(segments, b)).toEqual([0, 1, 2]);
    expect(() => segmentsOf(segments, [0, 5])).toThrow();
  });

  it("detects IPv6 ipBlocks", () => {
    expect(usesIpv6IpBlocks([{ path: "a.yaml", text: "ipBlock:\n  cidr: 10.0.0.0/8\n" }])).toBe(false);
    expect(usesIpv6IpBlocks([{ path: "a.yaml", text: "ipBlock:\n  cidr: 2001:db8::/32\n" }])).toBe(true);
    expect(usesIpv6IpBlocks([{ path: "a.json", text: '{"ipBlock":{"cidr":"fd00::/8"}}' }])).toBe(true);
  });
});

describe("parsing netpol-analyzer output", () => {
  it("reads ingress-controller lines and skips header and blank lines", () => {
    const text = [
      "Connectivity:",
      "",
      "{ingress-controller} => a/b[Deployment] : TCP 80",
      "a/b[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections",
    ].join("\n");
    const entries = parseConnlist(text);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.src).toEqual({ kind: "workload", id: "{ingress-controller}" });
    expect(entries[1]!.dst).toMatchObject({ kind: "external", ranges: [[0, IPV4_MAX]] });
  });

  it("parses diff lines, with and without workloads-diff-info", () => {
    const text = [
      "Connectivity diff:",
      "diff-type: changed, source: demo/a[DaemonSet], destination: demo/b[DaemonSet], ref1: All Connections, ref2: TCP 8080,9090,UDP 8080",
      "diff-type: added, source: demo/c[Deployment], destination: demo/b[DaemonSet], ref1: No Connections, ref2: TCP 80,UDP 53, workloads-diff-info: workload demo/c[Deployment] added",
    ].join("\n");
    const { base, head } = parseDiffFile(text);
    expect(base.map((e) => formatConn(e.conn))).toEqual(["All Connections", "No Connections"]);
    expect(head.map((e) => formatConn(e.conn))).toEqual(["TCP 8080,9090,UDP 8080", "TCP 80,UDP 53"]);
    expect(parseDiffFile("")).toEqual({ base: [], head: [] });
  });
});

describe("compareReach", () => {
  const a = "ns/a[Deployment]";
  const b = "ns/b[Deployment]";
  const json = (endpoints: EndpointJson[], flows: FlowJson[]): Pick<ReachJson, "endpoints" | "flows"> => ({
    endpoints: [workloadEndpoint(a), workloadEndpoint(b), ...endpoints],
    flows,
  });

  it("treats a missing pair as No Connections and spelling as irrelevant", () => {
    const expected = parseConnlist(`${a} => ${b} : TCP 80-81\n`);
    const actual = entriesFromReach(
      json([], [
        { src: a, dst: b, conn: "TCP 80,81" },
        { src: b, dst: a, conn: "No Connections" },
      ]),
    ).entries;
    expect(compareReach(expected, actual)).toEqual([]);
    expect(compareReach(expected, [])).toEqual([{ pair: `${a} => ${b}`, expected: "TCP 80-81", actual: "No Connections" }]);
  });

  it("compares externals by address, ignoring IPv6 CIDRs (reported separately)", () => {
    const expected = parseConnlist(
      [
        `0.0.0.0-9.255.255.255[External] => ${a} : TCP 53`,
        `11.0.0.0-255.255.255.255[External] => ${a} : TCP 53`,
        `10.0.0.0-10.255.255.255[External] => ${a} : All Connections`,
      ].join("\n"),
    );
    const { entries, ipv6Endpoints } = entriesFromReach(
      json(
        [
          { id: "0.0.0.0/0 except 10.0.0.0/8", type: "external", cidrs: ["0.0.0.0/5", "8.0.0.0/7", "11.0.0.0/8", "12.0.0.0/6", "16.0.0.0/4", "32.0.0.0/3", "64.0.0.0/2", "128.0.0.0/1", "::/0"] },
          { id: "10.0.0.0/8", type: "external", cidrs: ["10.0.0.0/8"] },
        ],
        [
          { src: "0.0.0.0/0 except 10.0.0.0/8", dst: a, conn: "TCP 53" },
          { src: "10.0.0.0/8", dst: a, conn: "All Connections" },
        ],
      ),
    );
    expect(ipv6Endpoints).toEqual(["0.0.0.0/0 except 10.0.0.0/8"]);
    expect(compareReach(expected, entries)).toEqual([]);
    const narrowed = entries.map((e, i) => (i === 0 ? { ...e, src: { ...e.src, ranges: (e.src as Extract<Peer, { kind: "external" }>).ranges.slice(0, -2) } } : e));
    const mismatches = compareReach(expected, narrowed);
    expect(mismatches).toEqual([
      { pair: `64.0.0.0-255.255.255.255[External] => ${a}`, expected: "TCP 53", actual: "No Connections" },
    ]);
    const report = formatMismatches([...mismatches, ...compareReach(expected, [])], 1);
    expect(report).toContain("4 pair(s) differ (first 1 shown)");
    expect(report).toContain("expected: TCP 53");
  });

  it("rejects flows that name unknown endpoints", () => {
    expect(() => entriesFromReach(json([], [{ src: a, dst: "ns/c[Pod]", conn: "TCP 1" }]))).toThrow(/unknown endpoint/);
  });
});

// The real expected files, fed back as netreach output.
const cases = connlistCases();
const diffs = diffCases();

describe("self-comparison of the expected connlists", () => {
  it("has the data", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(`${name}: equal to itself however externals are split; a changed port is caught`, () => {
      expect(readCaseFiles(name).length).toBeGreaterThan(0);
      const expected = parseConnlist(expectedConnlistText(name));
      for (const split of ["per-range", "per-cidr", "classes"] as const) {
        expect(formatMismatches(compareReach(expected, roundTrip(expected, split))), split).toBe("0 pair(s) differ:");
      }
      // Mutate one workload -> workload flow (if any) and one external flow (if any).
      const targets = [
        expected.findIndex((e) => e.src.kind === "workload" && e.dst.kind === "workload"),
        expected.findIndex((e) => e.src.kind === "external" || e.dst.kind === "external"),
      ].filter((i) => i >= 0);
      expect(targets.length).toBeGreaterThan(0);
      for (const index of targets) {
        const mutated = withConn(expected, index, bumpPort(formatConn(expected[index]!.conn)));
        const mismatches = compareReach(expected, roundTrip(mutated, "classes"));
        expect(mismatches.length).toBeGreaterThan(0);
        const e = expected[index]!;
        const external = e.src.kind === "external" ? e.src : e.dst.kind === "external" ? e.dst : undefined;
        if (external === undefined) {
          expect(mismatches).toHaveLength(1);
          expect(mismatches[0]!.expected).toBe(formatConn(e.conn));
        } else {
          // Every mismatch lies inside the mutated range.
          const [first, last] = external.ranges[0]!;
          for (const m of mismatches) {
            const segment = parseIpv4Range(m.pair.split(" => ").find((side) => side.endsWith("[External]"))!);
            expect(segment[0] >= first && segment[1] <= last, m.pair).toBe(true);
          }
        }
      }
    });
  }
});

describe("self-comparison of the expected diffs", () => {
  for (const { name } of diffs) {
    it(`${name}: equal to itself; a changed port is caught`, () => {
      const expected = parseDiffFile(expectedDiffText(name));
      // Both revisions also share an unchanged flow, which must not count as a change.
      const common = parseConnlist("x/a[Deployment] => x/b[Deployment] : TCP 1\nx/a[Deployment] => 0.0.0.0-255.255.255.255[External] : UDP 53");
      const actual = {
        base: roundTrip([...expected.base, ...common], "classes"),
        head: roundTrip([...expected.head, ...common], "per-cidr"),
      };
      expect(formatMismatches(compareDiff(expected, actual))).toBe("0 pair(s) differ:");
      if (expected.head.length > 0) {
        const head = withConn(expected.head, 0, bumpPort(formatConn(expected.head[0]!.conn)));
        const mismatches = compareDiff(expected, { base: actual.base, head: roundTrip(head, "classes") });
        expect(mismatches.length).toBeGreaterThan(0);
      }
      // A change the oracle does not list is caught too.
      const extra = compareDiff(expected, { base: actual.base, head: roundTrip([...expected.head, ...withConn(common, 0, "TCP 2")], "classes") });
      expect(extra.some((m) => m.pair === "x/a[Deployment] => x/b[Deployment]" && m.expected === "(unchanged)")).toBe(true);
    });
  }
});
