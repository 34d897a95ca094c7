// Conformance with np-guard/netpol-analyzer's expected outputs (test/fixtures/netpol-analyzer). Semantic comparison: conns as per-protocol port sets, externals as IPv4
// address segments (see test/conformance/compare.ts). Admin-tier cases (anp/banp) are not run here.

import { describe, expect, it } from "vitest";
import { diff, reach } from "../src/analyze.js";
import { analyzeReach } from "../src/render/reach-json.js";
import { diffJson } from "../src/render/diff-json.js";
import type { HostNetworkMode } from "../src/reach/universe.js";
import type { SourceFile } from "../src/load/object/source.js";
import type { ReachJson } from "../src/report/reach-json.js";
import {
  connlistCases,
  corpusDir,
  diffCases,
  expectedConnlistText,
  expectedDiffText,
  INVALID_UPSTREAM,
  readCaseFiles,
  usesIpv6IpBlocks,
} from "./conformance/cases.js";
import {
  compareDiff,
  compareReach,
  entriesFromReach,
  formatMismatches,
  parseConnlist,
  parseDiffFile,
  type ConnEntry,
} from "./conformance/compare.js";

const connlist = connlistCases();
const diffs = diffCases();

/** Runs netreach on a case folder and returns its table; asserts no IPv6 externals unless the input has IPv6 ipBlocks. */
// netpol-analyzer treats hostNetwork pods as ordinary pods; netreach by default exempts them from
// selectors, as CNIs do. The oracle is compared in its own mode ("pod"); a separate test checks that
// the default mode differs from it only on flows that touch a hostNetwork workload.
function reachEntries(caseName: string, hostNetwork: HostNetworkMode = "pod"): ConnEntry[] {
  const files: SourceFile[] = readCaseFiles(caseName);
  const json: ReachJson = analyzeReach(files, { pods: "declared", hostNetwork });
  const { entries, ipv6Endpoints } = entriesFromReach(json);
  if (!usesIpv6IpBlocks(files)) {
    expect(ipv6Endpoints, `${caseName}: IPv6 external endpoints although no ipBlock is IPv6`).toEqual([]);
  }
  return entries;
}

function failOnMismatches(what: string, report: string | undefined): void {
  if (report !== undefined) throw new Error(`${what} disagrees with netpol-analyzer: ${report}`);
}

describe("conformance data", () => {
  it.each(Object.entries(INVALID_UPSTREAM))("%s as written: netreach rejects what the API server would, at its line", (name, mend) => {
    const json = analyzeReach(readCaseFiles(name, { mended: false }), { pods: "declared" });
    expect(json.diagnostics).toContainEqual(
      expect.objectContaining({ severity: "error", file: mend.file, line: mend.line, message: expect.stringMatching(mend.message) }),
    );
  });

  it("is in the repository", () => {
    expect(connlist.length, `no connlist cases under ${corpusDir()}`).toBeGreaterThan(15);
    expect(diffs.length, `no diff cases under ${corpusDir()}`).toBeGreaterThan(6);
  });
});

describe("conformance: netpol-analyzer connlist (--pods declared)", () => {
  for (const name of connlist) {
    it(name, () => {
      const expected = parseConnlist(expectedConnlistText(name));
      const actual = reachEntries(name);
      const mismatches = compareReach(expected, actual);
      failOnMismatches(`reach of ${name}`, mismatches.length > 0 ? formatMismatches(mismatches, 20) : undefined);
    });
  }
});

describe("conformance: the default hostNetwork mode differs only where hostNetwork pods are involved", () => {
  for (const name of connlist) {
    it(name, () => {
      const files = readCaseFiles(name);
      const hostNetworked = new Set(
        reach(files, { pods: "declared" })
          .endpoints.filter((e) => e.type === "workload" && e.pod.hostNetwork)
          .map((e) => e.id),
      );
      const mismatches = compareReach(reachEntries(name, "pod"), reachEntries(name, "exempt"));
      const unexplained = mismatches.filter((m) => { const [src, dst] = m.pair.split(" => "); return !hostNetworked.has(src!) && !hostNetworked.has(dst!); });
      expect(unexplained.length, formatMismatches(unexplained, 10)).toBe(0);
      if (hostNetworked.size === 0) expect(mismatches).toEqual([]);
    });
  }
});

// The diff API on both folders; its changes are compared with netpol-analyzer's (base and head
// connections per pair, externals as address segments on a shared cut).
describe("conformance: netpol-analyzer diff (netreach diff, --pods declared)", () => {
  for (const { name, base, head } of diffs) {
    it(name, () => {
      const expected = parseDiffFile(expectedDiffText(name));
      const json = diffJson(diff(readCaseFiles(base), readCaseFiles(head), { pods: "declared", hostNetwork: "pod" }));
      const side = (pick: "base" | "head"): ConnEntry[] =>
        entriesFromReach({ endpoints: json.endpoints, flows: json.changes.map((c) => ({ src: c.src, dst: c.dst, conn: c[pick] })) }).entries;
      for (const c of json.changes) {
        expect(c.type).toBe(c.base === "No Connections" ? "added" : c.head === "No Connections" ? "removed" : "changed");
      }
      const mismatches = compareDiff(expected, { base: side("base"), head: side("head") });
      failOnMismatches(`diff ${base} -> ${head}`, mismatches.length > 0 ? formatMismatches(mismatches, 20) : undefined);
    });
  }
});
