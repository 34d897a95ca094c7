// Property test: on thousands of random valid clusters, netreach's `reach` answer agrees with
// the naive reference evaluator (test/reference/evaluator.ts) for every ordered pair of pods and
// every pod <-> external address, at sample points (every protocol; ports at every boundary any
// object mentions; addresses at every ipBlock boundary).
//
// NETREACH_PROPERTY_RUNS and NETREACH_PROPERTY_SEED override the run count and the seed.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { analyzeReach } from "../src/render/reach-json.js";
import type { ReachJson } from "../src/report/reach-json.js";
import { NO_CONN, connAllows, parseConn, type Conn } from "./reference/conn.js";
import { allowed, type Endpoint } from "./reference/evaluator.js";
import { clusterArbitrary, clusterYaml, type GeneratedCluster } from "./reference/generate.js";
import { clusterWithAdminArbitrary } from "./reference/generate-admin.js";
import { cidrContains, parseCidr, parseIp, type Cidr } from "./reference/ip.js";
import { sampleAddresses, samplePorts } from "./reference/samples.js";
import { PROTOCOLS, clusterFromObjects, podId, validateCluster, type Cluster, type Pod } from "./reference/kube.js";

const RUNS = Number(process.env.NETREACH_PROPERTY_RUNS ?? 300);
const ADMIN_RUNS = Number(process.env.NETREACH_ADMIN_PROPERTY_RUNS ?? 100);
const SEED = process.env.NETREACH_PROPERTY_SEED === undefined ? undefined : Number(process.env.NETREACH_PROPERTY_SEED);

/** Totals over a run, printed at the end so the test's reach is visible. */
const stats = { clusters: 0, podPairs: 0, podExternalPairs: 0, samples: 0 };

// ---------------------------------------------------------------------------------------------
// Reading netreach's answer

interface Answer {
  /** Connections of a flow between two endpoint ids; a missing flow is no connection. */
  conn(src: string, dst: string): { text: string; conn: Conn };
  /** The external endpoint holding an address, or undefined if none does. */
  externalOf(address: string): string | undefined;
}

