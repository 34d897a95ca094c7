// The scenario check itself, on hand-written reach documents: what each verdict accepts and refuses,
// and how a CIDR names external address classes.
import { describe, expect, it } from "vitest";
import type { ReachJson } from "../../src/report/reach-json.js";
import { disagreements, endpointsOf, turnedAround, type Scenario, type StatedFlow } from "./verdicts.js";

const A = "ns/a[Deployment]";
const B = "ns/b[Deployment]";

function doc(flows: ReachJson["flows"]): ReachJson {
  return {
    schema: "netreach.reach/v1",
    endpoints: [
      { id: A, type: "workload", namespace: "ns", name: "a", kind: "Deployment" },
      { id: B, type: "workload", namespace: "ns", name: "b", kind: "Deployment" },
      { id: "0.0.0.0-0.255.255.255", type: "external", cidrs: ["0.0.0.0/8"] },
      { id: "1.0.0.0/8", type: "external", cidrs: ["1.0.0.0/8", "2606:4700:4700::/96"] },
      { id: "rest", type: "external", cidrs: ["2.0.0.0/7", "4.0.0.0/6", "::/0"] },
    ],
    flows,
    diagnostics: [],
    assumptions: [],
    skipped: { documents: 0, kinds: {} },
    exposures: [],
  };
}

function scenario(...flows: StatedFlow[]): Scenario {
  return { name: "t", kind: "cilium", source: "x@0:y", files: [], flows };
}

const L7 = { conn: "TCP 80", by: [] };

describe("the scenario check", () => {
  it("allow needs the whole conn, and not L7-filtered", () => {
    const json = doc([{ src: A, dst: B, conn: "TCP 80-90,UDP 53" }]);
    expect(disagreements(json, scenario({ src: [A], dst: [B], conn: "TCP 80-90", verdict: "allow" }))).toEqual([]);
    expect(disagreements(json, scenario({ src: [A], dst: [B], conn: "TCP 80-91", verdict: "allow" }))).toHaveLength(1);
    expect(disagreements(json, scenario({ src: [A], dst: [B], conn: "ANY", verdict: "allow" }))).toHaveLength(1);
    const filtered = doc([{ src: A, dst: B, conn: "TCP 80", l7: L7 }]);
    expect(disagreements(filtered, scenario({ src: [A], dst: [B], conn: "TCP 80", verdict: "allow" }))[0]?.got).toMatch(/L7-filtered/);
  });

  it("deny refuses any open part; ANY deny needs No Connections; a missing flow is none", () => {
    const json = doc([{ src: A, dst: B, conn: "TCP 80" }]);
    expect(disagreements(json, scenario({ src: [A], dst: [B], conn: "TCP 81", verdict: "deny" }))).toEqual([]);
    expect(disagreements(json, scenario({ src: [A], dst: [B], conn: "TCP 79-80", verdict: "deny" }))).toHaveLength(1);
    expect(disagreements(json, scenario({ src: [A], dst: [B], conn: "ANY", verdict: "deny" }))).toHaveLength(1);
    expect(disagreements(json, scenario({ src: [B], dst: [A], conn: "ANY", verdict: "deny" }))).toEqual([]);
  });

  it("l7 needs the conn open and marked", () => {
    const marked = doc([{ src: A, dst: B, conn: "TCP 80,443", l7: L7 }]);
    expect(disagreements(marked, scenario({ src: [A], dst: [B], conn: "TCP 80", verdict: "l7" }))).toEqual([]);
    expect(disagreements(marked, scenario({ src: [A], dst: [B], conn: "TCP 443", verdict: "l7" }))[0]?.got).toMatch(/not marked/);
    expect(disagreements(doc([]), scenario({ src: [A], dst: [B], conn: "TCP 80", verdict: "l7" }))[0]?.got).toMatch(/closed/);
  });

  it("a CIDR names every IPv4 class it overlaps; a name not in the report is a disagreement", () => {
    const json = doc([]);
    expect(endpointsOf(json, "1.1.1.1/32")).toEqual(["1.0.0.0/8"]);
    expect(endpointsOf(json, "0.0.0.0/6")).toEqual(["0.0.0.0-0.255.255.255", "1.0.0.0/8", "rest"]);
    expect(endpointsOf(json, A)).toEqual([A]);
    expect(disagreements(json, scenario({ src: ["ns/ghost[Pod]"], dst: [A], conn: "ANY", verdict: "deny" }))[0]?.got).toMatch(/no endpoint/);
    // Every class the CIDR covers is checked: one open class is enough to disagree.
    const partly = doc([{ src: A, dst: "rest", conn: "All Connections" }]);
    expect(disagreements(partly, scenario({ src: [A], dst: ["0.0.0.0/6"], conn: "ANY", verdict: "deny" }))).toHaveLength(1);
  });

  it("a workload to itself is a miswritten scenario, not a pass", () => {
    expect(disagreements(doc([]), scenario({ src: [A], dst: [A], conn: "ANY", verdict: "deny" }))[0]?.got).toMatch(/itself/);
  });

  it("turns verdicts around: allow and l7 to deny, deny to allow", () => {
    const turned = turnedAround(scenario({ src: [A], dst: [B], conn: "ANY", verdict: "allow" }, { src: [A], dst: [B], conn: "TCP 1", verdict: "l7" }, { src: [A], dst: [B], conn: "TCP 1", verdict: "deny" }));
    expect(turned.flows.map((f) => f.verdict)).toEqual(["deny", "deny", "allow"]);
  });
});
