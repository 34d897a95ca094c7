// Property: the DNS callout, read off the closed groups, names exactly the sources and name
// servers that the changed pairs themselves name (a pair per source and server that lost port 53,
// not an external source, not a workload the pull request removes, not a pod to itself), with the
// same protocols. Random base/head revisions; the cluster's DNS server is some of their pods, as
// --dns-server names them (external addresses never stand for it).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diff, type DiffReport } from "../../src/analyze.js";
import { DNS, type DnsServer } from "../../src/diff/name-servers.js";
import { dnsLoss } from "../../src/render/dns-loss.js";
import { clusterArbitrary, clusterYaml, NAMESPACE_NAMES } from "../reference/generate.js";

const RUNS = Number(process.env["NETREACH_DNS_PROPERTY_RUNS"] ?? 100);

/** The callout pair by pair: what the grouped reading must agree with. */
function naive(report: DiffReport, server: DnsServer): { sources: string[]; servers: string[]; protocols: string[] } | null {
  const serves = (e: DiffReport["changes"][number]["dst"]) => (e.type === "workload" || e.type === "synthetic") && e.pod.namespace === server.namespace && Object.entries(server.labels).every(([k, v]) => e.pod.labels[k] === v);
  const removed = new Set(report.workloadChanges.filter((w) => w.change === "removed").map((w) => w.workload.id));
  const sources = new Set<string>();
  const servers = new Set<string>();
  const protocols = new Set<string>();
  for (const c of report.changes) {
    if (c.src.type === "external" || c.src.id === c.dst.id || removed.has(c.src.id)) continue;
    const lost = c.closed.intersect(DNS);
    if (lost.isEmpty || !serves(c.dst)) continue;
    sources.add(c.src.id);
    servers.add(c.dst.id);
    if (!lost.ports("UDP").isEmpty) protocols.add("UDP");
    if (!lost.ports("TCP").isEmpty) protocols.add("TCP");
  }
  if (sources.size === 0) return null;
  return { sources: [...sources].sort(), servers: [...servers].sort(), protocols: ["UDP", "TCP"].filter((p) => protocols.has(p)) };
}

describe("DNS loss callout", () => {
  it(`names what the changed pairs name, on ${RUNS} random pull requests`, () => {
    let seen = 0;
    fc.assert(
      fc.property(clusterArbitrary, clusterArbitrary, fc.constantFrom("declared" as const, "auto" as const), fc.constantFrom(...NAMESPACE_NAMES), fc.constantFrom<Record<string, string>[]>({}, { app: "web" }, { app: "db" }, { app: "api" }), (base, other, pods, ns, labels) => {
        // No labels: every pod of the namespace serves (a namespace of resolvers).
        const server: DnsServer = { namespace: ns, labels };
        // Head: base's pods and namespaces under the other cluster's policies.
        const head = [...base.files, ...other.files.map((f) => ({ path: `head/${f.path}`, text: f.text.split("\n---\n").filter((d) => d.includes("NetworkPolicy")).join("\n---\n") }))];
        const baseFiles = [...base.files, ...other.files.map((f) => ({ path: `head/${f.path}`, text: "" }))];
        const report = diff(baseFiles, head, { pods, dnsServer: server });
        const got = dnsLoss(report);
        const want = naive(report, server);
        if (want) seen++;
        const ids = (set: { endpoints: readonly { id: string }[] }) => set.endpoints.map((e) => e.id).sort();
        expect(got && { sources: ids(got.sources), servers: ids(got.servers), protocols: [...got.protocols] }, `BASE:\n${clusterYaml(base)}`).toEqual(want);
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: some pull requests do close DNS.
    expect(seen).toBeGreaterThan(0);
  });
});