function readAnswer(report: ReachJson, cluster: Cluster, fail: (message: string) => never): Answer {
  const ids = new Set(report.endpoints.map((e) => e.id));
  if (ids.size !== report.endpoints.length) fail("duplicate endpoint ids");
  for (const pod of cluster.pods) {
    const endpoint = report.endpoints.find((e) => e.id === podId(pod));
    if (endpoint === undefined || endpoint.type !== "workload") fail(`no workload endpoint ${JSON.stringify(podId(pod))}`);
  }
  const externals: { id: string; cidrs: Cidr[] }[] = [];
  for (const endpoint of report.endpoints) {
    if (endpoint.type === "external") externals.push({ id: endpoint.id, cidrs: endpoint.cidrs.map(parseCidr) });
  }
  const externalIds = new Set(externals.map((e) => e.id));
  const flows = new Map<string, string>();
  for (const flow of report.flows) {
    if (!ids.has(flow.src) || !ids.has(flow.dst)) fail(`flow names an unknown endpoint: ${JSON.stringify(flow)}`);
    if (flow.src === flow.dst) fail(`a declared workload's flow to itself is reported: ${JSON.stringify(flow)}`);
    if (externalIds.has(flow.src) && externalIds.has(flow.dst)) fail(`external to external flow: ${JSON.stringify(flow)}`);
    const key = `${flow.src}\u0000${flow.dst}`;
    if (flows.has(key)) fail(`two flows for one pair: ${JSON.stringify(flow)}`);
    flows.set(key, flow.conn);
  }
  const parsed = new Map<string, Conn>();
  return {
    conn(src, dst) {
      const text = flows.get(`${src}\u0000${dst}`);
      if (text === undefined) return { text: "(no flow)", conn: NO_CONN };
      let conn = parsed.get(text);
      if (conn === undefined) {
        try {
          conn = parseConn(text);
        } catch (error) {
          fail(`${src} -> ${dst}: ${(error as Error).message}`);
        }
        parsed.set(text, conn);
      }
      return { text, conn };
    },
    externalOf(address) {
      const ip = parseIp(address);
      const holders = externals.filter((e) => e.cidrs.some((c) => cidrContains(c, ip)));
      if (holders.length > 1) fail(`external endpoints overlap at ${address}: ${holders.map((h) => h.id).join(" | ")}`);
      return holders[0]?.id;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The property

function checkCluster(generated: GeneratedCluster): void {
  const yamlText = clusterYaml(generated);
  const fail = (message: string): never => {
    throw new Error(`${message}\n\n--- cluster YAML ---\n${yamlText}`);
  };
  // The reference reads the same YAML netreach reads.
  const cluster = clusterFromObjects(
    generated.files.flatMap((file) => parseAllDocuments(file.text).map((doc) => doc.toJS() as unknown)),
  );
  validateCluster(cluster);

  const report = analyzeReach(generated.files, { pods: "declared" });
  const errors = report.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    fail(`error diagnostics on a valid cluster:\n${errors.map((d) => `  ${d.file}:${d.line}:${d.column} ${d.message}`).join("\n")}`);
  }
  const answer = readAnswer(report, cluster, fail);
  const ports = samplePorts(cluster);
  const addresses = sampleAddresses(cluster);
  stats.clusters++;

  const compare = (src: Endpoint, dst: Endpoint, srcId: string | undefined, dstId: string | undefined, pair: string): void => {
    const actual = srcId === undefined || dstId === undefined ? { text: "(no external endpoint holds the address)", conn: NO_CONN } : answer.conn(srcId, dstId);
    for (const protocol of PROTOCOLS) {
      for (const port of ports) {
        stats.samples++;
        const expected = allowed(cluster, src, dst, protocol, port);
        const got = connAllows(actual.conn, protocol, port);
        if (expected !== got) {
          fail(
            [
              "netreach disagrees with the reference evaluator",
              `pair:     ${pair}`,
              `protocol: ${protocol}`,
              `port:     ${port}`,
              `expected: ${expected ? "allowed" : "denied"} (reference)`,
              `actual:   ${got ? "allowed" : "denied"} (netreach conn ${JSON.stringify(actual.text)})`,
            ].join("\n"),
          );
        }
      }
    }
  };

  const pods: Pod[] = cluster.pods;
  for (const src of pods) {
    for (const dst of pods) {
      if (src === dst) continue;
      stats.podPairs++;
      compare(src, dst, podId(src), podId(dst), `${podId(src)} -> ${podId(dst)}`);
    }
  }
  for (const address of addresses) {
    const externalId = answer.externalOf(address);
    const shown = `${address} (external endpoint ${externalId === undefined ? "none" : JSON.stringify(externalId)})`;
    for (const pod of pods) {
      stats.podExternalPairs += 2;
      compare(address, pod, externalId, podId(pod), `${shown} -> ${podId(pod)}`);
      compare(pod, address, podId(pod), externalId, `${podId(pod)} -> ${shown}`);
    }
  }
}

describe("property: netreach agrees with the reference evaluator", () => {
  it(`reach on ${RUNS} random clusters, pod pairs and pod<->external at sample points`, () => {
    fc.assert(
      fc.property(clusterArbitrary, (generated) => {
        checkCluster(generated);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    console.info(
      `property: ${stats.clusters} clusters, ${stats.podPairs} pod pairs, ${stats.podExternalPairs} pod<->external pairs, ${stats.samples} samples`,
    );
    expect(stats.clusters).toBeGreaterThanOrEqual(RUNS);
  }, 120_000);

  // Admin and baseline policies of both API versions: priorities (distinct: ties are undefined
  // upstream), Pass, named ports, ranges, networks, nodes and domainNames peers; in half the
  // clusters some pods have IPs, which networks peers then match as a CNI would.
  it(`reach on ${ADMIN_RUNS} random clusters with admin-tier policies`, () => {
    const before = stats.clusters;
    fc.assert(
      // Some pods carry status.podIP (as `kubectl get -o yaml` dumps do): networks peers match them.
      fc.property(fc.boolean().chain((podIps) => clusterWithAdminArbitrary({ ties: false, podIps })), (generated) => {
        checkCluster(generated);
      }),
      { numRuns: ADMIN_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    expect(stats.clusters - before).toBeGreaterThanOrEqual(ADMIN_RUNS);
  }, 120_000);
});
